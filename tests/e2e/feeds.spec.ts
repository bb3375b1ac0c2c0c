import { expect, test } from "@playwright/test";

/** Parses XML in the browser and returns the parser error, if any, and the number of <item>/<url>. */
async function parseXml(page: import("@playwright/test").Page, url: string) {
  const res = await page.request.get(url);
  expect(res.status()).toBe(200);
  const text = await res.text();
  await page.goto("/robots.txt");
  return page.evaluate((xml) => {
    const doc = new DOMParser().parseFromString(xml, "application/xml");
    return {
      error: doc.getElementsByTagName("parsererror").length > 0,
      items: doc.getElementsByTagName("item").length,
      urls: [...doc.getElementsByTagName("loc")].map((l) => l.textContent ?? ""),
      links: [...doc.getElementsByTagName("link")].map((l) => l.textContent ?? ""),
    };
  }, text);
}

test.describe("feeds, sitemap and JSON API", () => {
  test("should serve well-formed RSS with only published articles", async ({ page }) => {
    const feed = await parseXml(page, "/feed.xml");
    expect(feed.error).toBe(false);
    expect(feed.items).toBe(13);
    const courts = await parseXml(page, "/categories/courts/feed.xml");
    expect(courts.error).toBe(false);
    expect(courts.items).toBeGreaterThan(0);
    const dept = await parseXml(page, "/departments/%E8%81%8A%E5%9F%8E%E5%A4%A7%E5%AD%A6/feed.xml");
    expect(dept.error).toBe(false);
    expect(dept.items).toBe(1);
  });

  test("should list issues, pages and articles in the sitemap", async ({ page }) => {
    const map = await parseXml(page, "/sitemap.xml");
    expect(map.error).toBe(false);
    expect(map.urls.filter((u) => u.includes("/articles/"))).toHaveLength(13);
    expect(map.urls.some((u) => u.endsWith("/issues/2025-12-27/1"))).toBe(true);
  });

  test("should answer the JSON API with documented shapes and errors", async ({ request }) => {
    const issues = await (await request.get("/api/issues")).json();
    expect(issues.issues.map((i: { date: string }) => i.date)).toEqual(["2026-04-08", "2025-12-27"]);
    const issue = await (await request.get("/api/issues/2026-04-08")).json();
    expect(issue.pages[0].articles).toHaveLength(6);
    const article = await (await request.get("/api/articles/20260408-01-02")).json();
    expect(article).toMatchObject({ title: "聊城仲裁委部署2026年服务新举措", category: "courts", issueDate: "2026-04-08" });
    expect((await request.get("/api/issues/2026-13-40")).status()).toBe(400);
    expect((await request.get("/api/issues/2026-04-09")).status()).toBe(404);
    expect((await request.get("/api/articles/nope")).status()).toBe(400);
    const bad = await request.get("/api/search?q=x&from=yesterday");
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error).toMatch(/from/);
  });
});
