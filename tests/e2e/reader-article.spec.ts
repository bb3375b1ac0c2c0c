import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";

/**
 * The article's text as Chinese print sets it (components/article-view.tsx, lib/site/typeset.ts):
 * gaps the parser found are shown, heads and names never break inside a word, body text is
 * justified, punctuation inside Chinese is full-width, and bylines print each role once.
 * Both projects run every test: desktop (1280 px) and phone (Pixel 7).
 */

// Full-width marks, spelt as escapes so no editor or font passes one off as half-width.
const COMMA = "\uff0c";
const OPEN = "\uff08";
const CLOSE = "\uff09";

/** 围绕产业需求培养年轻干部: paragraphs flagged start-missing (lines 10, 12) and end-missing (line 14). */
const GAPS = "/articles/20251227-01-01";
/** 打造法治山东实践“聊城样板”: a long head, a 文图 byline of four, a caption. */
const LONG_HEAD = "/articles/20251227-01-07";
/** 潮头攻坚 实干争先: "■ 本报记者 姜小皓 / 本报通讯员 崔维鹏" printed in the head. */
const STAFF = "/articles/20260408-01-01";
/** 聊城建立工伤康复专家库: 本报讯(记者 陈金路 通讯员 韩丽芸 许超). */
const DATELINE = "/articles/20251227-01-04";

const shot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(`${name}-${test.info().project.name}.png`), fullPage: true });

/** How many line boxes an inline element is laid out in. */
const lineCount = (l: Locator) => l.evaluate((el) => new Set([...el.getClientRects()].map((r) => Math.round(r.top))).size);

test("should show a quiet, spoken marker where the printed text is incomplete, and none elsewhere", async ({ page }) => {
  await page.goto(GAPS);
  const body = page.locator(".article-body");
  const startMissing = body.locator("p", { hasText: "学习平台,邀请各领域专家授课".replace(",", COMMA) });
  const endMissing = body.locator("p", { hasText: "真正让干得好" });
  // The marker opens the paragraph whose start is lost and closes the one whose end is lost.
  await expect(startMissing.locator(".gap")).toHaveCount(1);
  expect(await startMissing.evaluate((p) => p.firstElementChild?.classList.contains("gap") && p.textContent?.indexOf("堂") === p.firstElementChild.textContent!.length)).toBe(true);
  expect(await endMissing.evaluate((p) => p.lastElementChild?.classList.contains("gap") && p.textContent!.trimEnd().endsWith(p.lastElementChild.textContent!))).toBe(true);
  await expect(body.locator(".gap")).toHaveCount(3);
  // Seen as "……" in the muted ink; heard as a sentence (the dots themselves are hidden from screen readers).
  const gap = endMissing.locator(".gap");
  await expect(gap.locator('[aria-hidden="true"]')).toHaveText("\u2026\u2026");
  await expect(gap.locator(".sr-only")).toHaveText(`${OPEN}印刷版此处文字不全${CLOSE}`);
  const [gapColour, mutedColour, inkColour] = await gap.evaluate((el) => {
    const probe = document.createElement("span");
    probe.className = "text-muted";
    document.body.append(probe);
    const out = [getComputedStyle(el).color, getComputedStyle(probe).color, getComputedStyle(el.parentElement!).color];
    probe.remove();
    return out;
  });
  expect(gapColour).toBe(mutedColour);
  expect(gapColour).not.toBe(inkColour);
  expect(await endMissing.textContent()).toContain(`真正让干得好\u2026\u2026${OPEN}印刷版此处文字不全${CLOSE}`);

  await page.goto(STAFF);
  await expect(page.locator(".article-body .gap")).toHaveCount(0);
  await page.goto(GAPS);
  await endMissing.scrollIntoViewIfNeeded();
  await shot(page, "gaps");
});

test("should keep every head, name and date whole on one line, heads balanced", async ({ page }) => {
  for (const path of [LONG_HEAD, STAFF, GAPS, DATELINE]) {
    await page.goto(path);
    const header = page.locator("article header");
    const h1 = header.locator("h1");
    expect(await h1.evaluate((el) => getComputedStyle(el).textWrapStyle || getComputedStyle(el).textWrap), path).toContain("balance");
    // Words, quotations and dates of the head, each name and the date: never across two lines.
    const whole = header.locator(".whitespace-nowrap");
    expect(await whole.count(), path).toBeGreaterThan(3);
    for (const el of await whole.all()) expect(await lineCount(el), `${path} “${await el.textContent()}”`).toBe(1);
    for (const name of await header.locator('a[href^="/people/"]').all()) expect(await lineCount(name), path).toBe(1);
    await expect(header.locator("time")).toHaveText(/^\d{4}年\d{1,2}月\d{1,2}日 星期[日一二三四五六]$/);
  }
  await page.goto(LONG_HEAD);
  const h1 = page.locator("h1");
  if (test.info().project.name === "phone") {
    // The head does wrap on a phone (so the checks above are about real line breaks), between words.
    const lines = await h1.evaluate((el) => {
      const range = document.createRange();
      const text = el.textContent ?? "";
      const tops: number[] = [];
      let offset = 0;
      for (const node of (function* walk(n: Node): Generator<Text> {
        for (const c of n.childNodes) c.nodeType === Node.TEXT_NODE ? yield c as Text : yield* walk(c);
      })(el)) {
        for (let i = 0; i < node.data.length; i++) {
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          tops[offset + i] = Math.round(range.getBoundingClientRect().top);
        }
        offset += node.data.length;
      }
      const out: string[] = [];
      [...text].forEach((c, i) => {
        if (i === 0 || tops[i] !== tops[i - 1]) out.push("");
        out[out.length - 1] += c;
      });
      return out;
    });
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join("/")).toBe("打造法治山东/实践“聊城样板”");
  }
  await shot(page, "heads");
});

