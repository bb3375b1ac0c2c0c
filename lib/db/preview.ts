import "server-only";
import { listRelatedArticles, loadArticle, type ArticleView } from "@/lib/db/articles";
import { getIssueNeighbours, loadIssue, PREVIEW_SCOPE, type IssueOverviewView } from "@/lib/db/issues";
import { loadPage, type PageView } from "@/lib/db/pages";

/**
 * The desk's preview: an issue, a page or an article of one issue whatever its status, built by
 * the same queries as the reader's (PREVIEW_SCOPE instead of READER_SCOPE) and never cached, so
 * an editor sees the draft as it is now, as readers will see it once it is published. What lies
 * outside the issue (neighbouring issues, related articles) is the published site's.
 */

export async function previewIssue(date: string): Promise<IssueOverviewView | null> {
  const [issue, neighbours] = await Promise.all([loadIssue(date, PREVIEW_SCOPE), getIssueNeighbours(date)]);
  return issue ? { ...issue, ...neighbours } : null;
}

export async function previewPage(date: string, number: number): Promise<PageView | null> {
  const [page, neighbours] = await Promise.all([loadPage(date, number, PREVIEW_SCOPE), getIssueNeighbours(date)]);
  return page ? { ...page, ...neighbours } : null;
}

/** An article of the issue `date` (an id of another issue is not part of this preview). */
export async function previewArticle(date: string, publicId: string): Promise<ArticleView | null> {
  if (!publicId.startsWith(date.replaceAll("-", ""))) return null;
  const core = await loadArticle(publicId, PREVIEW_SCOPE);
  if (!core) return null;
  const { departmentIds, ...article } = core;
  return { ...article, related: await listRelatedArticles(publicId, departmentIds, article.category) };
}
