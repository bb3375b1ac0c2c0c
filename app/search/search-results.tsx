import { categoryLabel, offeredValues, wholeYear } from "@/lib/search/filter-options";
import { highlightHtml } from "@/lib/search/highlight";
import { MAX_TERMS } from "@/lib/search/query-parser";
import type { SearchResponse, SearchResult } from "@/lib/search/query";
import { formatIssueDate, formatPageNumber } from "@/lib/site/format";
import { fullWidthPunctuation, fullWidthPunctuationMarked } from "@/lib/site/typeset";
import type { SearchQuery } from "@/lib/validations/search";
import { searchHref } from "./search-href";

/**
 * A line of the head with the query's matches marked (escaped text, only <mark> added), its
 * punctuation set as the article page sets it (the highlighter matches either width).
 */
function Marked({ text, query, className }: { text: string; query: string; className: string }) {
  return <p className={className} dangerouslySetInnerHTML={{ __html: highlightHtml(fullWidthPunctuation(text), query) }} />;
}

function ResultItem({ r, query }: { r: SearchResult; query: string }) {
  return (
    <li className="border-b border-rule pb-4">
      {r.label ? <Marked text={r.label} query={query} className="text-sm text-accent" /> : null}
      {r.kicker ? <Marked text={r.kicker} query={query} className="text-sm text-muted" /> : null}
      {/* titleHtml and snippet are escaped text with only <mark> added (lib/search/highlight.ts). */}
      <h3 className="font-serif text-lg font-bold">
        <a href={r.url} className="hover:text-accent">
          <span dangerouslySetInnerHTML={{ __html: fullWidthPunctuationMarked(r.titleHtml) }} />
        </a>
      </h3>
      {r.subtitle ? <Marked text={`——${r.subtitle}`} query={query} className="text-sm text-muted" /> : null}
      <p className="text-sm text-muted">
        {formatIssueDate(r.issueDate, false)} · {formatPageNumber(r.pageNumber)}
        {r.pageName ? ` ${r.pageName}` : ""} · {r.categoryLabel}
        {r.departments.length ? ` · ${r.departments.join("、")}` : ""}
      </p>
      <p className="mt-1 font-serif leading-7" dangerouslySetInnerHTML={{ __html: fullWidthPunctuationMarked(r.snippet) }} />
    </li>
  );
}

function NoResults({ q, res }: { q: SearchQuery; res: SearchResponse }) {
  const suggested = res.suggestions.departments;
  if (res.excludedOnly?.length) {
    return (
      <div className="rounded border border-rule bg-card p-4">
        <p>
          只有排除词({res.excludedOnly.join(" ")})时无法检索,请再输入至少一个要查找的词。
        </p>
        <p className="mt-2">也可以只选择部门、分类或日期,再用排除词去掉不要的稿件(如“仲裁 -税务”)。</p>
      </div>
    );
  }
  return (
    <div className="rounded border border-rule bg-card p-4">
      {res.unknownDepartment ? (
        <p>
          没有名为“{q.department}”的部门。
          {suggested.length ? "您要找的是不是:" : ""}
          {suggested.map((d, i) => (
            <span key={d.slug}>
              {i > 0 ? "、" : ""}
              <a href={searchHref(q, { department: d.name })}>{d.name}</a>
            </span>
          ))}
        </p>
      ) : (
        <p>没有找到相关稿件。</p>
      )}
      <p className="mt-2">可以试试:</p>
      <ul className="mt-1 list-disc pl-6">
        <li>检查部门名称的写法,全称、简称均可(如“聊城市市场监督管理局”或“市市场监管局”);</li>
        <li>减少关键词,或去掉排除词(“-”开头的词)和引号;</li>
        <li>放宽日期范围,或取消分类、部门的限定。</li>
      </ul>
      {!res.unknownDepartment && suggested.length ? (
        <p className="mt-2">
          相近的部门:
          {suggested.map((d, i) => (
            <span key={d.slug}>
              {i > 0 ? "、" : ""}
              <a href={searchHref(q, { q: "", department: d.name })}>{d.name}</a>
            </span>
          ))}
        </p>
      ) : null}
    </div>
  );
}

/** Numbered pages around the current one, with first, last, previous and next. */
function Pagination({ q, page, pageCount }: { q: SearchQuery; page: number; pageCount: number }) {
  // Past the last page the notice above links back to it (see Notices).
  if (pageCount <= 1 || page > pageCount) return null;
  const numbers = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pageCount])].filter((n) => n >= 1 && n <= pageCount).sort((a, b) => a - b);
  return (
    <nav aria-label="分页" className="mt-6 flex flex-wrap items-center gap-3">
      {page > 1 ? (
        <a href={searchHref(q, { page: page - 1 })} rel="prev">
          上一页
        </a>
      ) : null}
      {numbers.map((n, i) => (
        <span key={n} className="flex gap-3">
          {i > 0 && n - numbers[i - 1]! > 1 ? <span aria-hidden="true">…</span> : null}
          {n === page ? (
            <span aria-current="page" className="font-bold">
              {n}
            </span>
          ) : (
            <a href={searchHref(q, { page: n })} aria-label={`第 ${n} 页`}>
              {n}
            </a>
          )}
        </span>
      ))}
      {page < pageCount ? (
        <a href={searchHref(q, { page: page + 1 })} rel="next">
          下一页
        </a>
      ) : null}
      <span className="text-sm text-muted">
        第 {page} / {pageCount} 页
      </span>
    </nav>
  );
}

