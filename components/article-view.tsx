import type { DocumentHead } from "@/components/document";
import type { ArticleView } from "@/lib/db/articles";
import { formatChinaDateTime } from "@/lib/site/china-time";
import { env } from "@/lib/env";
import { paper } from "@/lib/paper";
import { CATEGORY_LABELS } from "@/lib/parser";
import type { Block } from "@/lib/parser/types";
import { ReaderTools } from "@/components/article-tools";
import { ArticlePageMap } from "@/components/article-page-map";
import { Fragment } from "react";
import { formatCitation, formatIssueDate, formatPageNumber, groupBylines } from "@/lib/site/format";
import { gapsOf } from "@/lib/corrections/gaps";
import { fullWidthPunctuation } from "@/lib/site/typeset";
import { HeadText } from "@/components/head-text";

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
      publisher: { "@type": "NewsMediaOrganization", name: paper.name },
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
        <a href={`/issues/${a.issueDate}`} className="whitespace-nowrap">{formatIssueDate(a.issueDate)}</a> ›{" "}
        <a href={pageHref}>
          {formatPageNumber(a.pageNumber)}
          {a.pageName ? ` ${a.pageName}` : ""}
        </a>
      </nav>
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <article>
          <header className="mb-6 border-b border-rule pb-4 font-serif">
            {a.label ? <p className="text-base text-balance text-accent"><HeadText text={a.label} /></p> : null}
            {a.kicker ? <p className="text-lg text-balance text-muted"><HeadText text={a.kicker} /></p> : null}
            <h1 className="text-3xl font-bold leading-tight text-balance md:text-4xl"><HeadText text={a.title} /></h1>
            {a.subtitle ? <p className="mt-2 text-xl text-balance text-muted"><HeadText text={`——${a.subtitle}`} /></p> : null}
            <p className="mt-3 text-base text-muted">
              <Bylines bylines={a.bylines} />
              {a.bylines.length ? " · " : ""}
              <time dateTime={a.issueDate} className="whitespace-nowrap">{formatIssueDate(a.issueDate)}</time> ·{" "}
              <a href={pageHref} className="whitespace-nowrap underline underline-offset-4">{formatPageNumber(a.pageNumber)}</a>
            </p>
            {a.correctedAt ? (
              // Corrected after it was published: readers are told, with the time.
              <p className="mt-2 text-sm text-muted">
                更正:本文于 <time dateTime={a.correctedAt.toISOString()}>{formatChinaDateTime(a.correctedAt)}</time> 经编辑更正。
              </p>
            ) : null}
          </header>
          <ReaderTools url={url} issueDate={a.issueDate} pageNumber={a.pageNumber} pageName={a.pageName} />
          {/* `data-highlight`: the page script marks the words of `?hl=` here (lib/site/html/islands.ts). */}
          <div className="article-body" data-highlight="">
            <ArticleBody blocks={a.blocks} />
          </div>
          <nav aria-label="上下篇" className="no-print mt-8 grid gap-3 border-t border-rule pt-4 sm:grid-cols-2">
            <div>{a.prev ? <a href={`/articles/${a.prev.publicId}`} rel="prev">上一篇:<HeadText text={a.prev.title} /></a> : <span className="text-muted">已是本期第一篇</span>}</div>
            <div className="sm:text-right">{a.next ? <a href={`/articles/${a.next.publicId}`} rel="next">下一篇:<HeadText text={a.next.title} /></a> : <span className="text-muted">已是本期最后一篇</span>}</div>
            <div><a href={pageHref}>返回本版</a></div>
          </nav>
        </article>
        <section className="space-y-6 text-base" aria-label="稿件信息">
          <ArticlePageMap a={a} />
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
              {formatCitation({ authors, title: a.title, paper: paper.name, date: a.issueDate, page: a.pageNumber })}
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

function PersonLink({ name }: { name: string }) {
  return (
    <a href={`/people/${encodeURIComponent(name)}`} className="whitespace-nowrap underline underline-offset-4">
      {name}
    </a>
  );
}

/**
 * The bylines as printed: each role word once before its people ("本报记者 姜小皓", "文/图 A B C D"),
 * a role word never left alone at the end of a line, and no name broken across two.
 */
function Bylines({ bylines }: { bylines: ArticleView["bylines"] }) {
  return groupBylines(bylines).map((g, i) => (
    <Fragment key={i}>
      {i > 0 ? " " : ""}
      <span className="whitespace-nowrap">
        {g.label ? `${g.label} ` : ""}
        <PersonLink name={g.names[0] as string} />
      </span>
      {g.names.slice(1).map((n) => (
        <Fragment key={n}>
          {" "}
          <PersonLink name={n} />
        </Fragment>
      ))}
    </Fragment>
  ));
}

/**
 * Where the printed text is incomplete (the parser's `start-missing` / `end-missing`, unless an
 * editor accepted it): a muted "……" for the eye, a sentence for screen readers. `data-no-highlight`
 * keeps the `?hl=` marking out of the note.
 */
function Gap() {
  return (
    <span className="gap" title="印刷版此处文字不全" data-no-highlight="">
      <span aria-hidden="true">……</span>
      <span className="sr-only">{"\uff08印刷版此处文字不全\uff09"}</span>
    </span>
  );
}

function ArticleBody({ blocks }: { blocks: Block[] }) {
  return blocks.map((b, i) => {
    const text = fullWidthPunctuation(b.text);
    if (b.type === "subhead") {
      return (
        <h2 key={i} className="my-4 whitespace-pre-line text-xl font-bold text-balance">
          {text}
        </h2>
      );
    }
    const gaps = gapsOf(b);
    return (
      // A jump line ("(下转A04版)") is the printed page's, set apart from the text (flag from the parser).
      <p key={i} className={b.type === "caption" ? "caption" : b.flags.includes("jump") && b.text.length <= 20 ? "jump" : undefined}>
        {gaps.before ? <Gap /> : null}
        {text}
        {gaps.after ? <Gap /> : null}
      </p>
    );
  });
}
