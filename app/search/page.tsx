import type { Metadata } from "next";
import Link from "next/link";
import { listDepartmentOptions, searchPublished } from "@/lib/db/search";
import { CATEGORY_LABELS } from "@/lib/parser";
import { formatIssueDate, formatPageNumber } from "@/lib/site/format";
import { searchParamsSchema, type SearchQuery } from "@/lib/validations/search";

export const metadata: Metadata = { title: "检索" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const labels = CATEGORY_LABELS as Record<string, string>;

function href(q: SearchQuery, change: Partial<Record<keyof SearchQuery, string | number | undefined>>): string {
  const merged: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...q, page: 1, ...change })) if (v !== undefined && v !== "" && !(k === "sort" && v === "relevance") && !(k === "page" && v === 1)) merged[k] = String(v);
  return `/search?${new URLSearchParams(merged)}`;
}

export default async function SearchPage({ searchParams }: Props) {
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = searchParamsSchema.safeParse(raw);
  const q = parsed.success ? parsed.data : searchParamsSchema.parse({});
  const error = parsed.success ? null : parsed.error.issues[0]?.message;
  const departments = listDepartmentOptions();
  const active = q.q.trim() || q.department || q.category || q.from || q.to;
  const res = active && !error ? searchPublished(q) : null;
  const pages = res ? Math.max(1, Math.ceil(res.total / res.pageSize)) : 1;
  return (
    <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
      <h1 className="mb-4 font-serif text-3xl font-bold">检索</h1>
      <form action="/search" role="search" className="grid gap-3 rounded border border-rule bg-card p-4 md:grid-cols-6">
        <div className="md:col-span-6">
          <label htmlFor="q" className="mb-1 block font-bold">关键词</label>
          <input id="q" name="q" type="search" defaultValue={q.q} placeholder="如:公积金、法院、“你点我检”、小麦 -玉米" className="w-full rounded border border-rule bg-paper px-3 py-2 text-lg" />
        </div>
        <div className="md:col-span-2">
          <label htmlFor="department" className="mb-1 block">部门</label>
          <select id="department" name="department" defaultValue={q.department ?? ""} className="w-full rounded border border-rule bg-paper px-2 py-2">
            <option value="">全部部门</option>
            {departments.map((d) => (
              <option key={d.name} value={d.name}>{d.name}({d.count})</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="category" className="mb-1 block">分类</label>
          <select id="category" name="category" defaultValue={q.category ?? ""} className="w-full rounded border border-rule bg-paper px-2 py-2">
            <option value="">全部分类</option>
            {Object.entries(labels).map(([slug, label]) => <option key={slug} value={slug}>{label}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="from" className="mb-1 block">起始日期</label>
          <input id="from" name="from" type="date" defaultValue={q.from ?? ""} className="w-full rounded border border-rule bg-paper px-2 py-1.5" />
        </div>
        <div>
          <label htmlFor="to" className="mb-1 block">结束日期</label>
          <input id="to" name="to" type="date" defaultValue={q.to ?? ""} className="w-full rounded border border-rule bg-paper px-2 py-1.5" />
        </div>
        <div>
          <label htmlFor="sort" className="mb-1 block">排序</label>
          <select id="sort" name="sort" defaultValue={q.sort} className="w-full rounded border border-rule bg-paper px-2 py-2">
            <option value="relevance">按相关度</option>
            <option value="date">按日期</option>
          </select>
        </div>
        <div className="md:col-span-6">
          <button type="submit" className="rounded bg-accent px-6 py-2 text-lg text-accent-ink">检索</button>
        </div>
      </form>
      {error ? <p role="alert" className="mt-4 text-accent">{error}</p> : null}
      {res ? (
        <div className="mt-6 grid gap-8 lg:grid-cols-[minmax(0,1fr)_16rem]">
          <section aria-labelledby="results-heading">
            <h2 id="results-heading" className="mb-3 text-xl font-bold">共找到 {res.total} 篇稿件</h2>
            {res.total === 0 ? (
              <div className="rounded border border-rule bg-card p-4">
                <p>没有找到相关稿件。可以试试:</p>
                <ul className="mt-2 list-disc pl-6">
                  <li>减少关键词,或去掉排除词;</li>
                  <li>检查部门名称的写法(可用全称或简称,如“市市场监管局”);</li>
                  <li>放宽日期范围或取消分类。</li>
                </ul>
              </div>
            ) : null}
            <ol className="space-y-4">
              {res.results.map((r) => (
                <li key={r.publicId} className="border-b border-rule pb-3">
                  {r.label ? <span className="mr-2 text-sm text-accent">{r.label}</span> : null}
                  <Link href={`/articles/${r.publicId}${q.q.trim() ? `?hl=${encodeURIComponent(q.q.trim())}` : ""}`} className="font-serif text-lg font-bold hover:text-accent">
                    {r.title}
                  </Link>
                  <p className="text-sm text-muted">
                    {formatIssueDate(r.issueDate, false)} · {formatPageNumber(r.pageNumber)}
                    {r.pageName ? ` ${r.pageName}` : ""}
                    {r.departments[0] ? ` · ${r.departments[0]}` : ""}
                  </p>
                  <p className="mt-1 font-serif leading-7" dangerouslySetInnerHTML={{ __html: r.snippet }} />
                </li>
              ))}
            </ol>
            {pages > 1 ? (
              <nav aria-label="分页" className="mt-4 flex gap-4">
                {res.page > 1 ? <Link href={href(q, { page: res.page - 1 })}>上一页</Link> : null}
                <span className="text-muted">第 {res.page} / {pages} 页</span>
                {res.page < pages ? <Link href={href(q, { page: res.page + 1 })}>下一页</Link> : null}
              </nav>
            ) : null}
          </section>
          <aside aria-label="筛选" className="space-y-5">
            {(["category", "department", "year"] as const).map((k) =>
              res.facets[k].length ? (
                <section key={k}>
                  <h2 className="mb-1 font-bold">{k === "category" ? "分类" : k === "department" ? "部门" : "年份"}</h2>
                  <ul className="space-y-1">
                    {res.facets[k].map((f) => (
                      <li key={f.value}>
                        <Link
                          href={
                            k === "category"
                              ? href(q, { category: f.value })
                              : k === "department"
                                ? href(q, { department: f.value })
                                : href(q, { from: `${f.value}-01-01`, to: `${f.value}-12-31` })
                          }
                        >
                          {k === "category" ? (labels[f.value] ?? f.value) : f.value}
                        </Link>
                        <span className="text-sm text-muted">({f.count})</span>
                      </li>
                    ))}
                  </ul>
                </section>
              ) : null,
            )}
          </aside>
        </div>
      ) : null}
    </main>
  );
}
