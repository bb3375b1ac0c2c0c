import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { ISSUES_TAG, READER_TAG, issueTag } from "@/lib/db/cache-tags";
import { db } from "@/lib/db/client";
import {
  PUBLISHED_ISSUE,
  READER_SCOPE,
  type Scope,
  PUBLISHED_PAGE,
  getIssue,
  getIssueNeighbours,
  getLatestIssueDate,
  type PageArticle,
  pageArticleSelect,
} from "@/lib/db/issues";

/** Reader queries about one page (版面). Only published pages of published issues are returned. */

export interface PageView {
  issue: { date: string; number: number | null };
  page: { number: number; name: string | null; rawText: string };
  articles: PageArticle[];
  /** Every published page of the issue, for the page selector. */
  pages: { number: number; name: string | null }[];
  prevPage: number | null;
  nextPage: number | null;
  prevIssue: string | null;
  nextIssue: string | null;
}

export type IssuePageView = Omit<PageView, "prevIssue" | "nextIssue">;

/** The page and its issue's page list: everything that only changes when this issue is republished. */
async function readPage(date: string, number: number): Promise<IssuePageView | null> {
  "use cache";
  cacheLife("hours");
  cacheTag(READER_TAG, issueTag(date));
  return loadPage(date, number, READER_SCOPE);
}

/** A page and its issue's page list as `scope` sees them (uncached: see readPage). */
export async function loadPage(date: string, number: number, scope: Scope): Promise<IssuePageView | null> {
  const issue = await db.issue.findFirst({
    where: { date, ...scope.issue },
    select: { id: true, date: true, number: true, pages: { where: scope.page, orderBy: { number: "asc" }, select: { number: true, name: true } } },
  });
  if (!issue) return null;
  const page = await db.page.findFirst({
    where: { issueId: issue.id, number, ...scope.page },
    select: {
      number: true,
      name: true,
      rawText: true,
      articles: { where: scope.article, orderBy: { order: "asc" }, select: pageArticleSelect },
    },
  });
  if (!page) return null;
  const idx = issue.pages.findIndex((p) => p.number === number);
  return {
    issue: { date: issue.date, number: issue.number },
    page: { number: page.number, name: page.name, rawText: page.rawText },
    articles: page.articles,
    pages: issue.pages,
    prevPage: issue.pages[idx - 1]?.number ?? null,
    nextPage: issue.pages[idx + 1]?.number ?? null,
  };
}

/** One page of a published issue with its neighbours (pages and issues), or null. */
export async function getPage(date: string, number: number): Promise<PageView | null> {
  const [page, neighbours] = await Promise.all([readPage(date, number), getIssueNeighbours(date)]);
  return page ? { ...page, ...neighbours } : null;
}

/** The first published page of the newest published issue (the home page), or null. */
export async function getLatestFrontPage(): Promise<PageView | null> {
  const date = await getLatestIssueDate();
  const first = date ? (await getIssue(date))?.pages[0] : undefined;
  return date && first ? getPage(date, first.number) : null;
}

/** Every published page's issue date and number, newest issue first (the sitemap). */
export async function listPublishedPages(): Promise<{ date: string; number: number }[]> {
  "use cache";
  cacheLife("hours");
  cacheTag(READER_TAG, ISSUES_TAG);
  const rows = await db.page.findMany({
    where: { ...PUBLISHED_PAGE, issue: { status: "published" } },
    orderBy: [{ issue: { date: "desc" } }, { number: "asc" }],
    select: { number: true, issue: { select: { date: true } } },
  });
  return rows.map((r) => ({ date: r.issue.date, number: r.number }));
}

/** The pages of the newest `issues` published issues, for `generateStaticParams`. */
export async function listRecentPages(issues: number): Promise<{ date: string; number: number }[]> {
  "use cache";
  cacheLife("hours");
  cacheTag(READER_TAG, ISSUES_TAG);
  const recent = await db.issue.findMany({ where: PUBLISHED_ISSUE, orderBy: { date: "desc" }, take: issues, select: { id: true } });
  const rows = await db.page.findMany({
    where: { ...PUBLISHED_PAGE, issueId: { in: recent.map((i) => i.id) } },
    orderBy: [{ issue: { date: "desc" } }, { number: "asc" }],
    select: { number: true, issue: { select: { date: true } } },
  });
  return rows.map((r) => ({ date: r.issue.date, number: r.number }));
}
