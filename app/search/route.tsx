import { cacheLife, cacheTag } from "next/cache";
import { type Page, renderPage, serveDocument } from "@/components/document";
import { listFilterOptions, searchPublished } from "@/lib/db/search";
import { formFacets } from "@/lib/search/filter-options";
import { ISSUES_TAG, READER_TAG } from "@/lib/edition/cache-tags";
import type { SearchResponse } from "@/lib/search/query";
import { SEARCH_RETRY_AFTER, SearchBusy, searchGate } from "@/lib/site/search-gate";
import { cutQuery, searchParamsSchema, type SearchQuery } from "@/lib/validations/search";
import { SearchForm } from "./search-form";
import { searchHref } from "./search-href";
import { SearchResults } from "./search-results";

/**
 * GET /search?q=&department=&category=&from=&to=&sort=&page=: the search page, a plain GET form
 * (it works without JavaScript) over the results, each page of results cached until the edition
 * changes (resultsPage). A query over the length limit is cut to it and searched, with
 * a note (GET /api/search answers 400 instead: lib/validations/search.ts cutQuery).
 */
export async function GET(request: Request) {
  // The first value of each parameter (a repeated parameter keeps its first).
  const raw: Record<string, string> = {};
  for (const [k, v] of new URL(request.url).searchParams) raw[k] ??= v;
  const cut = cutQuery(raw.q ?? "");
  if (raw.q !== undefined) raw.q = cut.q;
  const parsed = searchParamsSchema.safeParse(raw);
  let busy: SearchBusy["reason"] | null = null;
  const response = await serveDocument(request, async () => {
    const error = parsed.success ? null : (parsed.error.issues[0]?.message ?? "检索条件有误");
    // A bad parameter is named and left out; the form keeps everything else the reader typed.
    const q = parsed.success ? parsed.data : withoutBadParams(raw, parsed.error.issues);
    const active = Boolean(q.q.trim() || q.department || q.category || q.from || q.to || q.pageName || q.person);
    if (active && !error) {
      try {
        // The gate stays outside the cache: its refusal is this request's answer, never cached.
        return await searchGate.run(() => resultsPage(q, cut.cut));
      } catch (err) {
        if (!(err instanceof SearchBusy)) throw err;
        busy = err.reason;
      }
    }
    return searchPage({ q, res: null, filters: await listFilterOptions(), cut: cut.cut, error, busy });
  });
  if (busy) response.headers.set("retry-after", String(SEARCH_RETRY_AFTER));
  return response;
}

/**
 * A page of results, rendered once per query (its words, filters, sort and page) and kept until
 * the edition changes, like the results themselves: most readers search the same few words, and
 * rendering the page cost more than answering the query. Tagged as searchPublished is.
 */
async function resultsPage(q: SearchQuery, cut: boolean): Promise<Page> {
  "use cache";
  cacheLife("hours");
  cacheTag(READER_TAG, ISSUES_TAG);
  const [res, filters] = await Promise.all([searchPublished(q), listFilterOptions()]);
  return searchPage({ q, res, filters, cut, error: null, busy: null });
}

interface SearchPageState {
  q: SearchQuery;
  res: SearchResponse | null;
  filters: Awaited<ReturnType<typeof listFilterOptions>>;
  /** The typed query was over the length limit and was cut. */
  cut: boolean;
  error: string | null;
  busy: SearchBusy["reason"] | null;
}

function searchPage({ q, res, filters, cut, error, busy }: SearchPageState): Promise<Page> {
  // With results to show, the filters fold on a phone; without (or when only a filter can start
  // the search: exclusions alone) they are what the page has to offer.
  const unfold = !res || Boolean(res.excludedOnly?.length);
  return renderPage(
    { title: q.q.trim() ? `检索:${q.q.trim()}` : "检索", ...indexing(q, res) },
    <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
      <h1 className="mb-4 font-serif text-3xl font-bold">检索</h1>
      <SearchForm q={q} {...offered(res, filters)} department={res?.department?.name ?? q.department} cut={cut} open={unfold} />
      {error ? (
        <p role="alert" className="mt-4 text-accent">
          {error}
        </p>
      ) : null}
      {busy ? (
        <p role="alert" className="mt-4 text-accent">
          {busy === "slow" ? "这次检索用时太长" : "检索的人太多"},请过 {SEARCH_RETRY_AFTER} 秒再试一次。
        </p>
      ) : null}
      {res ? <SearchResults q={q} res={res} /> : null}
      {!res && !error && !busy ? <p className="mt-6 text-muted">输入关键词,或选择部门、分类、日期后检索全部已发布稿件。</p> : null}
    </main>,
    // A page past the last answers 404 (still this page, saying which page is the last), as the
    // article lists do: an empty page 9 is not something to keep a link to or to crawl.
    error ? 400 : busy ? 503 : res && res.page > Math.max(1, res.pageCount) ? 404 : undefined,
  );
}

/** The options of the form's selects (lib/search/filter-options.ts). */
function offered(res: SearchResponse | null, published: Awaited<ReturnType<typeof listFilterOptions>>) {
  const facets = formFacets(res, published);
  return { departments: facets.department.map((d) => ({ name: d.value, count: d.count })), categories: facets.category };
}

function withoutBadParams(raw: Record<string, string>, issues: readonly { path: readonly PropertyKey[] }[]): SearchQuery {
  const bad = new Set(issues.map((i) => String(i.path[0] ?? "")));
  const kept = Object.fromEntries(Object.entries(raw).filter(([k]) => !bad.has(k)));
  return searchParamsSchema.safeParse(kept).data ?? searchParamsSchema.parse({});
}

/**
 * Which result pages search engines may index: the first page of a search for one word that the
 * paper printed ("公积金": it has results) is a topic page worth finding, under one canonical
 * address. Anything else is `noindex`: variations (filters, date order, later pages) so crawlers
 * do not wander endless combinations, empty results, and any query with room for text the paper
 * did not print — several words (an excluded or surplus word matches nothing yet would sit in
 * the page's title), quotes, punctuation, or a word longer than a heading.
 */
const INDEXABLE_WORD = /^[\p{Script=Han}A-Za-z0-9]{1,12}$/u;

function indexing(q: SearchQuery, res: SearchResponse | null): { canonical?: string; robots?: string } {
  const word = q.q.trim();
  const plain = !q.department && !q.category && !q.from && !q.to && !q.pageName && !q.person && q.sort === "relevance" && q.page === 1;
  if (!res || res.total === 0 || !plain || !INDEXABLE_WORD.test(word)) return { robots: "noindex, follow" };
  return { canonical: searchHref({ ...q, q: word }) };
}
