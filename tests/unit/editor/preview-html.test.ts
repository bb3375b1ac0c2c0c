/**
 * The draft preview: the reader's document with links into the previewed issue sent to the
 * preview's own addresses, a noindex tag and a banner; nothing else touched.
 */
import { describe, expect, it } from "vitest";
import { previewBanner, previewBase, rewritePreviewLinks, toPreviewDocument } from "@/lib/editor/preview-html";

const DATE = "2026-04-08";
const TOKEN = "tok_abc123";
const BASE = "/editor/preview/tok_abc123";

describe("previewBase", () => {
  it("should put the token under /editor/preview", () => {
    expect(previewBase(TOKEN)).toBe(BASE);
  });
});

describe("rewritePreviewLinks", () => {
  it.each([
    ['<a href="/issues/2026-04-08">', `<a href="${BASE}">`],
    ['<a href="/issues/2026-04-08/3">', `<a href="${BASE}/3">`],
    ['<a href="/issues/2026-04-08/12">', `<a href="${BASE}/12">`],
    ['<a href="/issues/2026-04-08/3#a2">', `<a href="${BASE}/3#a2">`],
    ['<a href="/issues/2026-04-08?view=list">', `<a href="${BASE}?view=list">`],
    ['<a href="/articles/20260408-03-01">', `<a href="${BASE}/articles/20260408-03-01">`],
    ['<a href="/articles/20260408-12-07#p3">', `<a href="${BASE}/articles/20260408-12-07#p3">`],
    ['<a href="/articles/20260408-03-01?q=医保">', `<a href="${BASE}/articles/20260408-03-01?q=医保">`],
  ])("should send %s into the preview", (html, expected) => {
    expect(rewritePreviewLinks(html, DATE, TOKEN)).toBe(expected);
  });

  it.each([
    // Another issue's pages and articles are published (or not) on their own: leave them.
    '<a href="/issues/2026-04-07">',
    '<a href="/issues/2026-04-07/3">',
    '<a href="/issues/2025-04-08/3">',
    '<a href="/articles/20260407-03-01">',
    '<a href="/articles/20250408-03-01">',
    // Look-alikes of the issue's own addresses.
    '<a href="/issues/2026-04-081">',
    '<a href="/issues/2026-04-08/3/print">',
    '<a href="/issues/2026-04-08/">',
    '<a href="/articles/20260408-03-01/share">',
    '<a href="/articles/20260408-3-1">',
    // Other hrefs of the reader's document.
    '<a href="/">',
    '<a href="/search?q=2026-04-08">',
    '<a href="/issues">',
    '<a href="https://example.com/issues/2026-04-08">',
    '<link rel="alternate" href="/rss.xml"/>',
    // Not an href: text and image sources stay as printed.
    "<p>/issues/2026-04-08 与 /articles/20260408-03-01</p>",
    '<img src="/issues/2026-04-08/3.png"/>',
  ])("should leave %s alone", (html) => {
    expect(rewritePreviewLinks(html, DATE, TOKEN)).toBe(html);
  });

  it("should rewrite every link of the issue in a document, and only those", () => {
    const html = [
      '<nav><a href="/issues/2026-04-08">本期</a><a href="/issues/2026-04-07">上一期</a></nav>',
      '<a href="/issues/2026-04-08/1">第01版</a><a href="/issues/2026-04-08/2">第02版</a>',
      '<a href="/articles/20260408-01-01">稿件</a><a href="/articles/20260407-01-01">旧稿</a>',
    ].join("");
    expect(rewritePreviewLinks(html, DATE, TOKEN)).toBe(
      [
        `<nav><a href="${BASE}">本期</a><a href="/issues/2026-04-07">上一期</a></nav>`,
        `<a href="${BASE}/1">第01版</a><a href="${BASE}/2">第02版</a>`,
        `<a href="${BASE}/articles/20260408-01-01">稿件</a><a href="/articles/20260407-01-01">旧稿</a>`,
      ].join(""),
    );
  });
});

describe("previewBanner", () => {
  it("should say it is a preview, with the label and a link back to the desk", () => {
    const banner = previewBanner("2026年4月8日 第03版", "/editor/issues/2026-04-08/3");
    expect(banner).toMatch(/^<div role="note" aria-label="预览提示"/);
    expect(banner).toContain("<strong>预览</strong> · 2026年4月8日 第03版 · 读者尚看不到未发布的内容");
    expect(banner).toContain('<a href="/editor/issues/2026-04-08/3"');
    expect(banner).toContain("返回编辑部</a></div>");
  });

  it("should escape the label and the desk link", () => {
    const banner = previewBanner('<script>alert("x")</script> & 要闻', '/editor?x="><img src=x>');
    expect(banner).not.toContain("<script>");
    expect(banner).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 要闻");
    expect(banner).toContain('href="/editor?x=&quot;&gt;&lt;img src=x&gt;"');
    expect(banner).not.toContain("<img");
  });
});

describe("toPreviewDocument", () => {
  const doc = [
    "<!DOCTYPE html>",
    '<html lang="zh-CN"><head><meta charset="utf-8"/><title>聊城日报</title></head>',
    '<body class="reader" data-x="1"><main><a href="/issues/2026-04-08/2">第02版</a>',
    '<a href="/articles/20260408-02-01">稿件</a><a href="/issues/2026-04-07">上一期</a></main></body></html>',
  ].join("\n");
  const opts = { date: DATE, token: TOKEN, label: "2026年4月8日", deskHref: "/editor/issues/2026-04-08" };

  it("should add a noindex robots tag first in <head>", () => {
    expect(toPreviewDocument(doc, opts)).toContain('<head><meta name="robots" content="noindex, nofollow"/><meta charset="utf-8"/>');
  });

  it("should put the banner right after <body>, attributes kept", () => {
    const out = toPreviewDocument(doc, opts);
    expect(out).toContain(`<body class="reader" data-x="1">${previewBanner(opts.label, opts.deskHref)}<main>`);
    expect(out.split('role="note"')).toHaveLength(2);
  });

  it("should rewrite the issue's links and leave the rest of the document byte for byte", () => {
    const out = toPreviewDocument(doc, opts);
    const undone = out
      .replace('<meta name="robots" content="noindex, nofollow"/>', "")
      .replace(previewBanner(opts.label, opts.deskHref), "");
    expect(undone).toBe(rewritePreviewLinks(doc, DATE, TOKEN));
    expect(undone).toContain(`href="${BASE}/2"`);
    expect(undone).toContain(`href="${BASE}/articles/20260408-02-01"`);
    expect(undone).toContain('href="/issues/2026-04-07"');
  });

  it("should put a label with $ patterns in literally", () => {
    // String.replace would expand $& or $1 in a replacement string; the label must not be one.
    const out = toPreviewDocument(doc, { ...opts, label: "特刊 $& $1 $$" });
    expect(out).toContain("特刊 $&amp; $1 $$");
    expect(out.split('role="note"')).toHaveLength(2);
  });

  it("should escape the label inside the document", () => {
    const out = toPreviewDocument(doc, { ...opts, label: "</div><script>x()</script>" });
    expect(out).not.toContain("<script>x()");
    expect(out).toContain("&lt;/div&gt;&lt;script&gt;x()&lt;/script&gt;");
  });
});
