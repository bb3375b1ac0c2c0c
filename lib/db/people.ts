import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { ISSUES_TAG, READER_TAG } from "@/lib/edition/cache-tags";
import { db } from "@/lib/db/client";
import { personPublishedArticles } from "@/lib/db/articles";
import { PUBLISHED_ARTICLE, PUBLISHED_ISSUE } from "@/lib/db/issues";

/** People named in bylines (reporters, correspondents, photographers …), as readers browse them. */

export interface PersonView {
  name: string;
  /** Published articles bylined by the person. */
  count: number;
  /** The roles the person appears in, most frequent first (reporter, correspondent, …). */
  roles: string[];
}

/** A person with at least one published byline, or null. */
export async function getPerson(name: string): Promise<PersonView | null> {
  "use cache";
  cacheLife("hours");
  cacheTag(READER_TAG, ISSUES_TAG);
  // From the person's bylines (the index by person), never a relation filter over every article
  // (see personPublishedArticles).
  const articles = await personPublishedArticles(name);
  if (articles.length === 0) return null;
  const published = new Set(articles.map((a) => a.id));
  const bylines = await db.articleByline.findMany({ where: { person: { name } }, select: { articleId: true, role: true } });
  const roles = new Map<string, number>();
  for (const b of bylines) if (published.has(b.articleId)) roles.set(b.role, (roles.get(b.role) ?? 0) + 1);
  return { name, count: published.size, roles: [...roles].sort((a, b) => b[1] - a[1]).map(([role]) => role) };
}
