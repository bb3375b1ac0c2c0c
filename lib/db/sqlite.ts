/**
 * A plain better-sqlite3 connection for bulk work (the import, the search index, benchmarks),
 * where one SQLite transaction over prepared statements is both the all-or-nothing guarantee and
 * the speed. Reader pages go through the Prisma client in lib/db/client.ts.
 */
import Database from "better-sqlite3";
import { DEFAULT_DATABASE_URL } from "../env-defaults";
import { sqlitePathFromUrl } from "./sqlite-path";

export type SqliteDb = Database.Database;

/** Opens the database named by `url` (default: DATABASE_URL) in WAL mode with a busy timeout. */
export function openSqlite(url: string = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL): SqliteDb {
  const db = new Database(sqlitePathFromUrl(url), { timeout: 5000 });
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  db.pragma("synchronous = NORMAL");
  return db;
}
