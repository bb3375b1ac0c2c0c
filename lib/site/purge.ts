/**
 * What a shared cache in front (a CDN, nginx) must drop after a change: the reader addresses a
 * CacheTagEvent's tags stand for. Pure. `issue:<date>` is the issue's own documents (the issue,
 * each page, each article, their JSON); `issues` and `reader` are everything whose answer depends
 * on which issues are published — the home page, the archive, the lists, feeds, the sitemap,
 * search — given as path prefixes, since their addresses are open-ended (pages of a list, queries).
 */
import type { IssueAddresses } from "@/lib/db/cache-events";
import { ISSUES_TAG, READER_TAG } from "@/lib/edition/cache-tags";

export type { IssueAddresses };

export interface PurgeList {
  /** Exact paths. */
  urls: string[];
  /** Path prefixes: every address starting with one. */
  prefixes: string[];
}

/** The prefixes of everything that lists or counts published issues. */
export const CROSS_ISSUE_PREFIXES = ["/", "/issues", "/articles/", "/departments", "/categories", "/people/", "/search", "/feed.xml", "/sitemap.xml", "/api/issues", "/api/search"];

export function purgeList(tags: readonly string[], issues: readonly IssueAddresses[]): PurgeList {
  const urls = new Set<string>();
  const prefixes = new Set<string>();
  if (tags.includes(READER_TAG)) return { urls: [], prefixes: ["/"] };
  if (tags.includes(ISSUES_TAG)) for (const p of CROSS_ISSUE_PREFIXES) (p === "/" ? urls : prefixes).add(p);
  for (const issue of issues) {
    if (!tags.includes(`issue:${issue.date}`)) continue;
    urls.add(`/issues/${issue.date}`);
    urls.add(`/api/issues/${issue.date}`);
    for (const n of issue.pages) urls.add(`/issues/${issue.date}/${n}`);
    for (const id of issue.articles) {
      urls.add(`/articles/${id}`);
      urls.add(`/api/articles/${id}`);
    }
  }
  for (const tag of tags) {
    const m = /^article:(\d{8}-\d{2}-\d{2})$/.exec(tag);
    if (m) {
      urls.add(`/articles/${m[1]}`);
      urls.add(`/api/articles/${m[1]}`);
    }
  }
  return { urls: [...urls].sort(), prefixes: [...prefixes].sort() };
}

/** The Cache-Control of reader documents: kept by shared caches only when a purge hook drops them on change. */
export function readerCacheControl(purging: boolean): string {
  return purging ? "public, max-age=0, s-maxage=3600, stale-while-revalidate=60" : "public, max-age=0, must-revalidate";
}
