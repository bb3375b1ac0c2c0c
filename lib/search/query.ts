/**
 * Search over the FTS5 index: one MATCH gives the match set (with BM25 scores when sorting by
 * relevance); filters, total, facet counts and the page of results are then computed in one pass
 * over it with the in-memory article facts (lib/search/facts.ts); only the page's rows are read
 * from Article, for titles and snippets. The same function serves /search, GET /api/search, the
 * CLI and the benchmark.
 *
 * Relevance is BM25 over the token columns with the head weighted over the body (weights below),
 * newer first on ties; "date" sorts newest first, then by page and order on the page.
 */
import type { Statement } from "better-sqlite3";
import type { SqliteDb } from "@/lib/db/sqlite";
import { CATEGORY_LABELS } from "@/lib/parser/category";
import { dayNumber, getArticleFacts, type ArticleFacts, type DepartmentFact } from "@/lib/search/facts";
import { findMatches, makeSnippet, renderMarked } from "@/lib/search/highlight";
import { escapeHtml } from "@/lib/text/escape";
import { parseQuery, type ParsedQuery } from "@/lib/search/query-parser";
import { simplify, toUnits } from "@/lib/search/tokenize";
import { MAX_PAGE, searchOptionsSchema } from "@/lib/validations/search";

export type SearchSort = "relevance" | "date";

export interface SearchParams {
  /** What was typed (see lib/search/query-parser.ts); may be empty when filters are given. */
  q: string;
  /** Canonical name, slug or any alias of a department. */
  department?: string;
  /** Category slug (lib/parser/data/categories.json). */
  category?: string;
  /** Issue dates, inclusive, YYYY-MM-DD. */
  from?: string;
  to?: string;
  /** Page name (版名), e.g. "一线微观察". */
  pageName?: string;
  /** A person of the bylines, by name. */
  person?: string;
  sort?: SearchSort;
  /** 1-based. */
  page?: number;
  pageSize?: number;
  /** Editors: drafts too — all of them, or only those about these departments (names or aliases). */
  includeDrafts?: boolean | { departments: string[] };
}

export interface SearchResult {
  publicId: string;
  /** The article's address, with `?hl=` carrying the query for highlighting. */
  url: string;
  title: string;
  /** The title as HTML with the matches marked. */
  titleHtml: string;
  issueDate: string;
  pageNumber: number;
  pageName: string | null;
  label: string | null;
  kicker: string | null;
  subtitle: string | null;
  /** Canonical names, primary first. */
  departments: string[];
  category: string;
  categoryLabel: string;
  /** HTML: about 80 characters of the body around the best match, every match in <mark>. */
  snippet: string;
}

export interface Facet {
  value: string;
  label: string;
  count: number;
}

export interface DepartmentRef {
  name: string;
  slug: string;
}

export interface SearchResponse {
  q: string;
  /** The department filter as resolved (canonical name), null without one. */
  department: DepartmentRef | null;
  /** True when a department filter was given but names no department (then there are no results). */
  unknownDepartment: boolean;
  total: number;
  /**
   * How many of the results the sort order reaches: all of them by date; by relevance those in the
   * ranking window (see RANK_WINDOW), fewer than `total` when thousands match. Date order reaches
   * the rest. Always set by searchArticles; optional (then `total`) so that responses written by hand
   * before it existed still type-check.
   */
  reachable?: number;
  page: number;
  pageSize: number;
  /** Pages of `reachable` results (at most MAX_PAGE): every page up to it has results. */
  pageCount: number;
  sort: SearchSort;
  /** Words of the query beyond the first MAX_TERMS of their kind, as typed: ignored by this search (absent: none). */
  ignoredTerms?: string[];
  /**
   * The query's excluded words, as typed ("-" before each), when they are all it has and no filter
   * is given: there is nothing to look for (an exclusion narrows a search, it cannot start one),
   * so there are no results, and the reader is told why. Absent otherwise.
   */
  excludedOnly?: string[];
  results: SearchResult[];
  /**
   * What each filter value would give: every value with results, counted over the results of the
   * query and the other filters with this facet's own filter left out (with a category chosen, the
   * other categories are listed too, with what choosing them instead would give). Largest first,
   * years newest first; every department with results. A chosen value without results is not
   * listed (the page adds it, to be removed).
   */
  facets: { category: Facet[]; department: Facet[]; year: Facet[] };
  /** Departments the query names (to filter by), or that look like it when nothing was found. */
  suggestions: { departments: DepartmentRef[] };
  tookMs: number;
}

