/**
 * Signing in and out, and the account changes that must end other sessions. The same message
 * answers a wrong email and a wrong password, and both cost one argon2 verification.
 */
import "server-only";
import { z } from "zod";
import { deleteExpiredSessions, findUserForSignIn, type UserRecord } from "@/lib/db/users";
import { dummyPasswordHash, verifyPassword } from "./password";
import { createSession } from "./session";
import { formatWait, recordFailure, recordSuccess, throttledFor, throttleKeys, withThrottleLock } from "./throttle";

export const WRONG_CREDENTIALS = "邮箱或密码不正确。";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("请输入有效的邮箱地址").max(200, "邮箱地址太长"));

export const signInInput = z.object({
  email: emailSchema,
  password: z.string().min(1, "请输入密码").max(1000, "密码太长"),
});

export type SignInResult =
  | { ok: true; token: string; expiresAt: Date; user: UserRecord }
  | { ok: false; message: string; waitMs?: number };

function tooMany(ms: number): string {
  return `尝试次数过多,请 ${formatWait(ms)}后再试。`;
}

export async function signIn(input: { email: string; password: string; ip: string | null }, now = new Date()): Promise<SignInResult> {
  const keys = throttleKeys(input.email, input.ip);
  // Checked and counted before the password is: a burst of simultaneous guesses is counted in full.
  const wait = await withThrottleLock(async () => {
    const w = await throttledFor(keys, now);
    if (w === 0) await recordFailure(keys, now);
    return w;
  });
  if (wait > 0) return { ok: false, message: tooMany(wait), waitMs: wait };

  const user = await findUserForSignIn(input.email);
  const matches = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user || !matches) {
    const next = await throttledFor(keys, now);
    return next > 0 ? { ok: false, message: `${WRONG_CREDENTIALS}${tooMany(next)}`, waitMs: next } : { ok: false, message: WRONG_CREDENTIALS };
  }
  await withThrottleLock(() => recordSuccess(keys));
  // Expired rows are removed now and then, so the table holds only live sessions.
  if (Math.random() < 0.1) await deleteExpiredSessions(now);
  const { passwordHash: _, ...record } = user;
  const session = await createSession(user.id, now);
  return { ok: true, ...session, user: record };
}
