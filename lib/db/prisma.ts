/**
 * Builds a Prisma client over SQLite (better-sqlite3 driver adapter, no engine binary) in WAL mode
 * with a busy timeout, so the site reads while an import writes. The site uses the one client in
 * lib/db/client.ts; command-line scripts (editor:create) build their own here.
 */
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { sqlitePathFromUrl } from "@/lib/db/sqlite-path";

export function createPrismaClient(databaseUrl: string): PrismaClient {
  const file = sqlitePathFromUrl(databaseUrl);
  // WAL is a property of the database file: set it once through a plain connection.
  const raw = new Database(file);
  raw.pragma("journal_mode = WAL");
  raw.close();
  return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: file, timeout: 5000 }) });
}