const FACETS = [
  { key: "category", title: "分类", label: categoryLabel },
  { key: "department", title: "部门", label: (v: string) => v },
  { key: "year", title: "年份", label: (v: string) => `${v}年` },
] as const;

/** Links a long list of departments stops at (the form's select offers every one). */
const DEPARTMENT_FACETS = 30;

type FacetKey = (typeof FACETS)[number]["key"];

/**
 * The values of each filter that give results, with what choosing each would give, as links that
 * narrow (or switch) the search; the chosen value is kept, even without results, to be removed.
 */
function Facets({ q, res }: { q: SearchQuery; res: SearchResponse }) {
  const active: Record<FacetKey, string | null | undefined> = { category: q.category, department: res.department?.name, year: wholeYear(q) };
  const narrow = (key: FacetKey, value: string) => (key === "year" ? searchHref(q, { from: `${value}-01-01`, to: `${value}-12-31` }) : searchHref(q, { [key]: value }));
  const clear = (key: FacetKey) => (key === "year" ? searchHref(q, { from: undefined, to: undefined }) : searchHref(q, { [key]: undefined }));
  // Any date range can be removed here, not only a whole year the year links set.
  const filtered: Record<FacetKey, boolean> = { category: Boolean(q.category), department: Boolean(res.department), year: Boolean(q.from || q.to) };
  const lists = FACETS.map((f) => ({
    ...f,
    values: offeredValues(res.facets[f.key], active[f.key], f.label, f.key === "department" ? DEPARTMENT_FACETS : Infinity),
  })).filter((f) => f.values.length || filtered[f.key]);
  if (!lists.length) return null;
  return (
    <section aria-label="缩小范围" className="space-y-5">
      {lists.map(({ key, title, values }) => (
        <section key={key} aria-labelledby={`facet-${key}`}>
          <h2 id={`facet-${key}`} className="mb-1 font-bold">
            {title}
            {filtered[key] ? (
              <a href={clear(key)} className="ml-2 text-sm font-normal">
                (不限{title})
              </a>
            ) : null}
          </h2>
          {values.length ? (
            <ul className="space-y-1">
              {values.map((f) => (
                <li key={f.value}>
                  {active[key] === f.value ? (
                    <span aria-current="true" className="font-bold">
                      {f.label}
                    </span>
                  ) : (
                    <a href={narrow(key, f.value)}>{f.label}</a>
                  )}
                  <span className="text-sm text-muted">({f.count})</span>
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ))}
    </section>
  );
}

/**
 * What the reader should know about this page of results: words of the query that were ignored,
 * results that relevance order does not reach, a page number past the last page.
 */
function Notices({ q, res }: { q: SearchQuery; res: SearchResponse }) {
  const ignored = res.ignoredTerms ?? [];
  const reachable = res.reachable ?? res.total;
  const byDate = searchHref(q, { sort: "date" });
  const past = res.total > 0 && res.page > res.pageCount;
  if (!ignored.length && reachable >= res.total && !past) return null;
  return (
    <div role="note" className="mb-3 space-y-1 rounded border border-rule bg-card p-3 text-sm">
      {ignored.length ? (
        <p>
          检索词过多,只用了前 {MAX_TERMS} 个;以下词未参与检索:{ignored.join(" ")}
        </p>
      ) : null}
      {reachable < res.total && res.sort === "relevance" ? (
        <p>
          按相关度排序只在最新的 {reachable} 篇中进行;全部 {res.total} 篇可<a href={byDate}>按日期浏览</a>。
        </p>
      ) : null}
      {past ? (
        <p>
          没有第 {res.page} 页:{res.pageCount > 0 ? <a href={searchHref(q, { page: res.pageCount })}>最后一页是第 {res.pageCount} 页</a> : "没有可以列出的结果"}
          。
        </p>
      ) : null}
    </div>
  );
}

/** Total, the page of results (or help when there are none), pagination and facets. */
export function SearchResults({ q, res }: { q: SearchQuery; res: SearchResponse }) {
  const offered = res.total > 0 && !q.department ? res.suggestions.departments : [];
  return (
    <div className="mt-6 grid gap-8 lg:grid-cols-[minmax(0,1fr)_16rem]">
      <section aria-labelledby="results-heading">
        <h2 id="results-heading" className="mb-3 text-xl font-bold">
          共找到 {res.total} 篇稿件
        </h2>
        {offered.length ? (
          <p className="mb-3">
            只看部门:
            {offered.map((d, i) => (
              <span key={d.slug}>
                {i > 0 ? "、" : ""}
                <a href={searchHref(q, { q: "", department: d.name })}>{d.name}</a>
              </span>
            ))}
          </p>
        ) : null}
        <Notices q={q} res={res} />
        {res.total === 0 ? <NoResults q={q} res={res} /> : null}
        {/* Marks in ink: a label's accent and a kicker's grey are too light on the mark colour in dark mode. */}
        {res.results.length ? (
          <ol className="space-y-4 [&_mark]:text-ink">
            {res.results.map((r) => (
              <ResultItem key={r.publicId} r={r} query={q.q} />
            ))}
          </ol>
        ) : null}
        <Pagination q={q} page={res.page} pageCount={res.pageCount} />
      </section>
      <Facets q={q} res={res} />
    </div>
  );
}
