import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { qrPath } from "../../lib/site/qr";

/**
 * The article's reading tools (components/article-tools.tsx, lib/site/html/islands/{keys,share,speech}.ts):
 * ← → between articles and pages, the printout's masthead and footer, share / copy link and the
 * QR code, and 朗读 with the browser's speech synthesis (stubbed here: headless Chromium has no voices).
 */

const FIRST = "/articles/20260408-01-01"; // the first article: a next, no previous
const SECOND = "/articles/20260408-01-02";
const PAGE = "/issues/2026-04-08/1";

/** A key pressed with nothing focused (a click on the text leaves focus on the body, too). */
async function pressOnBody(page: Page, key: string) {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press(key);
}

// Outside test-results/, which every run of any spec empties.
const SHOTS = "data/tmp/shots-reader-tools";
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${test.info().project.name}-${name}`, fullPage: true });

async function expectNoAxeViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${what} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/**
 * A stand-in for window.speechSynthesis that records what it is asked to do. Its voices arrive
 * late with a `voiceschanged` event, as in real browsers; `lang` is the one voice's language.
 * Cancels are counted in sessionStorage, so a test can see one made while the page was left.
 */
function fakeSpeech(lang: string) {
  const log: string[] = [];
  const spoken: { text: string; lang: string; voice: string | undefined }[] = [];
  const queue: { onend: (() => void) | null }[] = [];
  let voices: object[] = [];
  const synth = Object.assign(new EventTarget(), {
    getVoices: () => voices,
    speak: (u: { text: string; lang: string; voice?: { name: string }; onend: (() => void) | null }) => {
      spoken.push({ text: u.text, lang: u.lang, voice: u.voice?.name });
      queue.push(u);
    },
    pause: () => log.push("pause"),
    resume: () => log.push("resume"),
    cancel: () => {
      log.push("cancel");
      sessionStorage.setItem("cancels", String(Number(sessionStorage.getItem("cancels")) + 1));
    },
  });
  class Utterance {
    lang = "";
    voice: unknown = null;
    onend: (() => void) | null = null;
    onerror: (() => void) | null = null;
    constructor(public text: string) {}
  }
  Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
  Object.defineProperty(window, "SpeechSynthesisUtterance", { value: Utterance, configurable: true });
  Object.assign(window, { __speech: { log, spoken, queue, loaded: false } });
  setTimeout(() => {
    voices = [{ name: `Fake ${lang}`, lang, voiceURI: "fake", localService: true, default: true }];
    synth.dispatchEvent(new Event("voiceschanged"));
    (window as unknown as { __speech: { loaded: boolean } }).__speech.loaded = true;
  }, 200);
}

type SpeechLog = { log: string[]; spoken: { text: string; lang: string; voice: string | undefined }[]; loaded: boolean };
const speechLog = (page: Page) => page.evaluate(() => (window as unknown as { __speech: SpeechLog }).__speech);

test.describe("keyboard reading", () => {
  test("should go to the next and previous article with → and ←, announced on the links", async ({ page, isMobile }) => {
    await page.goto(FIRST);
    const next = page.getByRole("link", { name: /^下一篇/ });
    await expect(next).toHaveAttribute("aria-keyshortcuts", "ArrowRight");
    // The hint only where a keyboard is likely: a fine pointer that hovers, not a phone.
    const hint = page.getByText("键盘 ← → 翻篇");
    if (isMobile) await expect(hint).toBeHidden();
    else await expect(hint).toBeVisible();
    await shot(page, "keys-article.png");

    await page.keyboard.press("ArrowRight");
    await expect(page).toHaveURL(new RegExp(`${SECOND}$`));
    await expect(page.getByRole("link", { name: /^上一篇/ })).toHaveAttribute("aria-keyshortcuts", "ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    await expect(page).toHaveURL(new RegExp(`${FIRST}$`));
    // The first article has no previous one: ← stays.
    await page.keyboard.press("ArrowLeft");
    await page.waitForTimeout(300);
    await expect(page).toHaveURL(new RegExp(`${FIRST}$`));
  });

  test("should not take keys meant for something else", async ({ page }) => {
    await page.goto(FIRST);
    const stays = async (what: string) => {
      await page.waitForTimeout(300);
      expect(new URL(page.url()).pathname, what).toBe(FIRST);
    };
    // With a modifier (Shift selects text; Ctrl and Meta are the system's).
    for (const key of ["Shift+ArrowRight", "Control+ArrowRight", "Meta+ArrowRight"]) {
      await page.keyboard.press(key);
      await stays(key);
    }
    // Typing in a field: the caret moves.
    const search = page.getByRole("banner").getByRole("searchbox");
    await search.fill("法院");
    await search.press("ArrowLeft");
    await search.press("ArrowRight");
    await stays("in the search field");
    await expect(search).toHaveValue("法院");
    // In an editable element.
    await page.evaluate(() => {
      const p = document.createElement("p");
      p.contentEditable = "true";
      p.id = "editable";
      p.textContent = "可编辑";
      document.querySelector("main")!.prepend(p);
    });
    await page.locator("#editable").press("ArrowRight");
    await stays("in a contenteditable element");
    // A key something else already handled.
    await page.evaluate(() => window.addEventListener("keydown", (e) => e.key === "ArrowRight" && e.preventDefault(), { capture: true, once: true }));
    await pressOnBody(page, "ArrowRight");
    await stays("after preventDefault");
    // An element that scrolls sideways: the arrow scrolls it.
    await page.evaluate(() => {
      const strip = document.createElement("div");
      strip.id = "strip";
      strip.style.cssText = "overflow-x:auto;width:120px;white-space:nowrap";
      strip.innerHTML = '<button type="button" style="width:600px">很宽的按钮</button>';
      document.querySelector("main")!.prepend(strip);
    });
    await page.locator("#strip button").focus();
    await page.keyboard.press("ArrowRight");
    await stays("in a sideways scroller");
    await expect.poll(() => page.locator("#strip").evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    // A page wider than the window.
    await page.evaluate(() => {
      document.querySelector("#strip")!.remove();
      const wide = document.createElement("div");
      wide.style.cssText = "width:4000px;height:1px";
      document.body.append(wide);
    });
    await pressOnBody(page, "ArrowRight");
    await stays("on a page that scrolls sideways");
  });

  test("should go to the next and previous page (版) on a page's view", async ({ page, isMobile }) => {
    // The sample edition has one page an issue, so the page's own view is served here with the
    // links a two-page issue has (the markup components/page-view.tsx writes for its neighbours).
    for (const [n, other, rel, label] of [[1, 2, "next", "下一版"], [2, 1, "prev", "上一版"]] as const) {
      await page.route(`**/issues/2026-04-08/${n}`, async (route) => {
        const res = await route.fetch({ url: new URL(PAGE, route.request().url()).toString() });
        const html = await res.text();
        const linked = html.replace(new RegExp(`<span[^>]*>${label}</span>`), `<a href="/issues/2026-04-08/${other}" rel="${rel}">${label}</a>`);
        expect(linked, "the page view writes an unlinked neighbour as a span").not.toBe(html);
        await route.fulfill({ response: res, body: linked });
      });
    }
    await page.goto(PAGE);
    await expect(page.getByRole("link", { name: "下一版" })).toHaveAttribute("aria-keyshortcuts", "ArrowRight");
    if (isMobile) await expect(page.getByText("键盘 ← → 翻版")).toBeHidden();
    else await expect(page.getByText("键盘 ← → 翻版")).toBeVisible();
    await shot(page, "keys-page.png");
    // On the page selector the arrows are the selector's.
    await page.getByLabel("选择版面").focus();
    await page.keyboard.press("ArrowRight");
    await page.waitForTimeout(300);
    await expect(page).toHaveURL(/\/issues\/2026-04-08\/1$/);
    await pressOnBody(page, "ArrowRight");
    await expect(page).toHaveURL(/\/issues\/2026-04-08\/2$/);
    await expect(page.getByRole("link", { name: "上一版" })).toHaveAttribute("aria-keyshortcuts", "ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    await expect(page).toHaveURL(/\/issues\/2026-04-08\/1$/);
  });

  test("should leave a list's 上一页/下一页 and a page without neighbours alone", async ({ page }) => {
    await page.goto(PAGE); // one page: no neighbour, nothing to announce
    await expect(page.locator("[aria-keyshortcuts]")).toHaveCount(0);
    await expect(page.getByText(/键盘 ← →/)).toHaveCount(0);
  });
});

test.describe("printing", () => {
  for (const colorScheme of ["light", "dark"] as const) {
    test(`should print the paper, date, page and address, black on white, without the site's controls (${colorScheme} screen)`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(FIRST);
      const siteName = (await page.locator('meta[property="og:site_name"]').getAttribute("content"))!.replace(/数字报$/, "");
      const address = (await page.locator('link[rel="canonical"]').getAttribute("href"))!;
      const masthead = page.locator(".print-masthead");
      const footer = page.locator(".print-footer");
      // On screen: none of it.
      await expect(masthead).toBeHidden();
      await expect(footer).toBeHidden();

      await page.emulateMedia({ media: "print", colorScheme });
      await expect(masthead).toBeVisible();
      await expect(masthead).toHaveText(`${siteName} 2026年4月8日 星期三 第01版 一线微观察`);
      await expect(footer).toContainText(`本文地址:${address}`);
      // The masthead above the title, the footer below the last paragraph.
      const top = async (selector: string) => (await page.locator(selector).last().boundingBox())!.y;
      expect(await top(".print-masthead")).toBeLessThan(await top("h1"));
      expect(await top(".print-footer")).toBeGreaterThan(await top(".article-body > *"));
      for (const hidden of [page.getByRole("banner"), page.getByRole("contentinfo"), page.getByRole("navigation", { name: "上下篇" }), page.getByRole("group", { name: "字号" }), page.getByText("二维码", { exact: true }), page.locator("form")]) {
        await expect(hidden.first()).toBeHidden();
      }
      const colours = await page.evaluate(() => {
        const c = (el: Element) => getComputedStyle(el).color;
        return {
          background: getComputedStyle(document.documentElement).backgroundColor,
          body: c(document.querySelector(".article-body p")!),
          title: c(document.querySelector("h1")!),
          muted: c(document.querySelector("article header .text-muted")!),
        };
      });
      expect(colours).toEqual({ background: "rgb(255, 255, 255)", body: "rgb(0, 0, 0)", title: "rgb(0, 0, 0)", muted: "rgb(51, 51, 51)" });
      await shot(page, `print-${colorScheme}.png`);

      const pdf = await page.pdf({ format: "A4", path: `${SHOTS}/${test.info().project.name}-article-${colorScheme}.pdf` });
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      expect(pdf.length).toBeGreaterThan(10_000);
    });
  }
});

