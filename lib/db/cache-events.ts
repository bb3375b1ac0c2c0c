import "server-only";
import { db } from "@/lib/db/client";

/** An issue's own reader addresses: what a shared cache must drop when the issue changes. */
export interface IssueAddresses {
  date: string;
  pages: number[];
  articles: string[];
}

/** The CacheTagEvent log (prisma/schema.prisma), read by the purge hook's runner. */

export async function latestCacheTagEventId(): Promise<number> {
  const row = await db.cacheTagEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  return row?.id ?? 0;
}

export async function cacheTagEventsSince(id: number, take = 100): Promise<{ id: number; tags: string[] }[]> {
  const rows = await db.cacheTagEvent.findMany({ where: { id: { gt: id } }, orderBy: { id: "asc" }, take, select: { id: true, tags: true } });
  return rows.map((r) => ({ id: r.id, tags: (JSON.parse(r.tags) as unknown[]).filter((t): t is string => typeof t === "string") }));
}

/** Every page and article address of these issues, whatever their status (a purge must drop what was public). */
export async function issueAddresses(dates: string[]): Promise<IssueAddresses[]> {
  if (dates.length === 0) return [];
  const [pages, articles] = await Promise.all([
    db.page.findMany({ where: { issue: { date: { in: dates } } }, select: { number: true, issue: { select: { date: true } } } }),
    db.article.findMany({ where: { issueDate: { in: dates } }, select: { publicId: true, issueDate: true } }),
  ]);
  return dates.map((date) => ({
    date,
    pages: pages.filter((p) => p.issue.date === date).map((p) => p.number).sort((a, b) => a - b),
    articles: articles.filter((a) => a.issueDate === date).map((a) => a.publicId).sort(),
  }));
}