/**
 * BM25 weights of the columns, in table order: title, label, kicker, subtitle, body, meta, then the
 * trigram columns title3, head3 (label, kicker, subtitle), body3, meta3, then the four-gram columns
 * title4, head4, body4, meta4 (a query term matches bigram, trigram or four-gram columns, only one
 * kind, so each weighs the same in its form).
 */
export const BM25_WEIGHTS = [20, 6, 4, 6, 1, 3, 20, 5, 1, 3, 20, 5, 1, 3] as const;

/**
 * The FTS5 table a search matches and ranks with. The site, the API and the CLI always use
 * ARTICLE_INDEX; the benchmark passes a table over the same articles built with SQLite's trigram
 * tokenizer, so that both ways do the same work (filters, total, facets, ranking, snippets) and
 * differ only in how the match set and the BM25 scores are found.
 */
export interface MatchIndex {
  /** An FTS5 table whose rowid is Article.id. */
  table: string;
  /** BM25 weights of its columns, in table order. */
  weights: readonly number[];
  /** The query as MATCH expressions on this table: what every result contains, what none may (null: nothing). */
  compile(parsed: ParsedQuery): { match: string | null; exclude: string | null };
}

export const ARTICLE_INDEX: MatchIndex = { table: "article_fts", weights: BM25_WEIGHTS, compile: (parsed) => parsed };

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

const categoryLabels = CATEGORY_LABELS as Record<string, string>;

const statements = new WeakMap<SqliteDb, Map<string, Statement>>();

function prepare(db: SqliteDb, sql: string): Statement {
  let byDb = statements.get(db);
  if (!byDb) statements.set(db, (byDb = new Map()));
  let st = byDb.get(sql);
  if (!st) byDb.set(sql, (st = db.prepare(sql)));
  return st;
}

const fold = (s: string) => s.normalize("NFKC").trim();

/** Departments a name stands for: canonical name or slug first, otherwise every department with that alias. */
export function resolveDepartments(facts: ArticleFacts, name: string): DepartmentFact[] {
  const n = fold(name);
  if (!n) return [];
  const all = [...facts.departments.values()];
  const exact = all.filter((d) => d.name === n || d.slug === n);
  return exact.length ? exact : all.filter((d) => d.aliases.some((a) => fold(a) === n));
}

function bigramSet(s: string): Set<string> {
  const chars = toUnits(s).filter((u) => u.cjk).map((u) => u.text);
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return out;
}

/** Departments whose name or an alias looks like `text` (Dice coefficient of bigrams ≥ 0.5). */
function similarDepartments(facts: ArticleFacts, text: string, limit = 5): DepartmentFact[] {
  const q = bigramSet(text);
  if (q.size === 0) return [];
  const scored: { d: DepartmentFact; score: number }[] = [];
  for (const d of facts.departments.values()) {
    let best = 0;
    for (const name of [d.name, ...d.aliases]) {
      const b = bigramSet(name);
      let shared = 0;
      for (const g of q) if (b.has(g)) shared++;
      best = Math.max(best, (2 * shared) / (q.size + b.size));
    }
    if (best >= 0.5) scored.push({ d, score: best });
  }
  return scored.sort((a, b) => b.score - a.score || a.d.name.localeCompare(b.d.name)).slice(0, limit).map((s) => s.d);
}

const ref = (d: DepartmentFact): DepartmentRef => ({ name: d.name, slug: d.slug });

