/**
 * Backups of a live database (`npm run db:backup`) and their restore (`npm run db:restore`):
 * the copy is one consistent instant even while another connection writes, holds what is still
 * only in the WAL, and restores whole issues or none; a restore refuses a bad backup or a database
 * still in use, and keeps the database it replaces. The CLIs run as `npm run` runs them.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateEdition } from "@/bench/lib/generate-edition";
import { loadMigrationList } from "@/lib/db/migrations";
import { backupDatabase, checkpointWal, openSqlite, restoreDatabase, SqliteMaintenanceError, type SqliteDb } from "@/lib/db/sqlite";
import { importEdition, readInputs } from "@/lib/import";
import { dumpDatabase } from "@/lib/import/dump";
import { createTestDatabase, type TestDatabase } from "../support/db-fixture";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const PAGES_PER_ISSUE = 3;
const MIGRATIONS = loadMigrationList().migrationDirectories.map((m) => m.path);

let pagesDir: string;
let dates: string[];
let scratch: string;
const open: TestDatabase[] = [];

beforeAll(() => {
  pagesDir = fs.mkdtempSync(path.join(os.tmpdir(), "epaper-backup-pages-"));
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "epaper-backup-"));
  dates = generateEdition({ dir: pagesDir, issues: 60, pagesPerIssue: PAGES_PER_ISSUE, startDate: "2024-03-01" }).dates;
});
afterAll(() => {
  for (const t of open) t.cleanup();
  fs.rmSync(pagesDir, { recursive: true, force: true });
  fs.rmSync(scratch, { recursive: true, force: true });
});

async function database(): Promise<TestDatabase> {
  const t = await createTestDatabase();
  open.push(t);
  return t;
}

/** Imports and publishes one generated issue (its pages in one transaction, as the CLI does). */
function importIssue(db: SqliteDb, date: string): void {
  const files = Array.from({ length: PAGES_PER_ISSUE }, (_, i) => path.join(pagesDir, `${date}_${String(i + 1).padStart(2, "0")}.txt`));
  importEdition(db, readInputs(files), { publish: true });
}

/** Per issue date: its page numbers with the count of articles on each ("1:7 2:5 3:6"). */
function issueContents(file: string): Map<string, string> {
  const db = openSqlite(`file:${file}`);
  try {
    const rows = db
      .prepare(
        `SELECT i.date, p.number, (SELECT count(*) FROM Article a WHERE a.pageId = p.id) AS articles
         FROM Issue i LEFT JOIN Page p ON p.issueId = i.id ORDER BY i.date, p.number`,
      )
      .all() as { date: string; number: number | null; articles: number }[];
    const out = new Map<string, string>();
    for (const r of rows) out.set(r.date, `${out.get(r.date) ?? ""} ${r.number}:${r.articles}`.trim());
    return out;
  } finally {
    db.close();
  }
}

function integrity(file: string): string {
  const db = openSqlite(`file:${file}`);
  try {
    return db.pragma("integrity_check", { simple: true }) as string;
  } finally {
    db.close();
  }
}

function dump(file: string): string {
  const db = openSqlite(`file:${file}`);
  try {
    return dumpDatabase(db);
  } finally {
    db.close();
  }
}

function cli(script: "db-backup" | "db-restore", databaseFile: string, args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, `scripts/${script}.ts`), ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: `file:${databaseFile}` },
    encoding: "utf8",
  });
}

/**
 * Another process with the database open and idle, as the site's server keeps it (resolves once
 * it has read from it).
 */
async function holdOpen(file: string): Promise<ChildProcess> {
  const code = `const db = new (require("better-sqlite3"))(${JSON.stringify(file)}, { timeout: 5000 });
    db.pragma("journal_mode = WAL"); db.prepare("SELECT count(*) FROM Issue").get(); console.log("open");
    process.stdin.on("data", () => {}); process.stdin.on("end", () => { db.close(); process.exit(0); });`;
  const child = spawn(process.execPath, ["-e", code], { cwd: ROOT, stdio: ["pipe", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once("data", () => resolve());
    child.once("exit", (c) => reject(new Error(`holder exited with ${c}`)));
  });
  return child;
}

async function release(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once("exit", r));
  child.stdin!.end();
  await exited;
}

