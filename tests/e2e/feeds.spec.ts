import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

/**
 * The machine side of the reader's site over the sample edition (two published issues, 13
 * articles): RSS feeds and the sitemap parse as XML and list only published articles, the JSON API
 * answers its documented shapes and errors, and a draft issue stays invisible everywhere.
 */

const SAMPLE_DATES = ["2026-04-08", "2025-12-27"];
const DRAFT_DATE = "2026-05-01";

interface ParsedXml {
  error: string | null;
  root: string;
  items: { title: string; link: string; guid: string; pubDate: string; category: string | null; description: string }[];
  locs: string[];
}

/** Fetches a document, checks its content type, and parses it with the browser's XML parser. */
async function fetchXml(page: Page, url: string, type: RegExp): Promise<ParsedXml> {
  const res = await page.request.get(url);
  expect(res.status(), url).toBe(200);
  expect(res.headers()["content-type"], url).toMatch(type);
  const text = await res.text();
  if (!page.url().startsWith("http")) await page.goto("/robots.txt");
  return page.evaluate((xml) => {
    const doc = new DOMParser().parseFromString(xml, "application/xml");
    const err = doc.getElementsByTagName("parsererror")[0];
    const text = (el: Element, tag: string) => el.getElementsByTagName(tag)[0]?.textContent ?? "";
    return {
      error: err ? (err.textContent ?? "parsererror") : null,
      root: doc.documentElement.nodeName,
      items: [...doc.getElementsByTagName("item")].map((i) => ({
        title: text(i, "title"),
        link: text(i, "link"),
        guid: text(i, "guid"),
        pubDate: text(i, "pubDate"),
        category: i.getElementsByTagName("category")[0]?.textContent ?? null,
        description: text(i, "description"),
      })),
      locs: [...doc.getElementsByTagName("loc")].map((l) => l.textContent ?? ""),
    };
  }, text);
}

/** The public ids of every published article, from the JSON API. */
async function publishedIds(request: APIRequestContext): Promise<Set<string>> {
  const { issues } = (await (await request.get("/api/issues")).json()) as { issues: { date: string }[] };
  const ids = new Set<string>();
  for (const { date } of issues) {
    const issue = (await (await request.get(`/api/issues/${date}`)).json()) as { pages: { articles: { publicId: string }[] }[] };
    for (const p of issue.pages) for (const a of p.articles) ids.add(a.publicId);
  }
  return ids;
}

const idOf = (url: string) => url.match(/\/articles\/(\d{8}-\d{2}-\d{2})$/)?.[1] ?? "";

/**
 * Imports one page as a draft issue (no --publish) into the database the test server reads: the
 * e2e server keeps it at data/tmp/e2e-<port>.db (scripts/e2e-server.mjs).
 */
