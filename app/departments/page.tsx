import type { Metadata } from "next";
import Link from "@/components/link";
import { listDepartmentsByKind } from "@/lib/db/departments";

export const metadata: Metadata = { title: "部门" };

export default async function DepartmentsPage() {
  const groups = await listDepartmentsByKind();
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
                <Link href={`/departments/${encodeURIComponent(d.slug)}`}>{d.name}</Link>
                <span className="text-sm text-muted">({d.count})</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </main>
  );
}
