import { cacheLife, cacheTag } from "next/cache";
import { type Page, serveDocument } from "@/components/document";
import { issueDocumentOf } from "@/components/reader-documents";
import { ISSUES_TAG, READER_TAG, issueTag } from "@/lib/db/cache-tags";
import { getIssue } from "@/lib/db/issues";
import { dateParams } from "@/lib/validations/params";

/** GET /issues/<date>: the issue — every page as a thumbnail of its page map, with its titles. */
export async function GET(request: Request, ctx: { params: Promise<{ date: string }> }) {
  const parsed = dateParams.safeParse(await ctx.params);
  return serveDocument(request, async () => (parsed.success ? issueDocument(parsed.data.date) : null));
}

async function issueDocument(date: string): Promise<Page | null> {
  "use cache";
  cacheLife("hours");
  cacheTag(READER_TAG, ISSUES_TAG, issueTag(date));
  const issue = await getIssue(date);
  return issue ? issueDocumentOf(issue) : null;
}
