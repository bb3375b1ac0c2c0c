import { categoryLabel, countActiveFilters, everyCategory, offeredValues, type FilterOption } from "@/lib/search/filter-options";
import { MAX_QUERY_LENGTH, type SearchQuery } from "@/lib/validations/search";
import { searchHref } from "./search-href";

interface Props {
  q: SearchQuery;
  /** Departments to offer, with counts: those with results (lib/search/filter-options.ts). */
  departments: { name: string; count: number }[];
  /** The department filter as resolved to its canonical name (an alias in the URL selects it). */
  department: string | undefined;
  /** Categories to offer, with counts; absent: every category, without counts. */
  categories?: FilterOption[];
  /** The query in the box is the first MAX_QUERY_LENGTH characters of a longer one (cutQuery). */
  cut?: boolean;
  /** The filters start unfolded on a phone (nothing to put first: no results to show). */
  open?: boolean;
}

const selectClass = "w-full rounded border border-rule bg-paper px-2 py-2";

/**
 * The search form: a plain GET form, so it works without JavaScript and its state is the URL. On a
 * phone the filters fold behind “筛选” (a <details>, saying how many are set), so the results come
 * right after the box; from md up they are always shown (app/reader-css/search.css).
 */
export function SearchForm({ q, departments, department, categories, cut = false, open = false }: Props) {
  const departmentOptions = offeredValues(
    departments.map((d) => ({ value: d.name, label: d.name, count: d.count })),
    department,
  );
  const categoryOptions = offeredValues(categories ?? everyCategory(), q.category, categoryLabel);
  const active = countActiveFilters({ ...q, department });
  const cleared = searchHref(q, { department: undefined, category: undefined, from: undefined, to: undefined, pageName: undefined, person: undefined });
  return (
    <form action="/search" role="search" aria-label="检索稿件" className="rounded border border-rule bg-card p-4">
      <label htmlFor="q" className="mb-1 block font-bold">
        关键词
      </label>
      <div className="flex gap-2">
        <input
          id="q"
          name="q"
          type="search"
          defaultValue={q.q}
          placeholder="如:公积金、法院、“你点我检”、仲裁 -税务"
          aria-describedby={cut ? "q-cut q-help" : "q-help"}
          className="min-w-0 flex-1 rounded border border-rule bg-paper px-3 py-2 text-lg"
        />
        <button type="submit" className="shrink-0 rounded bg-accent px-5 py-2 text-lg text-accent-ink">
          检索
        </button>
      </div>
      {cut ? (
        <p id="q-cut" role="note" className="mt-2 rounded border border-accent px-3 py-2 text-sm">
          检索词超过{MAX_QUERY_LENGTH}字,已截取前{MAX_QUERY_LENGTH}字检索。
        </p>
      ) : null}
      <p id="q-help" className="mt-1 text-sm text-muted">
        多个词用空格或逗号分开(须同时出现);用引号检索整句;词前加“-”排除;繁体字亦可。
      </p>
      <details className="search-filters mt-3" open={open}>
        <summary className="inline-block cursor-pointer rounded border border-rule bg-paper px-3 py-1.5">
          筛选
          {active ? <span className="ml-1">(已选 {active} 项)</span> : null}
        </summary>
        {/* Two columns on a phone, six on wider screens. */}
        <div className="grid grid-cols-2 gap-3 pt-3 md:grid-cols-6 md:pt-1">
          {departmentOptions.length ? (
            <div className="md:col-span-2">
              <label htmlFor="department" className="mb-1 block">
                部门
              </label>
              <select id="department" name="department" defaultValue={department ?? ""} className={selectClass}>
                <option value="">全部部门</option>
                {departmentOptions.map((d) => (
                  <option key={d.value} value={d.value}>
                    {d.label}({d.count})
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          {categoryOptions.length ? (
            <div>
              <label htmlFor="category" className="mb-1 block">
                分类
              </label>
              <select id="category" name="category" defaultValue={q.category ?? ""} className={selectClass}>
                <option value="">全部分类</option>
                {categoryOptions.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                    {c.count === undefined ? "" : `(${c.count})`}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <div>
            <label htmlFor="from" className="mb-1 block">
              起始日期
            </label>
            <input id="from" name="from" type="date" defaultValue={q.from ?? ""} className="w-full rounded border border-rule bg-paper px-2 py-1.5" />
          </div>
          <div>
            <label htmlFor="to" className="mb-1 block">
              结束日期
            </label>
            <input id="to" name="to" type="date" defaultValue={q.to ?? ""} className="w-full rounded border border-rule bg-paper px-2 py-1.5" />
          </div>
          <div>
            <label htmlFor="sort" className="mb-1 block">
              排序
            </label>
            <select id="sort" name="sort" defaultValue={q.sort} className={selectClass}>
              <option value="relevance">按相关度</option>
              <option value="date">按日期(新的在前)</option>
            </select>
          </div>
          {/* Filters the form has no field for (set by links elsewhere): named, so the count above adds up, and removable. */}
          {q.pageName || q.person ? (
            <ul className="col-span-2 flex flex-wrap gap-x-4 gap-y-1 text-sm md:col-span-6">
              {q.pageName ? (
                <li>
                  版面:{q.pageName} <a href={searchHref(q, { pageName: undefined })}>(不限版面)</a>
                </li>
              ) : null}
              {q.person ? (
                <li>
                  人物:{q.person} <a href={searchHref(q, { person: undefined })}>(不限人物)</a>
                </li>
              ) : null}
            </ul>
          ) : null}
          <div className="col-span-2 flex flex-wrap items-center gap-x-4 gap-y-2 md:col-span-6">
            <button type="submit" className="rounded border border-accent px-4 py-1.5 text-accent">
              应用筛选
            </button>
            {active ? <a href={cleared}>清除全部筛选</a> : null}
          </div>
        </div>
      </details>
      {/* Filters the form has no field for survive a new search. */}
      {q.pageName ? <input type="hidden" name="pageName" value={q.pageName} /> : null}
      {q.person ? <input type="hidden" name="person" value={q.person} /> : null}
    </form>
  );
}
