/**
 * The desk's door (only /editor goes through here, and paths with percent-escapes for the check
 * below, so the reader's pages pay next to nothing). A page
 * request without a valid session is redirected to the sign-in page with a real 307, and one
 * without the role answered 403, before any of the page is rendered (a streamed page has sent
 * its 200 by the time it could redirect). Pages, actions and route handlers still check access
 * themselves with lib/auth/access.ts: this is the first of two locks, not the only one. A signed-in
 * request also gets its cookie set again with a fresh lifetime (sliding expiry).
 */
import { NextResponse, type NextRequest } from "next/server";
import { serveDocument } from "@/components/document";
import { checkSessionCookie } from "@/lib/auth/gate";
import { requirementFor } from "@/lib/auth/routes";
import { badAddressResponse } from "@/lib/site/bad-address";
import { deskCsp, newNonce } from "@/lib/site/security-headers";

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // An address whose percent-encoding does not decode would make Next's router throw (a 500)
  // before any route could answer: 400 for the API, the site's 404 page for the rest.
  const bad = badAddressResponse(pathname);
  if (bad === "document") return serveDocument(request, async () => null);
  if (bad) return bad;
  const requirement = requirementFor(pathname);
  // Server actions and route handlers answer for themselves (a redirect would turn a POST into a GET of another page).
  const page = request.method === "GET" || request.method === "HEAD";
  if (!requirement || requirement === "public" || !page) return withDeskPolicy(request);
  const session = await checkSessionCookie(request.cookies);
  if (!session) {
    const to = new URL("/editor/sign-in", request.url);
    to.searchParams.set("next", pathname + search);
    return NextResponse.redirect(to, 307);
  }
  if (requirement === "chief" && session.role !== "chief") {
    return new NextResponse(
      '<!DOCTYPE html><html lang="zh-CN"><meta charset="utf-8"><title>没有权限 - 编辑部</title><main style="font:16px/1.6 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem"><h1>没有权限</h1><p>这一页需要总编辑权限。</p><p><a href="/editor">返回编辑部</a></p></main></html>',
      { status: 403, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "private, no-store", "content-security-policy": deskCsp(null) } },
    );
  }
  const res = withDeskPolicy(request);
  res.cookies.set(session.cookieName, session.token, session.cookieOptions);
  return res;
}

/**
 * Lets the request through with the desk's Content-Security-Policy (lib/site/security-headers.ts):
 * a fresh nonce, given to Next in the request's policy header (it puts the nonce on the scripts it
 * writes) and sent to the browser in the response's. Previews set the reader's policy themselves.
 */
function withDeskPolicy(request: NextRequest): NextResponse {
  const { pathname } = request.nextUrl;
  if (!pathname.startsWith("/editor") || pathname.startsWith("/editor/preview/")) return NextResponse.next();
  const policy = deskCsp(newNonce());
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("content-security-policy", policy);
  return res;
}

// The desk, and any path holding a "%" (only those can be undecodable; the rest pay nothing).
export const config = { matcher: ["/editor/:path*", "/(.*%.*)"] };
