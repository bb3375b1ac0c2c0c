/**
 * The search worker pool (lib/db/search-pool.ts): real workers give exactly what the search gives
 * in-process; a job past its bound is answered at the bound and its worker replaced; a crashed
 * worker fails its job only; jobs run side by side up to the pool's size.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importEdition, readInputs } from "@/lib/import";
import { createSearchPool, SearchTimeout, type SearchPool } from "@/lib/db/search-pool";
import type { SearchWorkerStats } from "@/lib/db/search-worker";
import { countPublished, searchArticles, type SearchParams } from "@/lib/search/query";
import { createTestDatabase, type TestDatabase } from "../support/db-fixture";

/** The real worker entry, run from source through tsx (as lib/db/search.ts does under the tests). */
function realWorker(databaseUrl: string): Worker {
  const entry = new URL("../../../lib/db/search-worker.ts", import.meta.url).href;
  return new Worker(`import("tsx/esm/api").then((t) => { t.register(); return import(${JSON.stringify(entry)}); });`, { eval: true, workerData: { databaseUrl } });
}

/** A stand-in worker: "hang" spins (like a long native statement), "crash" exits, "range" fails as a RangeError, anything else answers after `page` ms. */
const FAKE = `
const { parentPort, threadId } = require("node:worker_threads");
parentPort.on("message", (job) => {
  const q = job.op === "search" ? job.params.q : "";
  if (q === "hang") { const end = Date.now() + 60000; while (Date.now() < end) {} }
  if (q === "crash") process.exit(3);
  if (q === "range") return parentPort.postMessage({ id: job.id, ok: false, error: { name: "RangeError", message: "bad date" } });
  setTimeout(() => parentPort.postMessage({ id: job.id, ok: true, value: { q, threadId } }), Number(job.params?.page ?? 0));
});`;
const fakeWorker = () => new Worker(FAKE, { eval: true });
const search = (q: string, page = 0) => ({ op: "search" as const, params: { q, page } as SearchParams });

describe("search pool with the real worker", () => {
  let t: TestDatabase;
  let pool: SearchPool;
  beforeAll(async () => {
    t = await createTestDatabase();
    importEdition(t.db(), readInputs(["data/sample"]), { publish: true });
    pool = createSearchPool({ size: 2, timeoutMs: 20_000, spawn: () => realWorker(t.url) });
  });
  afterAll(async () => {
    await pool.close();
    t.cleanup();
  });

  it("should give what the search gives in-process, for every kind of query", async () => {
    const queries: SearchParams[] = [
      { q: "公积金" },
      { q: "聊城", sort: "date", page: 2, pageSize: 5 },
      { q: "\"市场监管\" -食品" },
      { q: "", department: "市市场监管局" },
      { q: "白文斌", from: "2026-01-01", to: "2026-12-31" },
      { q: "不存在的词语组合" },
    ];
    for (const params of queries) {
      const inWorker = (await pool.run({ op: "search", params })) as ReturnType<typeof searchArticles>;
      const here = searchArticles(t.db(), params);
      expect({ ...inWorker, tookMs: 0 }).toEqual({ ...here, tookMs: 0 });
    }
    expect(await pool.run({ op: "filters" })).toEqual(countPublished(t.db()));
  });

  it("should fail a bad parameter as the in-process search does (a RangeError), and keep the worker", async () => {
    const params = { q: "x", from: "2025-13-45" };
    expect(() => searchArticles(t.db(), params)).toThrow(RangeError);
    await expect(pool.run({ op: "search", params })).rejects.toBeInstanceOf(RangeError);
    expect(pool.replaced).toBe(0);
    expect(((await pool.run(search("公积金"))) as { total: number }).total).toBe(1);
  });

  it("should never write: the worker's connection is read-only", async () => {
    // The search runs no writes; a worker that tried would fail (PRAGMA query_only), not change the edition.
    const before = t.db().prepare("SELECT count(*) FROM Article").pluck().get();
    await pool.run(search("聊城"));
    expect(t.db().prepare("SELECT count(*) FROM Article").pluck().get()).toBe(before);
  });
});

