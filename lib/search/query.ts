/**
 * Search over the FTS5 index: BM25 with titles weighted over body (newer first on ties) or by
 * date, filters (department by canonical name or alias, category, date range, page name, person),
 * snippets with every match marked, total and facet counts. Plain SQL on a better-sqlite3
 * connection: the same function serves the site, the API, the CLI and the benchmark.
 */
import type { SqliteDb } from "@/lib/db/sqlite";
import { parseQuery } from "@/lib/search/query-parser";
import { escapeXml, highlightHtml } from "@/lib/site/format";

export interface SearchParams {
  q: string;
  department?: string;
  category?: string;
  from?: string;
  to?: string;
  pageName?: string;
  person?: string;
  sort?: "relevance" | "date";
  page?: number;
  pageSize?: number;
  includeDrafts?: boolean;
}

export interface SearchResult {
  publicId: string;
  title: string;
  issueDate: string;
  pageNumber: number;
  pageName: string | null;
  label: string | null;
  departments: string[];
  category: string;
  snippet: string;
}

export interface Facet {
  value: string;
  count: number;
}

export interface SearchResponse {
  q: string;
  total: number;
  page: number;
  pageSize: number;
  sort: "relevance" | "date";
  results: SearchResult[];
  facets: { category: Facet[]; department: Facet[]; year: Facet[] };
}

// bm25 weights per column: title, head, body, meta, uni, words.
const BM25 = "bm25(article_fts, 10.0, 5.0, 1.0, 3.0, 0.5, 2.0)";

/** Resolves a department given by canonical name or alias to its id (null: unknown). */
function resolveDepartment(db: SqliteDb, name: string): number | null {
  const exact = db.prepare("SELECT id FROM Department WHERE name = ? OR slug = ?").get(name, name) as { id: number } | undefined;
  if (exact) return exact.id;
  const alias = db.prepare("SELECT d.id FROM Department d, json_each(d.aliases) j WHERE j.value = ?").get(name) as { id: number } | undefined;
  return alias?.id ?? null;
}

/** Makes a snippet of ~90 characters around the first match, every match marked (HTML-safe). */
export function makeSnippet(text: string, terms: string[], width = 90): string {
  const flat = text.replace(/\s+/g, " ");
  let first = -1;
  for (const t of terms) {
    const i = flat.indexOf(t);
    if (i >= 0 && (first < 0 || i < first)) first = i;
  }
  const start = first < 0 ? 0 : Math.max(0, first - Math.floor(width / 3));
  const piece = flat.slice(start, start + width);
  const html = terms.length ? highlightHtml(piece, terms.join(" ")) : escapeXml(piece);
  return `${start > 0 ? "…" : ""}${html}${start + width < flat.length ? "…" : ""}`;
}

/** Runs a search. An empty or all-excluded query returns no results (not an error). */
export function searchArticles(db: SqliteDb, params: SearchParams): SearchResponse {
  const page = Math.max(1, params.page ?? 1);
  const pageSize = Math.min(100, Math.max(1, params.pageSize ?? 20));
  const sort = params.sort ?? "relevance";
  const parsed = parseQuery(params.q);
  const empty: SearchResponse = { q: params.q, total: 0, page, pageSize, sort, results: [], facets: { category: [], department: [], year: [] } };

  const where: string[] = [];
  const args: unknown[] = [];
  if (!params.includeDrafts) where.push("a.published = 1");
  if (params.category) {
    where.push("a.category = ?");
    args.push(params.category);
  }
  if (params.from) {
    where.push("a.issueDate >= ?");
    args.push(params.from);
  }
  if (params.to) {
    where.push("a.issueDate <= ?");
    args.push(params.to);
  }
  if (params.pageName) {
    where.push("a.pageId IN (SELECT id FROM Page WHERE name = ?)");
    args.push(params.pageName);
  }
  if (params.person) {
    where.push("a.id IN (SELECT b.articleId FROM ArticleByline b JOIN Person p ON p.id = b.personId WHERE p.name = ?)");
    args.push(params.person);
  }
  if (params.department) {
    const id = resolveDepartment(db, params.department);
    if (id === null) return empty;
    where.push("a.id IN (SELECT articleId FROM ArticleDepartment WHERE departmentId = ?)");
    args.push(id);
  }
  // A search with filters but no words lists the filtered articles by date.
  const hasText = parsed.match !== null;
  if (!hasText && where.length <= 1 && !params.department && !params.category && !params.person && !params.pageName && !params.from && !params.to) return empty;

  const from = hasText ? "article_fts JOIN Article a ON a.id = article_fts.rowid" : "Article a";
  const matchSql = hasText ? "article_fts MATCH ?" : "1";
  const allWhere = [matchSql, ...where].join(" AND ");
  const allArgs = hasText ? [parsed.match, ...args] : args;

  const order = hasText && sort === "relevance" ? `${BM25}, a.issueDate DESC, a.pageNumber, a."order"` : `a.issueDate DESC, a.pageNumber, a."order"`;
  const rows = db
    .prepare(
      `SELECT a.id, a.publicId, a.title, a.issueDate, a.pageNumber, a.label, a.category, a.plainText, p.name AS pageName
       FROM ${from} JOIN Page p ON p.id = a.pageId WHERE ${allWhere} ORDER BY ${order} LIMIT ? OFFSET ?`,
    )
    .all(...allArgs, pageSize, (page - 1) * pageSize) as {
    id: number;
    publicId: string;
    title: string;
    issueDate: string;
    pageNumber: number;
    label: string | null;
    category: string;
    plainText: string;
    pageName: string | null;
  }[];
  const total = (db.prepare(`SELECT count(*) AS n FROM ${from} WHERE ${allWhere}`).get(...allArgs) as { n: number }).n;

  const deptRows = rows.length
    ? (db
        .prepare(
          `SELECT ad.articleId AS id, d.name FROM ArticleDepartment ad JOIN Department d ON d.id = ad.departmentId
           WHERE ad.articleId IN (${rows.map(() => "?").join(",")}) ORDER BY ad.rank`,
        )
        .all(...rows.map((r) => r.id)) as { id: number; name: string }[])
    : [];

  const facet = (sql: string) => (db.prepare(sql).all(...allArgs) as Facet[]).filter((f) => f.value !== null);
  const facets = {
    category: facet(`SELECT a.category AS value, count(*) AS count FROM ${from} WHERE ${allWhere} GROUP BY a.category ORDER BY count DESC`),
    department: facet(
      `SELECT d.name AS value, count(*) AS count FROM ${from} JOIN ArticleDepartment ad ON ad.articleId = a.id AND ad.rank = 0
       JOIN Department d ON d.id = ad.departmentId WHERE ${allWhere} GROUP BY d.name ORDER BY count DESC LIMIT 20`,
    ),
    year: facet(`SELECT substr(a.issueDate, 1, 4) AS value, count(*) AS count FROM ${from} WHERE ${allWhere} GROUP BY value ORDER BY value DESC`),
  };

  return {
    q: params.q,
    total,
    page,
    pageSize,
    sort,
    results: rows.map((r) => ({
      publicId: r.publicId,
      title: r.title,
      issueDate: r.issueDate,
      pageNumber: r.pageNumber,
      pageName: r.pageName,
      label: r.label,
      departments: deptRows.filter((d) => d.id === r.id).map((d) => d.name),
      category: r.category,
      snippet: makeSnippet(r.plainText, parsed.terms),
    })),
    facets,
  };
}
