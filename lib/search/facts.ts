/**
 * What search needs to know about every article besides its text, held in typed arrays indexed by
 * Article.id: visibility, date, page, category, departments. Filtering, facet counts and sorting a
 * match set of 100,000 articles then cost a few milliseconds in JS, where joining each match to
 * Article in SQL would cost a B-tree seek per match and per facet.
 *
 * Loaded once per connection and reloaded when the database changed: `PRAGMA data_version` moves
 * when another connection commits (an import, a publish), total_changes() when this one writes.
 * A load reads narrow scans served by covering indexes (see loadArticleFacts).
 */
import type { SqliteDb } from "@/lib/db/sqlite";

export interface DepartmentFact {
  id: number;
  name: string;
  slug: string;
  aliases: string[];
}

export interface ArticleFacts {
  /** Number of slots: the largest Article.id + 1. */
  size: number;
  /** 0 = no such article, 1 = draft, 2 = published. */
  state: Uint8Array;
  /** Issue date as the number YYYYMMDD. */
  day: Int32Array;
  /** The issue dates of the articles (YYYYMMDD), ascending and distinct, and each article's index into them. */
  days: Int32Array;
  dayIndex: Int32Array;
  pageNumber: Uint16Array;
  order: Uint16Array;
  /** Index into `categories`. */
  category: Uint8Array;
  /** Index into `pageNames` (0 = no name). */
  pageName: Uint16Array;
  /** Departments of article i (primary first): deptIds[deptStart[i] .. deptStart[i + 1]). */
  deptStart: Int32Array;
  deptIds: Int32Array;
  categories: string[];
  pageNames: string[];
  departments: Map<number, DepartmentFact>;
  /** Largest Department.id + 1. */
  departmentSlots: number;
}

interface Cached {
  version: string;
  facts: ArticleFacts;
}

const cache = new WeakMap<SqliteDb, Cached>();

/** A string that changes whenever the database may have changed under this connection. */
function versionOf(db: SqliteDb): string {
  const dataVersion = db.pragma("data_version", { simple: true }) as number;
  const changes = db.prepare("SELECT total_changes()").pluck().get() as number;
  return `${dataVersion}:${changes}`;
}

/** Page cache of a connection that searches: BM25 reads each match's length and positions. */
export const SEARCH_CACHE_KIB = 131_072;

/** The facts for this connection, reloaded when the database changed since the last call. */
export function getArticleFacts(db: SqliteDb): ArticleFacts {
  const hit = cache.get(db);
  // First search on this connection: SQLite's default 2 MB page cache would send most of BM25's
  // reads of the index to the file system.
  if (!hit && (db.pragma("cache_size", { simple: true }) as number) > -SEARCH_CACHE_KIB) db.pragma(`cache_size = -${SEARCH_CACHE_KIB}`);
  const version = versionOf(db);
  if (hit && hit.version === version) return hit.facts;
  const facts = loadArticleFacts(db);
  cache.set(db, { version, facts });
  return facts;
}

