/**
 * The search benchmark's comparison with SQLite's built-in trigram tokenizer, done the way the
 * full search is done: a table `bench_trigram` over the same articles and fields as article_fts
 * (title, label, kicker, subtitle, body, meta: the text itself, which the trigram tokenizer cuts
 * into overlapping three-character substrings) and a MatchIndex for searchArticles, so the trigram
 * way runs the same filters, total, facet counts, ranking window and snippets, and differs only in
 * how the match set and BM25 scores are found.
 *
 *   buildTrigramTable(db);
 *   searchArticles(db, params, TRIGRAM_INDEX);
 *   compileTrigram(parseQuery(q))   // null when the trigram way cannot answer q exactly
 */
import type { SqliteDb } from "../../lib/db/sqlite";
import { readSources } from "../../lib/search/indexer";
import { BM25_WEIGHTS, type MatchIndex } from "../../lib/search/query";
import type { ParsedQuery, QueryTerm } from "../../lib/search/query-parser";
import type { Unit } from "../../lib/search/tokenize";

export const TRIGRAM_TABLE = "bench_trigram";

/** Same fields as article_fts's bigram columns; contentless like it (the text lives in Article). */
export const TRIGRAM_TABLE_SQL = `CREATE VIRTUAL TABLE ${TRIGRAM_TABLE} USING fts5(title, label, kicker, subtitle, body, meta, content = '', tokenize = 'trigram', detail = full)`;

/** Whether the database has the trigram table in its current shape (a kept archive may have an older one). */
export function hasTrigramTable(db: SqliteDb): boolean {
  const sql = db.prepare("SELECT sql FROM sqlite_master WHERE name = ?").pluck().get(TRIGRAM_TABLE) as string | undefined;
  return sql === TRIGRAM_TABLE_SQL;
}

/** (Re)builds the trigram table from the articles, reading them as the indexer does; then merges it into one segment, as reindexAll does. */
export function buildTrigramTable(db: SqliteDb): void {
  db.exec(`DROP TABLE IF EXISTS ${TRIGRAM_TABLE}`);
  db.exec(TRIGRAM_TABLE_SQL);
  const ids = db.prepare("SELECT id FROM Article ORDER BY id").pluck().all() as number[];
  const insert = db.prepare(`INSERT INTO ${TRIGRAM_TABLE} (rowid, title, label, kicker, subtitle, body, meta) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  db.transaction(() => {
    for (let i = 0; i < ids.length; i += 500) {
      for (const [id, s] of readSources(db, ids.slice(i, i + 500))) {
        // One value a line: no trigram spans two departments, names or paragraphs.
        insert.run(id, s.title, s.label ?? "", s.kicker ?? "", s.subtitle ?? "", s.plainText, s.meta.join("\n"));
      }
    }
    db.exec(`INSERT INTO ${TRIGRAM_TABLE} (${TRIGRAM_TABLE}) VALUES ('optimize')`);
  })();
}

/**
 * A unit sequence as the substring the trigram tokenizer looks for, or null when it cannot find it
 * exactly: fewer than three characters (it matches nothing), or anything but one run of Chinese
 * characters (a Latin word must be a whole word, and runs may be separated by any punctuation in
 * the text, which a substring cannot say).
 */
function substring(units: Unit[]): string | null {
  if (units.length < 3 || !units.every((u) => u.cjk && u.run === units[0]!.run)) return null;
  return units.map((u) => u.text).join("");
}

function termExpression(term: QueryTerm): string | null {
  const parts: string[] = [];
  for (const v of term.variants) {
    const s = substring(v);
    if (s === null) return null;
    parts.push(`"${s}"`);
  }
  return parts.length === 1 ? parts[0]! : `(${parts.join(" OR ")})`;
}

/** The query as trigram MATCH expressions, built like lib/search/query-parser.ts's; null unless every term, excluded ones too, can be answered exactly. */
export function compileTrigram(parsed: ParsedQuery): { match: string; exclude: string | null } | null {
  const pos = parsed.terms.map(termExpression);
  const neg = parsed.excluded.map(termExpression);
  if (pos.length === 0 || [...pos, ...neg].some((x) => x === null)) return null;
  let match = pos.join(" AND ");
  for (const n of neg) match = `(${match}) NOT ${n}`;
  return { match, exclude: neg.length ? neg.join(" OR ") : null };
}

/** For searchArticles: bench_trigram, weighted as article_fts's head and body columns. */
export const TRIGRAM_INDEX: MatchIndex = {
  table: TRIGRAM_TABLE,
  weights: BM25_WEIGHTS.slice(0, 6),
  compile: (parsed) => compileTrigram(parsed) ?? { match: null, exclude: null },
};
