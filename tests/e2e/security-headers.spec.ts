import { expect, test, type Page } from "@playwright/test";
import { accounts, signIn } from "./support/desk";

/**
 * Security headers on every kind of address (reader documents, lists, search, feeds, the sitemap,
 * the JSON API, static routes, a bad address, the desk), and pages that still work under their
 * Content-Security-Policy: no violation is reported while a reader reads and a chief works.
 */

const ROUTES = [
  "/",
  "/issues",
  "/issues/2026-04-08",
  "/issues/2026-04-08/1",
  "/articles/20260408-01-01",
  "/search?q=%E8%81%8A%E5%9F%8E",
  "/departments",
  "/categories",
  "/feed.xml",
  "/sitemap.xml",
  "/api/issues",
  "/api/articles/20260408-01-01",
  "/robots.txt",
  "/articles/%FF%FE",
  "/issues/2030-01-01",
  "/editor/sign-in",
  "/editor",
];

test.describe("security headers", () => {
  for (const url of ROUTES) {
    test(`should send them on ${url}`, async ({ request }) => {
      const res = await request.get(url, { maxRedirects: 0 });
      const h = res.headers();
      expect(h["x-content-type-options"], url).toBe("nosniff");
      expect(h["referrer-policy"], url).toBe("strict-origin-when-cross-origin");
      expect(h["x-frame-options"], url).toBe("SAMEORIGIN");
      expect(h["permissions-policy"], url).toContain("camera=()");
      // Every HTML document carries a policy (a redirect has no document).
      if ((h["content-type"] ?? "").startsWith("text/html") && res.status() < 300 || res.status() >= 400) {
        const csp = h["content-security-policy"] ?? "";
        expect(csp, url).toContain("frame-ancestors 'self'");
        expect(csp, url).toContain("object-src 'none'");
        expect(csp, url).toMatch(/script-src [^;]+/);
        // Reader documents allow exactly their own inline scripts, by hash.
        if (!url.startsWith("/editor")) expect(csp, url).not.toContain("unsafe-inline'; style-src-elem");
        if (!url.startsWith("/editor")) expect(/script-src ([^;]+)/.exec(csp)?.[1], url).toMatch(/^('sha256-[A-Za-z0-9+/=]+' ?){2}$/);
        // Desk documents allow only the scripts Next wrote for this response, by its nonce.
        if (url.startsWith("/editor")) expect(/script-src ([^;]+)/.exec(csp)?.[1], url).toMatch(/^'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'$/);
      }
    });
  }
});

test("should give each desk response its own nonce, on every script of the page", async ({ request }) => {
  const nonces = [];
  for (let i = 0; i < 2; i++) {
    const res = await request.get("/editor/sign-in");
    const nonce = /'nonce-([^']+)'/.exec(res.headers()["content-security-policy"] ?? "")?.[1];
    expect(nonce).toBeTruthy();
    const html = await res.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    nonces.push(nonce);
  }
  expect(nonces[0]).not.toBe(nonces[1]);
});

async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) seen.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  return seen;
}

test("should read and work at the desk with no policy violation", async ({ page }) => {
  const violations = await watchViolations(page);
  // A reader: an article (its enhancement script shows the text-size controls), a page, search.
  await page.goto("/articles/20260408-01-01");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("group", { name: "字号" })).toBeVisible();
  await page.goto("/issues/2026-04-08/1");
  await page.goto(`/search?q=${encodeURIComponent("聊城")}`);
  // A chief at the desk: sign-in (a client component that must hydrate), the check view with its preview frame.
  await signIn(page, accounts().chief, "/editor/issues/2026-04-08/1");
  await expect(page.locator('iframe[title="读者所见的版面预览"]')).toBeVisible();
  await expect(page.frameLocator('iframe[title="读者所见的版面预览"]').getByRole("note", { name: "预览提示" })).toBeVisible();
  expect(violations).toEqual([]);
});
