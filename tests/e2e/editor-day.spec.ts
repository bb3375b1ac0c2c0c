import path from "node:path";
import { expect, test } from "@playwright/test";
import { accounts, chinaLocal, dropFiles, signIn, signOut } from "./support/desk";

const FILES = ["2026-12-05_01.txt", "2026-12-05_02.txt"].map((f) => path.join("tests", "e2e", "fixtures", "desk", f));
const TITLE = "“家门口”的养老服务,老人满意吗?";
const NEW_TITLE = "聊城大学春季招聘会提供岗位8600余个";

test("an editor's day: sign in, import by drag and drop, check warnings, preview, schedule, publish on time, unpublish", async ({ page, request, browser }, info) => {
  test.setTimeout(120_000);
  const shot = (name: string) => page.screenshot({ path: info.outputPath(name), fullPage: true });
  const { chief, editor } = accounts();
  // Each project has a day of its own (the phone run moves the pages to the 6th before importing),
  // so the runs do not see each other's reviews and schedules.
  const DATE = info.project.name === "phone" ? "2026-12-06" : "2026-12-05";
  // This day's articles, wherever a reader may meet them (feed, search results, lists).
  const ours = `/articles/${DATE.replaceAll("-", "")}-`;

  // Readers see nothing of the issue yet (and these answers are now cached).
  expect((await request.get(`/issues/${DATE}`)).status()).toBe(404);
  expect(await (await request.get("/feed.xml")).text()).not.toContain(ours);
  expect(await (await request.get(`/search?q=${encodeURIComponent("养老服务")}`)).text()).not.toContain(ours);

  // 1. Sign in (an editor).
  await page.goto("/editor");
  await expect(page).toHaveURL(/\/editor\/sign-in\?next=%2Feditor/);
  await shot("1-sign-in.png");
  await signIn(page, editor);
  await expect(page.getByRole("heading", { level: 1, name: "期次" })).toBeVisible();

  // 2. Import two page files by drag and drop; date and page come from their names.
  await page.getByRole("navigation", { name: "编辑部" }).getByRole("link", { name: "导入版面" }).click();
  await expect(page.getByTestId("drop-zone")).toHaveAttribute("data-ready", "1");
  await dropFiles(page, '[data-testid="drop-zone"]', FILES);
  await expect(page.getByRole("heading", { name: /将要导入 2 个版面/ })).toBeVisible();
  await expect(page.getByLabel("2026-12-05_02.txt 的版次")).toHaveValue("2");
  await expect(page.getByLabel("2026-12-05_01.txt 的日期")).toHaveValue("2026-12-05");
  for (const f of ["2026-12-05_01.txt", "2026-12-05_02.txt"]) await page.getByLabel(`${f} 的日期`).fill(DATE);
  await page.getByLabel("2026-12-05_01.txt 的版名").fill("要闻");
  await shot("2-import-plan.png");
  await page.getByRole("button", { name: "导入为草稿" }).click();
  const report = page.getByRole("status", { name: /已导入 2 个版面/ });
  await expect(report).toBeVisible();
  await shot("3-import-done.png");

  // 3. The warnings of page 2.
  await expect(report.getByText(/1 条警告|2 条警告/)).toBeVisible();
  await report.getByRole("link", { name: new RegExp(`${DATE} 第02版`) }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("检查 第02版");
  await expect(page.getByTestId("check-view")).toHaveAttribute("data-ready", "1");
  const warnings = page.getByRole("region", { name: /警告/ });
  await expect(warnings.getByRole("listitem")).not.toHaveCount(0);

  // 4. The raw-text view: follow a warning to its lines.
  // The first warning still to review (a fixed locator: once reviewed it no longer has that button).
  const items = warnings.getByRole("listitem");
  let index = 0;
  while ((await items.nth(index).getByRole("button", { name: "标记为已审阅" }).count()) === 0) index++;
  const first = items.nth(index);
  const linesText = (await first.getByText(/第 [\d、]+ 行/).first().textContent()) ?? "";
  const line = Number(/第 (\d+)/.exec(linesText)?.[1]);
  expect(line).toBeGreaterThan(0);
  await first.getByRole("button").first().click();
  const target = page.locator(`li[data-line="${line}"]`);
  await expect(target).toHaveAttribute("data-warn", "1");
  await expect(target).toBeInViewport();
  await shot("4-check-warning.png");
  // Mark it reviewed: the count of warnings to review goes down.
  await first.getByRole("button", { name: "标记为已审阅" }).click();
  await expect(first.getByText(`已由 ${editor.name} 审阅`)).toBeVisible();

  // 4b. Corrections (the edit log): fix a title, move the relocated paragraph back, split an
  // article, turn a line into a subhead, undo the last change.
  const fix = page.getByTestId("corrections");
  const choose = async (line: number) => {
    await page.getByRole("button", { name: `选择第 ${line} 行`, exact: true }).click();
    await expect(fix.getByText(`已选第 ${line} 行`)).toBeVisible();
  };
  await fix.getByRole("button", { name: /修改第 2 篇/ }).click();
  await fix.getByLabel("标题").fill(NEW_TITLE);
  await fix.getByRole("button", { name: "保存" }).click();
  await expect(fix.getByRole("status")).toContainText("第 2 篇已更新");
  await choose(19);
  await fix.getByLabel("移到稿件").selectOption({ label: `第 2 篇 ${NEW_TITLE}` });
  await fix.getByRole("button", { name: "移动" }).click();
  await expect(fix.getByRole("status")).toContainText("段落已移动");
  await expect(page.locator('li[data-line="19"]')).toHaveAttribute("title", /第 2 篇/);
  await choose(9);
  await fix.getByLabel(/从这一段拆出新稿件/).fill("合作社托管服务受欢迎");
  await fix.getByRole("button", { name: "拆分" }).click();
  await expect(fix.getByRole("status")).toContainText("已拆成两篇稿件");
  await expect(page.getByRole("heading", { name: /解析结果\(3 篇稿件\)/ })).toBeVisible();
  await choose(15);
  await fix.getByLabel("改为").selectOption("subhead");
  await fix.getByRole("button", { name: "应用" }).click();
  await expect(page.locator('li[data-line="15"]')).toHaveAttribute("data-role", "subhead");
  await fix.getByRole("button", { name: "撤销" }).click();
  await expect(page.locator('li[data-line="15"]')).toHaveAttribute("data-role", "paragraph");
  await expect(fix.getByText(`(已由 ${editor.name} 撤销)`)).toBeVisible();
  // Every entry says what it changed, before and after (the undone one too), and the article
  // histories are a chief's.
  await expect(fix.getByText(new RegExp(`的标题:由“[^”]+”改为“${NEW_TITLE}”`))).toBeVisible();
  await expect(fix.getByText(/第15行“[^”]*”:由“正文\(《[^》]+》\)”改为“小标题\(《[^》]+》\)”/)).toBeVisible();
  await expect(fix.getByText(/第19、21行“[^”]*”:由“正文\(《[^》]+》\)”改为“正文\(《[^》]+》\)”/)).toBeVisible();
  await expect(page.getByRole("link", { name: /的更正记录/ })).toHaveCount(0);
  await shot("4b-corrections.png");

  // 5. Preview the page at phone width: the reader's own document, private.
  await page.getByRole("button", { name: /手机/ }).click();
  const frame = page.frameLocator('iframe[title="读者所见的版面预览"]');
  await expect(frame.getByRole("note", { name: "预览提示" })).toBeVisible();
  await shot("5-check-phone-preview.png");
  const previewUrl = (await page.locator('iframe[title="读者所见的版面预览"]').getAttribute("src"))!;
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, storageState: await page.context().storageState() });
  const phonePage = await phone.newPage();
  const previewRes = await phonePage.goto(previewUrl);
  expect(previewRes?.headers()["cache-control"]).toBe("private, no-store");
  await expect(phonePage.getByRole("heading", { level: 1 })).toContainText("第02版");
  await phonePage.screenshot({ path: info.outputPath("6-preview-phone.png"), fullPage: true });
  await phone.close();
  // Editors may not publish.
  await page.goto(`/editor/issues/${DATE}`);
  await expect(page.getByText("发布、定时发布和撤回由总编辑操作")).toBeVisible();
  await signOut(page);

  // 6. A chief schedules the issue 5 s ahead (confirming the warnings left unreviewed).
  await signIn(page, chief, `/editor/issues/${DATE}/2`);
  // A chief reads one article's correction history: what was done to it, before and after.
  await page.getByRole("link", { name: "第 3 篇的更正记录" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`更正记录:${NEW_TITLE}`);
  await expect(page.getByRole("cell", { name: NEW_TITLE, exact: true })).toBeVisible();
  await expect(page.getByText(/把第19、21行移到第\d+行起的稿件/)).toBeVisible();
  await shot("6a-article-history.png");
  await page.goto("/editor/audit");
  await expect(page.getByRole("list", { name: "修改前后" }).first()).toBeVisible();
  await expect(page.getByText(new RegExp(`的标题:.+ → ${NEW_TITLE}`)).first()).toBeVisible();
  await page.goto(`/editor/issues/${DATE}`);
  await expect(page.getByTestId("publish-controls")).toHaveAttribute("data-ready", "1");
  await page.getByLabel("发布时间(北京时间)").fill(chinaLocal(5_000));
  const scheduleForm = page.locator("form", { has: page.getByRole("heading", { name: "定时发布" }) });
  await scheduleForm.getByRole("button", { name: "定时发布" }).click();
  await expect(scheduleForm.getByRole("alert")).toContainText("未审阅");
  await scheduleForm.getByLabel(/我已知悉并确认仍要发布/).check();
  await page.getByLabel("发布时间(北京时间)").fill(chinaLocal(5_000));
  await scheduleForm.getByRole("button", { name: "定时发布" }).click();
  await expect(scheduleForm.getByRole("status")).toContainText("已定时");
  const scheduledAt = Date.now();
  await shot("7-scheduled.png");

  // 7. Nobody requests anything until the time has passed; then readers see it everywhere.
  await page.waitForTimeout(Math.max(0, scheduledAt + 8_000 - Date.now()));
  const issue = await request.get(`/issues/${DATE}`);
  expect(issue.status()).toBe(200);
  expect(await (await request.get("/feed.xml")).text()).toContain(ours);
  const search = await (await request.get(`/search?q=${encodeURIComponent("养老服务")}`)).text();
  expect(search).toContain(ours);
  expect(search).toContain("家门口");
  expect((await request.get(`/api/issues/${DATE}`)).status()).toBe(200);
  expect(await (await request.get("/sitemap.xml")).text()).toContain(ours);
  const reader = await browser.newPage();
  await reader.goto(`/issues/${DATE}/1`);
  await expect(reader.getByRole("link", { name: TITLE }).first()).toBeVisible();
  await reader.screenshot({ path: info.outputPath("8-reader-published.png"), fullPage: true });
  // Readers get exactly the corrected page: the new title, the moved paragraph, the split.
  const corrected = await (await request.get(`/issues/${DATE}/2`)).text();
  expect(corrected).toContain(NEW_TITLE);
  expect(corrected).toContain("合作社托管服务受欢迎");
  // (The printed title stays in the 原文 view, as printed; no link carries it any more.)
  expect(corrected).not.toMatch(/>聊城大学举办春季大型招聘会</);
  const found = await (await request.get(`/search?q=${encodeURIComponent("招聘会提供岗位")}`)).text();
  expect(found).toContain(`${ours}`);
  await reader.goto(`/issues/${DATE}/2`);
  await reader.getByRole("link", { name: NEW_TITLE }).first().click();
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(NEW_TITLE);
  // The reader's page shows the printed half-width comma full-width (display only, lib/site/typeset.ts).
  await expect(reader.getByText(/2026年[,\uFF0C]高唐县丰源农机专业合作社计划托管土地/)).toBeVisible();
  await reader.screenshot({ path: info.outputPath("8b-reader-corrected-article.png"), fullPage: true });
  await page.reload();
  await expect(page.getByTestId("publish-controls")).toHaveAttribute("data-ready", "1");
  await expect(page.getByText("已发布").first()).toBeVisible();
  await expect(page.getByText(/定时发布生效/)).toBeVisible();

  // 8. Unpublish: gone from the site, the feed and search again.
  const unpublishForm = page.locator("form", { has: page.getByRole("heading", { name: "撤回" }) });
  await unpublishForm.getByLabel("确认撤回这一期").check();
  await unpublishForm.getByRole("button", { name: "撤回发布" }).click();
  await expect(unpublishForm.getByRole("status")).toContainText("已撤回");
  await shot("9-unpublished.png");
  expect((await request.get(`/issues/${DATE}`)).status()).toBe(404);
  expect((await request.get(`/issues/${DATE}/1`)).status()).toBe(404);
  expect(await (await request.get("/feed.xml")).text()).not.toContain(ours);
  expect(await (await request.get(`/search?q=${encodeURIComponent("养老服务")}`)).text()).not.toContain(ours);
  expect((await request.get(`/api/issues/${DATE}`)).status()).toBe(404);
  expect(await (await request.get("/sitemap.xml")).text()).not.toContain(ours);
  await reader.reload();
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText("找不到这一页");
  await reader.close();
});
