import { IssueSearchForm } from "@/components/issue-search-form";
import { PageMap } from "@/components/page-map";
import type { PageView } from "@/lib/db/pages";
import { formatIssueDate, formatPageNumber } from "@/lib/site/format";

/** "2026年4月8日 第01版 一线微观察": a page's title. */
export function pageTitle(view: PageView): string {
  return `${formatIssueDate(view.issue.date, false)} ${formatPageNumber(view.page.number)}${view.page.name ? ` ${view.page.name}` : ""}`;
}

/**
 * 上一版 / 下一版: a link, or at either end of the issue a visibly disabled one — announced as
 * unavailable (`aria-disabled`), out of the tab order, styled by app/reader-css/page-map.css.
 */
function PageStep({ href, rel, end, children }: { href: string | null; rel: "prev" | "next"; end: string; children: string }) {
  const shape = "page-step inline-block rounded border px-3 py-1 no-underline";
  return href ? (
    <a href={href} rel={rel} className={`${shape} border-rule bg-card hover:border-accent`}>
      {children}
    </a>
  ) : (
    <span role="link" aria-disabled="true" title={end} className={shape}>
      {children}
    </span>
  );
}

/** One page of an issue: page map beside the article list, with page and issue navigation. */
export function PageViewSection({ view, headingLevel = 1 }: { view: PageView; headingLevel?: 1 | 2 }) {
  const { issue, page, articles, pages } = view;
  const label = `${formatPageNumber(page.number)}${page.name ? `:${page.name}` : ""}`;
  const H = headingLevel === 1 ? "h1" : "h2";
  const base = `/issues/${issue.date}`;
  return (
    <div className="mx-auto max-w-6xl px-4 py-6">
      <div className="mb-4 flex flex-wrap items-baseline justify-between gap-3 border-b border-rule pb-3">
        <H className="font-serif text-2xl font-bold">
          <span className="block text-base font-normal text-muted">
            <a href={base} className="underline-offset-4 hover:underline">{formatIssueDate(issue.date)}</a>
            {issue.number ? ` · 第${issue.number}期` : ""}
          </span>
          {label}
        </H>
        <nav aria-label="版面导航" className="flex flex-wrap items-center gap-3 text-base">
          <PageStep href={view.prevPage !== null ? `${base}/${view.prevPage}` : null} rel="prev" end="已是第一版">
            上一版
          </PageStep>
          <form action="/issues/go" className="flex items-center gap-2">
            <input type="hidden" name="date" value={issue.date} />
            <label htmlFor="page-select" className="sr-only">选择版面</label>
            <select id="page-select" name="page" defaultValue={page.number} className="rounded border border-rule bg-paper px-2 py-1">
              {pages.map((p) => (
                <option key={p.number} value={p.number}>
                  {formatPageNumber(p.number)} {p.name ?? ""}
                </option>
              ))}
            </select>
            <button type="submit" className="rounded border border-rule px-2 py-1">转到</button>
          </form>
          <PageStep href={view.nextPage !== null ? `${base}/${view.nextPage}` : null} rel="next" end="已是最后一版">
            下一版
          </PageStep>
        </nav>
      </div>
      {pages.length > 1 ? (
        // Every page of the issue at a glance, as e-paper readers expect beside the selector.
        <nav aria-label="本期版面" className="-mx-4 mb-4 overflow-x-auto px-4">
          <ol className="flex gap-2 whitespace-nowrap text-sm">
            {pages.map((p) => (
              <li key={p.number}>
                {p.number === page.number ? (
                  <span aria-current="page" className="block rounded border border-accent bg-accent px-2 py-1 text-accent-ink">
                    {formatPageNumber(p.number)} {p.name ?? ""}
                  </span>
                ) : (
                  <a href={`${base}/${p.number}`} className="block rounded border border-rule bg-card px-2 py-1 no-underline hover:border-accent">
                    {formatPageNumber(p.number)} {p.name ?? ""}
                  </a>
                )}
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
      {/* `data-page-map`: the page script ties each title of the list to its block of the map (lib/site/html/islands/page-map.ts). */}
      <div className="grid gap-6 md:grid-cols-[minmax(0,5fr)_minmax(0,4fr)]" data-page-map="">
        <section aria-labelledby="map-heading">
          <h2 id="map-heading" className="text-lg font-bold">版面示意图</h2>
          <p id="map-note" className="mb-2 text-sm text-muted">按各篇字数示意排布,并非报纸原版版面;点击稿件块阅读全文。</p>
          <PageMap articles={articles} ads={view.ads} pageLabel={label} describedBy="map-note" />
        </section>
        <section aria-labelledby="list-heading">
          <h2 id="list-heading" className="mb-2 text-lg font-bold">标题导航</h2>
          <ol className="divide-y divide-rule rounded border border-rule bg-card">
            {articles.map((a) => (
              <li key={a.publicId} data-map-ref={a.publicId} className="page-map-item px-4 py-3">
                {a.label ? <p className="text-sm text-muted">{a.label}</p> : null}
                {a.kicker ? <p className="text-sm text-muted">{a.kicker}</p> : null}
                <a href={`/articles/${a.publicId}`} className="font-serif text-lg font-bold hover:text-accent">
                  {a.title}
                </a>
                {a.subtitle ? <p className="text-sm text-muted">——{a.subtitle}</p> : null}
              </li>
            ))}
          </ol>
          <IssueSearchForm date={issue.date} className="mt-4" />
          <nav aria-label="往期" className="mt-4 flex flex-wrap gap-4 text-base">
            {view.prevIssue ? <a href={`/issues/${view.prevIssue}`}>上一期</a> : null}
            {view.nextIssue ? <a href={`/issues/${view.nextIssue}`}>下一期</a> : null}
            <a href="/issues">往期回顾</a>
          </nav>
          {/* The date picker: a plain GET form (app/issues/go); a day without a paper goes to the nearest issue, with a note. */}
          <form action="/issues/go" className="mt-3 flex flex-wrap items-center gap-2">
            <label htmlFor="issue-date">按日期查看</label>
            <input id="issue-date" name="date" type="date" required defaultValue={issue.date} className="rounded border border-rule bg-paper px-2 py-1" />
            <button type="submit" className="rounded border border-rule px-2 py-1">转到</button>
          </form>
        </section>
      </div>
      <details className="mt-6 rounded border border-rule bg-card p-4">
        <summary className="cursor-pointer font-bold">原文(本版原始文本)</summary>
        <pre className="mt-3 overflow-x-auto whitespace-pre-wrap font-serif text-base leading-8">{page.rawText}</pre>
      </details>
    </div>
  );
}
