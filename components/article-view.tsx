import type { DocumentHead } from "@/components/document";
import type { ArticleView } from "@/lib/db/articles";
import { formatChinaDateTime } from "@/lib/site/china-time";
import { env } from "@/lib/env";
import { CATEGORY_LABELS } from "@/lib/parser";
import type { Block } from "@/lib/parser/types";
import { ReaderTools } from "@/components/article-tools";
import { formatCitation, formatIssueDate, formatPageNumber, ROLE_LABELS } from "@/lib/site/format";

const categoryLabel = (slug: string) => (CATEGORY_LABELS as Record<string, string>)[slug] ?? slug;

/** Title, description, Open Graph and NewsArticle structured data of an article's page. */
export function articleHead(a: ArticleView): DocumentHead {
  const url = `${env.SITE_URL}/articles/${a.publicId}`;
  const authors = a.bylines.map((b) => b.name);
  return {
    title: a.title,
    description: a.plainText.replace(/\s+/g, " ").slice(0, 120),
    canonical: `/articles/${a.publicId}`,
    openGraph: {
      "og:type": "article",
      "article:published_time": a.issueDate,
      "article:author": authors,
      "article:section": categoryLabel(a.category),
    },
    jsonLd: {
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: a.title,
      alternativeHeadline: a.subtitle ?? undefined,
      datePublished: a.issueDate,
      dateModified: a.updatedAt.toISOString(),
      author: authors.map((name) => ({ "@type": "Person", name })),
      publisher: { "@type": "NewsMediaOrganization", name: env.SITE_NAME },
      articleSection: categoryLabel(a.category),
      printEdition: a.issueDate,
      printPage: String(a.pageNumber),
      inLanguage: "zh-CN",
      mainEntityOfPage: url,
      wordCount: a.charCount,
    },
  };
}

/** An article (稿件): head, bylines, body, previous/next, and beside it departments, category, citation, related articles. */
export function ArticleMain({ a }: { a: ArticleView }) {
  const url = `${env.SITE_URL}/articles/${a.publicId}`;
  const pageHref = `/issues/${a.issueDate}/${a.pageNumber}`;
  const authors = a.bylines.map((b) => b.name);
  return (
    <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
      <nav aria-label="位置" className="mb-4 text-sm text-muted">
        <a href={`/issues/${a.issueDate}`}>{formatIssueDate(a.issueDate)}</a> ›{" "}
        <a href={pageHref}>
          {formatPageNumber(a.pageNumber)}
          {a.pageName ? ` ${a.pageName}` : ""}
        </a>
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
                  {ROLE_LABELS[b.role] ?? ""} <a href={`/people/${encodeURIComponent(b.name)}`} className="underline underline-offset-4">{b.name}</a>
                </span>
              ))}
              {a.bylines.length ? " · " : ""}
              <time dateTime={a.issueDate}>{formatIssueDate(a.issueDate)}</time> ·{" "}
              <a href={pageHref} className="underline underline-offset-4">{formatPageNumber(a.pageNumber)}</a>
            </p>
            {a.correctedAt ? (
              // Corrected after it was published: readers are told, with the time.
              <p className="mt-2 text-sm text-muted">
                更正:本文于 <time dateTime={a.correctedAt.toISOString()}>{formatChinaDateTime(a.correctedAt)}</time> 经编辑更正。
              </p>
            ) : null}
          </header>
          <ReaderTools url={url} />
          {/* `data-highlight`: the page script marks the words of `?hl=` here (lib/site/html/islands.ts). */}
          <div className="article-body" data-highlight="">
            <ArticleBody blocks={a.blocks} />
          </div>
          <nav aria-label="上下篇" className="no-print mt-8 grid gap-3 border-t border-rule pt-4 sm:grid-cols-2">
            <div>{a.prev ? <a href={`/articles/${a.prev.publicId}`} rel="prev">上一篇:{a.prev.title}</a> : <span className="text-muted">已是本期第一篇</span>}</div>
            <div className="sm:text-right">{a.next ? <a href={`/articles/${a.next.publicId}`} rel="next">下一篇:{a.next.title}</a> : <span className="text-muted">已是本期最后一篇</span>}</div>
            <div><a href={pageHref}>返回本版</a></div>
          </nav>
        </article>
        <section className="space-y-6 text-base" aria-label="稿件信息">
          {a.departments.length ? (
            <section>
              <h2 className="mb-1 font-bold">相关部门</h2>
              <ul className="flex flex-wrap gap-2">
                {a.departments.map((d) => (
                  <li key={d.slug}><a href={`/departments/${encodeURIComponent(d.slug)}`} className="rounded border border-rule px-2 py-0.5">{d.name}</a></li>
                ))}
              </ul>
            </section>
          ) : null}
          <section>
            <h2 className="mb-1 font-bold">分类</h2>
            <a href={`/categories/${a.category}`} className="rounded border border-rule px-2 py-0.5">{categoryLabel(a.category)}</a>
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
                    <a href={`/articles/${r.publicId}`} className="font-serif">{r.title}</a>
                    <span className="block text-sm text-muted">{formatIssueDate(r.issueDate, false)}</span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </section>
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
      // A jump line ("(下转A04版)") is the printed page's, set apart from the text (flag from the parser).
      <p key={i} className={b.type === "caption" ? "caption" : b.flags.includes("jump") && b.text.length <= 20 ? "jump" : undefined}>
        {b.text}
      </p>
    ),
  );
}