test.describe("sharing", () => {
  test("should copy the link where there is no share sheet", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto(FIRST);
    await expect(page.getByRole("button", { name: "分享" })).toHaveCount(0);
    await page.getByRole("button", { name: "复制链接" }).click();
    await expect(page.getByRole("button", { name: "已复制链接" })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await page.locator('link[rel="canonical"]').getAttribute("href"));
  });

  test("should open the system's share sheet where there is one, as the only share control", async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(navigator, "share", { value: async (data: ShareData) => void Object.assign(window, { __shared: data }), configurable: true });
    });
    await page.goto(FIRST);
    await expect(page.getByRole("button", { name: "复制链接" })).toHaveCount(0);
    await page.getByRole("button", { name: "分享" }).click();
    const shared = await page.waitForFunction(() => (window as unknown as { __shared?: ShareData }).__shared).then((h) => h.jsonValue() as Promise<ShareData>);
    expect(shared.url).toBe(await page.locator('link[rel="canonical"]').getAttribute("href"));
    expect(shared.title).toContain("潮头攻坚 实干争先");
  });

  test("should keep the button hidden with neither a share sheet nor a clipboard (not a secure context)", async ({ page }) => {
    await page.addInitScript(() => Object.defineProperty(window, "isSecureContext", { value: false }));
    await page.goto(FIRST);
    await expect(page.getByRole("group", { name: "字号" })).toBeVisible(); // the script ran
    await expect(page.locator("[data-share]")).toBeHidden();
  });

  test("should show the article's address as a QR code drawn in the page, one path and no request", async ({ page }) => {
    const requests: string[] = [];
    page.on("request", (r) => {
      if (r.resourceType() !== "document" && !r.url().includes("/icon.svg")) requests.push(r.url());
    });
    await page.goto(FIRST);
    const qr = page.getByRole("img", { name: "本文地址二维码" });
    await expect(qr).toBeHidden();
    await page.getByText("二维码", { exact: true }).click();
    await expect(qr).toBeVisible();
    await expect(qr.locator("path")).toHaveCount(1);
    await expect(qr.locator("rect")).toHaveCount(0);
    // The code is the canonical address's (lib/site/qr.ts, unit-tested against the library's modules).
    const address = (await page.locator('link[rel="canonical"]').getAttribute("href"))!;
    expect(await qr.locator("path").getAttribute("d")).toBe(qrPath(address).d);
    const box = (await qr.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(140); // large enough for a phone's camera
    await shot(page, "qr-open.png");
    expect(requests).toEqual([]);
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });
    test("should still open the QR code, and hide share, 朗读 and the key hint", async ({ page }) => {
      await page.goto(FIRST);
      await page.getByText("二维码", { exact: true }).click();
      await expect(page.getByRole("img", { name: "本文地址二维码" })).toBeVisible();
      await expect(page.locator("[data-share]")).toBeHidden();
      await expect(page.locator("[data-speech]")).toBeHidden();
      await expect(page.getByText(/键盘 ← →/)).toHaveCount(0);
      await expect(page.locator("[aria-keyshortcuts]")).toHaveCount(0);
    });
  });
});

