import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { ISSUES_TAG, READER_TAG } from "@/lib/edition/cache-tags";
import { db } from "@/lib/db/client";
import { PUBLISHED_ARTICLE } from "@/lib/db/issues";

/** What machines read: feed items and sitemap entries, published articles only, cached and tagged. */

export const FEED_SIZE = 50;

export interface FeedArticle {
  publicId: string;
  title: string;
  subtitle: string | null;
  issueDate: string;
  plainText: string;
  /** Category slug (CATEGORY_LABELS in lib/parser gives its label). */
  category: string;
}

/** The newest published articles (RSS), optionally in one category or about one department (slug). */
export async function listFeedItems(opts: { category?: string; departmentSlug?: string } = {}): Promise<FeedArticle[]> {
  "use cache";
  cacheLife("hours");
  cacheTag(READER_TAG, ISSUES_TAG);
  return db.article.findMany({
    where: {
      ...PUBLISHED_ARTICLE,
      ...(opts.category ? { category: opts.category } : {}),
      ...(opts.departmentSlug ? { departments: { some: { department: { slug: opts.departmentSlug } } } } : {}),
    },
    orderBy: [{ issueDate: "desc" }, { pageNumber: "asc" }, { order: "asc" }],
    take: FEED_SIZE,
    select: { publicId: true, title: true, subtitle: true, issueDate: true, plainText: true, category: true },
  });
}

/** Every published article's id and last change, newest issue first (the sitemap). */
export async function listSitemapArticles(): Promise<{ publicId: string; updatedAt: Date }[]> {
  "use cache";
  cacheLife("hours");
  cacheTag(READER_TAG, ISSUES_TAG);
  return db.article.findMany({
    where: PUBLISHED_ARTICLE,
    orderBy: [{ issueDate: "desc" }, { pageNumber: "asc" }, { order: "asc" }],
    select: { publicId: true, updatedAt: true },
  });
}
