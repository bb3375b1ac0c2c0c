import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { ISSUES_TAG, READER_TAG } from "@/lib/edition/cache-tags";
import { db } from "@/lib/db/client";
import { PUBLISHED_ARTICLE } from "@/lib/db/issues";

/** Departments (the bodies articles are about) as readers browse them: only those with published articles. */

export interface DepartmentCount {
  name: string;
  slug: string;
  kind: string;
  count: number;
}

export interface DepartmentView {
  name: string;
  slug: string;
  kind: string;
  aliases: string[];
  count: number;
}

/** Every department with published articles, grouped by kind (largest group first), most-covered first. */
export async function listDepartmentsByKind(): Promise<{ kind: string; departments: DepartmentCount[] }[]> {
  "use cache";
  cacheLife("hours");
  cacheTag(READER_TAG, ISSUES_TAG);
  const rows = await db.department.findMany({
    select: { name: true, slug: true, kind: true, _count: { select: { articles: { where: { article: PUBLISHED_ARTICLE } } } } },
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
    .sort((a, b) => b.departments.length - a.departments.length || a.kind.localeCompare(b.kind, "zh"));
}

/** A department with published articles, by slug; null for unknown slugs and for bodies no published article is about. */
export async function getDepartment(slug: string): Promise<DepartmentView | null> {
  "use cache";
  cacheLife("hours");
  cacheTag(READER_TAG, ISSUES_TAG);
  const d = await db.department.findUnique({
    where: { slug },
    select: { name: true, slug: true, kind: true, aliases: true, _count: { select: { articles: { where: { article: PUBLISHED_ARTICLE } } } } },
  });
  if (!d || d._count.articles === 0) return null;
  return { name: d.name, slug: d.slug, kind: d.kind, aliases: JSON.parse(d.aliases) as string[], count: d._count.articles };
}
