import { IssueSearchForm } from "@/components/issue-search-form";
import { PageMap } from "@/components/page-map";
import type { IssueView } from "@/lib/db/issues";
import { formatIssueDate, formatPageNumber } from "@/lib/site/format";

/** An issue (期): every page as a thumbnail of its page map, with its number, name and titles. */
export function IssueOverview({ issue }: { issue: IssueView }) {
  return (
    <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
      <h1 className="mb-1 font-serif text-3xl font-bold">{formatIssueDate(issue.date)}</h1>
      <p className="mb-4 text-muted">{issue.number ? `第${issue.number}期 · ` : ""}共 {issue.pages.length} 个版面</p>
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