test.describe("朗读", () => {
  test("should read the title and body aloud in Chinese, pause, resume and stop when the reader leaves", async ({ page }) => {
    await page.addInitScript(fakeSpeech, "zh-CN");
    await page.goto(FIRST);
    const button = page.locator("[data-speech]");
    // Shown once the voices have arrived (voiceschanged).
    await expect(button).toBeVisible();
    await expect(button).toHaveText("朗读");
    await expect(button).toHaveAttribute("aria-pressed", "false");
    await shot(page, "speech-idle.png");

    await button.click();
    await expect(button).toHaveText("暂停朗读");
    await expect(button).toHaveAttribute("aria-pressed", "true");
    const { spoken } = await speechLog(page);
    const title = await page.locator("h1").innerText();
    const blocks = await page.locator(".article-body > :not(.jump)").allInnerTexts();
    expect(spoken.map((s) => s.text)).toEqual([title, ...blocks].map((t) => t.trim()).filter(Boolean));
    expect(spoken[0]!.text).toBe("潮头攻坚 实干争先");
    expect(spoken[1]!.text).toMatch(/^不久前[,，]聊城市住房公积金管理中心/);
    expect(new Set(spoken.map((s) => `${s.lang} ${s.voice}`))).toEqual(new Set(["zh-CN Fake zh-CN"]));

    await button.click();
    await expect(button).toHaveText("继续朗读");
    await expect(button).toHaveAttribute("aria-pressed", "false");
    await button.click();
    await expect(button).toHaveText("暂停朗读");
    await expect(button).toHaveAttribute("aria-pressed", "true");
    expect((await speechLog(page)).log.filter((l) => l !== "cancel")).toEqual(["pause", "resume"]);

    // The last paragraph read: back to the start.
    await page.evaluate(() => {
      const { queue } = (window as unknown as { __speech: { queue: { onend: (() => void) | null }[] } }).__speech;
      queue.at(-1)!.onend!();
    });
    await expect(button).toHaveText("朗读");
    await expect(button).toHaveAttribute("aria-pressed", "false");

    // Reading, then leaving: the page's speech is cancelled on the way out.
    await button.click();
    const before = await page.evaluate(() => Number(sessionStorage.getItem("cancels")));
    await page.getByRole("link", { name: /^下一篇/ }).click();
    await expect(page).toHaveURL(new RegExp(`${SECOND}$`));
    expect(await page.evaluate(() => Number(sessionStorage.getItem("cancels")))).toBeGreaterThan(before);
  });

  test("should stay hidden where the browser has no Chinese voice", async ({ page }) => {
    await page.addInitScript(fakeSpeech, "en-US");
    await page.goto(FIRST);
    await page.waitForFunction(() => (window as unknown as { __speech: { loaded: boolean } }).__speech.loaded);
    await page.waitForTimeout(100);
    await expect(page.locator("[data-speech]")).toBeHidden();
  });

  test("should stay hidden in this headless browser, which has no voices at all", async ({ page }) => {
    await page.goto(FIRST);
    await expect(page.getByRole("group", { name: "字号" })).toBeVisible(); // the script ran
    await page.waitForTimeout(500);
    await expect(page.locator("[data-speech]")).toBeHidden();
  });
});

