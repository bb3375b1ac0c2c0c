import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page, test } from "@playwright/test";

/**
 * The page map (版面示意图) of a page view, its ties to the article list, the page steps at the ends
 * of an issue, and the small map of where an article stands on its page (issue 16). Both sample
 * issues have one page each, so 上一版 and 下一版 are both at an end.
 */

const PAGE_0408 = "/issues/2026-04-08/1";
const PAGE_1227 = "/issues/2025-12-27/1";
const ARTICLE = "/articles/20251227-01-03";
const ARTICLE_TITLE = "下沉式沟通激活发展“税动力”";

const pageMap = (page: Page) => page.getByRole("group", { name: "第01版:一线微观察版面示意图" });
const articleList = (page: Page) => page.getByRole("region", { name: "标题导航" });

async function box(l: Locator) {
  const b = await l.boundingBox();
  expect(b).not.toBeNull();
  return b!;
}

/** The WCAG contrast ratio of an element's text colour on the background it paints (or its nearest painted ancestor's). */
function contrastOf(l: Locator): Promise<number> {
  return l.evaluate((el) => {
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    let bgEl: Element | null = el;
    while (bgEl && (getComputedStyle(bgEl).backgroundColor === "rgba(0, 0, 0, 0)" || getComputedStyle(bgEl).backgroundColor === "transparent")) bgEl = bgEl.parentElement;
    const bg = rgb(getComputedStyle(bgEl ?? document.documentElement).backgroundColor);
    const fg = rgb(getComputedStyle(el).color);
    const lum = ([r, g, b]: number[]) =>
      [r!, g!, b!].map((v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)).reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i]!, 0);
    const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
    return (a! + 0.05) / (b! + 0.05);
  });
}

/** Where an element stands on the document (not the viewport, which hovering may scroll). */
const pageBox = (l: Locator) =>
  l.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height };
  });

const fillOf = (l: Locator) => l.evaluate((el) => getComputedStyle(el).fill);
const themeColour = (page: Page, name: string) =>
  page.evaluate((n) => {
    // Resolve a theme variable to the computed rgb() the browser paints.
    const probe = document.createElement("span");
    probe.style.color = `var(${n})`;
    document.body.append(probe);
    const c = getComputedStyle(probe).color;
    probe.remove();
    return c;
  }, name);

