/**
 * The HTTP side of the reader's pages: status, caching headers and the answer to a failure.
 * What the documents say is components/document.tsx's business; this module only answers with
 * the HTML it is given, so it knows nothing of React or of the renderer.
 */

import { env } from "@/lib/env";
import { readerCacheControl } from "@/lib/site/purge";
import { readerCsp } from "@/lib/site/security-headers";

/** A rendered document and its HTTP status. */
export interface HtmlDocument {
  html: string;
  status: number;
}

/** The documents for a request with nothing published behind it (404) and for a failure (500). */
export interface FallbackDocuments {
  notFound(): Promise<string>;
  /** `retry` is the request's path and query, for the page's "try again" link. */
  failed(retry: string): Promise<string>;
}

/**
 * A reader page's response: `render` gives the document, or null when nothing published is there
 * (the 404 document). A failure, the 404 document's included, is logged and answered with the
 * failure document (500), never with its details.
 */
export async function serveHtml(request: Request, render: () => Promise<HtmlDocument | null>, fallback: FallbackDocuments): Promise<Response> {
  try {
    const doc = await render();
    if (doc !== null) return htmlResponse(request, doc.html, doc.status);
    return htmlResponse(request, await fallback.notFound(), 404);
  } catch (err) {
    console.error(`GET ${new URL(request.url).pathname} failed:`, err);
    const { pathname, search } = new URL(request.url);
    return htmlResponse(request, await fallback.failed(pathname + search), 500);
  }
}

/**
 * The response for a rendered document, with an ETag so a returning reader's browser gets a
 * 304 instead of the page again. Reader pages change only when an issue is (re)published.
 */
export function htmlResponse(request: Request, html: string, status = 200): Response {
  const etag = `W/"${fnv1a(html)}-${html.length.toString(36)}"`;
  const headers = {
    "content-type": "text/html; charset=utf-8",
    "cache-control": readerCacheControl(!!env.PURGE_HOOK_URL),
    "content-security-policy": readerCsp(),
    etag,
  };
  if (status === 200 && request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(html, { status, headers });
}

/** 32-bit FNV-1a of a string's UTF-16 code units, as base-36: a cheap fingerprint, not a security hash. */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}