test.describe("accessibility with the tools shown", () => {
  for (const colorScheme of ["light", "dark"] as const) {
    test(`should have no axe violations on an article and a page (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.addInitScript(fakeSpeech, "zh-CN");
      // The tools add no inline script or style element the Content-Security-Policy would refuse.
      const violations: string[] = [];
      await page.exposeFunction("__cspViolation", (v: string) => violations.push(v));
      await page.addInitScript(() =>
        document.addEventListener("securitypolicyviolation", (e) => (window as unknown as { __cspViolation: (v: string) => void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI}`)),
      );
      await page.goto(FIRST);
      await expect(page.locator("[data-speech]")).toBeVisible();
      await page.getByText("二维码", { exact: true }).click();
      await expect(page.getByRole("img", { name: "本文地址二维码" })).toBeVisible();
      await page.locator("[data-speech]").click(); // pressed state
      await expectNoAxeViolations(page, FIRST);
      await page.locator("[data-speech]").focus();
      await shot(page, `tools-${colorScheme}.png`);

      await page.goto(SECOND); // both neighbours, both shortcuts
      await expectNoAxeViolations(page, SECOND);
      await page.goto(PAGE);
      await expectNoAxeViolations(page, PAGE);
      expect(violations).toEqual([]);
    });
  }
});