test("should justify body paragraphs as Chinese print does, captions and the indent as they were", async ({ page }) => {
  await page.goto(LONG_HEAD);
  const style = (l: Locator) =>
    l.evaluate((el) => {
      const s = getComputedStyle(el);
      return { align: s.textAlign, indent: parseFloat(s.textIndent) / parseFloat(s.fontSize), lineBreak: s.lineBreak };
    });
  const para = page.locator(".article-body p:not([class])").first();
  expect(await style(para)).toEqual({ align: "justify", indent: 2, lineBreak: "strict" });
  const caption = page.locator(".article-body p.caption");
  await expect(caption).toHaveCount(1);
  expect(await style(caption)).toMatchObject({ align: "start", indent: 0 });
  // Justified: a full line of a long paragraph reaches the right edge of the column.
  const long = page.locator(".article-body p:not([class])").nth(1);
  const [right, lastFull] = await long.evaluate((p) => {
    const range = document.createRange();
    range.selectNodeContents(p);
    const rects = [...range.getClientRects()];
    const lines = new Map<number, number>();
    for (const r of rects) lines.set(Math.round(r.top), Math.max(lines.get(Math.round(r.top)) ?? 0, r.right));
    const rights = [...lines.values()];
    return [p.getBoundingClientRect().right, rights[rights.length - 2] ?? 0];
  });
  expect(right - lastFull).toBeLessThan(2);
});

test("should set half-width marks inside Chinese full-width for display, keeping numbers and the 原文 as printed", async ({ page }) => {
  await page.goto(LONG_HEAD);
  const text = (await page.locator(".article-body").textContent()) ?? "";
  expect(text).toContain(`没想到拖了多年的难题${COMMA}没打官司`);
  expect(text).toContain(`受案比达2:1${COMMA}全市`);
  expect(text).not.toMatch(/[\u4e00-\u9fff][,:;?!()]|[,:;?!()][\u4e00-\u9fff]/u);
  // The page's raw text (原文) stays exactly as printed.
  await page.goto("/issues/2025-12-27/1");
  await page.getByText("原文(本版原始文本)").click();
  await expect(page.locator("details pre")).toContainText("没想到拖了多年的难题,没打官司");
  await expect(page.locator("details pre")).not.toContainText(`难题${COMMA}没打官司`);
});

test("should still mark ?hl= words across the converted marks, typed half-width or full-width", async ({ page }) => {
  for (const typed of ["本报讯(记者", `本报讯${OPEN}记者`]) {
    await page.goto(`${DATELINE}?hl=${encodeURIComponent(typed)}`);
    const marks = page.locator(".article-body mark");
    await expect(marks).toHaveCount(1);
    await expect(marks).toHaveText(`本报讯${OPEN}记者`);
  }
  // The gap's spoken note is no text of the article: a word in it is not marked there.
  await page.goto(`${GAPS}?hl=${encodeURIComponent("文字")}`);
  await expect(page.locator(".article-body .gap mark")).toHaveCount(0);
  await page.goto(`${DATELINE}?hl=${encodeURIComponent("本报讯(记者")}`);
  await shot(page, "highlight");
});

test("should print each role once before its people, with 本报 where the paper printed it, each name a link", async ({ page }) => {
  const bylineOf = (p: Page) => p.locator("article header p.mt-3");
  const cases: [string, string, string[]][] = [
    [LONG_HEAD, "文/图 王军豪 赵晓翠 张丽芳 梅小勇", ["王军豪", "赵晓翠", "张丽芳", "梅小勇"]],
    [STAFF, "本报记者 姜小皓 本报通讯员 崔维鹏", ["姜小皓", "崔维鹏"]],
    [DATELINE, "记者 陈金路 通讯员 韩丽芸 许超", ["陈金路", "韩丽芸", "许超"]],
  ];
  for (const [path, printed, names] of cases) {
    await page.goto(path);
    const byline = bylineOf(page);
    expect(((await byline.textContent()) ?? "").split(" · ")[0], path).toBe(printed);
    for (const name of names) {
      await expect(byline.getByRole("link", { name, exact: true }), path).toHaveAttribute("href", `/people/${encodeURIComponent(name)}`);
    }
  }
  await page.goto(STAFF);
  await shot(page, "bylines");
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`should have no axe violations on the articles used here (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    for (const path of [GAPS, LONG_HEAD, STAFF, DATELINE]) {
      await page.goto(path);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${path} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    }
    await page.goto(GAPS);
    await page.locator(".article-body .gap").last().scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath(`gaps-${colorScheme}-${test.info().project.name}.png`) });
  });
}
