import "server-only";
import { openSqlite, type SqliteDb } from "@/lib/db/sqlite";
import { env } from "@/lib/env";
import { importEdition, type ImportOptions, type ImportReport, type PageInput } from "@/lib/import";

// The desk's import runs the same all-or-nothing transaction as `npm run ingest`, on a write
// connection of its own (the import's bulk statements are SQL over better-sqlite3).
const g = globalThis as unknown as { importDb?: SqliteDb };

export function runImport(inputs: readonly PageInput[], options: ImportOptions = {}): ImportReport {
  g.importDb ??= openSqlite(env.DATABASE_URL);
  return importEdition(g.importDb, inputs, options);
}