describe("npm run db:backup", () => {
  it("should copy a consistent instant while another connection imports issue after issue, and restore every issue complete", async () => {
    const t = await database();
    const writer = t.db();
    const seeded = dates.slice(0, 10);
    for (const d of seeded) importIssue(writer, d);

    const backup = path.join(scratch, "live.db");
    const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/db-backup.ts"), backup], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: t.url },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((r) => child.once("exit", (c) => r(c)));
    // The writer goes on importing, one issue per transaction, for as long as the backup runs.
    let next = seeded.length;
    let writtenMeanwhile = 0;
    while (child.exitCode === null && next < dates.length) {
      importIssue(writer, dates[next++]!);
      writtenMeanwhile++;
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(await exited, output).toBe(0);
    expect(writtenMeanwhile, "the backup finished before any concurrent write").toBeGreaterThan(0);
    expect(output).toMatch(/Backed up .*\(integrity_check ok\)/);

    // Restored into a new place, the copy holds the first k issues in full, and nothing of the rest.
    const target = path.join(scratch, "restored-live.db");
    const restored = cli("db-restore", target, [backup]);
    expect(restored.status, restored.stderr).toBe(0);
    expect(integrity(target)).toBe("ok");
    const source = issueContents(t.file);
    const copy = issueContents(target);
    expect(copy.size).toBeGreaterThanOrEqual(seeded.length);
    expect([...copy.keys()]).toEqual(dates.slice(0, copy.size));
    for (const [date, pages] of copy) {
      expect(pages.split(" "), date).toHaveLength(PAGES_PER_ISSUE);
      expect(pages, date).toBe(source.get(date));
    }
  });

  it("should leave out a write still uncommitted on another connection and keep everything committed", async () => {
    const t = await database();
    for (const d of dates.slice(0, 3)) importIssue(t.db(), d);
    const other = openSqlite(t.url);
    try {
      other.exec("BEGIN IMMEDIATE");
      importIssue(other, dates[3]!); // nested: a savepoint inside the open transaction
      const backup = path.join(scratch, "uncommitted.db");
      const r = backupDatabase(t.file, backup);
      other.exec("COMMIT");
      expect(r.issues).toBe(3);
      expect([...issueContents(backup).keys()]).toEqual(dates.slice(0, 3));
      expect(issueContents(t.file).size).toBe(4);
    } finally {
      if (other.inTransaction) other.exec("ROLLBACK");
      other.close();
    }
  });

  it("should include issues that are still only in the WAL, which a copy of the .db file loses", async () => {
    const t = await database();
    const db = t.db();
    db.pragma("wal_autocheckpoint = 0");
    importIssue(db, dates[0]!);
    checkpointWal(db); // the first issue is in the database file itself
    // A reader keeps a snapshot open, so the imports' own checkpoints cannot copy what follows.
    const holder = openSqlite(t.url);
    holder.exec("BEGIN");
    holder.prepare("SELECT count(*) FROM Issue").get();
    try {
      importIssue(db, dates[1]!);
      importIssue(db, dates[2]!);
      expect(fs.statSync(`${t.file}-wal`).size).toBeGreaterThan(0);
      const plainCopy = path.join(scratch, "plain-copy.db");
      fs.copyFileSync(t.file, plainCopy);
      expect(issueContents(plainCopy).size).toBe(1);

      const backup = path.join(scratch, "with-wal.db");
      expect(backupDatabase(t.file, backup).issues).toBe(3);
      expect(issueContents(backup)).toEqual(issueContents(t.file));
    } finally {
      holder.exec("COMMIT");
      holder.close();
    }
  });

  it("should refuse to overwrite a file, and write nothing under its name when it fails", async () => {
    const t = await database();
    importIssue(t.db(), dates[0]!);
    const existing = path.join(scratch, "exists.db");
    fs.writeFileSync(existing, "keep me");
    const r = cli("db-backup", t.file, [existing]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("already exists");
    expect(fs.readFileSync(existing, "utf8")).toBe("keep me");

    const missing = cli("db-backup", path.join(scratch, "no-such.db"), [path.join(scratch, "never.db")]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("no database at");
    expect(fs.existsSync(path.join(scratch, "never.db"))).toBe(false);
    expect(fs.existsSync(path.join(scratch, "no-such.db")), "a backup must not create the database it reads").toBe(false);

    expect(cli("db-backup", t.file, []).status).toBe(2);
  });
});

describe("the import's WAL checkpoint", () => {
  it("should leave an empty WAL after an import that wrote, with its data in the database file", async () => {
    const t = await database();
    const db = t.db();
    for (const d of dates.slice(0, 4)) importIssue(db, d);
    expect(fs.statSync(`${t.file}-wal`).size).toBe(0);
    const plainCopy = path.join(scratch, "after-checkpoint.db");
    fs.copyFileSync(t.file, plainCopy);
    expect(issueContents(plainCopy)).toEqual(issueContents(t.file));
  });
});

describe("npm run db:restore", () => {
  /** A database with two issues, its backup, then a third issue written after the backup. */
  async function databaseWithBackup(name: string) {
    const t = await database();
    // A connection of its own, closed at the end: the test's open connection is not "a running server".
    const db = openSqlite(t.url);
    importIssue(db, dates[0]!);
    importIssue(db, dates[1]!);
    const backup = path.join(scratch, `${name}.db`);
    backupDatabase(t.file, backup);
    importIssue(db, dates[2]!);
    db.close();
    return { t, backup };
  }

  function leftovers(file: string): string[] {
    return fs.readdirSync(path.dirname(file)).filter((f) => f.startsWith(path.basename(file)) && f !== path.basename(file));
  }

  it("should put the backup in place and keep the database it replaced, complete, beside it", async () => {
    const { t, backup } = await databaseWithBackup("good");
    const before = dump(t.file);
    const r = cli("db-restore", t.file, [backup]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("Restored");
    expect(integrity(t.file)).toBe("ok");
    expect([...issueContents(t.file).keys()]).toEqual(dates.slice(0, 2));

    const aside = leftovers(t.file).filter((f) => f.includes(".before-restore-"));
    expect(aside).toHaveLength(1);
    expect(r.stdout).toContain(aside[0]);
    expect(dump(path.join(path.dirname(t.file), aside[0]!))).toBe(before);
    expect(leftovers(t.file).filter((f) => f.includes(".restoring-"))).toEqual([]);
  });

  it("should refuse while another process has the database open, changing nothing", async () => {
    const { t, backup } = await databaseWithBackup("busy");
    const before = dump(t.file);
    const server = await holdOpen(t.file);
    try {
      const r = cli("db-restore", t.file, [backup]);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain("in use by another program");
      expect(r.stderr).toContain("stop the server first");
    } finally {
      await release(server);
    }
    expect(dump(t.file)).toBe(before);
    expect(leftovers(t.file).filter((f) => !/-(wal|shm)$/.test(f))).toEqual([]);
  });

  it("should refuse a damaged backup, a file that is no database, and a backup behind or ahead of the migrations", async () => {
    const { t, backup } = await databaseWithBackup("checks");
    const before = dump(t.file);
    const expectRefused = (file: string, message: RegExp) => {
      expect(() => restoreDatabase(file, t.file, MIGRATIONS)).toThrow(SqliteMaintenanceError);
      expect(() => restoreDatabase(file, t.file, MIGRATIONS)).toThrow(message);
      expect(dump(t.file)).toBe(before);
      expect(leftovers(t.file).filter((f) => !/-(wal|shm)$/.test(f))).toEqual([]);
    };

    expectRefused(path.join(ROOT, "README.md"), /is not a SQLite database/);
    expectRefused(path.join(scratch, "absent.db"), /no such file/);

    // Pages of the file overwritten with noise after the header: integrity_check (or opening) fails.
    const damaged = path.join(scratch, "damaged.db");
    const bytes = fs.readFileSync(backup);
    for (let i = 4096 * 2; i < Math.min(bytes.length, 4096 * 40); i++) bytes[i] = (i * 7919) & 0xff;
    fs.writeFileSync(damaged, bytes);
    expectRefused(damaged, /damaged|integrity_check|cannot be opened|not a database/);

    const behind = path.join(scratch, "behind.db");
    fs.copyFileSync(backup, behind);
    const db = openSqlite(`file:${behind}`);
    db.prepare("DELETE FROM _prisma_migrations WHERE migration_name = ?").run(MIGRATIONS.at(-1));
    db.close();
    expectRefused(behind, /lacks 1 migration.*npm run db:migrate/s);

    const ahead = path.join(scratch, "ahead.db");
    fs.copyFileSync(backup, ahead);
    const db2 = openSqlite(`file:${ahead}`);
    db2
      .prepare("INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ('x', 'x', 1, '29991231000000_future', 1, 1)")
      .run();
    db2.close();
    expectRefused(ahead, /newer version/);
  });
});
