"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { currentEditor, requestIsHttps, safeNext } from "@/lib/auth/access";
import { cookieName, cookieOptions } from "@/lib/auth/cookie";
import { invalidateSession } from "@/lib/auth/session";
import { signIn, signInInput } from "@/lib/auth/sign-in";
import { recordEvent } from "@/lib/db/audit";
import { clientIp } from "@/lib/editor/request-ip";
import { env } from "@/lib/env";

export interface SignInState {
  message: string | null;
  email: string;
}

/** The sign-in form. The only desk action open to anonymous visitors: it is how one signs in. */
export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "");
  const parsed = signInInput.safeParse({ email, password: form.get("password") ?? "" });
  if (!parsed.success) return { message: parsed.error.issues[0]?.message ?? "请填写邮箱和密码", email };
  const result = await signIn({ ...parsed.data, ip: clientIp(await headers(), env.TRUST_PROXY) });
  if (!result.ok) return { message: result.message, email };
  const secure = await requestIsHttps();
  (await cookies()).set(cookieName(secure), result.token, cookieOptions(secure, result.expiresAt));
  await recordEvent({ id: result.user.id, name: result.user.name }, "sign-in");
  redirect(safeNext(String(form.get("next") ?? "")));
}

export async function signOutAction(): Promise<void> {
  const editor = await currentEditor();
  if (editor) {
    await invalidateSession(editor.sessionId);
    await recordEvent({ id: editor.id, name: editor.name }, "sign-out");
  }
  const jar = await cookies();
  const secure = await requestIsHttps();
  jar.delete({ name: cookieName(secure), path: "/", secure, httpOnly: true, sameSite: "lax" });
  redirect("/editor/sign-in");
}
