/**
 * Addresses Next.js cannot route. A path segment whose percent-encoding does not decode
 * (`/articles/%FF%FE`: bytes that are no UTF-8, `%E4%B8` cut short, a bare `%zz`) makes Next's
 * route matcher throw a URIError while it fills in `params` — before any route handler runs, so no
 * handler can catch it, and the request answers 500. The check has to run in front of routing:
 * in proxy.ts, which Next runs before it matches the path (and which decodes nothing itself).
 *
 * Wiring (proxy.ts; Next reads `config.matcher` statically, so it is written there literally):
 *
 *   matcher: ["/editor/:path*", "/(.*%.*)"]          // only paths holding a "%" pay for the check
 *
 *   const bad = badAddressResponse(request.nextUrl.pathname);   // JSON 400 for /api/…
 *   if (bad === "document") return serveDocument(request, async () => null);  // the site's 404 page
 *   if (bad) return bad;
 *   … the desk's door as before, for /editor paths only.
 */

/** The first segment of `pathname` whose percent-encoding does not decode, or null when all do. */
export function findUndecodableSegment(pathname: string): string | null {
  if (!pathname.includes("%")) return null;
  for (const segment of pathname.split("/")) {
    if (!segment.includes("%")) continue;
    try {
      decodeURIComponent(segment);
    } catch {
      return segment;
    }
  }
  return null;
}

/**
 * The answer to an address Next cannot route, or null for one it can. The JSON API answers 400
 * with `{ error }` as it does for any malformed parameter; everything else answers "document":
 * the caller serves the site's own 404 page (components/document.tsx's serveDocument with
 * nothing to render), since such an address names nothing the site could ever publish.
 */
export function badAddressResponse(pathname: string): Response | "document" | null {
  const segment = findUndecodableSegment(pathname);
  if (segment === null) return null;
  if (pathname === "/api" || pathname.startsWith("/api/")) {
    return Response.json(
      { error: `地址无效:“${segment.slice(0, 100)}”不是有效的百分号编码(UTF-8)` },
      { status: 400, headers: { "cache-control": "no-store" } },
    );
  }
  return "document";
}
