/** `npm run db:migrate`: applies pending migrations to DATABASE_URL (no native engine needed). */
import { applyMigrations, sqlitePathFromUrl } from "../lib/db/migrations";
import { DEFAULT_DATABASE_URL } from "../lib/env-defaults";

const url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
try {
  const applied = await applyMigrations(sqlitePathFromUrl(url));
  console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database is up to date.");
} catch (err) {
  console.error(`db:migrate failed on ${url}: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}
