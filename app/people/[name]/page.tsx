import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleList } from "@/components/article-list";
import { listArticlesByPerson } from "@/lib/db/articles";
import { listPage } from "@/lib/validations/params";

type Props = { params: Promise<{ name: string }>; searchParams: Promise<{ page?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeURIComponent((await params).name) };
}

export default async function PersonPage({ params, searchParams }: Props) {
  const name = decodeURIComponent((await params).name);
  const data = await listArticlesByPerson(name, listPage.parse((await searchParams).page));
  if (data.total === 0) notFound();
  return (
    <main id="main" className="mx-auto w-full max-w-4xl flex-1 px-4 py-6">
      <h1 className="mb-2 font-serif text-3xl font-bold">{name}</h1>
      <ArticleList data={data} basePath={`/people/${encodeURIComponent(name)}`} />
    </main>
  );
}
