/**
 * Every reader page of the sample edition, rendered by both our static renderer and React DOM.
 *
 * The route handlers of app/ are called as Next would call them (a Request, and the URL's
 * segments as params, still percent-encoded), outside Next: `use cache` is only a string here and
 * next/cache is stubbed, as in reader-queries.test.ts. The pages are found by following the links
 * of the pages themselves from the home page, so each page, article, archive month, category,
 * department and person of the sample is reached the way a reader reaches it; searches, the 404
 * and the error page, which no link leads to, are added by hand. Every call of renderToHtml made
 * while answering is also rendered by React DOM's renderToStaticMarkup, and the two must agree up
 * to the spelling that normalise() (same-as-react.ts) documents.
 *
 * The routes come from the app/ folder itself: a reader route (a route.tsx, or any route that
 * serves a document through components/document) that no page of the crawl reaches fails the test.
 */
import fs from "node:fs";
import path from "node:path";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { importEdition, readInputs } from "@/lib/import";
import { createTestDatabase, type TestDatabase } from "../support/db-fixture";
import { comparable } from "./same-as-react";

/** What renderToHtml was given and what it wrote, in call order (filled by the mock below). */
const renders = vi.hoisted(() => [] as { node: ReactNode; html: string }[]);

vi.mock("next/cache", () => ({ cacheLife: () => undefined, cacheTag: () => undefined }));
// connection() marks a route as rendered per request; outside Next there is no request to mark.
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/server")>()), connection: async () => undefined }));
// The routes render with the real renderer; each call is only recorded, for React DOM to render too.
vi.mock("@/lib/site/html/render", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/site/html/render")>();
  return {
    ...actual,
    renderToHtml: async (node: ReactNode) => {
      const html = await actual.renderToHtml(node);
      renders.push({ node, html });
      return html;
    },
  };
});

const APP = path.resolve("app");

interface Route {
  /** Path from the project's root: "app/issues/[date]/[page]/route.tsx". */
  file: string;
  /** URL segments: a string matches itself, `{ param }` any one segment. */
  segments: (string | { param: string })[];
  /** Serves a reader page (an HTML document) rather than JSON, XML or a redirect. */
  reader: boolean;
}

/** Every route handler under app/, as Next's file-system router sees them. */
function appRoutes(): Route[] {
  const routes: Route[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      // The editors' desk is not the reader's site: its routes (previews included, which render
      // through components/reader-documents.tsx like the reader's routes) are proven by
      // tests/e2e/desk-access.spec.ts and tests/e2e/editor-day.spec.ts.
      if (entry.isDirectory() && full === path.join(APP, "editor")) continue;
      if (entry.isDirectory()) walk(full);
      else if (/^route\.(ts|tsx|js|jsx)$/.test(entry.name)) {
        const segments = path
          .relative(APP, dir)
          .split(path.sep)
          .filter((s) => s !== "" && !/^\(.*\)$/.test(s)) // route groups are not in the URL
          .map((s) => {
            // A catch-all would need this matcher taught first, not to be silently unmatched.
            if (s.startsWith("[...") || s.startsWith("[[")) throw new Error(`catch-all segment ${s} in ${full}: teach appRoutes() about it`);
            return s.startsWith("[") ? { param: s.slice(1, -1) } : s;
          });
        const source = fs.readFileSync(full, "utf8");
        routes.push({ file: path.relative(process.cwd(), full), segments, reader: entry.name.endsWith("x") || source.includes("@/components/document") });
      }
    }
  };
  walk(APP);
  return routes;
}

/** The route a path is answered by, and its params: a literal segment wins over a dynamic one, as in Next. */
function resolveRoute(routes: Route[], pathname: string): { route: Route; params: Record<string, string> } | null {
  const parts = pathname.split("/").filter(Boolean);
  const specificity = (r: Route) => r.segments.map((s) => (typeof s === "string" ? "0" : "1")).join("");
  const matches = routes
    .filter((r) => r.segments.length === parts.length && r.segments.every((s, i) => typeof s !== "string" || s === parts[i]))
    .sort((a, b) => specificity(a).localeCompare(specificity(b)));
  const route = matches[0];
  if (!route) return null;
  const params: Record<string, string> = {};
  route.segments.forEach((s, i) => {
    if (typeof s !== "string") params[s.param] = parts[i]!;
  });
  return { route, params };
}

interface Visit {
  url: string;
  route: string;
  status: number;
  body: string;
  renders: { node: ReactNode; html: string }[];
}

