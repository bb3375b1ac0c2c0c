import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { ISSUES_TAG, READER_TAG } from "@/lib/db/cache-tags";
import { db } from "@/lib/db/client";
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
  const rows = await db.articleByline.groupBy({
    by: ["role"],
    where: { person: { name }, article: PUBLISHED_ARTICLE },
    _count: { _all: true },
  });
  if (rows.length === 0) return null;
  rows.sort((a, b) => b._count._all - a._count._all);
  const count = await db.article.count({ where: { ...PUBLISHED_ARTICLE, bylines: { some: { person: { name } } } } });
  return { name, count, roles: rows.map((r) => r.role) };
}

/** The names of everyone bylined on a published article in the newest `issues` issues, for `generateStaticParams`. */
export async function listRecentPeople(issues: number): Promise<string[]> {
  "use cache";
  cacheLife("hours");
  cacheTag(READER_TAG, ISSUES_TAG);
  const dates = await db.issue.findMany({ where: PUBLISHED_ISSUE, orderBy: { date: "desc" }, take: issues, select: { date: true } });
  const rows = await db.person.findMany({
    where: { bylines: { some: { article: { ...PUBLISHED_ARTICLE, issueDate: { in: dates.map((d) => d.date) } } } } },
    select: { name: true },
    orderBy: { name: "asc" },
  });
  return rows.map((r) => r.name);
}
