/**
 * The import's collaborators in tests: the real parser and gazetteer, and the real search index
 * wrapped so tests can see what it was asked to do (and check the rows were there when asked).
 */
import type { SqliteDb } from "@/lib/db/sqlite";
import { defaultDependencies } from "@/lib/import/defaults";
import type { ImportDependencies } from "@/lib/import/import-edition";
import type { SearchIndexer } from "@/lib/import/write-edition";

/** The real search index, recording the article ids of each call. */
export function createRecordingIndexer(inner: SearchIndexer = defaultDependencies().indexer): SearchIndexer & {
  indexed: number[][];
  removed: number[][];
} {
  const indexed: number[][] = [];
  const removed: number[][] = [];
  const assertRows = (db: SqliteDb, ids: number[], when: string) => {
    const n = db.prepare(`SELECT count(*) FROM Article WHERE id IN (${ids.map(() => "?").join(",")})`).pluck().get(...ids);
    if (n !== ids.length) throw new Error(`indexer ${when}: ${ids.length - Number(n)} article rows missing`);
  };
  return {
    indexed,
    removed,
    indexArticles(db, ids) {
      assertRows(db, ids, "indexArticles");
      indexed.push([...ids]);
      inner.indexArticles(db, ids);
    },
    removeFromIndex(db, ids) {
      assertRows(db, ids, "removeFromIndex");
      removed.push([...ids]);
      inner.removeFromIndex(db, ids);
    },
  };
}

/** The collaborators the import tests run with: the real ones, the index recorded. */
export function testDependencies(overrides: Partial<ImportDependencies> = {}): ImportDependencies {
  return { ...defaultDependencies(), indexer: createRecordingIndexer(), ...overrides };
}
