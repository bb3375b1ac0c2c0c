/**
 * `npm run db:restore -- <file>`: puts a backup (from `npm run db:backup`) in place of the
 * database (DATABASE_URL), with the site's server stopped.
 *
 * The backup is checked first (a SQLite file, `PRAGMA integrity_check`, exactly the migrations of
 * this version: prisma/migrations). The current database is moved aside to
 * `<database>.before-restore-<time>`, never deleted. While anything has the database open (the
 * server, an import) the restore refuses and changes nothing: SQLite's own lock tells
 * (lib/db/sqlite.ts, restoreDatabase), so no flag is needed to vouch that the server is stopped.
 *
 * Exit codes: 0 restored, 1 refused or failed (the database is as it was), 2 wrong usage.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { loadMigrationList } from "../lib/db/migrations";
import { restoreDatabase, SqliteMaintenanceError } from "../lib/db/sqlite";
import { sqlitePathFromUrl } from "../lib/db/sqlite-path";
import { DEFAULT_DATABASE_URL } from "../lib/env-defaults";

const USAGE = `usage: npm run db:restore -- <file>

  <file>      a backup written by npm run db:backup

Stop the server first. Replaces DATABASE_URL (default ${DEFAULT_DATABASE_URL}); the current
database is kept as <database>.before-restore-<time>.`;

const argsSchema = z.object({ file: z.string().min(1, "name the backup file to restore") });
const envSchema = z.object({
  DATABASE_URL: z.string().regex(/^file:.+/, "must be a SQLite file URL such as file:./data/edition.db").default(DEFAULT_DATABASE_URL),
});

function main(): number {
  let parsed;
  try {
    parsed = parseArgs({ args: process.argv.slice(2), allowPositionals: true, strict: true, options: { help: { type: "boolean", short: "h", default: false } } });
  } catch (err) {
    console.error(`db:restore: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  const args = argsSchema.safeParse({ file: parsed.positionals[0] ?? "" });
  if (!args.success || parsed.positionals.length > 1) {
    console.error(`db:restore: ${args.success ? "give exactly one file" : args.error.issues[0]?.message}\n\n${USAGE}`);
    return 2;
  }
  const env = envSchema.safeParse(process.env);
  if (!env.success) {
    console.error(`db:restore: invalid environment: DATABASE_URL: ${env.error.issues[0]?.message}`);
    return 2;
  }
  const target = sqlitePathFromUrl(env.data.DATABASE_URL);
  const migrations = loadMigrationList().migrationDirectories.map((m) => m.path);
  try {
    const r = restoreDatabase(args.data.file, target, migrations);
    console.log(`✓ Restored ${args.data.file} to ${target}: ${r.issues} issues, ${r.pages} pages, ${r.articles} articles (integrity_check ok, ${r.migrations.length} migrations, all current).`);
    console.log(r.movedAside ? `  The database it replaced is kept as ${r.movedAside}.` : "  There was no database there before.");
    return 0;
  } catch (err) {
    if (!(err instanceof SqliteMaintenanceError)) throw err;
    console.error(`✗ db:restore failed: ${err.message}\nThe database is as it was.`);
    return 1;
  }
}

try {
  process.exitCode = main();
} catch (err) {
  console.error(`✗ db:restore failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exitCode = 1;
}
