/**
 * Debian's nginx in front of the production build, configured as the README shows ("Caches"):
 *
 * - by default (no purge hook) reader documents say max-age=0, which nginx does not store: it
 *   passes every request through, so it can never show a stale page;
 * - with PURGE_HOOK_URL pointing at scripts/nginx-purge-hook.mjs, nginx serves reader documents
 *   itself (s-maxage) and a CLI import that publishes an issue purges what it changed: the home
 *   page, the issue list, the feed and the republished issue's article show the change through
 *   nginx within seconds, with no request reaching past a stale copy;
 * - the desk never goes through the cache.
 *
 * `npm test` installs nginx-light from Debian when missing (scripts/test.mjs).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startCachedSite, startNginx, type CachedSite } from "../../scripts/lib/nginx";

const ROOT = path.resolve(import.meta.dirname, "../..");
/** Publishes the sample's page `from` as the issue of `date` through the CLI, as an editor would. */
function publishCopy(env: NodeJS.ProcessEnv, from: string, date: string): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "epaper-nginx-"));
  try {
    fs.copyFileSync(path.join(ROOT, "data/sample", from), path.join(dir, `${date}_01.txt`));
    const r = spawnSync("npm", ["run", "-s", "ingest", "--", dir, "--publish"], { cwd: ROOT, env, encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Polls `url` until `ok` holds for its answer (or the time is up), and returns the last answer. */
async function until(url: string, ok: (status: number, body: string) => boolean, ms = 8000): Promise<{ status: number; body: string; cache: string | null }> {
  const deadline = Date.now() + ms;
  for (;;) {
    const res = await fetch(url);
    const body = await res.text();
    const last = { status: res.status, body, cache: res.headers.get("x-cache-status") };
    if (ok(res.status, body) || Date.now() > deadline) return last;
    await new Promise((r) => setTimeout(r, 200));
  }
}

test.describe("nginx in front", () => {
  test.beforeEach(({}, info) => test.skip(info.project.name !== "desktop", "one browser is enough: these are HTTP checks"));

  test("should pass reader documents through, never stale, without a purge hook", async ({ baseURL }) => {
    const nginx = await startNginx(new URL(baseURL!).host);
    try {
      const url = `${nginx.base}/articles/20260408-01-01`;
      const first = await fetch(url);
      expect(first.status).toBe(200);
      expect(first.headers.get("cache-control")).toBe("public, max-age=0, must-revalidate");
      const etag = first.headers.get("etag");
      expect(etag).toBeTruthy();
      const body = await first.text();
      // nginx does not store an answer whose max-age is 0: every request reaches the server, so
      // nothing it shows can be older than the server's own (always current) answer.
      const second = await fetch(url);
      expect(second.headers.get("x-cache-status")).toBe("MISS");
      expect(await second.text()).toBe(body);
      expect(fs.readdirSync(nginx.cacheDir)).toEqual([]);
      // The desk is never cached.
      const desk = await fetch(`${nginx.base}/editor/sign-in`, { redirect: "manual" });
      expect(desk.headers.get("x-cache-status") ?? "").toBe("");
    } finally {
      nginx.stop();
    }
  });

  test("should serve reader documents from nginx and purge them when the CLI publishes (PURGE_HOOK_URL)", async () => {
    test.setTimeout(180_000);
    const dbFile = path.join(ROOT, "data", "tmp", `e2e-nginx-${process.env.E2E_PORT}.db`);
    const env = { ...process.env, DATABASE_URL: `file:${dbFile}` };
    for (const s of ["", "-wal", "-shm"]) fs.rmSync(dbFile + s, { force: true });
    for (const args of [["run", "-s", "db:migrate"], ["run", "-s", "ingest", "--", "data/sample", "--publish"]]) {
      const r = spawnSync("npm", args, { cwd: ROOT, env, encoding: "utf8" });
      expect(r.status, r.stderr).toBe(0);
    }
    let site: CachedSite | null = null;
    try {
      site = await startCachedSite({ distDir: process.env.E2E_DIST_DIR || ".next-e2e", databaseUrl: env.DATABASE_URL });
      const nginx = site.nginx;

      const home = `${nginx.base}/`;
      const article = `${nginx.base}/articles/20251227-01-01`;
      for (const url of [home, article, `${nginx.base}/issues`]) {
        const a = await fetch(url);
        expect(a.status, url).toBe(200);
        expect(a.headers.get("cache-control"), `${url}: ${JSON.stringify([...a.headers])}`).toContain("s-maxage=");
        await a.arrayBuffer();
        // From then on nginx answers by itself.
        const b = await fetch(url);
        expect(b.headers.get("x-cache-status"), url).toBe("HIT");
        await b.arrayBuffer();
      }
      const kept = await fetch(article);
      const before = await kept.text();
      // nginx answers a reader's conditional request from its copy, with the server's ETag.
      expect((await fetch(article, { headers: { "if-none-match": kept.headers.get("etag")! } })).status).toBe(304);
      expect(await (await fetch(home)).text()).not.toContain("2026-05-01");

      // A new issue, and the 2025-12-27 issue republished with the other sample page's text.
      publishCopy(env, "2026-04-08_01.txt", "2026-05-01");
      publishCopy(env, "2026-04-08_01.txt", "2025-12-27");

      const shown = await until(home, (s, b) => s === 200 && b.includes("2026-05-01"));
      expect(shown.body, "the home page through nginx shows the new issue").toContain("2026-05-01");
      expect((await until(`${nginx.base}/issues`, (s, b) => b.includes("2026-05-01"))).body).toContain("2026-05-01");
      expect((await until(`${nginx.base}/feed.xml`, (s, b) => b.includes("20260501-01-01"))).body).toContain("20260501-01-01");
      const changed = await until(article, (s, b) => b !== before);
      expect(changed.body, "the republished article through nginx").not.toBe(before);
      expect(site.purges).toBeGreaterThan(0);
      // The new issue's article (never cached before) and, once fetched, kept again.
      expect((await fetch(`${nginx.base}/articles/20260501-01-01`)).status).toBe(200);
      expect((await fetch(`${nginx.base}/articles/20260501-01-01`)).headers.get("x-cache-status")).toBe("HIT");
    } finally {
      site?.stop();
      for (const s of ["", "-wal", "-shm"]) fs.rmSync(dbFile + s, { force: true });
    }
  });
});
