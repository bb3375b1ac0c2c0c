/**
 * The search page on phones and desktops (issue 16): results first with the filters folded behind
 * “筛选” on a phone and shown beside them on a desktop, a long query cut with a note, a query of
 * exclusions only explained, only filter values that give results offered, and every text of the
 * results readable (axe, light and dark) — at both widths (projects "desktop" and "phone").
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

const q = (s: string) => `/search?q=${encodeURIComponent(s)}`;
const isPhone = (page: Page) => (page.viewportSize()?.width ?? 0) < 768;

const filterSummary = (page: Page) => page.getByRole("search", { name: "检索稿件" }).locator("summary");
const departmentSelect = (page: Page) => page.getByRole("combobox", { name: "部门" });
const categorySelect = (page: Page) => page.getByRole("combobox", { name: "分类" });
const resultsHeading = (page: Page) => page.getByRole("heading", { name: /^共找到 \d+ 篇稿件$/ });

/** Unfolds the filters where they are folded (a phone); on a desktop they are shown already. */
async function showFilters(page: Page) {
  if (isPhone(page)) await filterSummary(page).click();
  await expect(departmentSelect(page).or(categorySelect(page)).first()).toBeVisible();
}

async function expectNoAxeViolations(page: Page, what: string) {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${what} (${colorScheme}) ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: "light" });
}

