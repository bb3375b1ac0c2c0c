import { cacheLife, cacheTag } from "next/cache";
import { type Page, serveDocument } from "@/components/document";
import { pageDocumentOf } from "@/components/reader-documents";
import { ISSUES_TAG, READER_TAG, issueTag } from "@/lib/edition/cache-tags";
import { getPage } from "@/lib/db/pages";
import { pageParams } from "@/lib/validations/params";

/** GET /issues/<date>/<page>: one page (版面) — page map, article list, page and issue navigation, raw text. */
export async function GET(request: Request, ctx: { params: Promise<{ date: string; page: string }> }) {
  const parsed = pageParams.safeParse(await ctx.params);
  return serveDocument(request, async () => (parsed.success ? pageDocument(parsed.data.date, parsed.data.page) : null));
}

async function pageDocument(date: string, number: number): Promise<Page | null> {
  "use cache";
  cacheLife("hours");
  // The issue's content, and the neighbouring issues it links to.
  cacheTag(READER_TAG, ISSUES_TAG, issueTag(date));
  const view = await getPage(date, number);
  return view ? pageDocumentOf(view) : null;
}
