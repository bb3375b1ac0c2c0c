import { expect, test } from "@playwright/test";

test("should open the home page in Chinese with the paper's name as its heading", async ({ page }, info) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  await expect(page.getByRole("banner").or(page.getByRole("main")).first()).toContainText("聊城日报");
  await page.screenshot({ path: info.outputPath("home.png"), fullPage: true });
});
