import { decodeSegment } from "@/lib/site/format";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleList } from "@/components/article-list";
import { listArticlesByPerson } from "@/lib/db/articles";
import { getPerson, listRecentPeople } from "@/lib/db/people";
import { listPage } from "@/lib/validations/params";

type Props = { params: Promise<{ name: string }>; searchParams: Promise<{ page?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeSegment((await params).name) };
}

/** The people of the newest issues are rendered at build; the rest on their first request. */
export async function generateStaticParams() {
  const names = await listRecentPeople(7);
  // Cache Components needs at least one entry; with nothing published this one answers 404.
  return (names.length ? names : ["-"]).map((name) => ({ name }));
}

export default async function PersonPage({ params, searchParams }: Props) {
  const person = await getPerson(decodeSegment((await params).name));
  // Checked before searchParams are read, so an unknown name answers a real 404.
  if (!person) notFound();
  const { name } = person;
  const data = await listArticlesByPerson(name, listPage.parse((await searchParams).page));
  return (
    <main id="main" className="mx-auto w-full max-w-4xl flex-1 px-4 py-6">
      <h1 className="mb-2 font-serif text-3xl font-bold">{name}</h1>
      <ArticleList data={data} basePath={`/people/${encodeURIComponent(name)}`} />
    </main>
  );
}
