import { gzipSync } from "node:zlib";
import { expect, test } from "@playwright/test";

/**
 * Reader pages are whole HTML documents (components/document.tsx): no framework runtime, the
 * stylesheet inlined, one small script that only enhances. These tests hold that shape; the
 * figures (Lighthouse, transfer sizes) are printed by `npm run audit:lighthouse`.
 */
const READER_PAGES = ["/", "/issues", "/issues/2026-04-08", "/issues/2026-04-08/1", "/articles/20260408-01-01", "/departments", "/categories/courts", "/people/白文斌", "/search?q=法院"];

test.describe("static reader pages", () => {

  test("should send each reader page as one document, with no script or stylesheet to fetch", async ({ page }) => {
    for (const path of READER_PAGES) {
      const requests: string[] = [];
      const onRequest = (r: import("@playwright/test").Request) => {
        if (r.resourceType() !== "document" && !r.url().includes("/icon.svg")) requests.push(r.url());
      };
      page.on("request", onRequest);
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(200);
      expect(res?.headers()["content-type"], path).toContain("text/html");
      const html = await res!.text();
      expect(html, path).toMatch(/^<!DOCTYPE html><html lang="zh-CN">/);
      expect(html, path).not.toMatch(/<script[^>]+src=|<link[^>]+rel="stylesheet"|\/_next\/static/);
      // What the budget counts (HTML + CSS + JS, compressed as the server sends it): all of it is this document.
      expect(gzipSync(html).length, path).toBeLessThan(100 * 1024);
      await page.waitForLoadState("load");
      expect(requests, path).toEqual([]);
      page.off("request", onRequest);
    }
  });

  test("should answer a returning browser's If-None-Match with 304", async ({ request }) => {
    const first = await request.get("/articles/20260408-01-01");
    const etag = first.headers()["etag"];
    expect(etag).toBeTruthy();
    const again = await request.get("/articles/20260408-01-01", { headers: { "if-none-match": etag! } });
    expect(again.status()).toBe(304);
    const other = await request.get("/articles/20260408-01-02", { headers: { "if-none-match": etag! } });
    expect(other.status()).toBe(200);
  });

  test("should answer unknown and unpublished addresses with the site's 404 page", async ({ request }) => {
    for (const path of [
      "/articles/20300101-01-01",
      "/articles/not-an-id",
      "/issues/2030-01-01/1",
      "/departments/没有这个部门",
      "/categories/nope",
      "/people/无名氏",
      // Past the last page of a list, and months before the first issue or after the last.
      "/categories/courts?page=99",
      "/issues?month=1999-01",
      "/issues?month=2031-01",
      "/issues?month=bad",
    ]) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(404);
      expect(await res.text(), path).toContain("找不到这一页");
    }
  });
});

test("should answer a search it cannot run with 400, naming the problem and keeping the rest of the query", async ({ page }) => {
  const res = await page.goto("/search?q=" + encodeURIComponent("法院") + "&from=2026-13-01");
  expect(res?.status()).toBe(400);
  await expect(page.getByRole("alert")).toContainText("日期");
  await expect(page.getByRole("searchbox", { name: "关键词" })).toHaveValue("法院");
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
});

test("should let search engines index a one-word search with results, and nothing else", async ({ request }) => {
  const robots = async (path: string) => /<meta name="robots" content="([^"]*)"/.exec(await (await request.get(path)).text())?.[1] ?? null;
  expect(await robots("/search?q=" + encodeURIComponent("法院"))).toBeNull();
  for (const q of ["法院 -加微信看更多", "法院 税务", "没有这个词", "法院!"]) expect(await robots("/search?q=" + encodeURIComponent(q)), q).toMatch(/noindex/);
  expect(await robots("/search?q=" + encodeURIComponent("法院") + "&sort=date")).toMatch(/noindex/);
});

test.describe("reader pages without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("should read an article and hide only the controls that need the script", async ({ page }) => {
    await page.goto("/articles/20260408-01-01");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("潮头攻坚 实干争先");
    await expect(page.locator(".article-body p").first()).toBeVisible();
    await expect(page.getByRole("group", { name: "字号" })).toBeHidden();
    await expect(page.getByRole("button", { name: "复制链接" })).toBeHidden();
    await page.getByRole("link", { name: /^下一篇/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("聊城仲裁委部署2026年服务新举措");
  });

  // The page selector between two pages of one issue: tests/e2e/second-paper.spec.ts (the sample's issues have one page each).
  test("should go to an issue with the date picker", async ({ page }) => {
    await page.goto("/issues/2026-04-08/1");
    await page.getByLabel("按日期查看").fill("2025-12-27");
    await page.getByLabel("按日期查看").press("Enter");
    await expect(page).toHaveURL(/\/issues\/2025-12-27$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("2025年12月27日");
  });
});

test("should copy the article's permanent link", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/articles/20260408-01-01");
  await page.getByRole("button", { name: "复制链接" }).click();
  await expect(page.getByRole("button", { name: "已复制链接" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/\/articles\/20260408-01-01$/);
});