/** Addresses no link leads to, with the status each must answer. */
const SEEDS: [string, number][] = [
  ["/search", 200],
  ["/search?q=法院", 200],
  ["/search?q=公积金", 200],
  ["/search?q=法院 -税务&sort=date", 200],
  ["/search?q=白文斌&from=2026-01-01&to=2026-12-31", 200],
  ["/search?department=市市场监管局", 200],
  ["/search?q=不存在的词语组合", 200],
  ["/search?q=法院&from=2026/04/08", 400],
  ["/articles/20300101-01-01", 404],
  ["/articles/nonsense", 404],
  ["/issues/2030-01-01", 404],
  // A day without a paper: its address is a 404 that names the issues either side; the date
  // picker (/issues/go, its own page without a date) opens the nearest issue with a note instead.
  ["/issues/2026-04-05", 404],
  ["/issues/2026-04-08?asked=2026-04-05", 200],
  ["/issues/go", 200],
  ["/issues/go?date=2026/04/05", 400],
  ["/issues/2026-04-08/9", 404],
  ["/issues?month=2030-01", 404],
  ["/issues?month=13", 404],
  ["/categories/nope", 404],
  ["/categories/courts?page=99", 404],
  ["/departments/nope", 404],
  ["/people/nobody", 404],
];

let t: TestDatabase;
let env: typeof import("@/lib/env").env;
const routes = appRoutes();
const visits: Visit[] = [];
/** Internal links that no route answers, with the page they are on. */
const unrouted: string[] = [];
/** Links to reader pages, with the page that has them, checked to answer 200. */
const linked: { from: string; url: string }[] = [];

async function visit(url: string): Promise<Visit> {
  const target = new URL(url, env.SITE_URL);
  const resolved = resolveRoute(routes, target.pathname);
  if (!resolved?.route.reader) throw new Error(`${url} is not a reader page`);
  const mod = (await import(/* @vite-ignore */ path.resolve(resolved.route.file))) as {
    GET: (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
  };
  const from = renders.length;
  const res = await mod.GET(new Request(target), { params: Promise.resolve(resolved.params) });
  const v: Visit = { url, route: resolved.route.file, status: res.status, body: await res.text(), renders: renders.slice(from) };
  visits.push(v);
  return v;
}

/** The internal links (<a href>) of a page, as paths with their query. */
function links(html: string): string[] {
  const out: string[] = [];
  for (const [, href] of html.matchAll(/<a\s[^>]*?href="([^"]*)"/g)) {
    const u = new URL(href!.replace(/&amp;/g, "&"), env.SITE_URL);
    if (u.origin === new URL(env.SITE_URL).origin) out.push(u.pathname + u.search);
  }
  return out;
}

beforeAll(async () => {
  t = await createTestDatabase();
  importEdition(t.db(), readInputs(["data/sample"]), { publish: true });
  // lib/env reads DATABASE_URL once, when first imported: point it at the scratch database first.
  process.env.DATABASE_URL = t.url;
  ({ env } = await import("@/lib/env"));

  // Breadth first from the home page, over every link to a reader page. Search pages are not
  // followed further: their facet and sort links combine without end, and what they lead to
  // (articles) the other pages link to as well.
  const seen = new Set<string>(["/"]);
  const queue = ["/"];
  while (queue.length > 0) {
    const v = await visit(queue.shift()!);
    if (v.status !== 200 || v.route === "app/search/route.tsx") continue;
    for (const url of links(v.body)) {
      const resolved = resolveRoute(routes, new URL(url, env.SITE_URL).pathname);
      if (!resolved) unrouted.push(`${url} (on ${v.url})`);
      if (!resolved?.route.reader) continue;
      linked.push({ from: v.url, url });
      if (!seen.has(url)) {
        seen.add(url);
        queue.push(url);
      }
    }
  }
  for (const [url] of SEEDS) if (!seen.has(url)) await visit(url);
}, 120_000);

afterAll(async () => {
  const { db } = await import("@/lib/db/client");
  await db.$disconnect();
  t.cleanup();
});

/** Each render of a visit as React DOM writes it, next to ours. */
function expectSameAsReact(v: { url: string; renders: { node: ReactNode; html: string }[] }) {
  expect(v.renders.length, v.url).toBeGreaterThan(0);
  for (const r of v.renders) expect.soft(comparable(r.html), `${v.url}: a render differs from React DOM's`).toBe(comparable(renderToStaticMarkup(r.node)));
}

/**
 * What a page's document is besides its renders: ours must be all of it but the fixed frame, or
 * part of the page would have escaped the comparison. The site's header and footer are rendered
 * once (components/document.tsx) and so are recorded with the first page only.
 */
function expectAllRendered(v: Visit) {
  const chrome = visits[0]!.renders;
  let rest = v.body;
  for (const html of [...v.renders, ...chrome].map((r) => r.html).sort((a, b) => b.length - a.length)) rest = rest.replace(html, "");
  expect(rest, v.url).toBe('<!DOCTYPE html><html lang="zh-CN"><body class="flex min-h-screen flex-col"></body></html>');
}

