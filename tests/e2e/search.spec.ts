import { expect, test } from "@playwright/test";

test("should search from the header and highlight the query in the article", async ({ page }, info) => {
  await page.goto("/");
  await page.getByRole("search").first().getByRole("searchbox").fill("公积金");
  await page.getByRole("search").first().getByRole("button", { name: "检索" }).click();
  await expect(page).toHaveURL(/\/search\?q=/);
  await expect(page.getByRole("heading", { name: "共找到 1 篇稿件" })).toBeVisible();
  await expect(page.locator("main li mark").first()).toHaveText("公积金");
  await page.screenshot({ path: info.outputPath("search.png"), fullPage: true });
  await page.getByRole("link", { name: "潮头攻坚 实干争先" }).click();
  await expect(page).toHaveURL(/\/articles\/20260408-01-01\?hl=/);
  await expect(page.locator(".article-body mark").first()).toHaveText("公积金");
});

test("should mark a traditional-character query in the simplified article it opens", async ({ page }) => {
  await page.goto("/search?q=" + encodeURIComponent("檢驗檢測"));
  await page.locator("main ol > li h3 a").first().click();
  await expect(page).toHaveURL(/\?hl=/);
  await expect(page.locator(".article-body mark").first()).toHaveText("检验检测");
});

test("should filter by department alias and explain when nothing is found", async ({ page }) => {
  await page.goto("/search?q=&department=" + encodeURIComponent("市市场监管局"));
  await expect(page.getByRole("heading", { name: "共找到 1 篇稿件" })).toBeVisible();
  await expect(page.getByRole("link", { name: "我市培育“阳光市监”政务公开品牌" })).toBeVisible();
  // The alias selects its department in the form, so searching again keeps the filter. (On a phone
  // the filters fold behind 筛选 when there are results: unfold them first.)
  const folded = page.getByRole("search", { name: "检索稿件" }).locator("summary");
  if (await folded.isVisible()) await folded.click();
  await expect(page.getByRole("combobox", { name: "部门" })).toHaveValue(/市场监督管理局/);
  await page.goto("/search?q=" + encodeURIComponent("不存在的词语组合"));
  await expect(page.getByText("没有找到相关稿件")).toBeVisible();
  await expect(page.getByText(/检查部门名称的写法/)).toBeVisible();
});

test("should narrow results with a facet link", async ({ page }) => {
  await page.goto("/search?q=" + encodeURIComponent("法院"));
  await expect(page.getByRole("heading", { name: "共找到 3 篇稿件" })).toBeVisible();
  const years = page.getByRole("region", { name: "年份" });
  await years.getByRole("link", { name: "2025年" }).click();
  await expect(page).toHaveURL(/from=2025-01-01/);
  await expect(page.getByRole("heading", { name: "共找到 1 篇稿件" })).toBeVisible();
  await expect(page.getByRole("link", { name: "打造法治山东实践“聊城样板”" })).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("should search with the form, traditional characters and sorting by date", async ({ page }) => {
    await page.goto("/search");
    await page.getByRole("searchbox", { name: "关键词" }).fill("檢驗檢測");
    await page.getByRole("combobox", { name: "排序" }).selectOption("date");
    await page.getByRole("search", { name: "检索稿件" }).getByRole("button", { name: "检索" }).click();
    await expect(page.getByRole("heading", { name: "共找到 2 篇稿件" })).toBeVisible();
    const titles = page.locator("main ol > li h3");
    await expect(titles).toHaveText(["聊城首期“你点我检”完成百批次抽样检测", "精准培训破解企业质检困局"]);
    await expect(page.locator("main ol > li mark").first()).toHaveText("检验检测");
  });
});
