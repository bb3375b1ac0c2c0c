/**
 * Account management (chiefs, and `npm run editor:create`): new accounts get a generated password
 * shown once; changing a password or a role ends the account's other sessions.
 */
import "server-only";
import { z } from "zod";
import { countChiefs, countUsers, findUser, findUserForSignIn, insertUser, updateUserCredentials, type Role, type UserRecord } from "@/lib/db/users";
import { generatePassword, hashPassword, passwordProblem, verifyPassword } from "./password";
import { emailSchema } from "./sign-in";

export const roleSchema = z.enum(["editor", "chief"], { error: "角色只能是 editor 或 chief" });

export const newAccountInput = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, "请填写姓名").max(40, "姓名最多 40 个字符"),
  role: roleSchema,
});

export class AccountError extends Error {}

/** Creates an account with a generated password; returns the password (shown once, never stored). */
export async function createAccount(input: z.input<typeof newAccountInput>): Promise<{ user: UserRecord; password: string }> {
  const parsed = newAccountInput.parse(input);
  const password = generatePassword();
  const user = await insertUser({ ...parsed, passwordHash: await hashPassword(password) });
  if (!user) throw new AccountError(`邮箱 ${parsed.email} 已有账号`);
  return { user, password };
}

/** The first chief, when there are no accounts at all (first `npm start`); null otherwise. */
export async function createFirstChief(email: string, name: string): Promise<{ user: UserRecord; password: string } | null> {
  if ((await countUsers()) > 0) return null;
  return createAccount({ email, name, role: "chief" });
}

/** Whether `password` is the account's current one. */
export async function checkPassword(email: string, password: string): Promise<boolean> {
  const user = await findUserForSignIn(email);
  return !!user && (await verifyPassword(user.passwordHash, password));
}

/** Sets a new password chosen by the user; ends their other sessions. */
export async function changeOwnPassword(userId: number, sessionId: string, password: string): Promise<void> {
  const problem = passwordProblem(password);
  if (problem) throw new AccountError(problem);
  await updateUserCredentials(userId, { passwordHash: await hashPassword(password) }, sessionId);
}

/** A chief resets someone's password: a new generated one, every session of theirs ended. */
export async function resetPassword(userId: number): Promise<string> {
  if (!(await findUser(userId))) throw new AccountError("没有这个账号");
  const password = generatePassword();
  await updateUserCredentials(userId, { passwordHash: await hashPassword(password) });
  return password;
}

/** A chief changes someone's role; their sessions end. The last chief cannot step down. */
export async function changeRole(userId: number, role: Role): Promise<void> {
  const user = await findUser(userId);
  if (!user) throw new AccountError("没有这个账号");
  if (user.role === role) return;
  if (user.role === "chief" && (await countChiefs()) <= 1) throw new AccountError("这是最后一位总编辑账号,不能改为编辑");
  await updateUserCredentials(userId, { role });
}
