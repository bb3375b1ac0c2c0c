import { CATEGORY_LABELS } from "@/lib/parser";
import type { SearchQuery } from "@/lib/validations/search";

const categoryLabels = CATEGORY_LABELS as Record<string, string>;

interface Props {
  q: SearchQuery;
  /** Departments with their counts of published articles, for the select. */
  departments: { name: string; count: number }[];
  /** The department filter as resolved to its canonical name (an alias in the URL selects it). */
  department: string | undefined;
}

/** The search form: a plain GET form, so it works without JavaScript and its state is the URL. */
export function SearchForm({ q, departments, department }: Props) {
  const known = !department || departments.some((d) => d.name === department);
  return (
    <form action="/search" role="search" aria-label="检索稿件" className="grid grid-cols-2 gap-3 rounded border border-rule bg-card p-4 md:grid-cols-6">
      {/* Two columns on a phone (filters side by side, so the results start near the top), six on wider screens. */}
      <div className="col-span-2 md:col-span-6">
        <label htmlFor="q" className="mb-1 block font-bold">
          关键词
        </label>
        <input
          id="q"
          name="q"
          type="search"
          defaultValue={q.q}
          placeholder="如:公积金、法院、“你点我检”、仲裁 -税务"
          aria-describedby="q-help"
          className="w-full rounded border border-rule bg-paper px-3 py-2 text-lg"
        />
        <p id="q-help" className="mt-1 text-sm text-muted">
          多个词用空格或逗号分开(须同时出现);用引号检索整句;词前加“-”排除;繁体字亦可。
        </p>
      </div>
      <div className="md:col-span-2">
        <label htmlFor="department" className="mb-1 block">
          部门
        </label>
        <select id="department" name="department" defaultValue={department ?? ""} className="w-full rounded border border-rule bg-paper px-2 py-2">
          <option value="">全部部门</option>
          {known ? null : <option value={department}>{department}</option>}
          {departments.map((d) => (
            <option key={d.name} value={d.name}>
              {d.name}({d.count})
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="category" className="mb-1 block">
          分类
        </label>
        <select id="category" name="category" defaultValue={q.category ?? ""} className="w-full rounded border border-rule bg-paper px-2 py-2">
          <option value="">全部分类</option>
          {Object.entries(categoryLabels).map(([slug, label]) => (
            <option key={slug} value={slug}>
              {label}
            </option>
          ))}
        </select>
      </div>
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
        <select id="sort" name="sort" defaultValue={q.sort} className="w-full rounded border border-rule bg-paper px-2 py-2">
          <option value="relevance">按相关度</option>
          <option value="date">按日期(新的在前)</option>
        </select>
      </div>
      {/* Filters the form has no field for (set by links elsewhere) survive a new search. */}
      {q.pageName ? <input type="hidden" name="pageName" value={q.pageName} /> : null}
      {q.person ? <input type="hidden" name="person" value={q.person} /> : null}
      <div className="col-span-2 md:col-span-6">
        <button type="submit" className="rounded bg-accent px-6 py-2 text-lg text-accent-ink">
          检索
        </button>
      </div>
    </form>
  );
}
