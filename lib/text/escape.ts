/**
 * Escaping for markup the project writes by hand (search snippets, feeds, the preview banner).
 * One module, so every writer escapes the same characters the same way. (The reader renderer,
 * lib/site/html/render.ts, keeps its own two functions: they must produce exactly what React DOM
 * produces, which the every-route comparison test checks.)
 */

/** Characters XML 1.0 forbids anywhere: C0 controls other than tab, newline and return, U+FFFE/U+FFFF, and lone surrogates. */
export const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text for HTML element content or a quoted attribute value. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] as string);
}

const HTML_UNESCAPES: Record<string, string> = Object.fromEntries(Object.entries(HTML_ESCAPES).map(([c, e]) => [e, c]));

/** The text escapeHtml was given (only the five entities it writes are read back). */
export function unescapeHtml(s: string): string {
  return s.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => HTML_UNESCAPES[e] as string);
}

/** Text for XML content or attributes: forbidden characters dropped (they cannot be escaped), the rest as for HTML. */
export function escapeXml(s: string): string {
  return escapeHtml(s.replace(NOT_XML, ""));
}