async function expectNoAxeViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${what} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test.describe("the page map", () => {
  test("should be titled and described as a schematic, not the printed page", async ({ page }, info) => {
    await page.goto(PAGE_0408);
    await expect(page.getByRole("heading", { level: 2, name: "版面示意图" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "版面图", exact: true })).toHaveCount(0);
    const map = pageMap(page);
    await expect(map).toBeVisible();
    // The note is shown and is the map's description for screen readers.
    const note = page.locator("#map-note");
    await expect(note).toBeVisible();
    await expect(note).toContainText("并非报纸原版版面");
    await expect(map).toHaveAttribute("aria-describedby", "map-note");
    await expect(map).toHaveAccessibleDescription(/示意排布,并非报纸原版版面/);
    await map.screenshot({ path: info.outputPath("page-map-0408.png") });
    await page.screenshot({ path: info.outputPath("page-0408.png"), fullPage: true });
  });

  test("should give the banner to the most prominent article, not the first in the file", async ({ page }, info) => {
    // 2025-12-27: six short items, then the long feature with a subtitle, last in the file.
    await page.goto(PAGE_1227);
    const map = pageMap(page);
    const links = map.getByRole("link");
    await expect(links).toHaveCount(7);
    const lead = map.getByRole("link", { name: "打造法治山东实践“聊城样板”" });
    // First for the keyboard, across the top, above every other article.
    await expect(links.first()).toHaveAccessibleName("打造法治山东实践“聊城样板”");
    const mapBox = await box(map);
    const leadBox = await box(lead);
    expect(leadBox.width).toBeGreaterThan(mapBox.width * 0.55);
    for (let i = 1; i < 7; i++) expect((await box(links.nth(i))).y).toBeGreaterThanOrEqual(leadBox.y + leadBox.height - 1);
    // The others in reading order: the file's first article leads the columns.
    await expect(links.nth(1)).toHaveAccessibleName("围绕产业需求培养年轻干部");
    // The article list keeps the file's order.
    await expect(articleList(page).getByRole("link").first()).toHaveText("围绕产业需求培养年轻干部");
    await map.screenshot({ path: info.outputPath("page-map-1227.png") });

    // 2026-04-08: the first article is also the most prominent (longest, with a subtitle).
    await page.goto(PAGE_0408);
    await expect(pageMap(page).getByRole("link").first()).toHaveAccessibleName("潮头攻坚 实干争先");
  });

  test("should draw ads and captions as their own muted blocks, not links", async ({ page }) => {
    await page.goto(PAGE_0408);
    let map = pageMap(page);
    const ad = map.getByRole("img", { name: "广告:聊城日报 公益广告 深化移风易俗 倡树文明新风" });
    await expect(ad).toBeVisible();
    await expect(ad).toContainText("广告");
    await expect(map.getByRole("link")).toHaveCount(6);
    expect(await ad.evaluate((el) => el.closest("a"))).toBeNull();
    // At the foot of the page, below every article.
    const adBox = await box(ad);
    for (const l of await map.getByRole("link").all()) {
      const b = await box(l);
      expect(b.y + b.height).toBeLessThanOrEqual(adBox.y + 1);
    }
    // Muted: dashed, in the muted colour.
    const adRect = ad.locator("rect.page-map-block");
    expect(await adRect.evaluate((el) => getComputedStyle(el).strokeDasharray)).not.toBe("none");
    expect(await adRect.evaluate((el) => getComputedStyle(el).stroke)).toBe(await themeColour(page, "--color-muted"));

    await page.goto(PAGE_1227);
    map = pageMap(page);
    const caption = map.getByRole("img", { name: "图片说明:东昌府区人民法院庭审法官叮嘱提醒" });
    await expect(caption).toBeVisible();
    await expect(caption).toContainText("图片说明");
    expect(await caption.evaluate((el) => el.closest("a"))).toBeNull();
    // Beside its article, the banner.
    const lead = await box(map.getByRole("link", { name: "打造法治山东实践“聊城样板”" }));
    const captionBox = await box(caption);
    expect(captionBox.x).toBeGreaterThanOrEqual(lead.x + lead.width - 1);
    expect(Math.abs(captionBox.y - lead.y)).toBeLessThan(2);
  });

  test("should light a title's block and a block's title, by mouse and by keyboard, without moving anything", async ({ page }) => {
    await page.goto(PAGE_0408);
    const map = pageMap(page);
    const title = "聊城仲裁委部署2026年服务新举措";
    const block = map.getByRole("link", { name: title });
    const blockRect = block.locator("rect.page-map-block");
    const listLink = articleList(page).getByRole("link", { name: title });
    const item = articleList(page).getByRole("listitem").filter({ has: page.getByRole("link", { name: title }) });
    const mark = await themeColour(page, "--color-mark");
    const paper = await themeColour(page, "--color-paper");
    // Lighting changes colours and the SVG stroke only: the map, the block's shape and the list stay put.
    const layout = async () => ({
      map: await pageBox(map),
      block: await blockRect.evaluate((el) => {
        const b = (el as SVGGraphicsElement).getBBox();
        return [b.x, b.y, b.width, b.height];
      }),
      item: await pageBox(item),
      list: await pageBox(articleList(page)),
    });
    const before = await layout();
    expect(await fillOf(blockRect)).toBe(paper);

    // Hovering the title lights its block.
    await listLink.hover();
    await expect(block).toHaveClass(/page-map-linked/);
    expect(await fillOf(blockRect)).toBe(mark);
    expect(await layout()).toEqual(before);
    // Only that block.
    await expect(map.locator(".page-map-linked")).toHaveCount(1);

    // Hovering the block lights its title (the bar at its left).
    await map.getByRole("link", { name: "司法为民暖人心" }).hover();
    const otherItem = articleList(page).getByRole("listitem").filter({ hasText: "司法为民暖人心" });
    await expect(otherItem).toHaveClass(/page-map-linked/);
    expect(await otherItem.evaluate((el) => getComputedStyle(el).boxShadow)).toContain(await themeColour(page, "--color-accent"));
    await expect(block).not.toHaveClass(/page-map-linked/);

    // Keyboard: focus on the title lights the block, and the reverse, with the mouse away.
    await page.mouse.move(0, 0);
    await listLink.focus();
    await expect(block).toHaveClass(/page-map-linked/);
    await block.focus();
    await expect(item).toHaveClass(/page-map-linked/);
    await expect(block).toBeFocused();
    // The focused block shows it: a thicker accent outline than hover's.
    expect(await blockRect.evaluate((el) => getComputedStyle(el).stroke)).toBe(await themeColour(page, "--color-accent"));
    expect(await layout()).toEqual(before);
    // Tab goes on from the block to the next block, and that article is lit instead.
    await page.keyboard.press("Tab");
    await expect(map.getByRole("link").nth(2)).toBeFocused();
    await expect(item).not.toHaveClass(/page-map-linked/);
  });

  test("should show 上一版 and 下一版 at the ends as disabled, out of the tab order, readable in both themes", async ({ page }, info) => {
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(PAGE_0408);
      const nav = page.getByRole("navigation", { name: "版面导航" });
      for (const name of ["上一版", "下一版"]) {
        const step = nav.getByRole("link", { name });
        await expect(step).toHaveAttribute("aria-disabled", "true");
        await expect(step).not.toHaveAttribute("href");
        await step.focus();
        await expect(step).not.toBeFocused();
        const style = await step.evaluate((el) => {
          const s = getComputedStyle(el);
          return { border: s.borderTopStyle, cursor: s.cursor };
        });
        // Visibly not a link: a dashed box, and the pointer says so.
        expect(style).toEqual({ border: "dashed", cursor: "not-allowed" });
        expect(await contrastOf(step), `${name} ${scheme}`).toBeGreaterThanOrEqual(4.5);
      }
      // The page selector's button, an enabled control beside them, has a solid border.
      expect(await nav.getByRole("button", { name: "转到" }).evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe("solid");
      // Tabbing through the navigation skips both.
      await page.getByRole("link", { name: /2026年4月8日/ }).first().focus();
      const visited: string[] = [];
      for (let i = 0; i < 4; i++) {
        await page.keyboard.press("Tab");
        visited.push(await page.evaluate(() => document.activeElement?.textContent?.trim() ?? ""));
      }
      expect(visited).not.toContain("上一版");
      expect(visited).not.toContain("下一版");
      await nav.screenshot({ path: info.outputPath(`page-steps-${scheme}.png`) });
    }
  });

  test("should have no axe violations on a page view and an article page, light and dark", async ({ page }) => {
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const route of [PAGE_1227, PAGE_0408, ARTICLE]) {
        await page.goto(route);
        await expectNoAxeViolations(page, `${route} (${scheme})`);
      }
    }
  });
});

