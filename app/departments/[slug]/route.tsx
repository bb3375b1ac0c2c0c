import { cacheLife, cacheTag } from "next/cache";
import { ArticleList, isPastLastPage } from "@/components/article-list";
import { type Page, renderPage, serveDocument } from "@/components/document";
import { listArticlesByDepartment } from "@/lib/db/articles";
import { ISSUES_TAG, READER_TAG } from "@/lib/edition/cache-tags";
import { getDepartment } from "@/lib/db/departments";
import { decodeSegment } from "@/lib/site/format";
import { listPage, nameSegment } from "@/lib/validations/params";

/** GET /departments/<slug>[?page=N]: the articles about a department, newest first. */
export async function GET(request: Request, ctx: { params: Promise<{ slug: string }> }) {
  const slug = nameSegment.safeParse(decodeSegment((await ctx.params).slug));
  const page = listPage.parse(new URL(request.url).searchParams.get("page") ?? undefined);
  return serveDocument(request, async () => (slug.success ? departmentDocument(slug.data, page) : null));
}

async function departmentDocument(slug: string, page: number): Promise<Page | null> {
  "use cache";
  cacheLife("hours");
  cacheTag(READER_TAG, ISSUES_TAG);
  const d = await getDepartment(slug);
  if (!d) return null;
  const base = `/departments/${encodeURIComponent(d.slug)}`;
  const data = await listArticlesByDepartment(d.slug, page);
  if (isPastLastPage(data)) return null;
  return renderPage(
    { title: d.name, canonical: page > 1 ? `${base}?page=${page}` : base, feeds: [{ title: `${d.name} 稿件`, href: `${base}/feed.xml` }] },
    <main id="main" className="mx-auto w-full max-w-4xl flex-1 px-4 py-6">
      <h1 className="font-serif text-3xl font-bold">{d.name}</h1>
      <p className="mb-4 text-muted">
        {d.kind}
        {d.aliases.length ? ` · 又称:${d.aliases.join("、")}` : ""} · <a href={`${base}/feed.xml`}>RSS</a>
      </p>
      <ArticleList data={data} basePath={base} />
    </main>,
  );
}
