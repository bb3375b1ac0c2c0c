import { cacheLife, cacheTag } from "next/cache";
import { ArticleList, isPastLastPage } from "@/components/article-list";
import { type Page, renderPage, serveDocument } from "@/components/document";
import { listArticlesByCategory } from "@/lib/db/articles";
import { ISSUES_TAG, READER_TAG } from "@/lib/edition/cache-tags";
import { CATEGORY_LABELS } from "@/lib/parser";
import { listPage } from "@/lib/validations/params";

const labels = CATEGORY_LABELS as Record<string, string>;

/** GET /categories/<slug>[?page=N]: the articles in a category, newest first. */
export async function GET(request: Request, ctx: { params: Promise<{ slug: string }> }) {
  const { slug } = await ctx.params;
  const page = listPage.parse(new URL(request.url).searchParams.get("page") ?? undefined);
  return serveDocument(request, async () => (Object.hasOwn(labels, slug) ? categoryDocument(slug, page) : null));
}

async function categoryDocument(slug: string, page: number): Promise<Page | null> {
  "use cache";
  cacheLife("hours");
  cacheTag(READER_TAG, ISSUES_TAG);
  const label = labels[slug] ?? slug;
  const base = `/categories/${slug}`;
  const data = await listArticlesByCategory(slug, page);
  if (isPastLastPage(data)) return null;
  return renderPage(
    { title: label, canonical: page > 1 ? `${base}?page=${page}` : base, feeds: [{ title: `${label} 稿件`, href: `${base}/feed.xml` }] },
    <main id="main" className="mx-auto w-full max-w-4xl flex-1 px-4 py-6">
      <h1 className="font-serif text-3xl font-bold">{label}</h1>
      <p className="mb-4 text-muted"><a href={`${base}/feed.xml`}>RSS</a></p>
      <ArticleList data={data} basePath={base} />
    </main>,
  );
}
