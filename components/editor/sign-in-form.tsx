"use client";

import { useActionState, useEffect, useState } from "react";
import { signInAction, type SignInState } from "@/app/editor/actions/session";

export function SignInForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, { message: null, email: "" });
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate data-testid="sign-in-form" data-ready={ready ? "1" : undefined} aria-busy={pending}>
      <input type="hidden" name="next" value={next} />
      <div className="flex flex-col gap-1">
        <label htmlFor="email" className="font-bold">邮箱</label>
        <input id="email" name="email" type="email" autoComplete="username" required defaultValue={state.email}
          className="rounded border border-rule bg-card px-3 py-2" aria-describedby={state.message ? "sign-in-error" : undefined} />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="password" className="font-bold">密码</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required
          className="rounded border border-rule bg-card px-3 py-2" />
      </div>
      {state.message ? (
        <p id="sign-in-error" role="alert" className="rounded border border-accent px-3 py-2 text-accent">{state.message}</p>
      ) : null}
      <button type="submit" disabled={pending} className="rounded bg-accent px-4 py-2 font-bold text-accent-ink disabled:opacity-60">
        {pending ? "正在登录…" : "登录"}
      </button>
    </form>
  );
}
