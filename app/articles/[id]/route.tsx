import { cacheLife, cacheTag } from "next/cache";
import { type Page, serveDocument } from "@/components/document";
import { articleDocumentOf } from "@/components/reader-documents";
import { getArticle, getArticleRedirect } from "@/lib/db/articles";
import { ISSUES_TAG, READER_TAG, articleTag, issueTag } from "@/lib/edition/cache-tags";
import { issueDateOfPublicId } from "@/lib/edition/public-id";
import { publicIdParam } from "@/lib/validations/params";

/**
 * GET /articles/<id>: an article's page, a static HTML document (components/document.tsx) rendered
 * on its first request and cached until its issue is republished.
 */
export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }) {
  const parsed = publicIdParam.safeParse(await ctx.params);
  // An address an editor's split or merge moved: permanently to where its text went.
  const movedTo = parsed.success ? await getArticleRedirect(parsed.data.id) : null;
  if (movedTo) return new Response(null, { status: 301, headers: { location: `/articles/${movedTo}`, "cache-control": "public, max-age=0, must-revalidate" } });
  return serveDocument(request, async () => (parsed.success ? articleDocument(parsed.data.id) : null));
}

async function articleDocument(id: string): Promise<Page | null> {
  "use cache";
  cacheLife("hours");
  // Its issue (the article and its neighbours) and every published issue (related articles).
  cacheTag(READER_TAG, ISSUES_TAG, issueTag(issueDateOfPublicId(id)), articleTag(id));
  const a = await getArticle(id);
  return a ? articleDocumentOf(a) : null;
}
