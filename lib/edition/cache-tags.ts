/**
 * Cache tags of the reader's data. Every cached read in lib/db/* carries READER_TAG plus either the
 * tag of the one issue it reads (`issue:2026-04-08`, and `article:<id>` for an article) or
 * ISSUES_TAG when its answer depends on which issues are published (lists, the latest issue,
 * neighbouring issues, related articles, feeds, the sitemap, counts).
 *
 * Publishing an issue therefore revalidates `issue:<date>` and ISSUES_TAG: the issue's own pages
 * and articles are read again, every other issue's content stays cached and only the cross-issue
 * parts around it (a few small queries) are recomputed. Pure: no Next or database imports, so the
 * import CLI and the unit tests can use it.
 */

export const READER_TAG = "reader";
export const ISSUES_TAG = "issues";

/** The tag of everything read from one issue (its pages, their articles). */
export function issueTag(date: string): string {
  return `issue:${date}`;
}

/** The tag of one article (also tagged with its issue). */
export function articleTag(publicId: string): string {
  return `article:${publicId}`;
}

const TAG_PATTERN = /^(?:reader|issues|issue:\d{4}-\d{2}-\d{2}|article:\d{8}-\d{2}-\d{2})$/;

/** Whether a string is one of the tags above (the revalidation endpoint refuses others). */
export function isReaderTag(tag: string): boolean {
  return TAG_PATTERN.test(tag);
}

/**
 * The tags to revalidate for a request: the issues whose published content changed (`dates`, what
 * `npm run ingest -- --publish` sends) and/or explicit `tags`; neither means every reader entry.
 */
export function tagsToRevalidate(input: { dates?: readonly string[]; tags?: readonly string[] }): string[] {
  const dates = input.dates ?? [];
  const tags = input.tags ?? [];
  if (dates.length === 0 && tags.length === 0) return [READER_TAG];
  const out = new Set<string>(tags);
  if (dates.length > 0) out.add(ISSUES_TAG);
  for (const d of dates) out.add(issueTag(d));
  return [...out];
}

/**
 * A CacheTagEvent row (prisma/schema.prisma): the tags a change expired, for every server
 * process's cache handler (lib/cache/edition-cache-handler.mjs). Written in the same transaction
 * as the change; `at` in the form the rest of the database uses.
 */
export function cacheTagEvent(tags: readonly string[], at = new Date()): { tags: string; durations: string; at: Date } {
  return { tags: JSON.stringify([...new Set(tags)]), durations: JSON.stringify({ expire: 0 }), at };
}

/** How long CacheTagEvent rows are kept (a process starting later begins at the newest row). */
export const CACHE_TAG_EVENT_KEEP_MS = 24 * 60 * 60 * 1000;
