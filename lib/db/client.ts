/**
 * The one Prisma client. better-sqlite3 driver adapter (no engine binary), SQLite in WAL mode with
 * a busy timeout so the site can read while an import writes. Cached on globalThis so Next's dev
 * server hot reloads do not open a new connection each time.
 */
import "server-only";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { sqlitePathFromUrl } from "@/lib/db/sqlite-path";

function createClient(): PrismaClient {
  const file = sqlitePathFromUrl(env.DATABASE_URL);
  // WAL is a property of the database file: set it once through a plain connection.
  const raw = new Database(file);
  raw.pragma("journal_mode = WAL");
  raw.close();
  const adapter = new PrismaBetterSqlite3({ url: file, timeout: 5000 });
  return new PrismaClient({ adapter });
}

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export const db: PrismaClient = globalForPrisma.prisma ?? createClient();

if (env.NODE_ENV !== "production") globalForPrisma.prisma = db;