/** A bounded heap keeping the best `k` candidates (worst at the root). */
class TopK {
  ids: number[] = [];
  scores: number[] = [];
  constructor(
    private readonly k: number,
    /** Negative when candidate a ranks before b. */
    private readonly cmp: (aId: number, aScore: number, bId: number, bScore: number) => number,
  ) {}

  push(id: number, score: number): void {
    const { ids, scores, cmp } = this;
    if (ids.length < this.k) {
      ids.push(id);
      scores.push(score);
      for (let i = ids.length - 1; i > 0; ) {
        const p = (i - 1) >> 1;
        if (cmp(ids[p]!, scores[p]!, ids[i]!, scores[i]!) >= 0) break;
        this.swap(i, p);
        i = p;
      }
      return;
    }
    if (this.k === 0 || cmp(id, score, ids[0]!, scores[0]!) >= 0) return;
    ids[0] = id;
    scores[0] = score;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < ids.length && cmp(ids[l]!, scores[l]!, ids[worst]!, scores[worst]!) > 0) worst = l;
      if (r < ids.length && cmp(ids[r]!, scores[r]!, ids[worst]!, scores[worst]!) > 0) worst = r;
      if (worst === i) break;
      this.swap(i, worst);
      i = worst;
    }
  }

  /** The kept candidates, best first. */
  sorted(): number[] {
    const order = this.ids.map((_, i) => i);
    order.sort((a, b) => this.cmp(this.ids[a]!, this.scores[a]!, this.ids[b]!, this.scores[b]!));
    return order.map((i) => this.ids[i]!);
  }

  private swap(a: number, b: number): void {
    [this.ids[a], this.ids[b]] = [this.ids[b]!, this.ids[a]!];
    [this.scores[a], this.scores[b]] = [this.scores[b]!, this.scores[a]!];
  }
}

interface ArticleRow {
  id: number;
  publicId: string;
  title: string;
  label: string | null;
  kicker: string | null;
  subtitle: string | null;
  issueDate: string;
  pageNumber: number;
  category: string;
  plainText: string;
}

/** Unpaired UTF-16 surrogates (an in-process caller's string may hold them; a URL cannot). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Runs a search. Empty queries without filters, and unknown departments, give no results (not
 * errors). Parameters that no form could send — an impossible date ("2025-13-45"), an unknown sort,
 * a number that is not finite — throw a RangeError (lib/validations/search.ts: searchOptionsSchema).
 */
