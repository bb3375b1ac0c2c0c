/**
 * The one access check of the desk. Every /editor page, server action and route handler calls
 * `requireEditor` (or `requireEditorRequest` in a route handler) before it reads or changes
 * anything: no session → redirect to the sign-in page; signed in without the role → 403
 * (forbidden()). Route handlers that change state also check the Origin header (server actions
 * get Next's own check).
 */
import "server-only";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { env } from "@/lib/env";
import type { Role, UserRecord } from "@/lib/db/users";
import { cookieName, cookieOptions, isHttps, PLAIN_COOKIE_NAME, SECURE_COOKIE_NAME } from "./cookie";
import { validateSessionToken } from "./session";

export type { Role } from "@/lib/db/users";

export interface Editor extends UserRecord {
  sessionId: string;
}

/** What each role may do, in one table. A chief may do everything an editor may. */
const ROLE_RANK: Record<Role, number> = { editor: 1, chief: 2 };

export function hasRole(user: { role: Role }, role: Role): boolean {
  return ROLE_RANK[user.role] >= ROLE_RANK[role];
}

export async function requestIsHttps(): Promise<boolean> {
  return isHttps((await headers()).get("x-forwarded-proto"), env.SITE_URL);
}

/** The signed-in editor of this request, or null. Validated once per request (React cache). */
export const currentEditor = cache(async (): Promise<Editor | null> => {
  const jar = await cookies();
  const token = jar.get(SECURE_COOKIE_NAME)?.value ?? jar.get(PLAIN_COOKIE_NAME)?.value;
  if (!token) return null;
  const session = await validateSessionToken(token);
  if (!session) return null;
  if (session.renewed) {
    // Server components cannot set cookies; actions and route handlers can. The cookie's own
    // lifetime is also refreshed by proxy.ts on every desk page, so either way it follows the row.
    try {
      const secure = await requestIsHttps();
      jar.set(cookieName(secure), token, cookieOptions(secure, session.expiresAt));
    } catch {}
  }
  return { ...session.user, sessionId: session.id };
});

/** Where the sign-in page sends an editor back to: a desk address, never another site. */
export function safeNext(next: string | null | undefined): string {
  return next && /^\/editor(?:[/?#]|$)/.test(next) && !next.startsWith("//") ? next : "/editor";
}

/**
 * The signed-in editor, or the request ends: redirect to sign-in (with `from` to come back to)
 * when nobody is signed in, 403 when the role is missing.
 */
export async function requireEditor(options: { role?: Role; from?: string } = {}): Promise<Editor> {
  const editor = await currentEditor();
  if (!editor) redirect(`/editor/sign-in?next=${encodeURIComponent(safeNext(options.from))}`);
  if (options.role && !hasRole(editor, options.role)) forbidden();
  return editor;
}

/** True when a state-changing request comes from a page of this site (Origin matches Host). */
export function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  const expected = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? new URL(request.url).host;
  return host === expected;
}

/**
 * `requireEditor` for route handlers: also refuses (403) a request that changes state (not GET or
 * HEAD) from another origin, before looking at the session.
 */
export async function requireEditorRequest(request: Request, options: { role?: Role } = {}): Promise<Editor> {
  if (request.method !== "GET" && request.method !== "HEAD" && !sameOrigin(request)) forbidden();
  const { pathname, search } = new URL(request.url);
  return requireEditor({ ...options, from: pathname + search });
}

/**
 * The check for the desk's JSON routes (fetch from the desk's own scripts): the editor, or the
 * response refusing the request — 403 for a state change from another origin, 401 when the
 * session is gone (a redirect would hand a script the sign-in page as if it had worked), 403 for
 * a missing role.
 */
export async function apiEditor(request: Request, options: { role?: Role } = {}): Promise<Editor | Response> {
  const refuse = (status: number, error: string) => Response.json({ error }, { status, headers: { "cache-control": "private, no-store" } });
  if (request.method !== "GET" && request.method !== "HEAD" && !sameOrigin(request)) return refuse(403, "跨站请求被拒绝");
  const editor = await currentEditor();
  if (!editor) return refuse(401, "登录已失效,请重新登录后再试");
  if (options.role && !hasRole(editor, options.role)) return refuse(403, "这项操作需要总编辑权限");
  return editor;
}
