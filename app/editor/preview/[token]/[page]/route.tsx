import { pageDocumentOf } from "@/components/reader-documents";
import { previewPage } from "@/lib/db/preview";
import { servePreview } from "@/lib/editor/preview-response";
import { formatIssueDate, formatPageNumber } from "@/lib/site/format";
import { pageNumber as pageNumberParam } from "@/lib/validations/params";

/** GET /editor/preview/<token>/<page>: one page as readers will see it (editors only). */
export async function GET(request: Request, ctx: { params: Promise<{ token: string; page: string }> }) {
  const { token, page } = await ctx.params;
  const number = pageNumberParam.safeParse(page);
  return servePreview(request, token, async (date) => {
    const view = number.success ? await previewPage(date, number.data) : null;
    return view
      ? { page: await pageDocumentOf(view), label: `${formatIssueDate(date, false)} ${formatPageNumber(view.page.number)}`, deskHref: `/editor/issues/${date}/${view.page.number}` }
      : null;
  });
}
