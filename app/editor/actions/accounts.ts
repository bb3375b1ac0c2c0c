"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireEditor } from "@/lib/auth/access";
import { AccountError, changeOwnPassword, changeRole, checkPassword, createAccount, resetPassword, roleSchema } from "@/lib/auth/accounts";
import { recordEvent } from "@/lib/db/audit";

export interface AccountState {
  ok: boolean;
  message: string | null;
  /** A generated password, shown once. */
  password?: string;
}

function failed(err: unknown): AccountState {
  if (err instanceof AccountError) return { ok: false, message: err.message };
  if (err instanceof z.ZodError) return { ok: false, message: err.issues[0]?.message ?? "输入无效" };
  throw err;
}

/** A chief creates an account; its generated password is shown once. */
export async function createAccountAction(_prev: AccountState, form: FormData): Promise<AccountState> {
  const chief = await requireEditor({ role: "chief" });
  try {
    const { user, password } = await createAccount({ email: String(form.get("email") ?? ""), name: String(form.get("name") ?? ""), role: form.get("role") as "editor" });
    await recordEvent({ id: chief.id, name: chief.name }, "user-create", {}, { email: user.email, role: user.role });
    revalidatePath("/editor/accounts");
    return { ok: true, message: `已创建 ${user.name}(${user.email})的账号。请把一次性密码交给本人:`, password };
  } catch (err) {
    return failed(err);
  }
}

const userId = z.coerce.number().int().positive();

/** A chief resets someone's password (their sessions end). */
export async function resetPasswordAction(_prev: AccountState, form: FormData): Promise<AccountState> {
  const chief = await requireEditor({ role: "chief" });
  try {
    const id = userId.parse(form.get("userId"));
    const password = await resetPassword(id);
    await recordEvent({ id: chief.id, name: chief.name }, "user-reset-password", {}, { userId: id });
    revalidatePath("/editor/accounts");
    return { ok: true, message: "密码已重置,此人的所有登录已失效。新的一次性密码:", password };
  } catch (err) {
    return failed(err);
  }
}

/** A chief changes someone's role (their sessions end). */
export async function changeRoleAction(_prev: AccountState, form: FormData): Promise<AccountState> {
  const chief = await requireEditor({ role: "chief" });
  try {
    const id = userId.parse(form.get("userId"));
    const role = roleSchema.parse(form.get("role"));
    await changeRole(id, role);
    await recordEvent({ id: chief.id, name: chief.name }, "user-role", {}, { userId: id, role });
    revalidatePath("/editor/accounts");
    return { ok: true, message: "角色已更改,此人需要重新登录。" };
  } catch (err) {
    return failed(err);
  }
}

/** Anyone signed in changes their own password; their other sessions end. */
export async function changeOwnPasswordAction(_prev: AccountState, form: FormData): Promise<AccountState> {
  const editor = await requireEditor();
  const password = String(form.get("password") ?? "");
  if (password !== String(form.get("confirm") ?? "")) return { ok: false, message: "两次输入的密码不一致" };
  // Whoever sits at an unlocked desk must not take the account over: the current password first.
  if (!(await checkPassword(editor.email, String(form.get("current") ?? "")))) return { ok: false, message: "当前密码不正确" };
  try {
    await changeOwnPassword(editor.id, editor.sessionId, password);
    await recordEvent({ id: editor.id, name: editor.name }, "password-change");
    return { ok: true, message: "密码已更改,其他设备上的登录已失效。" };
  } catch (err) {
    return failed(err);
  }
}
