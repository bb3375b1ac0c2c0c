import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { accounts, signIn } from "./support/desk";

const routes = [
  "/",
  "/issues",
  "/issues/2026-04-08",
  "/issues/2026-04-08/1",
  "/articles/20251227-01-03",
  "/departments",
  "/departments/%E8%81%8A%E5%9F%8E%E5%A4%A7%E5%AD%A6",
  "/categories/courts",
  "/people/%E7%99%BD%E6%96%87%E6%96%8C",
  "/search?q=%E6%B3%95%E9%99%A2",
  "/categories",
  "/issues?month=2025-12",
  "/search",
  "/search?q=%E6%B2%A1%E6%9C%89%E8%BF%99%E4%B8%AA%E8%AF%8D&department=%E5%B8%82%E5%B8%82%E5%9C%BA%E7%9B%91%E7%AE%A1",
  "/articles/20300101-01-01",
];

for (const route of routes) {
  for (const colorScheme of ["light", "dark"] as const) {
    test(`should have no axe violations and one h1 on ${decodeURIComponent(route)} (${colorScheme})`, async ({ page }) => {
      // Both themes: the dark one has its own colours (app/theme.css) and its own contrast to pass.
      await page.emulateMedia({ colorScheme });
      await page.goto(route);
      await expect(page.locator("h1")).toHaveCount(1);
      await expect(page.getByRole("main")).toHaveCount(1);
      // Every rule axe runs by default: WCAG 2.x A/AA and its best practices (landmarks, headings…).
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    });
  }
}

// The desk: the same checks, signed in as a chief (who sees every section).
const deskRoutes = ["/editor", "/editor/issues/2026-04-08", "/editor/issues/2026-04-08/1", "/editor/import", "/editor/accounts", "/editor/account", "/editor/audit"];

test("should have no axe violations on the desk's sign-in page", async ({ page }) => {
  await page.goto("/editor/sign-in");
  await expect(page.locator("h1")).toHaveCount(1);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});

test("should have no axe violations and one h1 on every desk page", async ({ page }) => {
  await signIn(page, accounts().chief);
  for (const route of deskRoutes) {
    await page.goto(route);
    await expect(page.locator("h1"), route).toHaveCount(1);
    await expect(page.getByRole("main"), route).toHaveCount(1);
    // The preview frame is the reader's page, checked above on its own.
    const results = await new AxeBuilder({ page }).exclude("iframe").analyze();
    expect(results.violations.map((v) => `${route} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  }
});
