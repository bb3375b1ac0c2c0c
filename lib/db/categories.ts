import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { ISSUES_TAG, READER_TAG } from "@/lib/edition/cache-tags";
import { db } from "@/lib/db/client";
import { PUBLISHED_ARTICLE } from "@/lib/db/issues";

/** Categories as readers browse them. The slugs and their Chinese labels are CATEGORY_LABELS in lib/parser. */

/** Counts of published articles per category slug, largest first (categories without articles are left out). */
export async function listCategoryCounts(): Promise<{ category: string; count: number }[]> {
  "use cache";
  cacheLife("hours");
  cacheTag(READER_TAG, ISSUES_TAG);
  const rows = await db.article.groupBy({ by: ["category"], where: PUBLISHED_ARTICLE, _count: { _all: true } });
  return rows.map((r) => ({ category: r.category, count: r._count._all })).sort((a, b) => b.count - a.count || a.category.localeCompare(b.category));
}
