/**
 * `npm run search:reindex`: rebuilds the search index (article_fts) of DATABASE_URL from the
 * articles, in one transaction, then merges it into one segment. Needed after a migration that
 * recreates the table, or to repair an index by hand; imports keep it in step on their own.
 */
import { openSqlite } from "../lib/db/sqlite";
import { reindexAll } from "../lib/search/indexer";

const db = openSqlite();
const started = performance.now();
const tty = process.stderr.isTTY;
const n = reindexAll(db, (done, total) => {
  if (tty) process.stderr.write(`\r  ${done} / ${total} articles`);
});
if (tty) process.stderr.write("\n");
db.pragma("wal_checkpoint(TRUNCATE)");
db.close();
console.log(`Reindexed ${n} articles in ${((performance.now() - started) / 1000).toFixed(2)} s.`);
