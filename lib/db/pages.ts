import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { ISSUES_TAG, READER_TAG, issueTag } from "@/lib/edition/cache-tags";
import { db } from "@/lib/db/client";
import type { Block } from "@/lib/parser/types";
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

/** A page's article as its page view and page map show it: the list's fields and its photo captions. */
export interface MapPageArticle extends PageArticle {
  /** The texts of its caption blocks (图片说明), in order. */
  captions: string[];
}

/** A public-service ad (广告) printed on the page, its lines as printed. */
export interface PageAd {
  id: string;
  lines: string[];
}

/** What the page map (components/page-map.tsx) draws of a page: its articles in reading order and its ads. */
export interface PageMapView {
  articles: MapPageArticle[];
  ads: PageAd[];
}

export interface PageView extends PageMapView {
  issue: { date: string; number: number | null };
  page: { number: number; name: string | null; rawText: string };
  /** Every published page of the issue, for the page selector. */
  pages: { number: number; name: string | null }[];
  prevPage: number | null;
  nextPage: number | null;
  prevIssue: string | null;
  nextIssue: string | null;
}

export type IssuePageView = Omit<PageView, "prevIssue" | "nextIssue">;

/**
 * A page's articles with what the map needs of their bodies (the blocks, for the captions) and
 * its ads, as a Prisma `select` on a page: the page view and the article view's small map share it.
 */
export function pageMapSelect(scope: Scope) {
  return {
    articles: { where: scope.article, orderBy: { order: "asc" }, select: { ...pageArticleSelect, blocks: true } },
    ads: { orderBy: { order: "asc" }, select: { order: true, lines: true } },
  } as const;
}

/** The rows of `pageMapSelect` as the map's view: captions out of the blocks, ads' lines parsed. */
export function toPageMapView(page: { articles: (PageArticle & { blocks: string })[]; ads: { order: number; lines: string }[] }): PageMapView {
  return {
    articles: page.articles.map(({ blocks, ...a }) => ({
      ...a,
      // Most articles have no photo: their bodies need not be parsed for the map.
      captions: blocks.includes('"caption"') ? (JSON.parse(blocks) as Block[]).filter((b) => b.type === "caption").map((b) => b.text) : [],
    })),
    ads: page.ads.map((ad) => ({ id: `ad-${ad.order}`, lines: JSON.parse(ad.lines) as string[] })),
  };
}

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
    select: { number: true, name: true, rawText: true, ...pageMapSelect(scope) },
  });
  if (!page) return null;
  const idx = issue.pages.findIndex((p) => p.number === number);
  return {
    issue: { date: issue.date, number: issue.number },
    page: { number: page.number, name: page.name, rawText: page.rawText },
    ...toPageMapView(page),
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
