import { cacheLife, cacheTag } from "next/cache";
import { ArticleList, isPastLastPage } from "@/components/article-list";
import { type Page, renderPage, serveDocument } from "@/components/document";
import { listArticlesByPerson } from "@/lib/db/articles";
import { ISSUES_TAG, READER_TAG } from "@/lib/edition/cache-tags";
import { getPerson } from "@/lib/db/people";
import { decodeSegment } from "@/lib/site/format";
import { listPage, nameSegment } from "@/lib/validations/params";

/** GET /people/<name>[?page=N]: the articles a reporter, correspondent or photographer is bylined on, newest first. */
export async function GET(request: Request, ctx: { params: Promise<{ name: string }> }) {
  const name = nameSegment.safeParse(decodeSegment((await ctx.params).name));
  const page = listPage.parse(new URL(request.url).searchParams.get("page") ?? undefined);
  return serveDocument(request, async () => (name.success ? personDocument(name.data, page) : null));
}

async function personDocument(name: string, page: number): Promise<Page | null> {
  "use cache";
  cacheLife("hours");
  cacheTag(READER_TAG, ISSUES_TAG);
  const person = await getPerson(name);
  if (!person) return null;
  const base = `/people/${encodeURIComponent(person.name)}`;
  const data = await listArticlesByPerson(person.name, page);
  if (isPastLastPage(data)) return null;
  return renderPage(
    { title: person.name, canonical: page > 1 ? `${base}?page=${page}` : base },
    <main id="main" className="mx-auto w-full max-w-4xl flex-1 px-4 py-6">
      <h1 className="mb-2 font-serif text-3xl font-bold">{person.name}</h1>
      <ArticleList data={data} basePath={base} />
    </main>,
  );
}
