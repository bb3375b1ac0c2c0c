/**
 * A scratch SQLite database per test, copied from one migrated base file per test worker (running
 * the migrations takes about a second; copying a file, a millisecond).
 *
 *   const t = await createTestDatabase();
 *   const db = t.db();          // better-sqlite3, WAL, foreign keys on (lib/db/sqlite.ts)
 *   …
 *   t.cleanup();
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { applyMigrations } from "@/lib/db/migrations";
import { openSqlite, type SqliteDb } from "@/lib/db/sqlite";

export interface TestDatabase {
  /** `file:` URL of the database, for DATABASE_URL or openSqlite. */
  url: string;
  /** Absolute path of the database file. */
  file: string;
  /** The directory the file is in (scratch space for the test, removed by cleanup). */
  dir: string;
  /** A connection, opened on first call and reused; closed by cleanup. */
  db(): SqliteDb;
  /** Closes the connection and removes the files. */
  cleanup(): void;
}

let base: Promise<string> | undefined;

/** The migrated base file of this worker, built on first use. */
function migratedBase(): Promise<string> {
  base ??= (async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "epaper-base-"));
    const file = path.join(dir, "base.db");
    await applyMigrations(file);
    process.once("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
    return file;
  })();
  return base;
}

/** A fresh, migrated database of its own for one test. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const baseFile = await migratedBase();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "epaper-test-"));
  const file = path.join(dir, "test.db");
  fs.copyFileSync(baseFile, file);
  let connection: SqliteDb | undefined;
  return {
    url: `file:${file}`,
    file,
    dir,
    db() {
      connection ??= openSqlite(`file:${file}`);
      return connection;
    },
    cleanup() {
      connection?.close();
      connection = undefined;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
