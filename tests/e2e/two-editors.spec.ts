/**
 * Two editors correcting the same page at once: the second save, based on the version before the
 * first, is refused (409) and the desk says who changed the page, then re-applies on top.
 */
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { accounts, signIn } from "./support/desk";

test("should refuse a correction made on an out-of-date page, say who changed it, and re-apply on top", async ({ browser, baseURL }, info) => {
  const date = info.project.name === "phone" ? "2026-12-08" : "2026-12-07";
  const { chief, editor } = accounts();
  const one = await browser.newContext();
  const two = await browser.newContext();
  const a = await one.newPage();
  const b = await two.newPage();
  await signIn(a, editor);
  await signIn(b, chief);

  // A page of its own, imported as a draft through the desk's import route.
  const file = path.join("tests", "e2e", "fixtures", "desk", "2026-12-05_01.txt");
  const imported = await a.request.post("/editor/api/import", {
    headers: { origin: baseURL! },
    multipart: {
      mode: "import",
      pages: JSON.stringify([{ file: "two.txt", date, page: 1 }]),
      file: { name: "two.txt", mimeType: "text/plain", buffer: fs.readFileSync(file) },
    },
  });
  expect(imported.status()).toBe(200);

  for (const p of [a, b]) {
    await p.goto(`/editor/issues/${date}/1`);
    await expect(p.getByTestId("check-view")).toHaveAttribute("data-ready", "1");
  }
  // Each sees the other there (the lease heartbeat; the first view renews again on reload).
  await a.reload();
  await expect(a.getByTestId("others-here")).toContainText(chief.name);
  await expect(b.getByTestId("others-here")).toContainText(editor.name, { timeout: 35_000 });
  await expect(a.getByTestId("check-view")).toHaveAttribute("data-ready", "1");
  // The first editor saves.
  const fixA = a.getByTestId("corrections");
  await fixA.getByRole("button", { name: /修改第 2 篇/ }).click();
  await fixA.getByLabel("标题").fill("春耕时节农机忙");
  await fixA.getByRole("button", { name: "保存" }).click();
  await expect(fixA.getByRole("status")).toContainText("第 2 篇已更新");

  // The second, still on the version before it, is refused and told by whom.
  const fixB = b.getByTestId("corrections");
  await b.getByRole("button", { name: "选择第 16 行", exact: true }).click();
  await fixB.getByLabel("改为").selectOption("subhead");
  await fixB.getByRole("button", { name: "应用" }).click();
  const conflict = fixB.getByRole("alert").filter({ hasText: "409" });
  await expect(conflict).toContainText("刚被其他编辑修改过");
  await expect(conflict).toContainText(editor.name);
  await b.screenshot({ path: info.outputPath("409.png"), fullPage: false });
  await conflict.getByRole("button", { name: "在最新版本上重新应用我的修改" }).click();
  await expect(fixB.getByRole("status")).toContainText("已在最新版本上重新应用");
  await expect(b.locator('li[data-line="16"]')).toHaveAttribute("data-role", "subhead");
  // Both changes stand.
  await expect(fixB.getByText(/修改第\d+行起稿件的标题为“春耕时节农机忙”/)).toBeVisible();
  await expect(fixB.getByText("第16行改为小标题")).toBeVisible();
  // Merging the second article into the first takes its address away: it answers 301 to where
  // its text went.
  const compact = date.replaceAll("-", "");
  const raw = fs.readFileSync(file, "utf8").split("\n");
  const version = Number(await b.getByTestId("check-view").getAttribute("data-version"));
  const merged = await b.request.post(`/editor/api/pages/${date}/1/edits`, {
    headers: { origin: baseURL! },
    data: { action: "edit", basedOn: version, edit: { op: "merge-articles", into: { line: 3, text: raw[2]!.trim() }, from: { line: 27, text: raw[26]!.trim() } } },
  });
  expect(merged.status()).toBe(200);
  // While the issue is a draft the old address says nothing (404); published, it answers 301.
  expect((await b.request.get(`/articles/${compact}-01-02`, { maxRedirects: 0 })).status()).toBe(404);
  await b.goto(`/editor/issues/${date}`);
  await expect(b.getByTestId("publish-controls")).toHaveAttribute("data-ready", "1");
  const publishForm = b.locator("form", { has: b.getByRole("heading", { name: "立即发布" }) });
  await publishForm.getByRole("button", { name: "立即发布" }).click();
  await expect(publishForm.getByRole("status")).toContainText("已发布");
  const moved = await b.request.get(`/articles/${compact}-01-02`, { maxRedirects: 0 });
  expect(moved.status()).toBe(301);
  expect(moved.headers()["location"]).toBe(`/articles/${compact}-01-01`);
  // Back to a draft, so the reader tests that follow see the sample edition only.
  const unpublishForm = b.locator("form", { has: b.getByRole("heading", { name: "撤回" }) });
  await unpublishForm.getByLabel("确认撤回这一期").check();
  await unpublishForm.getByRole("button", { name: "撤回发布" }).click();
  await expect(unpublishForm.getByRole("status")).toContainText("已撤回");
  await one.close();
  await two.close();
});
