import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { ISSUES_TAG, READER_TAG } from "@/lib/db/cache-tags";
import { openSqlite, type SqliteDb } from "@/lib/db/sqlite";
import { env } from "@/lib/env";
import { searchArticles, type SearchParams, type SearchResponse } from "@/lib/search/query";

// Search runs as SQL over FTS5 on a read connection of its own (the Prisma client cannot MATCH).
const g = globalThis as unknown as { searchDb?: SqliteDb };

function getDb(): SqliteDb {
  g.searchDb ??= openSqlite(env.DATABASE_URL);
  return g.searchDb;
}

/**
 * Searches published articles. Answers are cached by their parameters (the validated, normalised
 * query, filters, sort and page: most readers ask the same few words) and dropped with anything
 * that changes which articles are published or what they say (ISSUES_TAG: publishing, a
 * correction, an import), so a repeated search costs no SQL.
 */
export async function searchPublished(params: Omit<SearchParams, "includeDrafts">): Promise<SearchResponse> {
  "use cache";
  cacheLife("hours");
  cacheTag(READER_TAG, ISSUES_TAG);
  return searchArticles(getDb(), { ...params, includeDrafts: false });
}

/** Departments with published articles, with counts, for the search form's select (one aggregate over every article: cached). */
export async function listDepartmentOptions(): Promise<{ name: string; count: number }[]> {
  "use cache";
  cacheLife("hours");
  cacheTag(READER_TAG, ISSUES_TAG);
  return getDb()
    .prepare(
      `SELECT d.name AS name, count(*) AS count FROM Department d JOIN ArticleDepartment ad ON ad.departmentId = d.id
       JOIN Article a ON a.id = ad.articleId WHERE a.published = 1 GROUP BY d.name ORDER BY count DESC, d.name`,
    )
    .all() as { name: string; count: number }[];
}
