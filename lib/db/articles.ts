import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { ISSUES_TAG, READER_TAG, articleTag, issueTag } from "@/lib/edition/cache-tags";
import { db } from "@/lib/db/client";
import { PUBLISHED_ARTICLE, PUBLISHED_ISSUE, READER_SCOPE, type Scope } from "@/lib/db/issues";
import { pageMapSelect, type PageMapView, toPageMapView } from "@/lib/db/pages";
import { sourceLines } from "@/lib/corrections";
import { reviewEditKeys, reviewedKeysOf, settleReviewedGaps } from "@/lib/corrections/gaps";
import { bylineLinesOf, printedTitles } from "@/lib/parser/printed-titles";
import type { Block } from "@/lib/parser/types";
import { issueDateOfPublicId } from "@/lib/edition/public-id";

/** Reader queries about articles (稿件). Only published articles are ever returned; every read is cached and tagged. */

export interface ArticleListItem {
  publicId: string;
  title: string;
  label: string | null;
  subtitle: string | null;
  issueDate: string;
  pageNumber: number;
  category: string;
}

export interface ArticleLink {
  publicId: string;
  title: string;
  /** Set when the neighbour is on another page of the issue. */
  pageNumber: number;
}

export interface ArticleView {
  publicId: string;
  issueDate: string;
  issueNumber: number | null;
  pageNumber: number;
  pageName: string | null;
  order: number;
  label: string | null;
  kicker: string | null;
  title: string;
  subtitle: string | null;
  datelineDate: string | null;
  category: string;
  categoryEvidence: string[];
  blocks: Block[];
  plainText: string;
  charCount: number;
  /** `printed`: the staff title printed before the name ("本报记者"), where it says more than the role. */
  bylines: { name: string; role: string; printed?: string }[];
  departments: { name: string; slug: string; kind: string }[];
  /** The article before / after this one in the issue's reading order (page, then order on the page). */
  prev: ArticleLink | null;
  next: ArticleLink | null;
  /** Other articles about the same departments, then in the same category, newest first. */
  related: ArticleListItem[];
  updatedAt: Date;
  /** When an editor's correction changed it after publication (更正), or null. */
  correctedAt: Date | null;
  /** Its page as the page map draws it, for the small map of where the article stands. */
  pageMap: PageMapView;
}

export interface ArticlePage {
  items: ArticleListItem[];
  total: number;
  page: number;
  pageSize: number;
}

/** What a list of articles is filtered by (one of them). */
export type ArticleFilter = { department: string } | { category: string } | { person: string };

const listSelect = { publicId: true, title: true, label: true, subtitle: true, issueDate: true, pageNumber: true, category: true } as const;
const NEWEST_FIRST = [{ issueDate: "desc" }, { pageNumber: "asc" }, { order: "asc" }] as const;
export const LIST_PAGE_SIZE = 20;

export type ArticleCore = Omit<ArticleView, "related"> & { departmentIds: number[] };

/** The article and its neighbours in its issue: changes only when that issue is republished. */
async function readArticle(publicId: string): Promise<ArticleCore | null> {
  "use cache";
  cacheLife("hours");
  cacheTag(READER_TAG, issueTag(issueDateOfPublicId(publicId)), articleTag(publicId));
  return loadArticle(publicId, READER_SCOPE);
}

/** Warnings marked reviewed through the edit log (review-warning edits that still fit the page). */
const REVIEW_EDITS = { where: { state: "active", staleReason: null, edit: { contains: '"review-warning"' } }, select: { edit: true } } as const;

