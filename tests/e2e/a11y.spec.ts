import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

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
];

for (const route of routes) {
  test(`should have no axe violations and one h1 on ${decodeURIComponent(route)}`, async ({ page }) => {
    await page.goto(route);
    await expect(page.locator("h1")).toHaveCount(1);
    await expect(page.getByRole("main")).toHaveCount(1);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
}