function importDraftIssue(): void {
  const port = process.env.E2E_PORT;
  if (!port) throw new Error("E2E_PORT is not set (playwright.config.ts sets it)");
  const root = fileURLToPath(new URL("../..", import.meta.url));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "epaper-draft-"));
  try {
    fs.copyFileSync(path.join(root, "data/sample/2026-04-08_01.txt"), path.join(dir, `${DRAFT_DATE}_01.txt`));
    // No REVALIDATE_TOKEN: a draft changes nothing readers see, so there is nothing to refresh.
    const { REVALIDATE_TOKEN: _token, ...env } = process.env;
    execFileSync("npm", ["run", "-s", "ingest", "--", dir], {
      cwd: root,
      env: { ...env, DATABASE_URL: `file:${path.join(root, "data", "tmp", `e2e-${port}.db`)}` },
      stdio: "pipe",
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test.describe("feeds, sitemap and JSON API", () => {
  test("should serve well-formed RSS 2.0 listing only published articles, newest issue first", async ({ page, request }) => {
    const published = await publishedIds(request);
    expect(published.size).toBe(13);

    const feed = await fetchXml(page, "/feed.xml", /application\/rss\+xml/);
    expect(feed.error).toBeNull();
    expect(feed.root).toBe("rss");
    expect(feed.items).toHaveLength(13);
    for (const item of feed.items) {
      expect(published.has(idOf(item.link)), item.link).toBe(true);
      expect(item.guid).toBe(item.link);
      expect(item.title.length).toBeGreaterThan(0);
      expect(new Date(item.pubDate).toString()).not.toBe("Invalid Date");
    }
    expect(idOf(feed.items[0]!.link).startsWith("20260408")).toBe(true);
    expect(idOf(feed.items[12]!.link).startsWith("20251227")).toBe(true);

    const courts = await fetchXml(page, "/categories/courts/feed.xml", /application\/rss\+xml/);
    expect(courts.error).toBeNull();
    expect(courts.items.length).toBeGreaterThan(0);
    expect(courts.items.every((i) => i.category === "法治" && published.has(idOf(i.link)))).toBe(true);

    const dept = await fetchXml(page, `/departments/${encodeURIComponent("聊城大学")}/feed.xml`, /application\/rss\+xml/);
    expect(dept.error).toBeNull();
    expect(dept.items.map((i) => i.title)).toEqual(["聊城大学第四届西部计划文化节开幕"]);
  });

  test("should list every published issue, page and article in a well-formed sitemap", async ({ page, request }) => {
    const published = await publishedIds(request);
    const map = await fetchXml(page, "/sitemap.xml", /xml/);
    expect(map.error).toBeNull();
    expect(map.root).toBe("urlset");
    const articles = map.locs.filter((u) => u.includes("/articles/"));
    expect(new Set(articles.map(idOf))).toEqual(published);
    for (const date of SAMPLE_DATES) {
      expect(map.locs.some((u) => u.endsWith(`/issues/${date}`))).toBe(true);
      expect(map.locs.some((u) => u.endsWith(`/issues/${date}/1`))).toBe(true);
    }
    expect(new Set(map.locs).size).toBe(map.locs.length);

    const robots = await (await request.get("/robots.txt")).text();
    expect(robots).toMatch(/Sitemap: \S+\/sitemap\.xml/);
    expect(robots).toMatch(/Disallow: \/api\//);
  });

  test("should answer the JSON API in its documented shapes", async ({ request }) => {
    const list = await request.get("/api/issues");
    expect(list.headers()["content-type"]).toMatch(/application\/json/);
    const { issues } = await list.json();
    expect(issues).toEqual([
      { date: "2026-04-08", number: null, pageCount: 1 },
      { date: "2025-12-27", number: null, pageCount: 1 },
    ]);

    const issue = await (await request.get("/api/issues/2026-04-08")).json();
    expect(Object.keys(issue).sort()).toEqual(["date", "nextIssue", "number", "pages", "prevIssue"]);
    expect(issue).toMatchObject({ date: "2026-04-08", prevIssue: "2025-12-27", nextIssue: null });
    expect(issue.pages).toHaveLength(1);
    expect(issue.pages[0]).toMatchObject({ number: 1, name: "一线微观察" });
    expect(issue.pages[0].articles).toHaveLength(6);
    expect(Object.keys(issue.pages[0].articles[0]).sort()).toEqual(["charCount", "kicker", "label", "order", "publicId", "subtitle", "title"]);

    const article = await (await request.get("/api/articles/20260408-01-02")).json();
    expect(article).toMatchObject({
      publicId: "20260408-01-02",
      title: "聊城仲裁委部署2026年服务新举措",
      category: "courts",
      issueDate: "2026-04-08",
      pageNumber: 1,
      pageName: "一线微观察",
      bylines: [{ name: "马永伟", role: "reporter" }],
      prev: { publicId: "20260408-01-01", pageNumber: 1 },
      next: { publicId: "20260408-01-03", pageNumber: 1 },
    });
    expect(article.departments[0]).toEqual({ name: "聊城仲裁委员会", slug: "聊城仲裁委员会", kind: "仲裁机构" });
    expect(article.blocks.length).toBeGreaterThan(0);
    expect(article.blocks.every((b: { type: string }) => ["paragraph", "subhead", "caption"].includes(b.type))).toBe(true);
    expect(Number.isNaN(Date.parse(article.updatedAt))).toBe(false);
    expect(Array.isArray(article.related)).toBe(true);
  });

  test("should answer bad parameters with 400 and unknown ones with 404, as JSON errors", async ({ request }) => {
    const cases: [string, number][] = [
      ["/api/issues/2026-13-40", 400],
      ["/api/issues/yesterday", 400],
      ["/api/issues/2030-01-01", 404],
      ["/api/articles/nope", 400],
      ["/api/articles/20300101-01-01", 404],
      ["/categories/nope/feed.xml", 404],
      ["/departments/nope/feed.xml", 404],
    ];
    for (const [url, status] of cases) {
      const res = await request.get(url);
      expect(res.status(), url).toBe(status);
      expect(typeof (await res.json()).error, url).toBe("string");
    }
  });

  test("should refuse revalidation without the right token", async ({ request }) => {
    for (const headers of [{}, { "x-revalidate-token": "wrong-token-123" }] as Record<string, string>[]) {
      const res = await request.post("/api/revalidate", { headers, data: { dates: ["2026-04-08"] } });
      expect(res.status()).toBe(401);
      expect(await res.json()).toHaveProperty("error");
    }
  });

  test("should keep a draft issue out of every page, feed, sitemap and API answer", async ({ page, request }) => {
    importDraftIssue();
    for (const url of [`/issues/${DRAFT_DATE}`, `/issues/${DRAFT_DATE}/1`, `/articles/${DRAFT_DATE.replaceAll("-", "")}-01-01`]) {
      const res = await page.goto(url);
      expect(res?.status(), url).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    }
    expect((await request.get(`/api/issues/${DRAFT_DATE}`)).status()).toBe(404);
    expect((await request.get(`/api/articles/${DRAFT_DATE.replaceAll("-", "")}-01-01`)).status()).toBe(404);
    const { issues } = await (await request.get("/api/issues")).json();
    expect(issues.map((i: { date: string }) => i.date)).toEqual(SAMPLE_DATES);
    const feed = await fetchXml(page, "/feed.xml", /rss/);
    expect(feed.items.some((i) => i.link.includes(DRAFT_DATE.replaceAll("-", "")))).toBe(false);
    const map = await fetchXml(page, "/sitemap.xml", /xml/);
    expect(map.locs.some((u) => u.includes(DRAFT_DATE) || u.includes(DRAFT_DATE.replaceAll("-", "")))).toBe(false);
    // The home page still opens the newest *published* issue.
    await page.goto("/");
    await expect(page.getByRole("main")).toContainText("2026年4月8日");
  });
});
