/**
 * `npm run db:backup -- <file>`: a consistent copy of the database (DATABASE_URL) while the site
 * serves and imports run — `VACUUM INTO`, one read transaction, WAL included (a plain `cp` of the
 * .db file misses whatever is still only in the WAL). Restore it with `npm run db:restore`.
 *
 * Exit codes: 0 written, 1 refused or failed (nothing is left under <file>), 2 wrong usage.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { backupDatabase, SqliteMaintenanceError } from "../lib/db/sqlite";
import { sqlitePathFromUrl } from "../lib/db/sqlite-path";
import { DEFAULT_DATABASE_URL } from "../lib/env-defaults";

const USAGE = `usage: npm run db:backup -- <file>

  <file>      where to write the copy (must not exist yet), e.g. backups/edition-$(date +%F).db

Copies DATABASE_URL (default ${DEFAULT_DATABASE_URL}) consistently while the site keeps serving.`;

const argsSchema = z.object({ file: z.string().min(1, "name the file to write the backup to") });
const envSchema = z.object({
  DATABASE_URL: z.string().regex(/^file:.+/, "must be a SQLite file URL such as file:./data/edition.db").default(DEFAULT_DATABASE_URL),
});

function main(): number {
  let parsed;
  try {
    parsed = parseArgs({ args: process.argv.slice(2), allowPositionals: true, strict: true, options: { help: { type: "boolean", short: "h", default: false } } });
  } catch (err) {
    console.error(`db:backup: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  const args = argsSchema.safeParse({ file: parsed.positionals[0] ?? "" });
  if (!args.success || parsed.positionals.length > 1) {
    console.error(`db:backup: ${args.success ? "give exactly one file" : args.error.issues[0]?.message}\n\n${USAGE}`);
    return 2;
  }
  const env = envSchema.safeParse(process.env);
  if (!env.success) {
    console.error(`db:backup: invalid environment: DATABASE_URL: ${env.error.issues[0]?.message}`);
    return 2;
  }
  const source = sqlitePathFromUrl(env.data.DATABASE_URL);
  try {
    const started = performance.now();
    const r = backupDatabase(source, args.data.file);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `✓ Backed up ${source} to ${args.data.file}: ${r.issues} issues, ${r.pages} pages, ${r.articles} articles, ` +
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
