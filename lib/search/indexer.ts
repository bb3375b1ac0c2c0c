/**
 * Keeps the FTS5 table `article_fts` in step with articles. Called inside the caller's transaction
 * (the import's), on the same better-sqlite3 connection, so the index never disagrees with what
 * was committed. The published flag is not indexed: queries join Article and filter on it, so
 * publishing and unpublishing need no re-index.
 */
import type { SqliteDb } from "@/lib/db/sqlite";
import { CATEGORY_LABELS } from "@/lib/parser";
import { bigramTokens, unigramTokens, wordTokens } from "@/lib/search/tokenize";

interface Row {
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

function chunks<T>(xs: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += CHUNK) out.push(xs.slice(i, i + CHUNK));
  return out;
}

/** (Re)writes the index rows of these articles. */
export function indexArticles(db: SqliteDb, articleIds: number[]): void {
  if (articleIds.length === 0) return;
  removeFromIndex(db, articleIds);
  const insert = db.prepare("INSERT INTO article_fts (rowid, title, head, body, meta, uni, words) VALUES (?, ?, ?, ?, ?, ?, ?)");
  for (const ids of chunks(articleIds)) {
    const marks = ids.map(() => "?").join(",");
    const rows = db
      .prepare(
        `SELECT a.id, a.title, a.label, a.kicker, a.subtitle, a.plainText, a.category, p.name AS pageName
         FROM Article a JOIN Page p ON p.id = a.pageId WHERE a.id IN (${marks})`,
      )
      .all(...ids) as Row[];
    const depts = db
      .prepare(
        `SELECT ad.articleId AS id, d.name, d.aliases FROM ArticleDepartment ad JOIN Department d ON d.id = ad.departmentId WHERE ad.articleId IN (${marks})`,
      )
      .all(...ids) as { id: number; name: string; aliases: string }[];
    const people = db
      .prepare(`SELECT b.articleId AS id, p.name FROM ArticleByline b JOIN Person p ON p.id = b.personId WHERE b.articleId IN (${marks})`)
      .all(...ids) as { id: number; name: string }[];
    const meta = new Map<number, string[]>();
    const add = (id: number, s: string) => {
      const list = meta.get(id) ?? [];
      list.push(s);
      meta.set(id, list);
    };
    for (const d of depts) {
      add(d.id, d.name);
      for (const alias of JSON.parse(d.aliases) as string[]) add(d.id, alias);
    }
    for (const p of people) add(p.id, p.name);
    for (const r of rows) {
      const head = [r.label, r.kicker, r.subtitle].filter(Boolean).join(" ");
      const metaText = [...(meta.get(r.id) ?? []), (CATEGORY_LABELS as Record<string, string>)[r.category] ?? "", r.pageName ?? ""].join(" ");
      // Separate values must not form bigrams across their boundary: tokenize each on its own.
      const metaTokens = metaText.split(" ").map(bigramTokens).join(" ");
      insert.run(
        r.id,
        bigramTokens(r.title),
        bigramTokens(head),
        bigramTokens(r.plainText),
        metaTokens,
        unigramTokens(`${r.title} ${head} ${r.plainText}`),
        wordTokens(`${r.title}\n${r.plainText}`),
      );
    }
  }
}

/** Deletes the index rows of these articles. */
export function removeFromIndex(db: SqliteDb, articleIds: number[]): void {
  for (const ids of chunks(articleIds)) {
    db.prepare(`DELETE FROM article_fts WHERE rowid IN (${ids.map(() => "?").join(",")})`).run(...ids);
  }
}

/** Rebuilds the whole index from the articles (`npm run search:reindex`). */
export function reindexAll(db: SqliteDb): number {
  const ids = (db.prepare("SELECT id FROM Article ORDER BY id").all() as { id: number }[]).map((r) => r.id);
  db.transaction(() => {
    db.prepare("DELETE FROM article_fts").run();
    indexArticles(db, ids);
  })();
  return ids.length;
}
