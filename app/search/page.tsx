import type { Metadata } from "next";
import { listDepartmentOptions, searchPublished } from "@/lib/db/search";
import { searchParamsSchema } from "@/lib/validations/search";
import { SearchForm } from "./search-form";
import { SearchResults } from "./search-results";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The first value of each parameter (a repeated parameter keeps its first). */
async function readParams(searchParams: Props["searchParams"]) {
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return searchParamsSchema.safeParse(raw);
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const parsed = await readParams(searchParams);
  const q = parsed.success ? parsed.data.q.trim() : "";
  // Result lists are endless variations of the archive: keep them out of search engines.
  return { title: q ? `检索:${q}` : "检索", robots: { index: false, follow: true } };
}

export default async function SearchPage({ searchParams }: Props) {
  const parsed = await readParams(searchParams);
  const q = parsed.success ? parsed.data : searchParamsSchema.parse({});
  const error = parsed.success ? null : (parsed.error.issues[0]?.message ?? "检索条件有误");
  const active = Boolean(q.q.trim() || q.department || q.category || q.from || q.to || q.pageName || q.person);
  const res = active && !error ? searchPublished(q) : null;
  return (
    <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
      <h1 className="mb-4 font-serif text-3xl font-bold">检索</h1>
      <SearchForm q={q} departments={listDepartmentOptions()} department={res?.department?.name ?? q.department} />
      {error ? (
        <p role="alert" className="mt-4 text-accent">
          {error}
        </p>
      ) : null}
      {res ? <SearchResults q={q} res={res} /> : null}
      {!res && !error ? <p className="mt-6 text-muted">输入关键词,或选择部门、分类、日期后检索全部已发布稿件。</p> : null}
    </main>
  );
}