/** An article and its neighbours as `scope` sees them (uncached: see readArticle). */
export async function loadArticle(publicId: string, scope: Scope): Promise<ArticleCore | null> {
  const a = await db.article.findFirst({
    where: { publicId, ...scope.article },
    include: {
      issue: { select: { number: true } },
      page: { select: { name: true, rawText: true, reviewedWarnings: true, edits: REVIEW_EDITS, ...pageMapSelect(scope) } },
      bylines: { orderBy: { order: "asc" }, include: { person: { select: { name: true } } } },
      departments: { orderBy: { rank: "asc" }, include: { department: { select: { name: true, slug: true, kind: true } } } },
    },
  });
  if (!a) return null;
  const blocks = JSON.parse(a.blocks) as Block[];
  const bylines = a.bylines.map((b) => ({ name: b.person.name, role: b.role }));
  const printed = printedTitles(bylineLinesOf(sourceLines(a.page.rawText), a.anchorLine, blocks.flatMap((b) => b.sourceLines)), bylines);
  // Reading order across the issue: page number, then order on the page.
  const neighbour = { publicId: true, title: true, pageNumber: true } as const;
  const [prev, next] = await Promise.all([
    db.article.findFirst({
      where: { ...scope.article, issueId: a.issueId, OR: [{ pageNumber: { lt: a.pageNumber } }, { pageNumber: a.pageNumber, order: { lt: a.order } }] },
      orderBy: [{ pageNumber: "desc" }, { order: "desc" }],
      select: neighbour,
    }),
    db.article.findFirst({
      where: { ...scope.article, issueId: a.issueId, OR: [{ pageNumber: { gt: a.pageNumber } }, { pageNumber: a.pageNumber, order: { gt: a.order } }] },
      orderBy: [{ pageNumber: "asc" }, { order: "asc" }],
      select: neighbour,
    }),
  ]);
  return {
    publicId: a.publicId,
    issueDate: a.issueDate,
    issueNumber: a.issue.number,
    pageNumber: a.pageNumber,
    pageName: a.page.name,
    order: a.order,
    label: a.label,
    kicker: a.kicker,
    title: a.title,
    subtitle: a.subtitle,
    datelineDate: a.datelineDate,
    category: a.category,
    categoryEvidence: JSON.parse(a.categoryEvidence) as string[],
    // Gaps an editor accepted (the warning marked reviewed) are no longer shown as gaps (lib/corrections/gaps.ts).
    blocks: settleReviewedGaps(blocks, [...reviewedKeysOf(a.page.reviewedWarnings), ...reviewEditKeys(a.page.edits.map((e) => e.edit))]),
    plainText: a.plainText,
    charCount: a.charCount,
    bylines: bylines.map((b, i) => (printed[i] ? { ...b, printed: printed[i] } : b)),
    departments: a.departments.map((d) => d.department),
    departmentIds: a.departments.map((d) => d.departmentId),
    prev,
    next,
    updatedAt: a.updatedAt,
    correctedAt: a.correctedAt,
    pageMap: toPageMapView(a.page),
  };
}

/**
 * Up to `take` other published articles about the same departments (newest first), topped up with
 * articles in the same category. Depends on every published issue, hence ISSUES_TAG.
 */
export async function listRelatedArticles(publicId: string, departmentIds: number[], category: string, take = 5): Promise<ArticleListItem[]> {
  "use cache";
  cacheLife("hours");
  cacheTag(READER_TAG, ISSUES_TAG);
  const byDepartment = departmentIds.length
    ? await db.article.findMany({
        where: { ...PUBLISHED_ARTICLE, publicId: { not: publicId }, departments: { some: { departmentId: { in: departmentIds } } } },
        orderBy: [...NEWEST_FIRST],
        take,
        select: listSelect,
      })
    : [];
  if (byDepartment.length >= take) return byDepartment;
  const byCategory = await db.article.findMany({
    where: { ...PUBLISHED_ARTICLE, publicId: { notIn: [publicId, ...byDepartment.map((r) => r.publicId)] }, category },
    orderBy: [...NEWEST_FIRST],
    take: take - byDepartment.length,
    select: listSelect,
  });
  return [...byDepartment, ...byCategory];
}

