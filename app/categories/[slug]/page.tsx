import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { ArticleList } from "@/components/article-list";
import { listArticlesByCategory } from "@/lib/db/articles";
import { CATEGORY_LABELS } from "@/lib/parser";
import { listPage } from "@/lib/validations/params";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ page?: string }> };

const labelOf = (slug: string) => (CATEGORY_LABELS as Record<string, string>)[slug];

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  return { title: labelOf(slug) ?? "分类", alternates: { types: { "application/rss+xml": `/categories/${slug}/feed.xml` } } };
}

export function generateStaticParams() {
  return Object.keys(CATEGORY_LABELS).map((slug) => ({ slug }));
}

export default async function CategoryPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const label = labelOf(slug);
  if (!label) notFound();
  const data = await listArticlesByCategory(slug, listPage.parse((await searchParams).page));
  return (
    <main id="main" className="mx-auto w-full max-w-4xl flex-1 px-4 py-6">
      <h1 className="font-serif text-3xl font-bold">{label}</h1>
      <p className="mb-4 text-muted"><Link href={`/categories/${slug}/feed.xml`}>RSS</Link></p>
      <ArticleList data={data} basePath={`/categories/${slug}`} />
    </main>
  );
}
