import { IssueDatePicker, IssueSearchForm } from "@/components/issue-search-form";
import { PageMap } from "@/components/page-map";
import type { IssueOverviewView } from "@/lib/db/issues";
import { formatIssueDate, formatPageNumber } from "@/lib/site/format";
import type { MissedIssue } from "@/lib/edition/nearest-issue";
import { nearestLabel, noIssueReason } from "@/lib/site/issue-dates";

/**
 * 上一期 or 下一期: a link to that issue, or at the first or last issue the same words visibly
 * disabled — a link without href (not focusable), aria-disabled, saying why.
 */
function IssueStep({ dir, date }: { dir: "prev" | "next"; date: string | null }) {
  const word = dir === "prev" ? "上一期" : "下一期";
  if (date === null) {
    return (
      <a role="link" aria-disabled="true" className="nav-step">
        <span>{word}</span>{" "}
        <span className="nav-step-detail">{dir === "prev" ? "已是最早的一期" : "已是最新的一期"}</span>
      </a>
    );
  }
  return (
    <a href={`/issues/${date}`} rel={dir} className="nav-step">
      <span>{word}</span>{" "}
      <span className="nav-step-detail">{formatIssueDate(date, false)}</span>
    </a>
  );
}

/** An issue (期): every page as a thumbnail of its page map, with its number, name and titles. */
export function IssueOverview({ issue, note }: { issue: IssueOverviewView; note?: string | null }) {
  return (
    <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
      <h1 className="mb-1 font-serif text-3xl font-bold">{formatIssueDate(issue.date)}</h1>
      {/* Right under the date, so the reader who asked for another day reads why this one is open. */}
      {note ? (
        <p role="note" className="nav-note my-3">
          {note}
        </p>
      ) : null}
      <p className="mb-4 text-muted">{issue.number ? `第${issue.number}期 · ` : ""}共 {issue.pages.length} 个版面</p>
      <nav aria-label="往期导航" className="mb-4 flex flex-wrap items-center gap-x-4 gap-y-3">
        <span className="flex gap-3">
          <IssueStep dir="prev" date={issue.prevIssue} />
          <IssueStep dir="next" date={issue.nextIssue} />
        </span>
        <a href="/issues" className="nav-step-plain">
          往期回顾
        </a>
        <IssueDatePicker id="issue-date" date={issue.date} />
      </nav>
      <IssueSearchForm date={issue.date} className="mb-6 max-w-xl" />
      <ul className="grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
        {issue.pages.map((p) => {
          const label = `${formatPageNumber(p.number)}${p.name ? `:${p.name}` : ""}`;
          return (
            <li key={p.number} className="rounded border border-rule bg-card p-3">
              <h2 className="mb-2 font-bold">
                <a href={`/issues/${issue.date}/${p.number}`}>{label}</a>
              </h2>
              {/* The thumbnail repeats the heading's link: hidden from the keyboard and screen readers. */}
              <a href={`/issues/${issue.date}/${p.number}`} tabIndex={-1} aria-hidden="true" className="block">
                <PageMap articles={p.articles} pageLabel={label} interactive={false} idPrefix={`map-${p.number}`} />
              </a>
              <ul className="mt-3 space-y-1 text-base">
                {p.articles.map((a) => (
                  <li key={a.publicId}><a href={`/articles/${a.publicId}`} className="font-serif hover:text-accent">{a.title}</a></li>
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
    </main>
  );
}

/**
 * The 404 page of an issue address without a paper (/issues/<date>): still "找不到这一页", but
 * saying why and linking the issues either side. A typed or bookmarked address of a day without
 * a paper stays a 404 rather than silently showing another day; the date picker goes through
 * /issues/go, which opens the nearest issue instead.
 */
export function NoIssueMain({ asked, nearest }: { asked: string; nearest: MissedIssue }) {
  const around = [
    { word: nearest.kind === "between" ? "之前最近的一期" : nearestLabel(nearest.kind), date: nearest.prevIssue },
    { word: nearest.kind === "between" ? "之后最近的一期" : nearestLabel(nearest.kind), date: nearest.nextIssue },
  ].filter((a): a is { word: string; date: string } => a.date !== null);
  return (
    <main id="main" className="mx-auto w-full max-w-3xl flex-1 px-4 py-16 text-center font-serif">
      <h1 className="text-3xl font-bold">找不到这一页</h1>
      <p className="mt-4 text-muted">{noIssueReason(asked, nearest.kind)}。</p>
      <ul className="mt-6 space-y-2">
        {around.map((a) => (
          <li key={a.date}>
            {a.word}:
            <a href={`/issues/${a.date}`} className="underline underline-offset-4">
              {formatIssueDate(a.date)}
            </a>
          </li>
        ))}
      </ul>
      <p className="mt-6 flex justify-center gap-6">
        <a href="/issues">往期回顾</a>
        <a href="/search">检索</a>
      </p>
    </main>
  );
}
