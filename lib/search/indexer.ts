/**
 * Keeps the FTS5 table `article_fts` in step with articles. Called inside the caller's transaction
 * (the import's), on the same better-sqlite3 connection, so the index never disagrees with what was
 * committed. The published flag is not indexed: queries filter on Article.published, so publishing
 * and unpublishing need no re-index. Ads are not articles and are never indexed.
 *
 *   indexArticles(db, [12, 13]);   // (re)writes their rows, reading Article and its relations
 *   removeFromIndex(db, [12]);     // before deleting articles
 *   reindexAll(db);                // npm run search:reindex
 */
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict";
import type { SqliteDb } from "@/lib/db/sqlite";
import { CATEGORY_LABELS } from "@/lib/parser/category";
import { parseAliases } from "@/lib/search/facts";
import { foldLookalikes } from "@/lib/text/fold";
import { appendGrams, appendTokens, BARRIER } from "@/lib/search/tokenize";

/** What one article contributes to the index; the columns of article_fts (see its migration). */
export interface IndexSource {
  title: string;
  label: string | null;
  kicker: string | null;
  subtitle: string | null;
  plainText: string;
  /** Departments (canonical names and every alias), people, category label, page name. */
  meta: string[];
}

/** One row of article_fts, as space-separated tokens. */
export interface IndexRow {
  title: string;
  label: string;
  kicker: string;
  subtitle: string;
  body: string;
  meta: string;
  /** Trigram columns (appendGrams): the title; label, kicker and subtitle; the body; meta. */
  title3: string;
  head3: string;
  body3: string;
  meta3: string;
  /** Four-gram columns (appendGrams), the same fields. */
  title4: string;
  head4: string;
  body4: string;
  meta4: string;
}

/** The trigram and four-gram columns of these values, one run of grams after another. */
function gramColumns(values: readonly (string | null)[]): [string, string] {
  const tri: string[] = [];
  const four: string[] = [];
  for (const value of values) if (value) appendGrams(value, tri, four);
  return [tri.join(" "), four.join(" ")];
}

let jieba: Jieba | undefined;
const getJieba = () => (jieba ??= Jieba.withDict(dict));

const TWO_HAN = /^[\u3400-\u9fff]{2}$/;

/** Dictionary words of exactly two Chinese characters (jieba without HMM: dictionary words only). */
export function twoCharacterWords(text: string): string[] {
  return text ? getJieba().cut(text, false).filter((w) => TWO_HAN.test(w)) : [];
}

/**
 * The tokens of one field: its bigram stream, then (after a barrier, so no phrase reaches them) the
 * two-character dictionary words jieba finds in `wordsOf`. Such a word is also one of the field's
 * bigrams, so a two-character query — the commonest kind — counts it once more where it is a real
 * word of the head or the lead than where its characters merely meet ("法院" in "依法院…" counts once).
 */
function fieldTokens(text: string | null, wordsOf: string | null, barrierAtBreaks = false): string {
  if (!text) return "";
  const out: string[] = [];
  appendTokens(text, out, barrierAtBreaks);
  // jieba's dictionary knows 人民, not ⼈民 (lib/text/fold.ts).
  const words = wordsOf ? twoCharacterWords(foldLookalikes(wordsOf)) : [];
  if (words.length) out.push(BARRIER, ...words);
  return out.join(" ");
}

/**
 * The lead: the first paragraph, at most LEAD_CHARS characters. Dictionary words are taken from
 * the head and the lead only: they weigh where an article's own words stand (a news article says
 * what it is about first), every string is found through the bigrams anyway, and jieba runs at
 * about 2 million characters a second, which over whole bodies would double the cost of indexing.
 */
function leadOf(body: string): string {
  const end = body.indexOf("\n");
  return body.slice(0, Math.min(end < 0 ? body.length : end, LEAD_CHARS));
}

const LEAD_CHARS = 200;

