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
import { loadMigrationList } from "../lib/db/migrations";
import { restoreDatabase, SqliteMaintenanceError } from "../lib/db/sqlite";
import { DEFAULT_DATABASE_URL } from "../lib/env-defaults";
import { parseFileCommand } from "./lib/file-command";

const USAGE = `usage: npm run db:restore -- <file>

  <file>      a backup written by npm run db:backup

Stop the server first. Replaces DATABASE_URL (default ${DEFAULT_DATABASE_URL}); the current
database is kept as <database>.before-restore-<time>.`;

function main(): number {
  const command = parseFileCommand("db:restore", USAGE, "name the backup file to restore");
  if (typeof command === "number") return command;
  const target = command.database;
  const migrations = loadMigrationList().migrationDirectories.map((m) => m.path);
  try {
    const r = restoreDatabase(command.file, target, migrations);
    console.log(`✓ Restored ${command.file} to ${target}: ${r.issues} issues, ${r.pages} pages, ${r.articles} articles (integrity_check ok, ${r.migrations.length} migrations, all current).`);
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
