/**
 * `npm run db:migrate`: applies pending migrations to DATABASE_URL (no native engine needed), then
 * rebuilds the search index if a migration emptied it (it is derived from the articles), and turns
 * whole-page correction snapshots from before the edit log into edits (lib/corrections/legacy.ts).
 */
import { applyMigrations, sqlitePathFromUrl } from "../lib/db/migrations";
import { openSqlite } from "../lib/db/sqlite";
import { readEnv } from "../lib/env-schema";
import { ensureSearchIndex } from "../lib/search/indexer";
import { convertLegacyCorrections } from "../lib/import/legacy-corrections";

const envResult = readEnv(process.env);
if (!envResult.ok) {
  console.error(`db:migrate: invalid environment: ${envResult.problems.join("; ")}`);
  process.exit(2);
}
const url = envResult.env.DATABASE_URL;
try {
  const applied = await applyMigrations(sqlitePathFromUrl(url));
  console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database is up to date.");
  const db = openSqlite(url);
  try {
    const started = performance.now();
    const indexed = ensureSearchIndex(db);
    if (indexed) console.log(`Rebuilt the search index: ${indexed} articles in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    for (const line of convertLegacyCorrections(db)) console.log(line);
  } finally {
    db.close();
  }
} catch (err) {
  console.error(`db:migrate failed on ${url}: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}