test.describe("the article's small page map", () => {
  test("should show where the article stands on its page, link the others, and stay compact", async ({ page }, info) => {
    await page.goto(ARTICLE);
    const section = page.getByRole("region", { name: "本文在第01版的位置" });
    await expect(section).toBeVisible();
    const map = section.getByRole("group", { name: "本文在第01版的位置(版面示意图)" });
    await expect(map).toHaveAccessibleDescription(/示意图.*并非原版版面/);
    // This article: marked, named, not a link.
    const here = map.getByRole("img", { name: `本文:${ARTICLE_TITLE}` });
    await expect(here).toBeVisible();
    expect(await here.evaluate((el) => el.closest("a"))).toBeNull();
    expect(await fillOf(here.locator("rect.page-map-block"))).toBe(await themeColour(page, "--color-accent"));
    await expect(section).toContainText("本版第 3 篇,共 7 篇");
    // The other six link to their articles; the caption is a picture.
    await expect(map.getByRole("link")).toHaveCount(6);
    await expect(map.getByRole("img", { name: /^图片说明:/ })).toHaveCount(1);
    // Compact: a small map, the whole section a few lines high, on a phone too.
    const mapBox = await box(map);
    expect(mapBox.width).toBeLessThanOrEqual(160);
    expect((await box(section)).height).toBeLessThan(260);
    await section.screenshot({ path: info.outputPath("article-page-map.png") });
    await page.screenshot({ path: info.outputPath("article.png"), fullPage: true });

    await map.getByRole("link", { name: "打造法治山东实践“聊城样板”" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("打造法治山东实践“聊城样板”");
    await expect(page.getByRole("region", { name: "本文在第01版的位置" }).getByRole("img", { name: "本文:打造法治山东实践“聊城样板”" })).toBeVisible();
    await page.getByRole("region", { name: "本文在第01版的位置" }).getByRole("link", { name: "看本版全部稿件" }).click();
    await expect(page).toHaveURL(/\/issues\/2025-12-27\/1$/);
  });

  test("should be reachable by keyboard: the other articles' blocks take focus, this one does not", async ({ page }) => {
    await page.goto(ARTICLE);
    const map = page.getByRole("group", { name: "本文在第01版的位置(版面示意图)" });
    const first = map.getByRole("link").first();
    await first.focus();
    await expect(first).toBeFocused();
    await expect(first).toHaveAccessibleName("打造法治山东实践“聊城样板”");
    const names: string[] = [];
    for (let i = 0; i < 6; i++) {
      names.push(await page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? ""));
      await page.keyboard.press("Tab");
    }
    expect(names).not.toContain(ARTICLE_TITLE);
    expect(new Set(names).size).toBe(6);
  });
});
