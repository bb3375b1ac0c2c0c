import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { ISSUES_TAG, READER_TAG, issueTag } from "@/lib/edition/cache-tags";
import { db } from "@/lib/db/client";
import { chooseNearest, type NearestIssue } from "@/lib/edition/nearest-issue";

/**
 * Reader queries about issues (期). Only published issues, and of those only the pages an editor
 * has not held back, are ever returned. Every read is cached (`use cache`) and tagged (see
 * lib/edition/cache-tags.ts); publishing revalidates the tags.
 */

export interface IssueSummary {
  date: string;
  number: number | null;
  pageCount: number;
}

export interface PageArticle {
  publicId: string;
  order: number;
  label: string | null;
  kicker: string | null;
  title: string;
  subtitle: string | null;
  charCount: number;
}

export interface IssuePage {
  number: number;
  name: string | null;
  articles: PageArticle[];
}

export interface IssueView {
  date: string;
  number: number | null;
  pages: IssuePage[];
}

/** The published issues just before and after a date (either may be missing). */
export interface IssueNeighbours {
  prevIssue: string | null;
  nextIssue: string | null;
}

/** An issue with the published issues either side (the issue page: 上一期 / 下一期). */
export type IssueOverviewView = IssueView & IssueNeighbours;

/** Editors can hold a page back from a published issue; readers never see such a page. */
export const PUBLISHED_PAGE = { status: "published" } as const;

/** A published issue with at least one page readers may see. */
export const PUBLISHED_ISSUE = { status: "published", pages: { some: PUBLISHED_PAGE } } as const;

/**
 * A published article on a page readers may see. Article.published already mirrors "issue
 * published and page not held back" (lib/import/write-edition.ts); the page condition keeps a page
 * an editor holds back later out of every list too, at the cost of a join on the page's id.
 */
export const PUBLISHED_ARTICLE = { published: true, page: PUBLISHED_PAGE } as const;

/**
 * Which rows a query may see: readers see what is published; an editor's preview
 * (lib/db/preview.ts) sees one issue whatever its status. The same query code serves both, so a
 * preview is exactly what readers will get.
 */
export interface Scope {
  issue: { status?: string; pages?: { some: typeof PUBLISHED_PAGE } };
  page: { status?: string };
  article: { published?: boolean; page?: typeof PUBLISHED_PAGE };
}
export const READER_SCOPE: Scope = { issue: PUBLISHED_ISSUE, page: PUBLISHED_PAGE, article: PUBLISHED_ARTICLE };
export const PREVIEW_SCOPE: Scope = { issue: {}, page: {}, article: {} };

export const pageArticleSelect = { publicId: true, order: true, label: true, kicker: true, title: true, subtitle: true, charCount: true } as const;

/** Every published issue, newest first. */
export async function listPublishedIssues(): Promise<IssueSummary[]> {
  "use cache";
  cacheLife("hours");
  cacheTag(READER_TAG, ISSUES_TAG);
  const rows = await db.issue.findMany({
    where: PUBLISHED_ISSUE,
    orderBy: { date: "desc" },
    select: { date: true, number: true, _count: { select: { pages: { where: PUBLISHED_PAGE } } } },
  });
  return rows.map((r) => ({ date: r.date, number: r.number, pageCount: r._count.pages }));
}

/** The newest published issue's date, or null while nothing is published. */
export async function getLatestIssueDate(): Promise<string | null> {
  "use cache";
  cacheLife("hours");
  cacheTag(READER_TAG, ISSUES_TAG);
  const row = await db.issue.findFirst({ where: PUBLISHED_ISSUE, orderBy: { date: "desc" }, select: { date: true } });
  return row?.date ?? null;
}

/** A published issue with its pages and their articles in reading order, or null. */
export async function getIssue(date: string): Promise<IssueView | null> {
  "use cache";
  cacheLife("hours");
  cacheTag(READER_TAG, issueTag(date));
  return loadIssue(date, READER_SCOPE);
}

/** An issue with its pages and their articles as `scope` sees them (uncached: see getIssue). */
export async function loadIssue(date: string, scope: Scope): Promise<IssueView | null> {
  return db.issue.findFirst({
    where: { date, ...scope.issue },
    select: {
      date: true,
      number: true,
      pages: {
        where: scope.page,
        orderBy: { number: "asc" },
        select: { number: true, name: true, articles: { where: scope.article, orderBy: { order: "asc" }, select: pageArticleSelect } },
      },
    },
  });
}

/** The published issues before and after `date` (上一期 / 下一期). */
export async function getIssueNeighbours(date: string): Promise<IssueNeighbours> {
  "use cache";
  cacheLife("hours");
  cacheTag(READER_TAG, ISSUES_TAG);
  const [prev, next] = await Promise.all([
    db.issue.findFirst({ where: { ...PUBLISHED_ISSUE, date: { lt: date } }, orderBy: { date: "desc" }, select: { date: true } }),
    db.issue.findFirst({ where: { ...PUBLISHED_ISSUE, date: { gt: date } }, orderBy: { date: "asc" }, select: { date: true } }),
  ]);
  return { prevIssue: prev?.date ?? null, nextIssue: next?.date ?? null };
}

/** A published issue with its neighbouring issues, or null. */
export async function getIssueOverview(date: string): Promise<IssueOverviewView | null> {
  const [issue, neighbours] = await Promise.all([getIssue(date), getIssueNeighbours(date)]);
  return issue ? { ...issue, ...neighbours } : null;
}

/**
 * The published issue a date leads to (the date picker, /issues/go): that day's, or the nearest
 * either side (ties: the earlier; see chooseNearest), with the issues either side; null while
 * nothing is published. Not cached: it is asked with any date a reader types, and a cache entry
 * per typed date would crowd out the pages; two lookups on the date index cost less.
 */
export async function findNearestIssue(date: string): Promise<NearestIssue | null> {
  const [onOrBefore, onOrAfter] = await Promise.all([
    db.issue.findFirst({ where: { ...PUBLISHED_ISSUE, date: { lte: date } }, orderBy: { date: "desc" }, select: { date: true } }),
    db.issue.findFirst({ where: { ...PUBLISHED_ISSUE, date: { gte: date } }, orderBy: { date: "asc" }, select: { date: true } }),
  ]);
  return chooseNearest(date, onOrBefore?.date ?? null, onOrAfter?.date ?? null);
}
