import { decodeSegment } from "@/lib/site/format";
import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { ArticleList } from "@/components/article-list";
import { listArticlesByDepartment } from "@/lib/db/articles";
import { getDepartment, listDepartmentSlugs } from "@/lib/db/departments";
import { listPage } from "@/lib/validations/params";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ page?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const d = await getDepartment(decodeSegment((await params).slug));
  return { title: d?.name ?? "部门", alternates: d ? { types: { "application/rss+xml": `/departments/${encodeURIComponent(d.slug)}/feed.xml` } } : undefined };
}

/** Every department with published articles is rendered at build; one that gains its first article, on request. */
export async function generateStaticParams() {
  const slugs = await listDepartmentSlugs();
  // Cache Components needs at least one entry; with nothing published this one answers 404.
  return (slugs.length ? slugs : ["-"]).map((slug) => ({ slug }));
}

export default async function DepartmentPage({ params, searchParams }: Props) {
  const d = await getDepartment(decodeSegment((await params).slug));
  if (!d) notFound();
  const page = listPage.parse((await searchParams).page);
  const data = await listArticlesByDepartment(d.slug, page);
  return (
    <main id="main" className="mx-auto w-full max-w-4xl flex-1 px-4 py-6">
      <h1 className="font-serif text-3xl font-bold">{d.name}</h1>
      <p className="mb-4 text-muted">
        {d.kind}
        {d.aliases.length ? ` · 又称:${d.aliases.join("、")}` : ""} · <Link href={`/departments/${encodeURIComponent(d.slug)}/feed.xml`}>RSS</Link>
      </p>
      <ArticleList data={data} basePath={`/departments/${encodeURIComponent(d.slug)}`} />
    </main>
  );
}
