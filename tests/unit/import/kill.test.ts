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
