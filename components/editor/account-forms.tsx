"use client";

import { useActionState } from "react";
import {
  changeOwnPasswordAction,
  changeRoleAction,
  createAccountAction,
  resetPasswordAction,
  type AccountState,
} from "@/app/editor/actions/accounts";

const initial: AccountState = { ok: false, message: null };
const field = "rounded border border-rule bg-paper px-2 py-1";

function Result({ state }: { state: AccountState }) {
  if (!state.message) return null;
  return (
    <div role={state.ok ? "status" : "alert"} className={`mt-2 rounded border px-3 py-2 text-sm ${state.ok ? "border-green-700" : "border-accent text-accent"}`}>
      {state.message}
      {state.password ? <code className="mt-1 block select-all text-base font-bold" data-testid="one-time-password">{state.password}</code> : null}
    </div>
  );
}

export function CreateAccountForm() {
  const [state, action, pending] = useActionState(createAccountAction, initial);
  return (
    <form action={action} className="flex flex-wrap items-end gap-3">
      <div className="flex flex-col">
        <label htmlFor="new-email" className="text-sm">邮箱</label>
        <input id="new-email" name="email" type="email" required className={field} />
      </div>
      <div className="flex flex-col">
        <label htmlFor="new-name" className="text-sm">姓名</label>
        <input id="new-name" name="name" required maxLength={40} className={field} />
      </div>
      <div className="flex flex-col">
        <label htmlFor="new-role" className="text-sm">角色</label>
        <select id="new-role" name="role" defaultValue="editor" className={field}>
          <option value="editor">编辑(导入、检查、预览)</option>
          <option value="chief">总编辑(另可发布、管理账号)</option>
        </select>
      </div>
      <button type="submit" disabled={pending} className="rounded bg-accent px-3 py-1.5 font-bold text-accent-ink">创建账号</button>
      <div className="basis-full"><Result state={state} /></div>
    </form>
  );
}

export function AccountRowForms({ userId, role, self, name }: { userId: number; role: string; self: boolean; name: string }) {
  const [roleState, roleAction, rolePending] = useActionState(changeRoleAction, initial);
  const [resetState, resetAction, resetPending] = useActionState(resetPasswordAction, initial);
  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap gap-2">
        <form action={roleAction} className="flex items-center gap-1">
          <input type="hidden" name="userId" value={userId} />
          <label className="sr-only" htmlFor={`role-${userId}`}>{name}的角色</label>
          <select id={`role-${userId}`} name="role" defaultValue={role} className={field}>
            <option value="editor">编辑</option>
            <option value="chief">总编辑</option>
          </select>
          <button type="submit" disabled={rolePending} className="rounded border border-rule px-2 py-1 text-sm">更改角色<span className="sr-only">({name})</span></button>
        </form>
        {self ? null : (
          <form action={resetAction}>
            <input type="hidden" name="userId" value={userId} />
            <button type="submit" disabled={resetPending} className="rounded border border-rule px-2 py-1 text-sm">重置密码<span className="sr-only">({name})</span></button>
          </form>
        )}
      </div>
      <Result state={roleState} />
      <Result state={resetState} />
    </div>
  );
}

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState(changeOwnPasswordAction, initial);
  return (
    <form action={action} className="flex max-w-sm flex-col gap-3">
      <label htmlFor="pw-current" className="text-sm">当前密码</label>
      <input id="pw-current" name="current" type="password" autoComplete="current-password" required className={field} />
      <label htmlFor="pw" className="text-sm">新密码(至少 12 个字符)</label>
      <input id="pw" name="password" type="password" autoComplete="new-password" required minLength={12} className={field} />
      <label htmlFor="pw2" className="text-sm">再输入一次</label>
      <input id="pw2" name="confirm" type="password" autoComplete="new-password" required minLength={12} className={field} />
      <button type="submit" disabled={pending} className="self-start rounded bg-accent px-3 py-1.5 font-bold text-accent-ink">更改密码</button>
      <Result state={state} />
    </form>
  );
}
