import { issueDocumentOf } from "@/components/reader-documents";
import { previewIssue } from "@/lib/db/preview";
import { servePreview } from "@/lib/editor/preview-response";
import { formatIssueDate } from "@/lib/site/format";

/** GET /editor/preview/<token>: the issue's overview as readers will see it (editors only). */
export async function GET(request: Request, ctx: { params: Promise<{ token: string }> }) {
  const { token } = await ctx.params;
  return servePreview(request, token, async (date) => {
    const issue = await previewIssue(date);
    return issue ? { page: await issueDocumentOf(issue), label: formatIssueDate(date), deskHref: `/editor/issues/${date}` } : null;
  });
}
