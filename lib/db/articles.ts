import "server-only";
import { db } from "@/lib/db/client";
import type { Block } from "@/lib/parser/types";

/** Reader queries about articles. Only published articles are ever returned. */

export interface ArticleListItem {
  publicId: string;
  title: string;
  label: string | null;
  issueDate: string;
  pageNumber: number;
  category: string;
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
  bylines: { name: string; role: string }[];
  departments: { name: string; slug: string; kind: string }[];
  prev: { publicId: string; title: string } | null;
  next: { publicId: string; title: string } | null;
  related: ArticleListItem[];
  updatedAt: Date;
}

const listSelect = { publicId: true, title: true, label: true, issueDate: true, pageNumber: true, category: true } as const;
const PUBLISHED = { published: true } as const;

/** One published article by its public id, with neighbours and related articles; or null. */
export async function getArticle(publicId: string): Promise<ArticleView | null> {
  const a = await db.article.findFirst({
    where: { publicId, ...PUBLISHED },
    include: {
      issue: { select: { number: true } },
      page: { select: { name: true } },
      bylines: { orderBy: { order: "asc" }, include: { person: { select: { name: true } } } },
      departments: { orderBy: { rank: "asc" }, include: { department: { select: { name: true, slug: true, kind: true } } } },
    },
  });
  if (!a) return null;
  // Reading order across the issue: page number, then order on the page.
  const [prev, next] = await Promise.all([
    db.article.findFirst({
      where: { ...PUBLISHED, issueId: a.issueId, OR: [{ pageNumber: { lt: a.pageNumber } }, { pageNumber: a.pageNumber, order: { lt: a.order } }] },
      orderBy: [{ pageNumber: "desc" }, { order: "desc" }],
      select: { publicId: true, title: true },
    }),
    db.article.findFirst({
      where: { ...PUBLISHED, issueId: a.issueId, OR: [{ pageNumber: { gt: a.pageNumber } }, { pageNumber: a.pageNumber, order: { gt: a.order } }] },
      orderBy: [{ pageNumber: "asc" }, { order: "asc" }],
      select: { publicId: true, title: true },
    }),
  ]);
  const deptIds = a.departments.map((d) => d.departmentId);
  const related = await db.article.findMany({
    where: {
      ...PUBLISHED,
      id: { not: a.id },
      OR: [...(deptIds.length ? [{ departments: { some: { departmentId: { in: deptIds } } } }] : []), { category: a.category }],
    },
    orderBy: [{ issueDate: "desc" }, { pageNumber: "asc" }, { order: "asc" }],
    take: 5,
    select: listSelect,
  });
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
    blocks: JSON.parse(a.blocks) as Block[],
    plainText: a.plainText,
    charCount: a.charCount,
    bylines: a.bylines.map((b) => ({ name: b.person.name, role: b.role })),
    departments: a.departments.map((d) => d.department),
    prev,
    next,
    related,
    updatedAt: a.updatedAt,
  };
}

export interface ArticlePage {
  items: ArticleListItem[];
  total: number;
  page: number;
  pageSize: number;
}

async function listWhere(where: object, page: number, pageSize = 20): Promise<ArticlePage> {
  const full = { ...where, ...PUBLISHED };
  const [items, total] = await Promise.all([
    db.article.findMany({
      where: full,
      orderBy: [{ issueDate: "desc" }, { pageNumber: "asc" }, { order: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: listSelect,
    }),
    db.article.count({ where: full }),
  ]);
  return { items, total, page, pageSize };
}

/** Published articles about a department (by slug), newest first. */
export function listArticlesByDepartment(slug: string, page: number): Promise<ArticlePage> {
  return listWhere({ departments: { some: { department: { slug } } } }, page);
}

/** Published articles in a category, newest first. */
export function listArticlesByCategory(category: string, page: number): Promise<ArticlePage> {
  return listWhere({ category }, page);
}

/** Published articles bylined by a person, newest first. */
export function listArticlesByPerson(name: string, page: number): Promise<ArticlePage> {
  return listWhere({ bylines: { some: { person: { name } } } }, page);
}

/** The newest published articles (feeds), optionally in a category or about a department. */
export async function listLatestArticles(opts: { take: number; category?: string; departmentSlug?: string }) {
  return db.article.findMany({
    where: {
      ...PUBLISHED,
      ...(opts.category ? { category: opts.category } : {}),
      ...(opts.departmentSlug ? { departments: { some: { department: { slug: opts.departmentSlug } } } } : {}),
    },
    orderBy: [{ issueDate: "desc" }, { pageNumber: "asc" }, { order: "asc" }],
    take: opts.take,
    select: { ...listSelect, subtitle: true, plainText: true, updatedAt: true },
  });
}

/** Every published article's id and date, for the sitemap. */
export function listArticleUrls() {
  return db.article.findMany({ where: PUBLISHED, select: { publicId: true, issueDate: true, updatedAt: true }, orderBy: { issueDate: "desc" } });
}