/** The tokens of one article (pure: no database). */
export function buildIndexRow(src: IndexSource): IndexRow {
  const meta: string[] = [];
  for (const value of src.meta) {
    if (meta.length > 0) meta.push(BARRIER);
    appendTokens(value, meta);
  }
  const [title3, title4] = gramColumns([src.title]);
  const [head3, head4] = gramColumns([src.label, src.kicker, src.subtitle]);
  const [body3, body4] = gramColumns([src.plainText]);
  const [meta3, meta4] = gramColumns(src.meta);
  return {
    title: fieldTokens(src.title, src.title),
    label: fieldTokens(src.label, src.label),
    kicker: fieldTokens(src.kicker, src.kicker),
    subtitle: fieldTokens(src.subtitle, src.subtitle),
    body: fieldTokens(src.plainText, leadOf(src.plainText), true),
    meta: meta.join(" "),
    title3,
    head3,
    body3,
    meta3,
    title4,
    head4,
    body4,
    meta4,
  };
}

interface ArticleRow {
  id: number;
  title: string;
  label: string | null;
  kicker: string | null;
  subtitle: string | null;
  plainText: string;
  category: string;
  pageName: string | null;
}

const CHUNK = 500;
const INSERT_ROW = `INSERT INTO article_fts (rowid, title, label, kicker, subtitle, body, meta, title3, head3, body3, meta3, title4, head4, body4, meta4)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const insertValues = (id: number, r: IndexRow) => [
  id, r.title, r.label, r.kicker, r.subtitle, r.body, r.meta, r.title3, r.head3, r.body3, r.meta3, r.title4, r.head4, r.body4, r.meta4,
];
const categoryLabels = CATEGORY_LABELS as Record<string, string>;

function inChunks(ids: readonly number[], each: (chunk: number[]) => void): void {
  for (let i = 0; i < ids.length; i += CHUNK) each(ids.slice(i, i + CHUNK));
}

/** Reads what the index needs of these articles from the database (also the search benchmark's trigram table). */
export function readSources(db: SqliteDb, ids: number[]): Map<number, IndexSource> {
  const marks = ids.map(() => "?").join(",");
  const rows = db
    .prepare(
      `SELECT a.id, a.title, a.label, a.kicker, a.subtitle, a.plainText, a.category, p.name AS pageName
       FROM Article a JOIN Page p ON p.id = a.pageId WHERE a.id IN (${marks})`,
    )
    .all(...ids) as ArticleRow[];
  const meta = new Map<number, string[]>(rows.map((r) => [r.id, []]));
  const departments = db
    .prepare(
      `SELECT ad.articleId AS id, d.name, d.aliases FROM ArticleDepartment ad JOIN Department d ON d.id = ad.departmentId
       WHERE ad.articleId IN (${marks}) ORDER BY ad.articleId, ad.rank`,
    )
    .all(...ids) as { id: number; name: string; aliases: string }[];
  for (const d of departments) meta.get(d.id)?.push(d.name, ...parseAliases(d.aliases));
  const people = db
    .prepare(
      `SELECT b.articleId AS id, p.name FROM ArticleByline b JOIN Person p ON p.id = b.personId
       WHERE b.articleId IN (${marks}) ORDER BY b.articleId, b."order"`,
    )
    .all(...ids) as { id: number; name: string }[];
  for (const p of people) meta.get(p.id)?.push(p.name);
  const out = new Map<number, IndexSource>();
  for (const r of rows) {
    const m = meta.get(r.id)!;
    const category = categoryLabels[r.category];
    if (category) m.push(category);
    if (r.pageName) m.push(r.pageName);
    out.set(r.id, { title: r.title, label: r.label, kicker: r.kicker, subtitle: r.subtitle, plainText: r.plainText, meta: m });
  }
  return out;
}

/**
 * (Re)writes the index rows of these articles from their Article rows, departments (names and
 * aliases), people, category and page name, read on the same connection. Ids without an Article
 * row lose their index row. Run it inside the transaction that wrote the articles.
 */
export function indexArticles(db: SqliteDb, articleIds: number[]): void {
  if (articleIds.length === 0) return;
  const insert = db.prepare(
    INSERT_ROW,
  );
  removeFromIndex(db, articleIds);
  inChunks([...new Set(articleIds)], (ids) => {
    for (const [id, src] of readSources(db, ids)) {
      const r = buildIndexRow(src);
      insert.run(...insertValues(id, r));
    }
  });
}

/** Deletes the index rows of these articles (ids that have none are ignored). */
export function removeFromIndex(db: SqliteDb, articleIds: number[]): void {
  inChunks(articleIds, (ids) => {
    db.prepare(`DELETE FROM article_fts WHERE rowid IN (${ids.map(() => "?").join(",")})`).run(...ids);
  });
}

/**
 * What the index's tokens mean: raised whenever lib/search/tokenize.ts changes the tokens a text
 * gives (2: look-alikes folded, spaces between Chinese characters bridged, digits beside Chinese in
 * the gram columns). Queries compile to the current tokens, so an index built by an older tokenizer
 * would miss matches; ensureSearchIndex rebuilds it.
 */
export const TOKENS_VERSION = 2;

/**
 * The version is kept in the index itself, without a migration: the one token of row 0 (no article
 * has id 0, so no search returns it) in the meta column, a private-use token that no query
 * produces. It goes with the rows: emptied by a migration that reshapes the table, written by
 * reindexAll.
 */
const VERSION_TOKEN = `\uE001tokens${TOKENS_VERSION}`;

function writeVersion(db: SqliteDb): void {
  db.prepare("DELETE FROM article_fts WHERE rowid = 0").run();
  db.prepare("INSERT INTO article_fts (rowid, meta) VALUES (0, ?)").run(VERSION_TOKEN);
}

/** Whether the index was built by this tokenizer (see TOKENS_VERSION). */
export function hasCurrentTokens(db: SqliteDb): boolean {
  return db.prepare("SELECT 1 FROM article_fts WHERE article_fts MATCH ? AND rowid = 0").get(`meta : "${VERSION_TOKEN}"`) !== undefined;
}

/**
 * Rebuilds the whole index from the articles in one transaction (`npm run search:reindex`), then
 * merges it into one segment for the fastest queries. Returns the number of articles indexed.
 */
export function reindexAll(db: SqliteDb, onProgress?: (done: number, total: number) => void): number {
  const ids = db.prepare("SELECT id FROM Article ORDER BY id").pluck().all() as number[];
  db.transaction(() => {
    // 'delete-all' is the contentless table's way to empty itself.
    db.prepare("INSERT INTO article_fts (article_fts) VALUES ('delete-all')").run();
    const insert = db.prepare(
      INSERT_ROW,
    );
    let done = 0;
    inChunks(ids, (chunk) => {
      for (const [id, src] of readSources(db, chunk)) {
        const r = buildIndexRow(src);
        insert.run(...insertValues(id, r));
      }
      done += chunk.length;
      onProgress?.(done, ids.length);
    });
    writeVersion(db);
    db.prepare("INSERT INTO article_fts (article_fts) VALUES ('optimize')").run();
  })();
  return ids.length;
}

/**
 * Rebuilds the index when it is empty while there are articles (a migration that reshapes
 * article_fts, derived data, leaves it so) or was built by an older tokenizer (TOKENS_VERSION).
 * Run after migrations (`npm run db:migrate`). Returns the number of articles indexed (0 when
 * nothing was needed).
 */
export function ensureSearchIndex(db: SqliteDb, onProgress?: (done: number, total: number) => void): number {
  if (hasCurrentTokens(db)) return 0;
  const hasArticles = db.prepare("SELECT 1 FROM Article LIMIT 1").get() !== undefined;
  if (hasArticles) return reindexAll(db, onProgress);
  // A new database: the articles imported into it will be indexed by this tokenizer.
  writeVersion(db);
  return 0;
}
