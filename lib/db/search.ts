import "server-only";
import { openSqlite, type SqliteDb } from "@/lib/db/sqlite";
import { env } from "@/lib/env";
import { searchArticles, type SearchParams, type SearchResponse } from "@/lib/search/query";

// Search runs as SQL over FTS5 on a read connection of its own (the Prisma client cannot MATCH).
const g = globalThis as unknown as { searchDb?: SqliteDb };

function getDb(): SqliteDb {
  g.searchDb ??= openSqlite(env.DATABASE_URL);
  return g.searchDb;
}

/** Searches published articles. */
export function searchPublished(params: Omit<SearchParams, "includeDrafts">): SearchResponse {
  return searchArticles(getDb(), { ...params, includeDrafts: false });
}

/** Departments with published articles, with counts, for the search form's select. */
export function listDepartmentOptions(): { name: string; count: number }[] {
  return getDb()
    .prepare(
      `SELECT d.name AS name, count(*) AS count FROM Department d JOIN ArticleDepartment ad ON ad.departmentId = d.id
       JOIN Article a ON a.id = ad.articleId WHERE a.published = 1 GROUP BY d.name ORDER BY count DESC, d.name`,
    )
    .all() as { name: string; count: number }[];
}