describe("search worker's article facts", () => {
  it("should reload them by itself after the edition changes, before the next search", async () => {
    const t = await createTestDatabase();
    importEdition(t.db(), readInputs(["data/sample"]), { publish: true });
    const pool = createSearchPool({ size: 1, timeoutMs: 20_000, spawn: () => realWorker(t.url) });
    try {
      expect(((await pool.run(search("公积金"))) as { total: number }).total).toBe(1);
      const first = (await pool.run({ op: "stats" })) as SearchWorkerStats;
      expect(first).toMatchObject({ factsLoads: 1, backgroundLoads: 0 });

      // Another process publishes an issue (here: another connection, as the CLI or the desk would).
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "epaper-facts-"));
      fs.copyFileSync("data/sample/2026-04-08_01.txt", path.join(dir, "2026-05-01_01.txt"));
      importEdition(t.db(), readInputs([dir]), { publish: true });
      fs.rmSync(dir, { recursive: true });

      // Within a few of the worker's checks, the facts are reloaded with no search asking.
      let stats = first;
      for (let i = 0; i < 50 && stats.backgroundLoads === 0; i++) {
        await new Promise((r) => setTimeout(r, 100));
        stats = (await pool.run({ op: "stats" })) as SearchWorkerStats;
      }
      expect(stats).toMatchObject({ factsLoads: 2, backgroundLoads: 1 });
      // The next search finds the new issue, and loads nothing more.
      expect(((await pool.run(search("公积金"))) as { total: number }).total).toBe(2);
      expect(((await pool.run({ op: "stats" })) as SearchWorkerStats).factsLoads).toBe(2);
      // Nothing changed since: no further loads.
      await new Promise((r) => setTimeout(r, 1500));
      expect(((await pool.run({ op: "stats" })) as SearchWorkerStats).factsLoads).toBe(2);
    } finally {
      await pool.close();
      t.cleanup();
    }
  });
});

describe("search pool's bounds", () => {
  it("should answer a job past its bound at the bound, replace its worker, and serve the next job", async () => {
    const pool = createSearchPool({ size: 1, timeoutMs: 300, spawn: fakeWorker });
    const started = performance.now();
    await expect(pool.run(search("hang"))).rejects.toBeInstanceOf(SearchTimeout);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(pool.replaced).toBe(1);
    await expect(pool.run(search("next"))).resolves.toMatchObject({ q: "next" });
    await pool.close();
  });

  it("should time out a job still waiting for a worker, without disturbing the one running", async () => {
    const pool = createSearchPool({ size: 1, timeoutMs: 200, spawn: fakeWorker });
    const running = pool.run(search("slow", 100));
    const waiting = pool.run(search("queued", 0));
    expect(pool.running).toBe(1);
    expect(pool.waiting).toBe(1);
    await expect(running).resolves.toMatchObject({ q: "slow" });
    await expect(waiting).resolves.toMatchObject({ q: "queued" });
    await Promise.all([expect(pool.run(search("hang"))).rejects.toBeInstanceOf(SearchTimeout), expect(pool.run(search("behind"))).rejects.toBeInstanceOf(SearchTimeout)]);
    await pool.close();
  });

  it("should fail only the job of a worker that crashed", async () => {
    const pool = createSearchPool({ size: 1, timeoutMs: 5000, spawn: fakeWorker });
    await expect(pool.run(search("crash"))).rejects.toThrow(/exited \(code 3\)/);
    await expect(pool.run(search("after"))).resolves.toMatchObject({ q: "after" });
    expect(pool.replaced).toBe(1);
    await pool.close();
  });

  it("should run jobs side by side up to its size, each on its own thread", async () => {
    const pool = createSearchPool({ size: 2, timeoutMs: 5000, spawn: fakeWorker });
    const jobs = [pool.run(search("a", 150)), pool.run(search("b", 150)), pool.run(search("c", 0))];
    expect(pool.running).toBe(2);
    expect(pool.waiting).toBe(1);
    const [a, b] = (await Promise.all(jobs)) as { threadId: number }[];
    expect(a!.threadId).not.toBe(b!.threadId);
    await pool.close();
  });

  it("should reject what is waiting when closed", async () => {
    const pool = createSearchPool({ size: 1, timeoutMs: 5000, spawn: fakeWorker });
    const running = expect(pool.run(search("slow", 200))).rejects.toThrow(/closed/);
    const waiting = expect(pool.run(search("queued"))).rejects.toThrow(/closed/);
    await pool.close();
    await waiting;
    await running;
    await expect(pool.run(search("x"))).rejects.toThrow(/closed/);
  });
});