export function searchArticles(db: SqliteDb, input: SearchParams, index: MatchIndex = ARTICLE_INDEX): SearchResponse {
  const started = performance.now();
  // The table name is put into SQL text: it must be a plain identifier.
  if (!/^\w+$/.test(index.table)) throw new Error(`not an FTS5 table name: ${index.table}`);
  const checked = searchOptionsSchema.safeParse(input);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new RangeError(`searchArticles: ${issue?.path.join(".") || "params"}: ${issue?.message ?? "invalid"}`);
  }
  // A lone surrogate would make encodeURIComponent (the results' ?hl=) throw: U+FFFD instead, as a URL would have it.
  const params = { ...input, q: input.q.replace(LONE_SURROGATE, "\ufffd") };
  const facts = getArticleFacts(db);
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(params.pageSize ?? DEFAULT_PAGE_SIZE)));
  const page = Math.max(1, Math.floor(params.page ?? 1));
  const sort: SearchSort = params.sort ?? "relevance";
  const parsed = parseQuery(params.q);
  const { match, exclude } = index.compile(parsed);

  const response: SearchResponse = {
    q: params.q,
    department: null,
    unknownDepartment: false,
    total: 0,
    reachable: 0,
    page,
    pageSize,
    pageCount: 0,
    sort,
    ignoredTerms: parsed.ignored,
    results: [],
    facets: { category: [], department: [], year: [] },
    suggestions: { departments: [] },
    tookMs: 0,
  };
  const finish = () => {
    // Only pages that have results are counted (and linked): by relevance, those the ranking window fills.
    response.pageCount = Math.min(MAX_PAGE, Math.ceil((response.reachable ?? response.total) / pageSize));
    if (response.total === 0 && !response.suggestions.departments.length) {
      response.suggestions.departments = similarDepartments(facts, params.department ?? params.q).map(ref);
    }
    response.tookMs = Math.round((performance.now() - started) * 10) / 10;
    return response;
  };

  // A query that is exactly a department's name or alias also offers that department as a filter.
  if (params.q.trim() && parsed.terms.length === 1 && parsed.excluded.length === 0) {
    response.suggestions.departments = resolveDepartments(facts, params.q).map(ref);
  }

  // Filters, resolved once against the facts.
  let departmentIds: Set<number> | null = null;
  if (params.department) {
    const found = resolveDepartments(facts, params.department);
    if (found.length === 0) {
      response.unknownDepartment = true;
      return finish();
    }
    departmentIds = new Set(found.map((d) => d.id));
    response.department = ref(found[0]!);
  }
  let category = -1;
  if (params.category) {
    category = facts.categories.indexOf(params.category);
    if (category < 0) return finish();
  }
  let pageName = -1;
  if (params.pageName) {
    pageName = facts.pageNames.indexOf(params.pageName);
    if (pageName < 1) return finish();
  }
  let person: Set<number> | null = null;
  if (params.person) {
    const ids = prepare(db, "SELECT b.articleId FROM ArticleByline b JOIN Person p ON p.id = b.personId WHERE p.name = ?").pluck().all(params.person);
    person = new Set(ids as number[]);
    if (person.size === 0) return finish();
  }
  const fromDay = params.from ? dayNumber(params.from) : 0;
  const toDay = params.to ? dayNumber(params.to) : 99999999;
  const drafts = params.includeDrafts ?? false;
  let draftDepartments: Set<number> | null = null;
  if (typeof drafts === "object") draftDepartments = new Set(drafts.departments.flatMap((d) => resolveDepartments(facts, d).map((x) => x.id)));

  // Without words to look for, filters alone list their articles (minus any exclusions).
  const hasFilters = Boolean(departmentIds || category >= 0 || pageName >= 0 || person || params.from || params.to);
  if (!match && !hasFilters && parsed.terms.length === 0 && parsed.excluded.length > 0) {
    response.excludedOnly = parsed.excluded.map((t) => `-${t.phrase ? `"${t.raw}"` : t.raw}`);
  }
  if (!match && !(hasFilters && parsed.terms.length === 0)) return finish();

  const { size, state, day, dayIndex, deptStart, deptIds } = facts;
  const hasDepartment = (id: number, set: Set<number>) => {
    for (let k = deptStart[id]!; k < deptStart[id + 1]!; k++) if (set.has(deptIds[k]!)) return true;
    return false;
  };
  // Visibility and the filters no facet lists; dates, category and department are tested apart, for the facets.
  const admit = (id: number): boolean => {
    if (id >= size) return false;
    const s = state[id]!;
    if (s !== 2 && !(s === 1 && drafts && (!draftDepartments || hasDepartment(id, draftDepartments)))) return false;
    if (pageName >= 0 && facts.pageName[id] !== pageName) return false;
    if (person && !person.has(id)) return false;
    return true;
  };

  const { pageNumber, order } = facts;
  const tieBreak = (a: number, b: number) => day[b]! - day[a]! || pageNumber[a]! - pageNumber[b]! || order[a]! - order[b]! || a - b;

  // Pass 1: the match set (one JSON array: far cheaper to move than rows), filtered, counted and
  // faceted against the facts; matches are counted per date, for the ranking window, and apart
  // for the year facet (which leaves the date filter out, as each facet leaves out its own).
  const matched: number[] = match ? matchIds(db, index, match) : everyArticle(db, facts, index, exclude);
  const accepted = new Int32Array(matched.length);
  const categoryCounts = new Int32Array(facts.categories.length);
  const departmentCounts = new Int32Array(facts.departmentSlots);
  const dayCounts = new Int32Array(facts.days.length);
  const categoryOf = facts.category;
  // Published articles without filters, the commonest search: one test a match, and every facet counts the results.
  const unfiltered = !drafts && !hasFilters;
  const yearDayCounts = unfiltered ? dayCounts : new Int32Array(facts.days.length);
  let total = 0;
  for (const id of matched) {
    if (unfiltered) {
      if (id >= size || state[id] !== 2) continue;
      accepted[total++] = id;
      categoryCounts[categoryOf[id]!]!++;
      for (let k = deptStart[id]!; k < deptStart[id + 1]!; k++) departmentCounts[deptIds[k]!]!++;
      dayCounts[dayIndex[id]!]!++;
      continue;
    }
    if (!admit(id)) continue;
    const d = day[id]!;
    const inDates = d >= fromDay && d <= toDay;
    const inCategory = category < 0 || categoryOf[id] === category;
    const inDepartment = !departmentIds || hasDepartment(id, departmentIds);
    if (inDates && inDepartment) categoryCounts[categoryOf[id]!]!++;
    if (inDates && inCategory) for (let k = deptStart[id]!; k < deptStart[id + 1]!; k++) departmentCounts[deptIds[k]!]!++;
    if (inCategory && inDepartment) yearDayCounts[dayIndex[id]!]!++;
    if (inDates && inCategory && inDepartment) {
      accepted[total++] = id;
      dayCounts[dayIndex[id]!]!++;
    }
  }
  const yearCounts = new Map<number, number>();
  facts.days.forEach((d, i) => {
    const n = yearDayCounts[i]!;
    if (n > 0) yearCounts.set((d / 10000) | 0, (yearCounts.get((d / 10000) | 0) ?? 0) + n);
  });

  // Pass 2: the page of results, by date, or by BM25 over the ranking window.
  let ranked: number[];
  let reachable = total;
  if (sort === "relevance" && match && total > 0) {
    const scores = rankWindow(db, facts, index, match, accepted.subarray(0, total), dayCounts, matched);
    reachable = scores.length;
    const top = new TopK(page * pageSize, (a, sa, b, sb) => sa - sb || tieBreak(a, b));
    for (const [id, score] of scores) top.push(id, score);
    ranked = top.sorted();
  } else {
    // Newest first: only the dates holding the first page * pageSize matches need sorting.
    const first = newestDays(dayCounts, page * pageSize);
    const top = new TopK(page * pageSize, (a, _sa, b) => tieBreak(a, b));
    for (let i = 0; i < total; i++) if (dayIndex[accepted[i]!]! >= first) top.push(accepted[i]!, 0);
    ranked = top.sorted();
  }

  response.total = total;
  response.reachable = reachable;
  response.facets = {
    ...countFacets(facts, categoryCounts, departmentCounts),
    year: [...yearCounts.entries()].sort((a, b) => b[0] - a[0]).map(([y, n]) => ({ value: String(y), label: `${y}年`, count: n })),
  };

  const pageIds = ranked.slice((page - 1) * pageSize);
  response.results = readResults(db, facts, pageIds, parsed, params.q);
  return finish();
}

