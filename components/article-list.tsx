import type { ArticlePage } from "@/lib/db/articles";
import { HeadText } from "@/components/head-text";
import { formatIssueDate, formatPageNumber } from "@/lib/site/format";

/** A `?page=` beyond the list's last page (its address answers 404, rather than an empty page to crawl). */
export function isPastLastPage(data: ArticlePage): boolean {
  return data.page > 1 && data.page > Math.ceil(data.total / data.pageSize);
}

/** A paginated list of articles, newest first (departments, categories, people). */
export function ArticleList({ data, basePath }: { data: ArticlePage; basePath: string }) {
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  return (
    <>
      <p className="mb-3 text-muted">共 {data.total} 篇</p>
      <ol className="divide-y divide-rule rounded border border-rule bg-card">
        {data.items.map((a) => (
          <li key={a.publicId} className="px-4 py-3 text-balance">
            {/* The label stands above its title, as in print, so the title's lines balance on their own. */}
            {a.label ? <span className="block text-sm text-accent">{a.label}</span> : null}
            <a href={`/articles/${a.publicId}`} className="font-serif text-lg font-bold hover:text-accent">
              <HeadText text={a.title} />
            </a>
            <span className="block text-sm text-muted">
              <span className="whitespace-nowrap">{formatIssueDate(a.issueDate)}</span> · <span className="whitespace-nowrap">{formatPageNumber(a.pageNumber)}</span>
            </span>
          </li>
        ))}
      </ol>
      {pages > 1 ? (
        <nav aria-label="分页" className="mt-4 flex gap-4">
          {data.page > 1 ? <a href={`${basePath}?page=${data.page - 1}`} rel="prev">上一页</a> : null}
          <span className="text-muted">第 {data.page} / {pages} 页</span>
          {data.page < pages ? <a href={`${basePath}?page=${data.page + 1}`} rel="next">下一页</a> : null}
        </nav>
      ) : null}
    </>
  );
}
