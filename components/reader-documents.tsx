import { ArticleMain, articleHead } from "@/components/article-view";
import { type Page, renderPage } from "@/components/document";
import { IssueOverview } from "@/components/issue-overview";
import { PageViewSection, pageTitle } from "@/components/page-view";
import type { ArticleView } from "@/lib/db/articles";
import type { IssueOverviewView } from "@/lib/db/issues";
import type { PageView } from "@/lib/db/pages";
import { formatIssueDate } from "@/lib/site/format";

/**
 * The documents of an issue, a page and an article, from their views. The reader's routes and the
 * desk's preview (app/editor/preview) both call these, so a preview is rendered by the very same
 * components and renderer as the page readers will get.
 */

/** `note`: why the reader was given this issue instead of the day asked for (that copy is not indexed). */
export function issueDocumentOf(issue: IssueOverviewView, note?: string | null): Promise<Page> {
  return renderPage(
    { title: formatIssueDate(issue.date), canonical: `/issues/${issue.date}`, ...(note ? { robots: "noindex" } : {}) },
    <IssueOverview issue={issue} note={note} />,
  );
}

export function pageDocumentOf(view: PageView): Promise<Page> {
  return renderPage(
    { title: pageTitle(view), canonical: `/issues/${view.issue.date}/${view.page.number}` },
    <main id="main" className="flex-1">
      <PageViewSection view={view} />
    </main>,
  );
}

export function articleDocumentOf(a: ArticleView): Promise<Page> {
  return renderPage(articleHead(a), <ArticleMain a={a} />);
}
