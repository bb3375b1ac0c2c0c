import { PageMap } from "@/components/page-map";
import type { ArticleView } from "@/lib/db/articles";
import { formatPageNumber } from "@/lib/site/format";

/**
 * Where the article stands on its page: a small page map (版面示意图, the page view's layout)
 * with this article's block marked and the others linking to their articles, beside a line
 * on its place in the page and a link back to the page. Titles are left out of the blocks (they
 * could not be read at this size); each block keeps its name for screen readers and as a tooltip.
 */
export function ArticlePageMap({ a }: { a: ArticleView }) {
  const { articles, ads } = a.pageMap;
  const index = articles.findIndex((x) => x.publicId === a.publicId);
  if (index < 0) return null;
  const page = formatPageNumber(a.pageNumber);
  const label = `本文在${page}的位置`;
  const pageLabel = `${page}${a.pageName ? `:${a.pageName}` : ""}`;
  return (
    <section aria-labelledby="article-map-heading" className="no-print">
      <h2 id="article-map-heading" className="mb-1 font-bold">
        {label}
      </h2>
      <div className="flex items-start gap-3">
        <div className="w-36 shrink-0">
          <PageMap
            articles={articles}
            ads={ads}
            pageLabel={pageLabel}
            label={`${label}(版面示意图)`}
            describedBy="article-map-note"
            idPrefix="article-map"
            current={a.publicId}
            compact
          />
        </div>
        <div className="min-w-0 text-sm">
          <p>
            {pageLabel}
            <br />
            本版第 {index + 1} 篇,共 {articles.length} 篇
          </p>
          <p id="article-map-note" className="mt-1 text-muted">
            示意图,按字数排布,并非原版版面。
          </p>
          <p className="mt-2">
            <a href={`/issues/${a.issueDate}/${a.pageNumber}`} className="underline underline-offset-4">
              看本版全部稿件
            </a>
          </p>
        </div>
      </div>
    </section>
  );
}
