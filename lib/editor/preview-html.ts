import { escapeHtml } from "@/lib/text/escape";

/**
 * Turns a reader document into its preview: links into the previewed issue (its pages and
 * articles) go to the preview's own addresses, so an editor can click through the draft; a thin
 * banner says it is a preview; search engines are told to stay away. Everything else is the
 * reader's document byte for byte. Pure.
 */

export function previewBase(token: string): string {
  return `/editor/preview/${token}`;
}

export function rewritePreviewLinks(html: string, date: string, token: string): string {
  const base = previewBase(token);
  const compact = date.replaceAll("-", "");
  return html
    .replace(new RegExp(`href="/issues/${date}(/\\d+)?(?=[?#"])`, "g"), (_m, page: string | undefined) => `href="${base}${page ?? ""}`)
    .replace(new RegExp(`href="/articles/(${compact}-\\d{2}-\\d{2})(?=[?#"])`, "g"), (_m, id: string) => `href="${base}/articles/${id}`);
}

export function previewBanner(label: string, deskHref: string): string {
  return (
    `<div role="note" aria-label="预览提示" style="position:sticky;top:0;z-index:60;background:#7a1f1f;color:#fff;` +
    `font:14px/1.5 system-ui,sans-serif;padding:6px 12px;display:flex;gap:12px;flex-wrap:wrap;justify-content:space-between">` +
    `<span><strong>预览</strong> · ${escapeHtml(label)} · 读者尚看不到未发布的内容</span>` +
    `<a href="${escapeHtml(deskHref)}" style="color:#fff;text-decoration:underline">返回编辑部</a></div>`
  );
}

/** The preview document: rewritten links, a noindex robots tag, the banner first in <body>. */
export function toPreviewDocument(html: string, opts: { date: string; token: string; label: string; deskHref: string }): string {
  return rewritePreviewLinks(html, opts.date, opts.token)
    .replace("<head>", '<head><meta name="robots" content="noindex, nofollow"/>')
    .replace(/<body([^>]*)>/, (m) => `${m}${previewBanner(opts.label, opts.deskHref)}`);
}
