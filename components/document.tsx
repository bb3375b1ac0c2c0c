import type { ReactNode } from "react";
import { SiteFooter, SiteHeader, SkipLink } from "@/components/site-header";
import { env } from "@/lib/env";
import { paper } from "@/lib/paper";
import { SITE_CSS } from "@/lib/generated/site-css";
import { pageNeedsScript, READER_PAGE_SCRIPT } from "@/lib/site/html/islands";
import { renderToHtml } from "@/lib/site/html/render";
import { serveHtml } from "@/lib/site/http";
import { APPLY_SAVED_READER_SCALE } from "@/lib/site/reader-scale";

/**
 * A whole reader page as one static HTML document: head (title, description, canonical link,
 * Open Graph, structured data, the inlined stylesheet), the site's header and footer around the
 * page's <main>, and the one small enhancement script where the page has something for it. No
 * framework runtime is sent: the pages are read, not used, and everything on them works without
 * JavaScript.
 */
export interface DocumentHead {
  /** The page's own title; the site's name is added ("… - 聊城日报数字报"). Null: the site's name alone. */
  title: string | null;
  description?: string;
  /** Path of the canonical URL ("/articles/…"). */
  canonical?: string;
  /** `noindex` etc.; omitted means indexable. */
  robots?: string;
  /** Open Graph properties beyond title, site name, locale and URL; arrays repeat the property. */
  openGraph?: Record<string, string | readonly string[] | undefined>;
  /** schema.org data, written as JSON-LD. */
  jsonLd?: object;
  /** RSS feeds offered for this page, besides the site's own. */
  feeds?: { title: string; href: string }[];
}

const siteTitle = () => `${paper.name}数字报`;

/** JSON for a <script> element: "<" escaped so no text can close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

function Head({ head }: { head: DocumentHead }) {
  const title = head.title ? `${head.title} - ${siteTitle()}` : siteTitle();
  const description = head.description ?? `${paper.name}数字报:按期、按版面阅读,按关键词和部门检索。`;
  const url = head.canonical ? new URL(head.canonical, env.SITE_URL).toString() : undefined;
  const og: [string, string][] = [
    ["og:title", head.title ?? siteTitle()],
    ["og:description", description],
    ["og:site_name", siteTitle()],
    ["og:locale", "zh_CN"],
    ...(url ? ([["og:url", url]] as [string, string][]) : []),
  ];
  for (const [property, value] of Object.entries(head.openGraph ?? {})) {
    if (value === undefined) continue;
    for (const v of typeof value === "string" ? [value] : value) og.push([property, v]);
  }
  const feeds = [{ title: `${siteTitle()} 最新稿件`, href: "/feed.xml" }, ...(head.feeds ?? [])];
  return (
    <head>
      <meta charSet="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{title}</title>
      <meta name="description" content={description} />
      {head.robots ? <meta name="robots" content={head.robots} /> : null}
      {url ? <link rel="canonical" href={url} /> : null}
      {og.map(([property, content], i) => (
        <meta key={i} property={property} content={content} />
      ))}
      <meta name="theme-color" content="#fbfaf7" media="(prefers-color-scheme: light)" />
      <meta name="theme-color" content="#161513" media="(prefers-color-scheme: dark)" />
      <link rel="icon" href="/icon.svg" type="image/svg+xml" />
      {feeds.map((f) => (
        <link key={f.href} rel="alternate" type="application/rss+xml" title={f.title} href={f.href} />
      ))}
      <style dangerouslySetInnerHTML={{ __html: SITE_CSS }} />
      {/* Before the body is laid out, so text appears at the reader's saved size. */}
      <script dangerouslySetInnerHTML={{ __html: APPLY_SAVED_READER_SCALE }} />
      {head.jsonLd ? <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: scriptJson(head.jsonLd) }} /> : null}
    </head>
  );
}

/**
 * A reader page before it is wrapped in the document: its head and its <main> as HTML. This is
 * what the routes cache — the stylesheet, header, footer and script are the same on every page
 * and are added when the response is written, so a cache entry holds only what is the page's own.
 */
export interface Page {
  head: DocumentHead;
  main: string;
  /** HTTP status (default 200): 400 for a search the reader must correct. */
  status?: number;
}

/** Renders a page's <main> element (server components) for `serveDocument`. */
export async function renderPage(head: DocumentHead, main: ReactNode, status?: number): Promise<Page> {
  return { head, main: await renderToHtml(main), ...(status ? { status } : {}) };
}

/** The header before and the footer after every page's <main>, and the script for pages that need it: rendered once. */
let chrome: Promise<{ top: string; bottom: string; script: string }> | null = null;
function siteChrome() {
  chrome ??= Promise.all([
    renderToHtml(
      <>
        <SkipLink />
        <SiteHeader />
      </>,
    ),
    renderToHtml(<SiteFooter />),
    renderToHtml(<script dangerouslySetInnerHTML={{ __html: READER_PAGE_SCRIPT }} />),
  ]).then(([top, bottom, script]) => ({ top, bottom, script }));
  return chrome;
}

/** The whole document's HTML text. */
export async function renderDocument(page: Page): Promise<string> {
  const [{ top, bottom, script }, head] = await Promise.all([siteChrome(), renderToHtml(<Head head={page.head} />)]);
  return `<!DOCTYPE html><html lang="zh-CN">${head}<body class="flex min-h-screen flex-col">${top}${page.main}${bottom}${pageNeedsScript(page.main) ? script : ""}</body></html>`;
}

/** The page for a URL with nothing published behind it (also app/not-found.tsx). */
export function NotFoundMain() {
  return (
    <main id="main" className="mx-auto w-full max-w-3xl flex-1 px-4 py-16 text-center font-serif">
      <h1 className="text-3xl font-bold">找不到这一页</h1>
      <p className="mt-4 text-muted">这一天可能没有出版报纸,或稿件尚未发布。</p>
      <p className="mt-6 flex justify-center gap-6">
        <a href="/">今日报纸</a>
        <a href="/issues">往期回顾</a>
        <a href="/search">检索</a>
      </p>
    </main>
  );
}

function ErrorMain({ retry }: { retry: string }) {
  return (
    <main id="main" className="mx-auto w-full max-w-3xl flex-1 px-4 py-16 text-center font-serif">
      <h1 className="text-3xl font-bold">页面暂时无法显示</h1>
      <p className="mt-4 text-muted">请稍后再试。</p>
      <p className="mt-6 flex justify-center gap-6">
        <a href={retry}>重试</a>
        <a href="/">返回首页</a>
      </p>
    </main>
  );
}

/**
 * A reader page's response: `render` gives the page, or null when nothing published is there
 * (the 404 page). Status, ETag and the answer to a failure (the error page, 500) are
 * lib/site/http.ts's.
 */
export function serveDocument(request: Request, render: () => Promise<Page | null>): Promise<Response> {
  return serveHtml(
    request,
    async () => {
      const page = await render();
      return page === null ? null : { html: await renderDocument(page), status: page.status ?? 200 };
    },
    {
      notFound: async () => renderDocument(await renderPage({ title: "找不到这一页", robots: "noindex" }, <NotFoundMain />)),
      failed: async (retry) => renderDocument(await renderPage({ title: "页面暂时无法显示", robots: "noindex" }, <ErrorMain retry={retry} />)),
    },
  );
}
