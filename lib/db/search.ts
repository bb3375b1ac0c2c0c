import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { ISSUES_TAG, READER_TAG } from "@/lib/edition/cache-tags";
import { openSqlite, type SqliteDb } from "@/lib/db/sqlite";
import { env } from "@/lib/env";
import { countPublished, searchArticles, type Facet, type SearchParams, type SearchResponse } from "@/lib/search/query";

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

/**
 * The categories and departments of every published article, with counts: what the search form
 * offers before anything is searched (lib/search/query.ts countPublished; cached, as it reads every
 * article's facts).
 */
export async function listFilterOptions(): Promise<{ category: Facet[]; department: Facet[] }> {
  "use cache";
  cacheLife("hours");
  cacheTag(READER_TAG, ISSUES_TAG);
  return countPublished(getDb());
}
