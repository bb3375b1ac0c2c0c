import type { Metadata } from "next";
import Link from "@/components/link";
import { listCategoryCounts } from "@/lib/db/categories";
import { CATEGORY_LABELS } from "@/lib/parser";

export const metadata: Metadata = { title: "分类" };

export default async function CategoriesPage() {
  const counts = await listCategoryCounts();
  return (
    <main id="main" className="mx-auto w-full max-w-4xl flex-1 px-4 py-6">
      <h1 className="mb-6 font-serif text-3xl font-bold">分类</h1>
      <ul className="grid gap-2 sm:grid-cols-2">
        {counts.map((c) => (
          <li key={c.category}>
            <Link href={`/categories/${c.category}`}>{CATEGORY_LABELS[c.category as keyof typeof CATEGORY_LABELS] ?? c.category}</Link>
            <span className="text-sm text-muted">({c.count})</span>
          </li>
        ))}
      </ul>
    </main>
  );
}
