import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { startNextServer, type NextServer } from "../../scripts/lib/next-server";
import { accounts, signIn } from "./support/desk";

/**
 * Caches never lie: with the site running — here two server processes over one database — the
 * import CLI publishes an issue, and at once both serve it at every reader address (its article,
 * page, the issue list, home, feed, sitemap and JSON), including addresses that answered 404 (and
 * were cached) just before. Then a chief unpublishes it at the desk of one server, and the other
 * drops it as fast. Nothing is configured for this: no token, no URL of the site.
 */

const ROOT = process.cwd();
// Each project its own day, newer than the sample edition so the home page shows it.
const dayOf = (project: string) => (project === "phone" ? "2026-06-19" : "2026-06-18");

function dbUrl(): string {
  return `file:${path.join(ROOT, "data", "tmp", `e2e-${process.env.E2E_PORT}.db`)}`;
}

/** A second `next start` over the same build and database. */
function startSecondServer(): Promise<NextServer> {
  return startNextServer({ distDir: process.env.E2E_DIST_DIR || ".next-e2e", databaseUrl: dbUrl() });
}

/** `npm run ingest -- <page> --publish` as a newsroom runs it beside the site: no token, no site URL. */
function publishWithCli(date: string): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "epaper-cli-"));
  try {
    fs.copyFileSync(path.join(ROOT, "data/sample/2026-04-08_01.txt"), path.join(dir, `${date}_01.txt`));
    const { REVALIDATE_TOKEN: _t, SITE_URL: _u, ...env } = process.env;
    execFileSync("npm", ["run", "-s", "ingest", "--", dir, "--publish"], { cwd: ROOT, env: { ...env, DATABASE_URL: dbUrl() }, stdio: "pipe" });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** What each reader address says about the day: status, and whether the text names it. */
async function readerView(request: APIRequestContext, base: string, date: string) {
  const id = `${date.replaceAll("-", "")}-01-01`;
  const text = async (url: string) => (await request.get(base + url)).text();
  return {
    article: (await request.get(`${base}/articles/${id}`)).status(),
    page: (await request.get(`${base}/issues/${date}/1`)).status(),
    issue: (await request.get(`${base}/issues/${date}`)).status(),
    api: (await request.get(`${base}/api/issues/${date}`)).status(),
    list: (await text("/issues")).includes(`/issues/${date}`),
    home: (await text("/")).includes(`/articles/${id}`),
    feed: (await text("/feed.xml")).includes(`/articles/${id}`),
    sitemap: (await text("/sitemap.xml")).includes(`/articles/${id}`),
    apiList: (await text("/api/issues")).includes(`"${date}"`),
  };
}

const absent = { article: 404, page: 404, issue: 404, api: 404, list: false, home: false, feed: false, sitemap: false, apiList: false };
const present = { article: 200, page: 200, issue: 200, api: 200, list: true, home: true, feed: true, sitemap: true, apiList: true };

test("a change made anywhere reaches every server's caches at once", async ({ page, request, baseURL }, info) => {
  test.setTimeout(120_000);
  const date = dayOf(info.project.name);
  const second = await startSecondServer();
  try {
    const servers = [baseURL!, second.base];
    // Both servers answer (and cache) that the day does not exist.
    for (const base of servers) expect(await readerView(request, base, date), base).toEqual(absent);

    publishWithCli(date);
    for (const base of servers) expect(await readerView(request, base, date), base).toEqual(present);

    // A chief unpublishes it at the first server's desk; the second drops it as fast.
    await signIn(page, accounts().chief, `/editor/issues/${date}`);
    const form = page.locator("form", { has: page.getByRole("heading", { name: "撤回" }) });
    await form.getByLabel("确认撤回这一期").check();
    await form.getByRole("button", { name: "撤回发布" }).click();
    await expect(form.getByRole("status")).toContainText("已撤回");
    for (const base of servers) expect(await readerView(request, base, date), base).toEqual(absent);
  } finally {
    second.stop();
  }
});
