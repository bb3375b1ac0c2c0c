import "server-only";
import { openSqlite, type SqliteDb } from "@/lib/db/sqlite";
import { env } from "@/lib/env";
import { importEdition, type ImportOptions, type ImportReport, type PageInput } from "@/lib/import";

// The desk's writes of editions (imports, corrections) run the same all-or-nothing transactions
// as `npm run ingest`, on a write connection of their own (bulk SQL over better-sqlite3).
const g = globalThis as unknown as { importDb?: SqliteDb };

export function writeConnection(): SqliteDb {
  g.importDb ??= openSqlite(env.DATABASE_URL);
  return g.importDb;
}

export function runImport(inputs: readonly PageInput[], options: ImportOptions = {}): ImportReport {
  return importEdition(writeConnection(), inputs, options);
}
