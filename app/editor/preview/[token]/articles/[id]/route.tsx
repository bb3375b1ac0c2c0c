import { articleDocumentOf } from "@/components/reader-documents";
import { previewArticle } from "@/lib/db/preview";
import { servePreview } from "@/lib/editor/preview-response";

/** GET /editor/preview/<token>/articles/<id>: an article of the issue as readers will see it (editors only). */
export async function GET(request: Request, ctx: { params: Promise<{ token: string; id: string }> }) {
  const { token, id } = await ctx.params;
  return servePreview(request, token, async (date) => {
    const a = await previewArticle(date, id);
    return a ? { page: await articleDocumentOf(a), label: `《${a.title}》`, deskHref: `/editor/issues/${date}/${a.pageNumber}` } : null;
  });
}