async function shoot(page: Page, name: string) {
  const project = test.info().project.name;
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: `data/tmp/shots-reader-search/${name}-${project}-${colorScheme}.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: "light" });
}

/** Whether a comes before b in the document (the order a screen reader and the keyboard follow). */
async function precedes(page: Page, a: string, b: string): Promise<boolean> {
  return page.evaluate(
    ([x, y]) => {
      const ex = document.querySelector(x!);
      const ey = document.querySelector(y!);
      return Boolean(ex && ey && ex.compareDocumentPosition(ey) & Node.DOCUMENT_POSITION_FOLLOWING);
    },
    [a, b],
  );
}

test("should put the results first on a phone and the filters beside them on a desktop", async ({ page }) => {
  await page.goto(q("法院"));
  await expect(resultsHeading(page)).toHaveText("共找到 3 篇稿件");
  const facets = page.getByRole("region", { name: "缩小范围" });
  await expect(facets).toBeVisible();
  // Source order at every width: the search form, the results, then the facets.
  expect(await precedes(page, 'form[role="search"][aria-label="检索稿件"]', "#results-heading")).toBe(true);
  expect(await precedes(page, "#results-heading", 'section[aria-label="缩小范围"]')).toBe(true);
  const results = (await page.locator('section[aria-labelledby="results-heading"]').boundingBox())!;
  const facetsBox = (await facets.boundingBox())!;

  if (isPhone(page)) {
    // Folded: one line saying 筛选, the fields hidden, the first result on the first screen.
    await expect(filterSummary(page)).toHaveText("筛选");
    await expect(departmentSelect(page)).toBeHidden();
    await expect(page.locator("main ol > li").first()).toBeInViewport();
    expect(facetsBox.y).toBeGreaterThan(results.y + results.height - 1);
    await shoot(page, "1-results-folded");
    await filterSummary(page).click();
    await expect(departmentSelect(page)).toBeVisible();
    await shoot(page, "1-results-unfolded");
  } else {
    await expect(filterSummary(page)).toBeHidden();
    await expect(departmentSelect(page)).toBeVisible();
    await expect(page.getByRole("combobox", { name: "排序" })).toBeVisible();
    // The facets are a column to the right of the results, from the same height.
    expect(facetsBox.x).toBeGreaterThanOrEqual(results.x + results.width);
    expect(Math.abs(facetsBox.y - results.y)).toBeLessThan(40);
    await shoot(page, "1-results");
  }
  await expectNoAxeViolations(page, "results");
});

test("should apply a filter from the fields and count it on the folded summary", async ({ page }) => {
  await page.goto(q("法院"));
  await showFilters(page);
  await categorySelect(page).selectOption("courts");
  await page.getByRole("button", { name: "应用筛选" }).click();
  await expect(page).toHaveURL(/category=courts/);
  await expect(resultsHeading(page)).toHaveText("共找到 2 篇稿件");
  if (isPhone(page)) {
    await expect(filterSummary(page)).toHaveText("筛选(已选 1 项)");
    await expect(categorySelect(page)).toBeHidden();
  }
  await showFilters(page);
  await expect(categorySelect(page)).toHaveValue("courts");
  await page.getByRole("link", { name: "清除全部筛选" }).click();
  await expect(resultsHeading(page)).toHaveText("共找到 3 篇稿件");
  await expect(page).not.toHaveURL(/category=/);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("should unfold the filters and search with them", async ({ page }) => {
    await page.goto(q("检验检测"));
    await expect(resultsHeading(page)).toHaveText("共找到 2 篇稿件");
    await showFilters(page);
    await page.getByRole("combobox", { name: "排序" }).selectOption("date");
    await page.getByLabel("起始日期").fill("2026-01-01");
    await page.getByRole("button", { name: "应用筛选" }).click();
    await expect(page).toHaveURL(/from=2026-01-01/);
    await expect(page).toHaveURL(/sort=date/);
    await expect(resultsHeading(page)).toHaveText("共找到 1 篇稿件");
    if (isPhone(page)) await expect(filterSummary(page)).toHaveText("筛选(已选 1 项)");
  });
});

test("should cut a query over 200 characters, search with the first 200 and say so", async ({ page, request }) => {
  // A reader pastes the opening of an article, longer than the box takes.
  await page.goto("/articles/20260408-01-05");
  const text = (await page.locator(".article-body").innerText()).replace(/\s+/g, "");
  const pasted = [...text].slice(0, 240).join("");
  await page.goto("/search");
  await page.getByRole("searchbox", { name: "关键词" }).fill(pasted);
  await page.getByRole("search", { name: "检索稿件" }).getByRole("button", { name: "检索", exact: true }).click();

  const note = page.getByRole("note").filter({ hasText: "检索词超过200字" });
  await expect(note).toHaveText("检索词超过200字,已截取前200字检索。");
  await expect(page.getByRole("searchbox", { name: "关键词" })).toHaveValue([...pasted].slice(0, 200).join(""));
  await expect(page.getByRole("searchbox", { name: "关键词" })).toHaveAccessibleDescription(/已截取前200字检索/);
  await expect(resultsHeading(page)).toHaveText("共找到 1 篇稿件");
  await expect(page.getByRole("link", { name: "司法为民暖人心" })).toBeVisible();
  await shoot(page, "2-cut-query");
  await expectNoAxeViolations(page, "cut query");

  // The API keeps its 400, saying what is wrong (a program should not get results for a query it did not send).
  const api = await request.get(`/api/search?q=${encodeURIComponent(pasted)}`);
  expect(api.status()).toBe(400);
  expect(((await api.json()) as { error: string }).error).toBe("q: 检索词最长 200 字(收到 240 字),请缩短后再检索");
});

test("should say why a query of exclusions only finds nothing", async ({ page }) => {
  await page.goto(q("-法院"));
  await expect(resultsHeading(page)).toHaveText("共找到 0 篇稿件");
  await expect(page.getByText("只有排除词(-法院)时无法检索,请再输入至少一个要查找的词。")).toBeVisible();
  await expect(page.getByText("没有找到相关稿件")).toHaveCount(0);
  // The filters are unfolded: with one chosen, the exclusion works.
  await expect(categorySelect(page)).toBeVisible();
  await categorySelect(page).selectOption("courts");
  await page.getByRole("button", { name: "应用筛选" }).click();
  // The court articles without 法院.
  await expect(resultsHeading(page)).toHaveText("共找到 1 篇稿件");
  await expect(page.getByRole("link", { name: "聊城仲裁委部署2026年服务新举措" })).toBeVisible();
  await page.goto(q("-法院 -税务"));
  await expect(page.getByText("只有排除词(-法院 -税务)时无法检索")).toBeVisible();
  await shoot(page, "3-exclusions-only");
  await expectNoAxeViolations(page, "exclusions only");
});

test("should offer only filter values that give results, and keep the chosen one", async ({ page }) => {
  await page.goto(q("法院"));
  await showFilters(page);
  const optionTexts = (select: ReturnType<typeof categorySelect>) => select.locator("option").allTextContents();
  expect(await optionTexts(categorySelect(page))).toEqual(["全部分类", "法治(2)", "教育(1)"]);
  const departments = await optionTexts(departmentSelect(page));
  expect(departments).toContain("东昌府区人民法院(2)");
  // It has published articles, but none with 法院.
  expect(departments.join()).not.toContain("聊城市检验检测中心");

  // A category chosen: the others stay offered, with what choosing them instead would give.
  await page.goto(`${q("法院")}&category=courts`);
  await showFilters(page);
  expect(await optionTexts(categorySelect(page))).toEqual(["全部分类", "法治(2)", "教育(1)"]);
  const categoryFacet = page.getByRole("region", { name: "分类" });
  await expect(categoryFacet.getByRole("link", { name: "教育" })).toBeVisible();

  // A chosen category with no results is kept (count 0), to be removed; nothing else is offered for it.
  await page.goto(`${q("法院")}&category=agriculture`);
  await expect(resultsHeading(page)).toHaveText("共找到 0 篇稿件");
  await showFilters(page);
  expect(await optionTexts(categorySelect(page))).toEqual(["全部分类", "法治(2)", "教育(1)", "农业农村(0)"]);
  await expect(categorySelect(page)).toHaveValue("agriculture");
  await expect(departmentSelect(page)).toHaveCount(0);
  await expect(categoryFacet).toContainText("农业农村(0)");
  await shoot(page, "4-chosen-without-results");
  await expectNoAxeViolations(page, "chosen value without results");
  await categoryFacet.getByRole("link", { name: "(不限分类)" }).click();
  await expect(resultsHeading(page)).toHaveText("共找到 3 篇稿件");

  // A year chosen: the other year is still offered, counted without the date filter.
  await page.goto(`${q("法院")}&from=2025-01-01&to=2025-12-31`);
  await expect(resultsHeading(page)).toHaveText("共找到 1 篇稿件");
  await expect(page.getByRole("region", { name: "年份" })).toHaveText(/2026年\(2\)/);

  // Before anything is searched: only categories that published articles have.
  await page.goto("/search");
  await expect(categorySelect(page)).toBeVisible();
  const categories = await optionTexts(categorySelect(page));
  expect(categories).toContain("法治(3)");
  expect(categories.every((c) => c === "全部分类" || /\([1-9]\d*\)$/.test(c))).toBe(true);
  await shoot(page, "5-empty-form");
  await expectNoAxeViolations(page, "empty form");
});

test("should keep every text of the results readable, marks included, in light and dark mode", async ({ page }) => {
  // Marks in a label (accent), a subtitle (grey, as a kicker is) and a snippet.
  for (const query of ["法院", "走笔", "不存在的词语组合"]) {
    await page.goto(q(query));
    await expect(resultsHeading(page)).toBeVisible();
    await expectNoAxeViolations(page, query);
  }
  for (const [query, line] of [
    ["法院", "p.text-accent"],
    ["走笔", "p.text-muted"],
  ] as const) {
    await page.goto(q(query));
    await expect(page.locator(`main ol > li ${line} mark`).first()).toHaveText(query);
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      // Every mark is in the ink colour, whatever colour its line has.
      const inInk = await page.evaluate(() => {
        const ink = getComputedStyle(document.body).color;
        return [...document.querySelectorAll("main ol mark")].map((m) => getComputedStyle(m).color === ink);
      });
      expect(inInk.length).toBeGreaterThan(0);
      expect(inInk.every(Boolean)).toBe(true);
    }
    await shoot(page, `6-marks-${query}`);
  }
  await page.emulateMedia({ colorScheme: "light" });
});

test("should set the results' punctuation as the article page does, while the JSON API keeps the printed text", async ({ page, request }) => {
  const COMMA = "\uff0c";
  await page.goto(q("没打官司"));
  await expect(page.locator("main ol li").first()).toContainText(`难题${COMMA}没打官司`);
  const text = (await page.locator("main ol").textContent()) ?? "";
  expect(text).not.toMatch(/[\u4e00-\u9fff][,:;?!()]|[,:;?!()][\u4e00-\u9fff]/u);
  const api = await (await request.get(`/api/search?q=${encodeURIComponent("没打官司")}`)).json();
  const snippets = JSON.stringify(api);
  expect(snippets).toContain("难题,<mark>没打官司</mark>");
  expect(snippets).not.toContain(COMMA);
});
