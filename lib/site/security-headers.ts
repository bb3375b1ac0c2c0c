/**
 * Security headers. The reader's documents get a strict Content-Security-Policy: no script runs
 * but the two inline scripts the site writes itself (the saved text size, the enhancement
 * script), allowed by their SHA-256, and no stylesheet but the inlined one; style attributes stay
 * allowed (the page map's block geometry, the preview banner), which cannot run code. The desk is
 * a Next.js app whose pages carry Next's inline bootstrap scripts: proxy.ts gives each desk request
 * a fresh nonce, hands it to Next in the request's policy header (Next puts it on the scripts it
 * writes) and sends the policy with it, so only those scripts run ('strict-dynamic' lets them load
 * the page's chunks). Desk pages are rendered per request anyway (they read the session), so the
 * nonce costs nothing. The desk loads nothing from elsewhere and cannot be framed by another site.
 */
import { createHash } from "node:crypto";
import { SITE_CSS } from "@/lib/generated/site-css";
import { READER_PAGE_SCRIPT } from "@/lib/site/html/islands";
import { APPLY_SAVED_READER_SCALE } from "@/lib/site/reader-scale";

const hash = (s: string) => `'sha256-${createHash("sha256").update(s, "utf8").digest("base64")}'`;

const BASE = ["default-src 'self'", "img-src 'self' data:", "font-src 'self'", "connect-src 'self'", "form-action 'self'", "object-src 'none'", "frame-ancestors 'self'"];

let reader: string | null = null;
/** The reader documents' policy (computed once: the scripts and the stylesheet are fixed per build). */
export function readerCsp(): string {
  reader ??= [
    ...BASE,
    "base-uri 'none'",
    `script-src ${hash(APPLY_SAVED_READER_SCALE)} ${hash(READER_PAGE_SCRIPT)}`,
    `style-src-elem ${hash(SITE_CSS)}`,
    "style-src-attr 'unsafe-inline'",
  ].join("; ");
  return reader;
}

/**
 * The desk's policy for a response whose scripts carry `nonce` (see the module comment); without
 * one, for a document of the desk that has no script (the 403 page), no script runs at all.
 */
export function deskCsp(nonce: string | null): string {
  const scripts = nonce ? `script-src 'nonce-${nonce}' 'strict-dynamic'` : "script-src 'none'";
  return [...BASE, "base-uri 'self'", scripts, "style-src 'self' 'unsafe-inline'", "frame-src 'self'"].join("; ");
}

/** A fresh nonce: 16 random bytes, base64. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}
