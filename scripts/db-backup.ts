/**
 * `npm run db:backup -- <file>`: a consistent copy of the database (DATABASE_URL) while the site
 * serves and imports run — `VACUUM INTO`, one read transaction, WAL included (a plain `cp` of the
 * .db file misses whatever is still only in the WAL). Restore it with `npm run db:restore`.
 *
 * Exit codes: 0 written, 1 refused or failed (nothing is left under <file>), 2 wrong usage.
 */
import { backupDatabase, SqliteMaintenanceError } from "../lib/db/sqlite";
import { DEFAULT_DATABASE_URL } from "../lib/env-defaults";
import { parseFileCommand } from "./lib/file-command";

const USAGE = `usage: npm run db:backup -- <file>

  <file>      where to write the copy (must not exist yet), e.g. backups/edition-$(date +%F).db

Copies DATABASE_URL (default ${DEFAULT_DATABASE_URL}) consistently while the site keeps serving.`;

function main(): number {
  const command = parseFileCommand("db:backup", USAGE, "name the file to write the backup to");
  if (typeof command === "number") return command;
  const source = command.database;
  try {
    const started = performance.now();
    const r = backupDatabase(source, command.file);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `✓ Backed up ${source} to ${command.file}: ${r.issues} issues, ${r.pages} pages, ${r.articles} articles, ` +
        `${(r.bytes / 1024 / 1024).toFixed(1)} MB in ${seconds} s (integrity_check ok).`,
    );
    return 0;
  } catch (err) {
    if (!(err instanceof SqliteMaintenanceError)) throw err;
    console.error(`✗ db:backup failed: ${err.message}`);
    return 1;
  }
}

try {
  process.exitCode = main();
} catch (err) {
  console.error(`✗ db:backup failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exitCode = 1;
}
