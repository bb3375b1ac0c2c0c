import { expect, test } from "@playwright/test";

test("should search from the header and highlight the query in the article", async ({ page }, info) => {
  await page.goto("/");
  await page.getByRole("search").first().getByRole("searchbox").fill("公积金");
  await page.getByRole("search").first().getByRole("button", { name: "检索" }).click();
  await expect(page.getByRole("heading", { name: "共找到 1 篇稿件" })).toBeVisible();
  await expect(page.locator("main mark").first()).toHaveText("公积金");
  await page.screenshot({ path: info.outputPath("search.png"), fullPage: true });
  await page.getByRole("link", { name: "潮头攻坚 实干争先" }).click();
  await expect(page).toHaveURL(/hl=/);
  await expect(page.locator(".article-body mark").first()).toHaveText("公积金");
});

test("should filter by department alias and explain when nothing is found", async ({ page }) => {
  await page.goto("/search?q=&department=" + encodeURIComponent("市市场监管局"));
  await expect(page.getByRole("heading", { name: "共找到 1 篇稿件" })).toBeVisible();
  await page.goto("/search?q=" + encodeURIComponent("不存在的词语组合"));
  await expect(page.getByText("没有找到相关稿件")).toBeVisible();
});
