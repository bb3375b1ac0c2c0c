import type { DepartmentCount } from "@/lib/db/departments";
import { CATEGORY_LABELS } from "@/lib/parser";

const categoryLabel = (slug: string) => (CATEGORY_LABELS as Record<string, string>)[slug] ?? slug;

/** Every department (部门) with published articles, grouped by kind, with its count. */
export function DepartmentsMain({ groups }: { groups: { kind: string; departments: DepartmentCount[] }[] }) {
  return (
    <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-6">
      <h1 className="mb-6 font-serif text-3xl font-bold">部门</h1>
      {groups.length === 0 ? <p className="text-muted">暂无。</p> : null}
      {groups.map((g) => (
        <section key={g.kind} className="mb-6" aria-labelledby={`kind-${g.kind}`}>
          <h2 id={`kind-${g.kind}`} className="mb-2 border-b border-rule text-xl font-bold">{g.kind}</h2>
          <ul className="grid gap-2 sm:grid-cols-2">
            {g.departments.map((d) => (
              <li key={d.slug}>
                <a href={`/departments/${encodeURIComponent(d.slug)}`}>{d.name}</a>
                <span className="text-sm text-muted">({d.count})</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </main>
  );
}

/** Every category (分类) with its count of published articles. */
export function CategoriesMain({ counts }: { counts: { category: string; count: number }[] }) {
  return (
    <main id="main" className="mx-auto w-full max-w-4xl flex-1 px-4 py-6">
      <h1 className="mb-6 font-serif text-3xl font-bold">分类</h1>
      <ul className="grid gap-2 sm:grid-cols-2">
        {counts.map((c) => (
          <li key={c.category}>
            <a href={`/categories/${c.category}`}>{categoryLabel(c.category)}</a>
            <span className="text-sm text-muted">({c.count})</span>
          </li>
        ))}
      </ul>
    </main>
  );
}
