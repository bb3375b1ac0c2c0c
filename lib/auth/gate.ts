/**
 * The session check of the proxy (proxy.ts): the same validation as lib/auth/access.ts, from
 * the request's cookies instead of next/headers.
 */
import { cookieName, cookieOptions, PLAIN_COOKIE_NAME, SECURE_COOKIE_NAME } from "./cookie";
import type { Role } from "@/lib/db/users";
import { validateSessionToken } from "./session";

export async function checkSessionCookie(cookies: { get(name: string): { value: string } | undefined }): Promise<{
  role: Role;
  token: string;
  cookieName: string;
  cookieOptions: ReturnType<typeof cookieOptions>;
} | null> {
  const secureToken = cookies.get(SECURE_COOKIE_NAME)?.value;
  const token = secureToken ?? cookies.get(PLAIN_COOKIE_NAME)?.value;
  if (!token) return null;
  const session = await validateSessionToken(token);
  if (!session) return null;
  const secure = secureToken !== undefined;
  return { role: session.user.role, token, cookieName: cookieName(secure), cookieOptions: cookieOptions(secure, session.expiresAt) };
}