/** Where an article address moved when an editor split or merged articles (301), or null. */
export async function getArticleRedirect(publicId: string): Promise<string | null> {
  "use cache";
  cacheLife("hours");
  cacheTag(READER_TAG, issueTag(issueDateOfPublicId(publicId)), articleTag(publicId));
  const row = await db.articleRedirect.findUnique({ where: { fromPublicId: publicId }, select: { toPublicId: true } });
  if (!row) return null;
  // Only to an article readers may see: a draft's addresses stay unknown (404).
  const target = await db.article.findFirst({ where: { publicId: row.toPublicId, ...PUBLISHED_ARTICLE }, select: { publicId: true } });
  return target?.publicId ?? null;
}

/** One published article by its public id, with its neighbours and related articles; or null. */
export async function getArticle(publicId: string): Promise<ArticleView | null> {
  const core = await readArticle(publicId);
  if (!core) return null;
  const { departmentIds, ...article } = core;
  const related = await listRelatedArticles(publicId, departmentIds, article.category);
  return { ...article, related };
}

function filterWhere(filter: { department: string } | { category: string }) {
  if ("department" in filter) return { departments: { some: { department: { slug: filter.department } } } };
  return { category: filter.category };
}

/** One page (1-based) of the published articles matching `filter`, newest first. */
export async function listArticles(filter: ArticleFilter, page: number, pageSize = LIST_PAGE_SIZE): Promise<ArticlePage> {
  "use cache";
  cacheLife("hours");
  cacheTag(READER_TAG, ISSUES_TAG);
  if ("person" in filter) return listPersonArticles(filter.person, page, pageSize);
  const where = { ...filterWhere(filter), ...PUBLISHED_ARTICLE };
  const [items, total] = await Promise.all([
    db.article.findMany({ where, orderBy: [...NEWEST_FIRST], skip: (page - 1) * pageSize, take: pageSize, select: listSelect }),
    db.article.count({ where }),
  ]);
  return { items, total, page, pageSize };
}

/** Ids per query: the driver's limit of bound parameters is far below a prolific reporter's bylines. */
const ID_CHUNK = 500;

/**
 * A person's published articles, newest first, with where each stands (for ordering): found from
 * the person's bylines (the index by person), never as a relation filter over every article —
 * SQLite plans that as a scan of the whole archive probing each article's bylines, which at archive
 * scale held the server for a minute on one person page. A person has thousands of bylines at most.
 */
export async function personPublishedArticles(name: string): Promise<{ id: number; issueDate: string; pageNumber: number; order: number }[]> {
  const person = await db.person.findUnique({ where: { name }, select: { id: true } });
  if (!person) return [];
  const ids = [...new Set((await db.articleByline.findMany({ where: { personId: person.id }, select: { articleId: true } })).map((r) => r.articleId))];
  const found = [];
  for (let i = 0; i < ids.length; i += ID_CHUNK) {
    found.push(
      ...(await db.article.findMany({
        where: { id: { in: ids.slice(i, i + ID_CHUNK) }, ...PUBLISHED_ARTICLE },
        select: { id: true, issueDate: true, pageNumber: true, order: true },
      })),
    );
  }
  return found.sort((a, b) => b.issueDate.localeCompare(a.issueDate) || a.pageNumber - b.pageNumber || a.order - b.order);
}

async function listPersonArticles(name: string, page: number, pageSize: number): Promise<ArticlePage> {
  const all = await personPublishedArticles(name);
  const ids = all.slice((page - 1) * pageSize, page * pageSize).map((a) => a.id);
  const rows = await db.article.findMany({ where: { id: { in: ids } }, select: { id: true, ...listSelect } });
  const byId = new Map(rows.map(({ id, ...item }) => [id, item]));
  return { items: ids.flatMap((id) => byId.get(id) ?? []), total: all.length, page, pageSize };
}

/** Published articles about a department (by slug), newest first. */
export function listArticlesByDepartment(slug: string, page: number): Promise<ArticlePage> {
  return listArticles({ department: slug }, page);
}

/** Published articles in a category, newest first. */
export function listArticlesByCategory(category: string, page: number): Promise<ArticlePage> {
  return listArticles({ category }, page);
}

/** Published articles bylined by a person, newest first. */
export function listArticlesByPerson(name: string, page: number): Promise<ArticlePage> {
  return listArticles({ person: name }, page);
}
