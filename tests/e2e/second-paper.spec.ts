/**
 * Another paper is a profile, not a code change: the same code, built and served with
 * PAPER=xichuan (the fictitious 汐川日报 of data/papers/xichuan.json) over its own database holding
 * its own pages (the xichuan fixture pages), answers as that paper — its name, its departments with
 * their canonical names and kinds, its search.
 *
 * The server is started here (its own build in .next-e2e-xichuan, its own port and database, by
 * the same scripts/e2e-server.mjs the main suite uses) and stopped after. Desktop project only.
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { expect, test } from "@playwright/test";

const ROOT = path.resolve(import.meta.dirname, "../..");
const FIXTURES = path.join(ROOT, "tests/fixtures/pages");
const EDITION = path.join(ROOT, "data/tmp/e2e-xichuan-edition");

/** The xichuan fixture pages as an import directory: files plus a manifest from their options. */
function writeEdition(): { date: string; page: number }[] {
  fs.rmSync(EDITION, { recursive: true, force: true });
  fs.mkdirSync(EDITION, { recursive: true });
  const byDate = new Map<string, { file: string; page: number }[]>();
  for (const name of fs.readdirSync(FIXTURES).filter((f) => /^xichuan-.*\.txt$/.test(f)).sort()) {
    const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, name.replace(/\.txt$/, ".expected.json")), "utf8"));
    const date: string = expected.options.issueDate;
    // Fixture names carry the page: xichuan-a02-… is page 2.
    const page = Number(/^xichuan-[a-z](\d{2})-/.exec(name)?.[1]);
    if (!date || !page) throw new Error(`${name}: needs options.issueDate and a page in its name (xichuan-a02-…)`);
    fs.copyFileSync(path.join(FIXTURES, name), path.join(EDITION, name));
    byDate.set(date, [...(byDate.get(date) ?? []), { file: name, page }]);
  }
  const issues = [...byDate].map(([date, pages]) => ({ date, pages }));
  fs.writeFileSync(path.join(EDITION, "manifest.json"), JSON.stringify({ issues }, null, 1));
  return issues.flatMap((i) => i.pages.map((p) => ({ date: i.date, page: p.page })));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

let server: ChildProcess | undefined;
let base = "";
let output = "";

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({}, info) => {
  test.skip(info.project.name !== "desktop", "one server for the second paper is enough");
  test.setTimeout(900_000);
  writeEdition();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ["scripts/e2e-server.mjs", String(port)], {
    cwd: ROOT,
    env: { ...process.env, PAPER: "xichuan", E2E_DIST_DIR: ".next-e2e-xichuan", E2E_EDITION: EDITION },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout?.on("data", (d) => (output = (output + d).slice(-4000)));
  server.stderr?.on("data", (d) => (output = (output + d).slice(-4000)));
  const exited = new Promise<never>((_, reject) =>
    server?.on("exit", (code) => reject(new Error(`the second paper's server exited (${code}):\n${output}`))),
  );
  const ready = (async () => {
    for (;;) {
      try {
        if ((await fetch(`${base}/robots.txt`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  })();
  await Promise.race([ready, exited]);
});

test.afterAll(async () => {
  if (!server || server.exitCode !== null) return;
  const done = new Promise((r) => server?.once("exit", r));
  server.kill("SIGTERM");
  await done;
  fs.rmSync(EDITION, { recursive: true, force: true });
});

test("should serve the second paper under its own name", async ({ page }, info) => {
  await page.goto(`${base}/`);
  await expect(page).toHaveTitle(/汐川日报/);
  await expect(page.getByRole("banner")).toContainText("汐川日报");
  // Nothing of the default paper leaks in: not its name, not its sample edition.
  expect(await page.content()).not.toContain("聊城日报");
  await page.screenshot({ path: info.outputPath("xichuan-home.png"), fullPage: true });
});

test("should resolve the paper's short forms to its own bodies on the article page", async ({ page }, info) => {
  await page.goto(`${base}/search?q=${encodeURIComponent("食品安全")}`);
  await expect(page.getByRole("heading", { name: /共找到 \d+ 篇稿件/ })).toBeVisible();
  await page.getByRole("link", { name: "汐川开展夏季食品安全专项检查" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("汐川开展夏季食品安全专项检查");
  // 市市场监管局 in the text is this paper's 汐川市市场监督管理局.
  const department = page.getByRole("link", { name: "汐川市市场监督管理局" }).first();
  await expect(department).toBeVisible();
  await page.screenshot({ path: info.outputPath("xichuan-article.png"), fullPage: true });
  await department.click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("汐川市市场监督管理局");
  await expect(page.getByRole("link", { name: "汐川开展夏季食品安全专项检查" })).toBeVisible();
});

test("should list a county court of the paper among its departments", async ({ page }) => {
  await page.goto(`${base}/departments`);
  await expect(page.getByRole("link", { name: /青禾县人民法院/ })).toBeVisible();
  await expect(page.getByRole("link", { name: /聊城/ })).toHaveCount(0);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("should go from one page of an issue to another with the page selector and the page steps", async ({ page }) => {
    // 2026-06-10 has two of the paper's pages: 04 区域协作 and 05 北塘.
    await page.goto(`${base}/issues/2026-06-10/4`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("第04版");
    await page.getByLabel("选择版面").selectOption("5");
    await page.getByRole("navigation", { name: "版面导航" }).getByRole("button", { name: "转到" }).click();
    await expect(page).toHaveURL(/\/issues\/2026-06-10\/5$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("第05版");
    await expect(page.getByRole("link", { name: "区市场监管局开展夏季海鲜食品安全检查" }).first()).toBeVisible();
    await page.getByRole("navigation", { name: "版面导航" }).getByRole("link", { name: "上一版" }).click();
    await expect(page).toHaveURL(/\/issues\/2026-06-10\/4$/);
  });
});

test("should find another city's body by name and the province's by its short form", async ({ page }) => {
  await page.goto(`${base}/search?q=&department=${encodeURIComponent("省生态环境厅")}`);
  await expect(page.getByRole("link", { name: "汐川海湾入选全省美丽海湾优秀案例" })).toBeVisible();
  await page.goto(`${base}/search?q=${encodeURIComponent("沧浦")}`);
  await expect(page.getByRole("link", { name: "汐川沧浦共建文旅协作联盟" })).toBeVisible();
});
