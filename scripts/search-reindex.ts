/** `npm run search:reindex`: rebuilds the FTS5 index from the articles, in one transaction. */
import { openSqlite } from "../lib/db/sqlite";
import { reindexAll } from "../lib/search/indexer";

const t0 = Date.now();
const n = reindexAll(openSqlite());
console.log(`Reindexed ${n} articles in ${((Date.now() - t0) / 1000).toFixed(2)} s.`);
