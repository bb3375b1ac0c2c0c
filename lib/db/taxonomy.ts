import "server-only";
import { db } from "@/lib/db/client";

/** Departments, categories and people as readers browse them (counts of published articles). */

export interface DepartmentCount {
  name: string;
  slug: string;
  kind: string;
  count: number;
}

/** Every department with published articles, grouped by kind, most-covered first. */
export async function listDepartmentsByKind(): Promise<{ kind: string; departments: DepartmentCount[] }[]> {
  const rows = await db.department.findMany({
    select: { name: true, slug: true, kind: true, _count: { select: { articles: { where: { article: { published: true } } } } } },
  });
  const groups = new Map<string, DepartmentCount[]>();
  for (const r of rows) {
    if (r._count.articles === 0) continue;
    const list = groups.get(r.kind) ?? [];
    list.push({ name: r.name, slug: r.slug, kind: r.kind, count: r._count.articles });
    groups.set(r.kind, list);
  }
  return [...groups.entries()]
    .map(([kind, departments]) => ({ kind, departments: departments.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, "zh")) }))
    .sort((a, b) => b.departments.length - a.departments.length);
}

/** A department by slug, or null. */
export async function getDepartment(slug: string) {
  const d = await db.department.findUnique({ where: { slug }, select: { name: true, slug: true, kind: true, aliases: true } });
  return d ? { ...d, aliases: JSON.parse(d.aliases) as string[] } : null;
}

/** Categories with their counts of published articles. */
export async function listCategoryCounts(): Promise<{ category: string; count: number }[]> {
  const rows = await db.article.groupBy({ by: ["category"], where: { published: true }, _count: { _all: true } });
  return rows.map((r) => ({ category: r.category, count: r._count._all })).sort((a, b) => b.count - a.count);
}
