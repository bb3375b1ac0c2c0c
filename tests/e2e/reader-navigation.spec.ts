import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page, test } from "@playwright/test";

/**
 * Navigation that tells the truth (上一期 / 下一期, the date picker, the archive's steps), over the
 * sample edition: two issues, 2025-12-27 (the first) and 2026-04-08 (the last), so the archive
 * runs from 2025年12月 to 2026年4月 with three empty months between.
 */
const FIRST = "2025-12-27";
const LAST = "2026-04-08";
const SHOTS = "data/tmp/shots-navigation";

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/${test.info().project.name}-${name}.png`, fullPage: true });
}

/** A disabled step: a link role with aria-disabled, no address, and focus cannot land on it. */
async function expectDisabled(step: Locator) {
  await expect(step).toHaveAttribute("aria-disabled", "true");
  await expect(step).not.toHaveAttribute("href", /.*/);
  await step.focus();
  await expect(step).not.toBeFocused();
}

test.describe("上一期 / 下一期 on the issue page", () => {
  test("should link the issues either side and disable the step past the first and the last", async ({ page }) => {
    await page.goto(`/issues/${LAST}`);
    const nav = page.getByRole("navigation", { name: "往期导航" });
    const prev = nav.getByRole("link", { name: "上一期 2025年12月27日" });
    await expect(prev).toHaveAttribute("href", `/issues/${FIRST}`);
    await expect(prev).toHaveAttribute("rel", "prev");
    await expectDisabled(nav.getByRole("link", { name: /下一期/, disabled: true }));
    await expect(nav).toContainText("已是最新的一期");
    // One rel=prev and no rel=next on the page, for the keyboard's ←/→.
    await expect(page.locator('a[rel="next"]')).toHaveCount(0);
    await shot(page, "issue-last");

    await prev.click();
    await expect(page).toHaveURL(new RegExp(`/issues/${FIRST}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("2025年12月27日 星期六");
    await expectDisabled(nav.getByRole("link", { name: /上一期/, disabled: true }));
    await expect(page.locator('a[rel="prev"]')).toHaveCount(0);
    const next = nav.getByRole("link", { name: "下一期 2026年4月8日" });
    await expect(next).toHaveAttribute("rel", "next");
    await shot(page, "issue-first");
    await next.click();
    await expect(page).toHaveURL(new RegExp(`/issues/${LAST}$`));
  });
});

test.describe("the date picker", () => {
  test("should open the nearest issue, with a note, for a day without a paper", async ({ page }) => {
    await page.goto(`/issues/${LAST}`);
    await page.getByLabel("按日期查看").fill("2026-04-05");
    const [res] = await Promise.all([page.waitForResponse((r) => r.url().includes("asked=")), page.getByRole("button", { name: "转到" }).click()]);
    expect(res.status()).toBe(200);
    await expect(page).toHaveURL(new RegExp(`/issues/${LAST}\\?asked=2026-04-05$`));
    await expect(page.getByRole("note")).toHaveText("2026年4月5日没有出版报纸,已为您打开最近的一期:2026年4月8日");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("2026年4月8日 星期三");
    // The copy with the note is not indexed; the plain issue page is its canonical address.
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`/issues/${LAST}$`));
    await shot(page, "note");
  });

  test("should open the first or the last issue for a day outside the archive, and a day's own issue without a note", async ({ page }) => {
    await page.goto("/issues");
    const picker = page.getByLabel("按日期查看");
    await picker.fill("2020-01-01");
    await page.getByRole("button", { name: "转到" }).click();
    await expect(page).toHaveURL(new RegExp(`/issues/${FIRST}\\?asked=2020-01-01$`));
    await expect(page.getByRole("note")).toHaveText("2020年1月1日早于本数字报收录的第一期,已为您打开最早的一期:2025年12月27日");

    await page.getByLabel("按日期查看").fill("2030-01-01");
    await page.getByRole("button", { name: "转到" }).click();
    await expect(page).toHaveURL(new RegExp(`/issues/${LAST}\\?asked=2030-01-01$`));
    await expect(page.getByRole("note")).toHaveText("2030年1月1日的报纸尚未发布,已为您打开最新的一期:2026年4月8日");

    await page.getByLabel("按日期查看").fill(FIRST);
    await page.getByRole("button", { name: "转到" }).click();
    await expect(page).toHaveURL(new RegExp(`/issues/${FIRST}$`));
    await expect(page.getByRole("note")).toHaveCount(0);
  });

  test("should never land on a 404 from the page view's picker either", async ({ page }) => {
    await page.goto(`/issues/${LAST}/1`);
    const form = page.locator('form[action="/issues/go"]:has(input[type="date"])');
    await form.locator('input[type="date"]').fill("2025-12-28");
    const [res] = await Promise.all([page.waitForResponse((r) => r.url().includes("asked=")), form.getByRole("button").click()]);
    expect(res.status()).toBe(200);
    await expect(page.getByRole("note")).toHaveText("2025年12月28日没有出版报纸,已为您打开最近的一期:2025年12月27日");
  });

  test("should redirect with a relative address and answer a date it cannot read with 400", async ({ page, request }) => {
    const go = await request.get("/issues/go?date=2026-04-05", { maxRedirects: 0 });
    expect(go.status()).toBe(303);
    expect(go.headers()["location"]).toBe(`/issues/${LAST}?asked=2026-04-05`);
    // The page selector's `page` is kept for the day's own issue only.
    const location = async (query: string) => (await request.get(`/issues/go?${query}`, { maxRedirects: 0 })).headers()["location"];
    expect(await location(`date=${LAST}&page=1`)).toBe(`/issues/${LAST}/1`);
    expect(await location("date=2026-04-05&page=1")).toBe(`/issues/${LAST}?asked=2026-04-05`);

    const res = await page.goto("/issues/go?date=" + encodeURIComponent("2026/4/5"));
    expect(res?.status()).toBe(400);
    await expect(page.getByRole("alert")).toHaveText("“2026/4/5”不是有效的日期:请按“年-月-日”填写,例如 2026-04-08。");
    await expect(page.getByLabel("按日期查看")).toBeVisible();
    await shot(page, "go-400");
    // A hand-made ?asked= that does not lead to this issue adds no note.
    await page.goto(`/issues/${FIRST}?asked=2026-04-07`);
    await expect(page.getByRole("note")).toHaveCount(0);
  });

  test("should answer a typed address of a day without a paper with a 404 that names the issues either side", async ({ page }) => {
    const res = await page.goto("/issues/2026-04-05");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("找不到这一页");
    await expect(page.getByRole("main")).toContainText("2026年4月5日没有出版报纸。");
    await expect(page.getByRole("link", { name: "2026年4月8日 星期三" })).toHaveAttribute("href", `/issues/${LAST}`);
    await expect(page.getByRole("link", { name: "2025年12月27日 星期六" })).toHaveAttribute("href", `/issues/${FIRST}`);
    await shot(page, "no-issue-404");
  });
});

