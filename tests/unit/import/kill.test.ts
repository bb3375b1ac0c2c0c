import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateEdition } from "@/bench/lib/generate-edition";
import { openSqlite } from "@/lib/db/sqlite";
import { dumpDatabase } from "@/lib/import/dump";
import { createTestDatabase, type TestDatabase } from "../support/db-fixture";
import { runIngest, startIngest } from "./support/cli";
import { SAMPLE_DIR } from "./support/files";

/**
 * Kill once the import has written this much to the WAL (some dozens of pages in, of 960). Below
 * SQLite's auto-checkpoint size (1000 pages, about 4 MB), so an import that committed as it went
 * would be killed too, and caught.
 */
const KILL_AT_WAL_BYTES = 3 * 1024 * 1024;

let t: TestDatabase;
let pagesDir: string;
beforeAll(async () => {
  t = await createTestDatabase();
  pagesDir = fs.mkdtempSync(path.join(os.tmpdir(), "epaper-kill-"));
  generateEdition({ dir: pagesDir, issues: 120, startDate: "2024-01-01" });
});
afterAll(() => {
  t.cleanup();
  fs.rmSync(pagesDir, { recursive: true, force: true });
});

function dumpNow(): string {
  const db = openSqlite(t.url);
  try {
    return dumpDatabase(db);
  } finally {
    db.close();
  }
}

describe("a killed import", () => {
  it("should leave the database exactly as it was before the run", async () => {
    const seeded = runIngest(t.url, [SAMPLE_DIR, "--publish"]);
    expect(seeded.status, seeded.stderr).toBe(0);
    const before = dumpNow();
    const wal = `${t.file}-wal`;

    const child = startIngest(t.url, [pagesDir, "--publish"]);
    let stderr = "";
    child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    const deadline = Date.now() + 60_000;
    while (child.exitCode === null && Date.now() < deadline) {
      if (fs.existsSync(wal) && fs.statSync(wal).size >= KILL_AT_WAL_BYTES) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    const walAtKill = fs.existsSync(wal) ? fs.statSync(wal).size : 0;
    child.kill("SIGKILL");
    await exited;
    expect(child.exitCode, `the import finished before it could be killed: ${stderr}`).toBeNull();
    expect(child.signalCode).toBe("SIGKILL");
    expect(walAtKill).toBeGreaterThanOrEqual(KILL_AT_WAL_BYTES);

    expect(dumpNow()).toBe(before);
    const db = openSqlite(t.url);
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    db.close();
  });
});

/** Per issue of the database: its date, pages and articles (what "complete or absent" is judged by). */
function issueState(url: string): string {
  const db = openSqlite(url);
  try {
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    const rows = db
      .prepare(
        `SELECT i.date, i.status, (SELECT count(*) FROM Page p WHERE p.issueId = i.id) AS pages,
                (SELECT count(*) FROM Article a WHERE a.issueId = i.id) AS articles
         FROM Issue i ORDER BY i.date`,
      )
      .all();
    return JSON.stringify(rows);
  } finally {
    db.close();
  }
}

describe("an import killed at random moments, twenty times", () => {
  it("should leave every issue complete or absent, and the database sound, each time", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "epaper-kills-"));
    const dbs: TestDatabase[] = [];
    try {
      generateEdition({ dir, issues: 30, startDate: "2023-03-01" });
      // What a finished run leaves.
      const full = await createTestDatabase();
      dbs.push(full);
      const done = runIngest(full.url, [dir, "--publish"]);
      expect(done.status, done.stderr).toBe(0);
      const complete = issueState(full.url);
      const empty = "[]";
      expect(JSON.parse(complete)).toHaveLength(30);

      // Deterministic "random" moments from start-up to past the end of a run.
      let seed = 20261203;
      const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
      const outcomes = { absent: 0, complete: 0 };
      for (let k = 0; k < 20; k++) {
        const db = await createTestDatabase();
        dbs.push(db);
        const child = startIngest(db.url, [dir, "--publish"]);
        const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
        await new Promise((r) => setTimeout(r, 200 + next() * 4000));
        child.kill("SIGKILL");
        await exited;
        const state = issueState(db.url);
        expect([empty, complete], `kill ${k + 1}`).toContain(state);
        outcomes[state === complete ? "complete" : "absent"]++;
      }
      // Both kinds of moment were hit: before the commit and after it.
      expect(outcomes.absent).toBeGreaterThan(0);
    } finally {
      for (const d of dbs) d.cleanup();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
