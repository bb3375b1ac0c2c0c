import { expect, test } from "@playwright/test";

test("should walk a reader's journey: home → page map → article → next → back to page → archive → the other issue", async ({ page }, info) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: /第01版/ })).toBeVisible();
  await page.screenshot({ path: info.outputPath("1-home.png"), fullPage: true });

  // The page map's blocks are links with accessible names.
  const map = page.getByRole("group", { name: /版面示意图/ });
  await map.getByRole("link", { name: "聊城仲裁委部署2026年服务新举措" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("聊城仲裁委部署2026年服务新举措");
  await expect(page.getByText("聊城仲裁委员会").first()).toBeVisible();
  await page.screenshot({ path: info.outputPath("2-article.png"), fullPage: true });

  await page.getByRole("link", { name: /^下一篇/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("聊城首期“你点我检”完成百批次抽样检测");

  await page.getByRole("link", { name: "返回本版" }).click();
  await expect(page).toHaveURL(/\/issues\/2026-04-08\/1$/);

  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "往期回顾" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "往期回顾" })).toBeVisible();
  await page.getByRole("link", { name: "2025年12月27日 星期六" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("2025年12月27日");
  await page.screenshot({ path: info.outputPath("3-issue.png"), fullPage: true });
  await page.getByRole("link", { name: "围绕产业需求培养年轻干部" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("围绕产业需求培养年轻干部");
  await expect(page.getByText("聊城市工业和信息化局").first()).toBeVisible();
});

test("should keep only published content and 404 unknown dates", async ({ page }) => {
  const res = await page.goto("/issues/2030-01-01");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("找不到这一页");
  expect((await page.goto("/articles/20300101-01-01"))?.status()).toBe(404);
  expect((await page.goto("/issues/not-a-date/1"))?.status()).toBe(404);
});

test("should remember the reader's font size", async ({ page }) => {
  await page.goto("/articles/20260408-01-01");
  await page.getByRole("button", { name: "增大字号" }).click();
  await expect(page.getByRole("group", { name: "字号" })).toContainText("115%");
  await page.reload();
  await expect(page.getByRole("group", { name: "字号" })).toContainText("115%");
});

test("should show an article's bylines, citation, structured data and the page's raw text", async ({ page }) => {
  await page.goto("/articles/20260408-01-02?hl=" + encodeURIComponent("仲裁"));
  await expect(page.locator(".article-body mark").first()).toHaveText("仲裁");
  await expect(page.getByRole("link", { name: "马永伟" })).toHaveAttribute("href", /\/people\//);
  await expect(page.getByText("马永伟. 聊城仲裁委部署2026年服务新举措[N]. 聊城日报, 2026-04-08(1).")).toBeVisible();
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
  expect(ld).toMatchObject({ "@type": "NewsArticle", headline: "聊城仲裁委部署2026年服务新举措", datePublished: "2026-04-08" });
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", "聊城仲裁委部署2026年服务新举措");

  await page.goto("/issues/2026-04-08/1");
  await page.getByText("原文(本版原始文本)").click();
  await expect(page.locator("details pre")).toContainText("聊城仲裁委");
  await expect(page.getByRole("search", { name: "在本期中检索" }).getByRole("searchbox")).toBeVisible();
});