test.describe("the archive's steps", () => {
  test("should name the year 上一年 / 下一年 go to and never step outside the archive", async ({ page }) => {
    await page.goto("/issues");
    const nav = page.getByRole("navigation", { name: "月份" });
    await expect(nav.getByRole("heading", { level: 2 })).toHaveText("2026年4月");
    await expect(nav.getByRole("link", { name: "上一年(2025年)" })).toHaveAttribute("href", "/issues?month=2025-12");
    await expect(nav.getByRole("link", { name: "上个月" })).toHaveAttribute("href", "/issues?month=2026-03");
    await expectDisabled(nav.getByRole("link", { name: "下个月", disabled: true }));
    await expectDisabled(nav.getByRole("link", { name: "下一年", disabled: true }));
    await shot(page, "archive-last");

    await nav.getByRole("link", { name: "上一年(2025年)" }).click();
    await expect(page).toHaveURL(/\/issues\?month=2025-12$/);
    await expect(nav.getByRole("heading", { level: 2 })).toHaveText("2025年12月");
    await expectDisabled(nav.getByRole("link", { name: "上一年", disabled: true }));
    await expectDisabled(nav.getByRole("link", { name: "上个月", disabled: true }));
    await expect(nav.getByRole("link", { name: "下一年(2026年)" })).toHaveAttribute("href", "/issues?month=2026-04");
    await expect(page.getByRole("table").getByRole("link", { name: "2025年12月27日 星期六" })).toBeVisible();
    await expect(page.getByText("本月共 1 期")).toBeVisible();
    await shot(page, "archive-first");
  });

  test("should show an empty month inside the archive as empty, and 404 months outside it", async ({ page, request }) => {
    const res = await page.goto("/issues?month=2026-02");
    expect(res?.status()).toBe(200);
    await expect(page.getByRole("navigation", { name: "月份" }).getByRole("heading", { level: 2 })).toHaveText("2026年2月");
    const note = page.locator("#cal-note");
    await expect(note).toContainText("2026年2月 本月无报纸");
    await expect(note.getByRole("link", { name: "2025年12月27日" })).toHaveAttribute("href", `/issues/${FIRST}`);
    await expect(note.getByRole("link", { name: "2026年4月8日" })).toHaveAttribute("href", `/issues/${LAST}`);
    await expect(page.getByRole("table", { name: "2026年2月" })).toBeVisible();
    await expect(page.getByRole("table").getByRole("link")).toHaveCount(0);
    await expect(page.getByRole("link", { name: "上个月" })).toHaveAttribute("href", "/issues?month=2026-01");
    await expect(page.getByRole("link", { name: "下个月" })).toHaveAttribute("href", "/issues?month=2026-03");
    await shot(page, "archive-empty");
    for (const month of ["2025-11", "2026-05"]) expect((await request.get(`/issues?month=${month}`)).status(), month).toBe(404);
  });
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`should have no axe violations on the issue page, the archive and the note page (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    for (const path of [`/issues/${LAST}`, `/issues/${FIRST}`, "/issues", "/issues?month=2026-02", `/issues/${LAST}?asked=2026-04-05`, "/issues/2026-04-05", "/issues/go?date=bad"]) {
      await page.goto(path);
      await expect(page.locator("h1"), path).toHaveCount(1);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${path} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    }
    await shot(page, `go-400-${colorScheme}`);
    await page.goto(`/issues/${LAST}?asked=2026-04-05`);
    await shot(page, `note-${colorScheme}`);
    await page.goto("/issues?month=2026-02");
    await shot(page, `archive-empty-${colorScheme}`);
  });
}
