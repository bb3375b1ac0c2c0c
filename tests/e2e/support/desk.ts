import fs from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";

export interface Account {
  email: string;
  name: string;
  password: string;
}

/** The accounts scripts/e2e-server.mjs created with `npm run editor:create` (generated passwords). */
export function accounts(): { chief: Account; editor: Account } {
  const file = path.join(process.cwd(), "data", "tmp", `e2e-accounts-${process.env.E2E_PORT}.json`);
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

export async function signIn(page: Page, who: Account, next = "/editor") {
  await page.goto(`/editor/sign-in?next=${encodeURIComponent(next)}`);
  await expect(page.getByTestId("sign-in-form")).toHaveAttribute("data-ready", "1");
  await page.getByLabel("邮箱").fill(who.email);
  await page.getByLabel("密码").fill(who.password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("navigation", { name: "编辑部" })).toBeVisible();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "退出" }).click();
  await expect(page).toHaveURL(/\/editor\/sign-in/);
}

/** Drops files on an element the way a browser does (a DataTransfer with File objects). */
export async function dropFiles(page: Page, selector: string, files: string[]) {
  const payload = files.map((f) => ({ name: path.basename(f), text: fs.readFileSync(f, "utf8") }));
  const dt = await page.evaluateHandle((items) => {
    const transfer = new DataTransfer();
    for (const it of items) transfer.items.add(new File([it.text], it.name, { type: "text/plain" }));
    return transfer;
  }, payload);
  await page.dispatchEvent(selector, "dragover", { dataTransfer: dt });
  await page.dispatchEvent(selector, "drop", { dataTransfer: dt });
}

/** "YYYY-MM-DDTHH:MM:SS" in China time, `ms` from now. */
export function chinaLocal(ms: number): string {
  return new Date(Date.now() + ms + 8 * 3600_000).toISOString().slice(0, 19);
}
