/**
 * The session cookie. HttpOnly (no script reads it), SameSite=Lax (not sent on cross-site
 * posts), Path=/ and, whenever the desk is served over https, Secure with the `__Host-` prefix, so
 * the browser refuses it from any other host or path and never sends it over plain http. A site
 * served over plain http (`npm start` on a laptop) gets the same cookie without Secure and so
 * without the prefix, which browsers allow only with Secure.
 */
import { SESSION_MS } from "./session-constants";

export const SECURE_COOKIE_NAME = "__Host-epaper-session";
export const PLAIN_COOKIE_NAME = "epaper-session";

/** Whether the request reached us over https (directly, or through a proxy that says so). */
export function isHttps(forwardedProto: string | null, siteUrl: string): boolean {
  if (forwardedProto) return forwardedProto.split(",")[0]!.trim() === "https";
  return new URL(siteUrl).protocol === "https:";
}

export function cookieName(secure: boolean): string {
  return secure ? SECURE_COOKIE_NAME : PLAIN_COOKIE_NAME;
}

export function cookieOptions(secure: boolean, expiresAt?: Date) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure,
    path: "/",
    ...(expiresAt ? { expires: expiresAt } : { maxAge: Math.floor(SESSION_MS / 1000) }),
  };
}