describe("every reader page of the sample edition", () => {
  it("should reach every reader route of app/ through the pages' own links or the seeded addresses", () => {
    const reader = routes.filter((r) => r.reader).map((r) => r.file);
    // The routes that are not reader pages, so a new HTML route cannot pass for one of them.
    expect(routes.filter((r) => !r.reader).map((r) => r.file).sort()).toEqual(
      [
        "app/api/articles/[id]/route.ts",
        "app/api/issues/[date]/route.ts",
        "app/api/issues/route.ts",
        "app/api/revalidate/route.ts",
        "app/api/search/route.ts",
        "app/categories/[slug]/feed.xml/route.ts",
        "app/departments/[slug]/feed.xml/route.ts",
        "app/favicon.ico/route.ts",
        "app/feed.xml/route.ts",
      ].map((f) => path.normalize(f)),
    );
    const answered = new Set(visits.filter((v) => v.status === 200).map((v) => v.route));
    expect(reader.filter((f) => !answered.has(f))).toEqual([]);
    expect(reader.length).toBeGreaterThanOrEqual(11);
  });

  it("should visit every address of the sitemap, each issue, page and article", async () => {
    const { default: sitemap } = await import("@/app/sitemap");
    const urls = (await sitemap()).map((e) => new URL(e.url).pathname);
    expect(urls.filter((u) => u.startsWith("/articles/"))).toHaveLength(13);
    const ok = new Set(visits.filter((v) => v.status === 200).map((v) => new URL(v.url, env.SITE_URL).pathname));
    expect(urls.filter((u) => !ok.has(u))).toEqual([]);
    // And what the sitemap leaves out: archive months, categories, departments, people.
    for (const prefix of ["/issues?month=", "/categories/", "/departments/", "/people/"]) {
      expect(visits.some((v) => v.status === 200 && v.url.startsWith(prefix)), prefix).toBe(true);
    }
  });

  it("should link only to addresses that answer", () => {
    expect(unrouted).toEqual([]);
    const status = new Map(visits.map((v) => [v.url, v.status]));
    expect(linked.filter((l) => status.get(l.url) !== 200).map((l) => `${l.url} (on ${l.from})`)).toEqual([]);
  });

  it("should write every page as React DOM writes it", () => {
    expect(visits.length).toBeGreaterThan(40);
    for (const v of visits) {
      expectSameAsReact(v);
      expectAllRendered(v);
    }
  });

  it("should answer the seeded addresses with their pages, the 404 page and the 400 of a bad search", () => {
    for (const [url, status] of SEEDS) {
      const v = visits.find((x) => x.url === url)!;
      expect(v.status, url).toBe(status);
      if (status === 404) expect(v.body, url).toContain("<h1 class=\"text-3xl font-bold\">找不到这一页</h1>");
    }
    expect(visits.find((v) => v.url === "/search?q=法院&from=2026/04/08")!.body).toContain('role="alert"');
    const body = (url: string) => visits.find((v) => v.url === url)!.body;
    expect(body("/issues/2026-04-08?asked=2026-04-05")).toContain("2026年4月5日没有出版报纸,已为您打开最近的一期:2026年4月8日");
    expect(body("/issues/2026-04-05")).toContain('之后最近的一期:<a href="/issues/2026-04-08"');
    expect(body("/issues/go?date=2026/04/05")).toMatch(/role="alert"[^>]*>“2026\/04\/05”不是有效的日期/);
  });

  it("should keep the raw text's leading newlines in the 原文 view of each page", () => {
    const pages = visits.filter((v) => v.route === path.normalize("app/issues/[date]/[page]/route.tsx") && v.status === 200);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const v of pages) {
      const [, text] = /<pre[^>]*>([^<]*)<\/pre>/.exec(v.body) ?? [];
      // The sample's files start with blank lines; the parser eats one newline after <pre>.
      expect(text, v.url).toMatch(/^\n\n/);
      const file = `data/sample/${v.url.split("/")[2]}_0${v.url.split("/")[3]}.txt`;
      const raw = fs.readFileSync(file, "utf8");
      expect(text!.slice(1).slice(0, 20), v.url).toBe(raw.slice(0, 20));
    }
  });

  it("should answer a failure with the error page, as React DOM writes it", async () => {
    const { serveDocument } = await import("@/components/document");
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const from = renders.length;
    const res = await serveDocument(new Request(new URL("/issues/2026-04-08?x=1", env.SITE_URL)), async () => {
      throw new Error("数据库不可用");
    });
    logged.mockRestore();
    const v: Visit = { url: "(failure)", route: "", status: res.status, body: await res.text(), renders: renders.slice(from) };
    expect(v.status).toBe(500);
    expect(v.body).toContain('<a href="/issues/2026-04-08?x=1">重试</a>');
    expect(v.body).not.toContain("数据库不可用");
    expectSameAsReact(v);
    expectAllRendered(v);
  });
});
