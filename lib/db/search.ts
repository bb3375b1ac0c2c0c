import "server-only";
import os from "node:os";
import { Worker } from "node:worker_threads";
import { cacheLife, cacheTag } from "next/cache";
import { ISSUES_TAG, READER_TAG } from "@/lib/edition/cache-tags";
import { createSearchPool, type SearchPool } from "@/lib/db/search-pool";
import { openSqlite, type SqliteDb } from "@/lib/db/sqlite";
import { env } from "@/lib/env";
import { countPublished, searchArticles, type Facet, type SearchParams, type SearchResponse } from "@/lib/search/query";

/**
 * A statement that runs longer than this is abandoned with its worker thread (search-pool.ts).
 * Far above any real search (the median at 300,000 articles is under 20 ms; reloading the article
 * facts after a change, 2.3 s); readers are answered long before (lib/site/search-gate.ts).
 */
const SEARCH_HARD_LIMIT_MS = 20_000;

// Search runs as SQL over FTS5 (the Prisma client cannot MATCH), on connections of its own: one
// per worker thread, or with SEARCH_WORKERS=0 one on this thread.
const g = globalThis as unknown as { searchDb?: SqliteDb; searchPool?: SearchPool | null };

function workers(): number {
  return env.SEARCH_WORKERS ?? Math.max(1, os.availableParallelism() - 1);
}

function getPool(): SearchPool | null {
  if (g.searchPool !== undefined) return g.searchPool;
  const size = workers();
  g.searchPool =
    size === 0
      ? null
      : createSearchPool({
          size,
          timeoutMs: SEARCH_HARD_LIMIT_MS,
          // Written out here so the bundler sees the worker's entry and builds it with its imports.
          spawn: () => {
            const workerData = { databaseUrl: env.DATABASE_URL };
            // (The source's address is derived as a string: the bundler must not copy the .ts file.)
            if (import.meta.url.endsWith(".ts")) return fromSource(import.meta.url.replace(/search\.ts$/, "search-worker.ts"), workerData);
            // Exactly this form, `new Worker(new URL(…, import.meta.url))`, is what the bundler
            // builds into a worker entry with its imports (a URL made apart is copied as a file).
            return new Worker(new URL("./search-worker.ts", import.meta.url), { workerData });
          },
        });
  return g.searchPool;
}

/**
 * Run from the TypeScript source (the unit tests, tsx) rather than the build, the entry is a .ts
 * file Node cannot load by itself: the worker registers tsx first.
 */
function fromSource(entry: string, workerData: unknown): Worker {
  const boot = `import("tsx/esm/api").then((t) => { t.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true, workerData });
}

/** Searches waiting for or running in a worker; null when searches run on this thread (SEARCH_WORKERS=0). */
export function searchBacklog(): number | null {
  const pool = getPool();
  return pool ? pool.waiting + pool.running : null;
}

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
  const search = { ...params, includeDrafts: false };
  const pool = getPool();
  return pool ? ((await pool.run({ op: "search", params: search })) as SearchResponse) : searchArticles(getDb(), search);
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
  const pool = getPool();
  return pool ? ((await pool.run({ op: "filters" })) as { category: Facet[]; department: Facet[] }) : countPublished(getDb());
}
