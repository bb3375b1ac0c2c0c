import "server-only";
import { cacheTagEventsSince, issueAddresses, latestCacheTagEventId } from "@/lib/db/cache-events";
import { purgeList } from "@/lib/site/purge";

/**
 * With PURGE_HOOK_URL set, each server process follows the CacheTagEvent log (what every change
 * writes: lib/cache/edition-cache-handler.mjs) and POSTs each change's stale addresses to the hook
 * as JSON `{ urls, prefixes, tags }` (absolute paths; lib/site/purge.ts). A failed POST is retried,
 * with a growing pause, before any later change is sent, so the cache in front is never told of a
 * newer change while an older one is unpurged. Several processes each send every change: purging
 * is idempotent.
 */

const POLL_MS = 1000;

export interface PurgeRunner {
  /** One pass: sends what is new; returns how many events were sent. */
  runOnce(): Promise<number>;
}

export function createPurgeRunner(hook: string, post: typeof fetch = fetch, startAt?: number): PurgeRunner {
  let last: number | undefined = startAt;
  return {
    async runOnce() {
      last ??= await latestCacheTagEventId();
      const events = await cacheTagEventsSince(last);
      let sent = 0;
      for (const e of events) {
        const dates = e.tags.flatMap((t) => /^issue:(\d{4}-\d{2}-\d{2})$/.exec(t)?.[1] ?? []);
        const list = purgeList(e.tags, await issueAddresses(dates));
        const res = await post(hook, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ ...list, tags: e.tags }),
          signal: AbortSignal.timeout(5000),
        });
        if (!res.ok) throw new Error(`purge hook ${hook} answered ${res.status}`);
        last = e.id;
        sent++;
      }
      return sent;
    },
  };
}

/** Starts the loop once per process (instrumentation.ts). */
export function startPurgeRunner(hook: string): void {
  const g = globalThis as unknown as { __epaperPurge?: boolean };
  if (g.__epaperPurge) return;
  g.__epaperPurge = true;
  const runner = createPurgeRunner(hook);
  let failures = 0;
  const tick = async () => {
    try {
      await runner.runOnce();
      failures = 0;
    } catch (err) {
      failures++;
      if (failures === 1 || failures % 30 === 0) console.error(`purge: ${err instanceof Error ? err.message : String(err)}; retrying (shared caches may serve old pages until it succeeds)`);
    }
    setTimeout(() => void tick(), Math.min(30_000, POLL_MS * 2 ** Math.min(failures, 5))).unref?.();
  };
  void tick();
}
