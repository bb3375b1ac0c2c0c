import { cacheLife, cacheTag } from "next/cache";
import { NoIssueMain } from "@/components/issue-overview";
import { type Page, renderPage, serveDocument } from "@/components/document";
import { issueDocumentOf } from "@/components/reader-documents";
import { ISSUES_TAG, READER_TAG, issueTag } from "@/lib/edition/cache-tags";
import { findNearestIssue, getIssueOverview } from "@/lib/db/issues";
import { isMissed } from "@/lib/edition/nearest-issue";
import { openedInsteadNote } from "@/lib/site/issue-dates";
import { dateParams, isoDate } from "@/lib/validations/params";

/**
 * GET /issues/<date>: the issue — every page as a thumbnail of its page map, with its titles, and
 * 上一期 / 下一期. `?asked=<date>` (set by /issues/go) adds the note that the day asked for has no
 * paper of its own. A date without an issue answers 404, saying so and linking the issues either side.
 */
export async function GET(request: Request, ctx: { params: Promise<{ date: string }> }) {
  const parsed = dateParams.safeParse(await ctx.params);
  const asked = isoDate.safeParse(new URL(request.url).searchParams.get("asked"));
  return serveDocument(request, async () => {
    if (!parsed.success) return null;
    const { date } = parsed.data;
    if (asked.success && asked.data !== date) {
      const note = await noteFor(asked.data, date);
      if (note) {
        // Rendered per request from cached data: a cached document per asked date would let any
        // typed date take a place in the cache.
        const issue = await getIssueOverview(date);
        return issue ? issueDocumentOf(issue, note) : null;
      }
    }
    return (await issueDocument(date)) ?? noIssueDocument(date);
  });
}

/**
 * The note for `asked` on the page of `date`, only while it is true: `date` is where `asked`
 * leads now. A stale or hand-made `?asked=` (the day has an issue by now, or leads elsewhere) is
 * ignored and the plain page shown.
 */
async function noteFor(asked: string, date: string): Promise<string | null> {
  const nearest = await findNearestIssue(asked);
  return nearest?.date === date ? openedInsteadNote(asked, nearest) : null;
}

async function issueDocument(date: string): Promise<Page | null> {
  "use cache";
  cacheLife("hours");
  cacheTag(READER_TAG, ISSUES_TAG, issueTag(date));
  const issue = await getIssueOverview(date);
  return issue ? issueDocumentOf(issue) : null;
}

/** The 404 of a date without an issue (uncached, like the note: any date can be typed). */
async function noIssueDocument(date: string): Promise<Page | null> {
  const nearest = await findNearestIssue(date);
  if (!nearest || !isMissed(nearest)) return null;
  return renderPage({ title: "找不到这一页", robots: "noindex" }, <NoIssueMain asked={date} nearest={nearest} />, 404);
}
