import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { CopyLinkButton, FontSizeControl } from "@/components/reader-tools";
import { SearchHighlight } from "@/components/search-highlight";
import { getArticle, listRecentArticleIds } from "@/lib/db/articles";
import { env } from "@/lib/env";
import { CATEGORY_LABELS } from "@/lib/parser";
import { formatCitation, formatIssueDate, formatPageNumber, ROLE_LABELS } from "@/lib/site/format";
import { APPLY_SAVED_READER_SCALE } from "@/lib/site/reader-scale";
import type { Block } from "@/lib/parser/types";
import { publicIdParam } from "@/lib/validations/params";

type Props = { params: Promise<{ id: string }> };

/** The articles of the newest issues are rendered at build, the rest on their first request, then cached. */
export async function generateStaticParams() {
  const ids = await listRecentArticleIds(7);
  // Cache Components needs at least one entry; with nothing published this one answers 404.
  return (ids.length ? ids : ["19700101-01-01"]).map((id) => ({ id }));
}

async function load(params: Props["params"]) {
  const parsed = publicIdParam.safeParse(await params);
  if (!parsed.success) notFound();
  const article = await getArticle(parsed.data.id);
  if (!article) notFound();
  return article;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const a = await load(params);
  const description = a.plainText.slice(0, 120);
  const url = `/articles/${a.publicId}`;
  return {
    title: a.title,
    description,
    alternates: { canonical: url },
    openGraph: {
      type: "article",
      title: a.title,
      description,
      url,
      siteName: `${env.SITE_NAME}数字报`,
      locale: "zh_CN",
      publishedTime: a.issueDate,
      authors: a.bylines.map((b) => b.name),
      section: CATEGORY_LABELS[a.category as keyof typeof CATEGORY_LABELS] ?? a.category,
    },
  };
}

export default async function ArticlePage({ params }: Props) {
  const a = await load(params);
  const url = `${env.SITE_URL}/articles/${a.publicId}`;
  const pageHref = `/issues/${a.issueDate}/${a.pageNumber}`;
  const authors = a.bylines.map((b) => b.name);
  const categoryLabel = CATEGORY_LABELS[a.category as keyof typeof CATEGORY_LABELS] ?? a.category;
  const jsonLd = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: a.title,
    alternativeHeadline: a.subtitle ?? undefined,
    datePublished: a.issueDate,
    dateModified: a.updatedAt.toISOString(),
    author: authors.map((name) => ({ "@type": "Person", name })),
    publisher: { "@type": "NewsMediaOrganization", name: env.SITE_NAME },
    articleSection: categoryLabel,
    printEdition: `${a.issueDate}`,
    printPage: String(a.pageNumber),
    inLanguage: "zh-CN",
    mainEntityOfPage: url,
    wordCount: a.charCount,
  };
  return (
    <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(jsonLd).replace(/</g, "\\u003c") }} />
      <nav aria-label="位置" className="mb-4 text-sm text-muted">
        <Link href={`/issues/${a.issueDate}`}>{formatIssueDate(a.issueDate)}</Link> ›{" "}
        <Link href={pageHref}>
          {formatPageNumber(a.pageNumber)}
          {a.pageName ? ` ${a.pageName}` : ""}
        </Link>
      </nav>
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <article>
          <header className="mb-6 border-b border-rule pb-4 font-serif">
            {a.label ? <p className="text-base text-accent">{a.label}</p> : null}
            {a.kicker ? <p className="text-lg text-muted">{a.kicker}</p> : null}
            <h1 className="text-3xl font-bold leading-tight md:text-4xl">{a.title}</h1>
            {a.subtitle ? <p className="mt-2 text-xl text-muted">——{a.subtitle}</p> : null}
            <p className="mt-3 text-base text-muted">
              {a.bylines.map((b, i) => (
                <span key={b.name}>
                  {i > 0 ? " " : ""}
                  {ROLE_LABELS[b.role] ?? ""} <Link href={`/people/${encodeURIComponent(b.name)}`} className="underline underline-offset-4">{b.name}</Link>
                </span>
              ))}
              {a.bylines.length ? " · " : ""}
              <time dateTime={a.issueDate}>{formatIssueDate(a.issueDate)}</time> ·{" "}
              <Link href={pageHref} className="underline underline-offset-4">{formatPageNumber(a.pageNumber)}</Link>
            </p>
          </header>
          <div className="no-print mb-4 flex flex-wrap items-center gap-3 text-sm">
            <FontSizeControl />
            <CopyLinkButton url={url} />
          </div>
          <script dangerouslySetInnerHTML={{ __html: APPLY_SAVED_READER_SCALE }} />
          {/* Marks a search's `?hl=` words in the browser, so this page stays static (see the component). */}
          <SearchHighlight className="article-body">
            <ArticleBody blocks={a.blocks} />
          </SearchHighlight>
          <nav aria-label="上下篇" className="no-print mt-8 grid gap-3 border-t border-rule pt-4 sm:grid-cols-2">
            <div>{a.prev ? <Link href={`/articles/${a.prev.publicId}`} rel="prev">上一篇:{a.prev.title}</Link> : <span className="text-muted">已是本期第一篇</span>}</div>
            <div className="sm:text-right">{a.next ? <Link href={`/articles/${a.next.publicId}`} rel="next">下一篇:{a.next.title}</Link> : <span className="text-muted">已是本期最后一篇</span>}</div>
            <div><Link href={pageHref}>返回本版</Link></div>
          </nav>
        </article>
        <aside className="space-y-6 text-base" aria-label="稿件信息">
          {a.departments.length ? (
            <section>
              <h2 className="mb-1 font-bold">相关部门</h2>
              <ul className="flex flex-wrap gap-2">
                {a.departments.map((d) => (
                  <li key={d.slug}><Link href={`/departments/${encodeURIComponent(d.slug)}`} className="rounded border border-rule px-2 py-0.5">{d.name}</Link></li>
                ))}
              </ul>
            </section>
          ) : null}
          <section>
            <h2 className="mb-1 font-bold">分类</h2>
            <Link href={`/categories/${a.category}`} className="rounded border border-rule px-2 py-0.5">{categoryLabel}</Link>
          </section>
          <section>
            <h2 className="mb-1 font-bold">引用本文</h2>
            <p className="select-all break-all rounded bg-card p-2 text-sm">
              {formatCitation({ authors, title: a.title, paper: env.SITE_NAME, date: a.issueDate, page: a.pageNumber })}
            </p>
          </section>
          {a.related.length ? (
            <section className="no-print">
              <h2 className="mb-1 font-bold">相关报道</h2>
              <ul className="space-y-2">
                {a.related.map((r) => (
                  <li key={r.publicId}>
                    <Link href={`/articles/${r.publicId}`} className="font-serif">{r.title}</Link>
                    <span className="block text-sm text-muted">{formatIssueDate(r.issueDate, false)}</span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </aside>
      </div>
    </main>
  );
}

function ArticleBody({ blocks }: { blocks: Block[] }) {
  return blocks.map((b, i) =>
    b.type === "subhead" ? (
      <h2 key={i} className="my-4 whitespace-pre-line text-xl font-bold">
        {b.text}
      </h2>
    ) : (
      <p key={i} className={b.type === "caption" ? "caption" : undefined}>
        {b.text}
      </p>
    ),
  );
}
