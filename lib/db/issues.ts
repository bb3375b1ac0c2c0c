import "server-only";
import { db } from "@/lib/db/client";

/** Reader queries about issues and pages. Only published issues are ever returned. */

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

const articleSelect = { publicId: true, order: true, label: true, kicker: true, title: true, subtitle: true, charCount: true } as const;

/** Every published issue, newest first. */
export async function listPublishedIssues(): Promise<IssueSummary[]> {
  const rows = await db.issue.findMany({
    where: { status: "published" },
    orderBy: { date: "desc" },
    select: { date: true, number: true, _count: { select: { pages: true } } },
  });
  return rows.map((r) => ({ date: r.date, number: r.number, pageCount: r._count.pages }));
}

/** The newest published issue's date, or null when nothing is published yet. */
export async function getLatestIssueDate(): Promise<string | null> {
  const row = await db.issue.findFirst({ where: { status: "published" }, orderBy: { date: "desc" }, select: { date: true } });
  return row?.date ?? null;
}

/** A published issue with its pages and their articles, or null. */
export async function getIssue(date: string): Promise<IssueView | null> {
  const issue = await db.issue.findFirst({
    where: { date, status: "published" },
    select: {
      date: true,
      number: true,
      pages: {
        orderBy: { number: "asc" },
        select: { number: true, name: true, articles: { orderBy: { order: "asc" }, select: articleSelect } },
      },
    },
  });
  return issue;
}

export interface PageView {
  issue: { date: string; number: number | null };
  page: { number: number; name: string | null; rawText: string };
  articles: PageArticle[];
  pages: { number: number; name: string | null }[];
  prevPage: number | null;
  nextPage: number | null;
  prevIssue: string | null;
  nextIssue: string | null;
}

/** One page of a published issue with its neighbours, or null. */
export async function getPage(date: string, number: number): Promise<PageView | null> {
  const issue = await db.issue.findFirst({
    where: { date, status: "published" },
    select: { id: true, date: true, number: true, pages: { orderBy: { number: "asc" }, select: { number: true, name: true } } },
  });
  if (!issue) return null;
  const page = await db.page.findFirst({
    where: { issueId: issue.id, number },
    select: { number: true, name: true, rawText: true, articles: { orderBy: { order: "asc" }, select: articleSelect } },
  });
  if (!page) return null;
  const idx = issue.pages.findIndex((p) => p.number === number);
  const [prev, next] = await Promise.all([
    db.issue.findFirst({ where: { status: "published", date: { lt: date } }, orderBy: { date: "desc" }, select: { date: true } }),
    db.issue.findFirst({ where: { status: "published", date: { gt: date } }, orderBy: { date: "asc" }, select: { date: true } }),
  ]);
  return {
    issue: { date: issue.date, number: issue.number },
    page: { number: page.number, name: page.name, rawText: page.rawText },
    articles: page.articles,
    pages: issue.pages,
    prevPage: issue.pages[idx - 1]?.number ?? null,
    nextPage: issue.pages[idx + 1]?.number ?? null,
    prevIssue: prev?.date ?? null,
    nextIssue: next?.date ?? null,
  };
}