/** Reads the facts of every article. */
export function loadArticleFacts(db: SqliteDb): ArticleFacts {
  return db.transaction(() => {
    const maxId = (db.prepare("SELECT max(id) FROM Article").pluck().get() as number | null) ?? 0;
    const size = maxId + 1;
    const state = new Uint8Array(size);
    const day = new Int32Array(size);
    const pageNumber = new Uint16Array(size);
    const order = new Uint16Array(size);
    const dayIndex = new Int32Array(size);
    const category = new Uint8Array(size);
    const pageName = new Uint16Array(size);

    // Whole columns come back as JSON arrays: building a JS row per article costs ten times more.
    const columns = (sql: string) => (db.prepare(sql).raw().get() as (string | null)[]).map((json) => JSON.parse(json ?? "[]") as unknown[]);

    const pageNames = [""];
    const pageNameIndex = new Map<string, number>([["", 0]]);
    const pages = new Map<number, { number: number; name: number }>();
    const [pageIds, pageNums, names] = columns("SELECT json_group_array(id), json_group_array(number), json_group_array(name) FROM Page");
    pageIds!.forEach((id, i) => {
      const key = (names![i] as string | null) ?? "";
      let n = pageNameIndex.get(key);
      if (n === undefined) {
        n = pageNames.length;
        pageNames.push(key);
        pageNameIndex.set(key, n);
      }
      pages.set(id as number, { number: pageNums![i] as number, name: n });
    });

    // Two scans that SQLite answers from covering indexes (Article_category_published_issueDate_idx,
    // Article_pageId_order_idx) instead of the wide rows that carry the text.
    const categories: string[] = [];
    const categoryIndex = new Map<string, number>();
    const [ids, published, issueDays, cats] = columns(
      `SELECT json_group_array(id), json_group_array(published),
              json_group_array(CAST(substr(issueDate, 1, 4) || substr(issueDate, 6, 2) || substr(issueDate, 9, 2) AS INTEGER)),
              json_group_array(category)
       FROM Article`,
    );
    ids!.forEach((value, i) => {
      const id = value as number;
      state[id] = published![i] ? 2 : 1;
      day[id] = issueDays![i] as number;
      const cat = cats![i] as string;
      let c = categoryIndex.get(cat);
      if (c === undefined) {
        c = categories.length;
        categories.push(cat);
        categoryIndex.set(cat, c);
      }
      category[id] = c;
    });
    // Counting matches per date (a few thousand) instead of sorting their dates: the ranking window
    // and the year facet of a common word's 100,000 matches (lib/search/query.ts).
    const days = Int32Array.from(new Set(issueDays as number[])).sort();
    const dayOrdinal = new Map<number, number>();
    days.forEach((d, i) => dayOrdinal.set(d, i));
    for (const value of ids!) dayIndex[value as number] = dayOrdinal.get(day[value as number]!)!;

    const [ids2, pageIdOf, orders] = columns('SELECT json_group_array(id), json_group_array(pageId), json_group_array("order") FROM Article');
    ids2!.forEach((value, i) => {
      const id = value as number;
      const page = pages.get(pageIdOf![i] as number);
      pageNumber[id] = page?.number ?? 0;
      pageName[id] = page?.name ?? 0;
      order[id] = orders![i] as number;
    });

    // Departments per article in CSR form, primary (rank 0) first.
    const [linkArticles, linkDepartments, linkRanks] = columns(
      "SELECT json_group_array(articleId), json_group_array(departmentId), json_group_array(rank) FROM ArticleDepartment",
    ) as number[][];
    const deptStart = new Int32Array(size + 1);
    for (const articleId of linkArticles!) if (articleId < size) deptStart[articleId + 1]!++;
    for (let i = 0; i < size; i++) deptStart[i + 1]! += deptStart[i]!;
    const deptIds = new Int32Array(linkArticles!.length);
    const ranks = new Int32Array(linkArticles!.length);
    const fill = deptStart.slice(0, size);
    linkArticles!.forEach((articleId, i) => {
      if (articleId >= size) return;
      const at = fill[articleId]!++;
      deptIds[at] = linkDepartments![i]!;
      ranks[at] = linkRanks![i]!;
    });
    for (let i = 0; i < size; i++) {
      // Insertion sort by rank: an article has a handful of departments.
      for (let a = deptStart[i]! + 1; a < deptStart[i + 1]!; a++) {
        for (let b = a; b > deptStart[i]! && ranks[b - 1]! > ranks[b]!; b--) {
          [ranks[b - 1], ranks[b]] = [ranks[b]!, ranks[b - 1]!];
          [deptIds[b - 1], deptIds[b]] = [deptIds[b]!, deptIds[b - 1]!];
        }
      }
    }

    const departments = new Map<number, DepartmentFact>();
    let departmentSlots = 1;
    for (const [id, name, slug, aliases] of db.prepare("SELECT id, name, slug, aliases FROM Department").raw().iterate() as Iterable<
      [number, string, string, string]
    >) {
      departments.set(id, { id, name, slug, aliases: parseAliases(aliases) });
      departmentSlots = Math.max(departmentSlots, id + 1);
    }
    return { size, state, day, days, dayIndex, pageNumber, order, category, pageName, deptStart, deptIds, categories, pageNames, departments, departmentSlots };
  })();
}

/** Department.aliases (a JSON array) → strings; anything malformed reads as no aliases. */
export function parseAliases(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

/** "2026-04-08" → 20260408. */
export function dayNumber(date: string): number {
  return Number(date.slice(0, 4)) * 10000 + Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10));
}
