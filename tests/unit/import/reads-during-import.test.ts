/**
 * Readers while a large import writes: the CLI imports 120 issues in another process (one write
 * transaction, as `npm run ingest` does) while this process reads the way the site does — the
 * issue list, an article with its neighbours (Prisma through the driver adapter) and a search
 * (the raw connection of lib/search). Every read must succeed ("database is locked" is a failure)
 * and see the edition as it was committed: the sample throughout, the new year only once the import
 * has committed it, all at once. next/cache is stubbed as in tests/unit/db/issue-navigation.test.ts.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { generateEdition } from "@/bench/lib/generate-edition";
import { openSqlite } from "@/lib/db/sqlite";
import { createTestDatabase, type TestDatabase } from "../support/db-fixture";
import { runIngest, startIngest } from "./support/cli";
import { SAMPLE_DIR } from "./support/files";

vi.mock("next/cache", () => ({ cacheLife: () => undefined, cacheTag: () => undefined }));

const ISSUES = 120;

let t: TestDatabase;
let pagesDir: string;
beforeAll(async () => {
  t = await createTestDatabase();
  pagesDir = fs.mkdtempSync(path.join(os.tmpdir(), "epaper-reads-"));
  generateEdition({ dir: pagesDir, issues: ISSUES, startDate: "2024-01-01" });
  const seeded = runIngest(t.url, [SAMPLE_DIR, "--publish"]);
  expect(seeded.status, seeded.stderr).toBe(0);
  // lib/db/client.ts reads DATABASE_URL when first imported.
  process.env.DATABASE_URL = t.url;
});
afterAll(() => {
  t.cleanup();
  fs.rmSync(pagesDir, { recursive: true, force: true });
});

describe("reading while the CLI imports a large edition", () => {
  it("should answer every read, each from one committed state, and checkpoint the WAL after", async () => {
    const { listPublishedIssues } = await import("@/lib/db/issues");
    const { loadArticle } = await import("@/lib/db/articles");
    const { READER_SCOPE } = await import("@/lib/db/issues");
    const { searchArticles } = await import("@/lib/search/query");
    const search = openSqlite(t.url);

    const child = startIngest(t.url, [pagesDir, "--publish"]);
    let stderr = "";
    child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    let done = false;
    void exited.then(() => (done = true));

    const counts = new Set<number>();
    const failures: string[] = [];
    let reads = 0;
    let readsWhileWriting = 0;
    const wal = `${t.file}-wal`;
    try {
      while (!done) {
        const writing = fs.existsSync(wal) && fs.statSync(wal).size > 0;
        try {
          const issues = await listPublishedIssues();
          counts.add(issues.length);
          const article = await loadArticle("20260408-01-01", READER_SCOPE);
          if (article?.title !== "潮头攻坚 实干争先") failures.push(`article read as ${article?.title}`);
          const found = searchArticles(search, { q: "公积金" });
          if (found.total < 1) failures.push(`search found ${found.total}`);
        } catch (err) {
          failures.push(String(err));
        }
        reads++;
        if (writing) readsWhileWriting++;
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(await exited, stderr).toBe(0);
      const after = await listPublishedIssues();
      expect(after.length).toBe(2 + ISSUES);
    } finally {
      search.close();
    }
    expect(failures).toEqual([]);
    // Enough reads landed while the import was writing for the test to mean something.
    expect(readsWhileWriting, `${reads} reads in all`).toBeGreaterThanOrEqual(10);
    // Each read saw the sample alone or the whole new year: never a part of it.
    expect([...counts].every((n) => n === 2 || n === 2 + ISSUES), [...counts].join(", ")).toBe(true);
    // The import checkpointed what it wrote (lib/db/sqlite.ts): no WAL as big as the import is left.
    expect(fs.existsSync(wal) ? fs.statSync(wal).size : 0).toBeLessThan(1024 * 1024);
  }, 180_000);
});