/** Category and department facets from counts indexed by category index and Department.id: those above 0, largest first. */
function countFacets(facts: ArticleFacts, categoryCounts: Int32Array, departmentCounts: Int32Array): { category: Facet[]; department: Facet[] } {
  return {
    category: [...categoryCounts.entries()]
      .filter(([, n]) => n > 0)
      .map(([i, n]) => ({ value: facts.categories[i]!, label: categoryLabels[facts.categories[i]!] ?? facts.categories[i]!, count: n }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
    department: [...departmentCounts.entries()]
      .filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .flatMap(([id, n]) => {
        const d = facts.departments.get(id);
        return d ? [{ value: d.name, label: d.name, count: n }] : [];
      }),
  };
}

/**
 * The categories and departments of every published article, with counts, as searchArticles
 * lists facets: what the search form offers before anything is searched (a category no published
 * article has would find nothing).
 */
export function countPublished(db: SqliteDb): { category: Facet[]; department: Facet[] } {
  const facts = getArticleFacts(db);
  const categoryCounts = new Int32Array(facts.categories.length);
  const departmentCounts = new Int32Array(facts.departmentSlots);
  for (let id = 0; id < facts.size; id++) {
    if (facts.state[id] !== 2) continue;
    categoryCounts[facts.category[id]!]!++;
    for (let k = facts.deptStart[id]!; k < facts.deptStart[id + 1]!; k++) departmentCounts[facts.deptIds[k]!]!++;
  }
  return countFacets(facts, categoryCounts, departmentCounts);
}

/** Every rowid matching the expression, ascending (one JSON array: far cheaper to move than rows). */
function matchIds(db: SqliteDb, index: MatchIndex, expression: string): number[] {
  const sql = `SELECT json_group_array(rowid) FROM ${index.table} WHERE ${index.table} MATCH ?`;
  return JSON.parse(prepare(db, sql).pluck().get(expression) as string) as number[];
}

/** Without words (filters only, perhaps with exclusions): every article, minus those matching an excluded term. */
function everyArticle(db: SqliteDb, facts: ArticleFacts, index: MatchIndex, exclude: string | null): number[] {
  const excluded = new Set<number>(exclude ? matchIds(db, index, exclude) : []);
  const ids: number[] = [];
  for (let id = 1; id < facts.size; id++) if (facts.state[id] && !excluded.has(id)) ids.push(id);
  return ids;
}

/**
 * Relevance ranks with BM25 at most RANK_WINDOW articles: all the accepted matches, or when more
 * match, the newest RANK_WINDOW of them (by issue date): for a word found in thousands of articles,
 * the most relevant of the recent ones (a newspaper's readers look for news; "按日期" and the date
 * filters reach the rest). BM25 costs one more pass over the match set (FTS5 counts each phrase's
 * documents) plus 1–2 µs per ranked article (its positions and length), so ranking all 100,000
 * matches of a common word would take 100 ms and more; counts and facets still cover every match.
 * 2,000 keeps the median search under 20 ms on the 300,000-article benchmark (npm run bench:search).
 */
export const RANK_WINDOW = 2_000;

const keepers = new WeakMap<SqliteDb, { set: Uint8Array }>();

/** Which rows pass 2 scores: a bitmap read by the SQL function search_keep(rowid), registered once per connection. */
function keeper(db: SqliteDb, size: number): Uint8Array {
  let k = keepers.get(db);
  if (!k) {
    const state = { set: new Uint8Array(0) };
    db.function("search_keep", { deterministic: false, varargs: false }, (id: unknown) => (state.set[Number(id)] ? 1 : 0));
    keepers.set(db, (k = state));
  }
  if (k.set.length < size) k.set = new Uint8Array(size);
  return k.set;
}

/**
 * The index (into facts.days) of the date of the n-th newest match, given the matches per date:
 * the newest n are on that date or later. 0 when there are n or fewer.
 */
function newestDays(dayCounts: Int32Array, n: number): number {
  let first = dayCounts.length;
  for (let seen = 0; seen < n && first > 0; ) seen += dayCounts[--first]!;
  return first;
}

/** How many of these ascending ids lie in [lo, hi]. */
function countBetween(ids: readonly number[], lo: number, hi: number): number {
  const lowerBound = (x: number) => {
    let a = 0;
    let b = ids.length;
    while (a < b) {
      const m = (a + b) >> 1;
      if (ids[m]! < x) a = m + 1;
      else b = m;
    }
    return a;
  };
  return lowerBound(hi + 1) - lowerBound(lo);
}

/**
 * BM25 scores (lower is better) of the ranking window of these accepted ids, given the accepted
 * matches per date (facts.days) and every match (ascending, as FTS5 returns them).
 */
function rankWindow(
  db: SqliteDb,
  facts: ArticleFacts,
  index: MatchIndex,
  match: string,
  accepted: Int32Array,
  dayCounts: Int32Array,
  matched: readonly number[],
): [number, number][] {
  const { table } = index;
  let window: Int32Array = accepted;
  if (accepted.length > RANK_WINDOW) {
    // Everything on or after the date of the RANK_WINDOW-th newest is ranked.
    const first = newestDays(dayCounts, RANK_WINDOW);
    window = accepted.filter((id) => facts.dayIndex[id]! >= first);
  }
  const set = keeper(db, facts.size);
  let lo = Infinity;
  let hi = -Infinity;
  for (const id of window) {
    set[id] = 1;
    if (id < lo) lo = id;
    if (id > hi) hi = id;
  }
  // FTS5 visits every match between lo and hi. search_keep() skips those outside the window, at the
  // cost of a call into JS for each visited match; when the others are few (drafts, a window that
  // is all the newest matches) scoring them costs less, and they are dropped here. The bounds are
  // cast to integers: better-sqlite3 binds a JS number as REAL, and FTS5 ignores a REAL bound and
  // reads the whole doclist.
  const visited = countBetween(matched, lo, hi);
  const keepInSql = (visited - window.length) * KEEP_IN_SQL_RATIO > visited;
  try {
    const [ids, scores] = prepare(
      db,
      `WITH m AS MATERIALIZED (
         SELECT rowid AS id, bm25(${table}, ${index.weights.join(", ")}) AS score FROM ${table}
         WHERE ${table} MATCH ? AND rowid BETWEEN CAST(? AS INTEGER) AND CAST(? AS INTEGER)${keepInSql ? " AND search_keep(rowid)" : ""}
       )
       SELECT json_group_array(id), json_group_array(score) FROM m`,
    )
      .raw()
      .get(match, lo, hi) as [string, string];
    const idList = JSON.parse(ids) as number[];
    const scoreList = JSON.parse(scores) as number[];
    const out: [number, number][] = [];
    idList.forEach((id, i) => set[id] && out.push([id, scoreList[i]!]));
    return out;
  } finally {
    for (const id of window) set[id] = 0;
  }
}

/**
 * Scoring a match costs several calls of search_keep() (about 0.6 µs against 0.05–0.2 µs on the
 * 300,000-article benchmark): filter in SQL when more than about one visited match in eight is
 * outside the window (see rankWindow).
 */
const KEEP_IN_SQL_RATIO = 8;

function readResults(db: SqliteDb, facts: ArticleFacts, ids: number[], parsed: ParsedQuery, q: string): SearchResult[] {
  if (ids.length === 0) return [];
  const rows = prepare(
    db,
    `SELECT id, publicId, title, label, kicker, subtitle, issueDate, pageNumber, category, plainText FROM Article
     WHERE id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids)) as ArticleRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  // The article page marks `hl` literally (lib/site/html/islands.ts): send the query as the text is
  // printed — simplified characters, half-width letters — so "檢驗檢測" marks 检验检测 there too.
  const hl = q.trim() ? `?hl=${encodeURIComponent(simplify(q.trim().normalize("NFKC")))}` : "";
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const departments: string[] = [];
    for (let k = facts.deptStart[id]!; k < facts.deptStart[id + 1]!; k++) {
      const d = facts.departments.get(facts.deptIds[k]!);
      if (d) departments.push(d.name);
    }
    return [
      {
        publicId: r.publicId,
        url: `/articles/${r.publicId}${hl}`,
        title: r.title,
        titleHtml: parsed.terms.length ? renderMarked(r.title, findMatches(r.title, parsed.terms)) : escapeHtml(r.title),
        issueDate: r.issueDate,
        pageNumber: r.pageNumber,
        pageName: facts.pageNames[facts.pageName[id]!] || null,
        label: r.label,
        kicker: r.kicker,
        subtitle: r.subtitle,
        departments,
        category: r.category,
        categoryLabel: categoryLabels[r.category] ?? r.category,
        snippet: makeSnippet(r.plainText, parsed.terms),
      },
    ];
  });
}
