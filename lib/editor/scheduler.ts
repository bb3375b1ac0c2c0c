/**
 * The timer that publishes scheduled issues with nobody present and no page request needed: it
 * runs in the server process (started by instrumentation.ts), sleeps until the next scheduled
 * time (and at most a poll interval, so schedules made by another process are seen too), and on
 * start catches up on anything that fell due while the server was down. After publishing it
 * asks the site itself to revalidate (POST /api/revalidate with a per-process token), because
 * Next's revalidateTag works only inside a request.
 */
import "server-only";
import { randomBytes } from "node:crypto";
import { READER_TAG } from "@/lib/db/cache-tags";
import { nextScheduledAt } from "@/lib/db/desk";
import { INTERNAL_TOKEN_ENV } from "./internal-token";
import { publishDue, tagsForIssue } from "./publishing";

const POLL_MS = 30_000;

interface SchedulerState {
  timer: NodeJS.Timeout | null;
  running: boolean;
  again: boolean;
  /** Consecutive failed runs: the next run waits longer (a busy or broken database is not retried in a tight loop). */
  failures: number;
}

const g = globalThis as unknown as { __epaperScheduler?: SchedulerState };

/** The token /api/revalidate accepts from this process, made once per process. */
export function internalRevalidateToken(): string {
  process.env[INTERNAL_TOKEN_ENV] ??= randomBytes(24).toString("base64url");
  return process.env[INTERNAL_TOKEN_ENV]!;
}

function ownOrigin(): string {
  return process.env.__NEXT_PRIVATE_ORIGIN || `http://127.0.0.1:${process.env.PORT || "3000"}`;
}

/** Revalidates through the site's endpoint, retrying while the server is still starting. */
async function revalidateOverHttp(tags: string[]): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      const res = await fetch(new URL("/api/revalidate", ownOrigin()), {
        method: "POST",
        headers: { "content-type": "application/json", "x-revalidate-token": internalRevalidateToken() },
        body: JSON.stringify({ tags }),
        signal: AbortSignal.timeout(5000),
      });
      if (res.ok) return;
      console.error(`scheduler: /api/revalidate answered ${res.status}`);
    } catch {
      // Not listening yet (start-up catch-up) or busy: try again shortly.
    }
    await new Promise((r) => setTimeout(r, Math.min(10_000, 250 * 2 ** attempt)));
  }
  console.error(`scheduler: could not revalidate ${tags.join(", ")}; reader pages may show the old state until the next publish`);
}

async function tick(state: SchedulerState): Promise<void> {
  if (state.running) {
    state.again = true;
    return;
  }
  state.running = true;
  try {
    do {
      state.again = false;
      const published = await publishDue(new Date());
      state.failures = 0;
      if (published.length) {
        console.log(`scheduler: published ${published.join(", ")}`);
        await revalidateOverHttp([...new Set(published.flatMap(tagsForIssue))]);
      }
    } while (state.again);
  } catch (err) {
    state.failures++;
    console.error("scheduler: run failed:", err);
  } finally {
    state.running = false;
    await arm(state);
  }
}

async function arm(state: SchedulerState): Promise<void> {
  if (state.timer) clearTimeout(state.timer);
  let wait = POLL_MS;
  try {
    const next = await nextScheduledAt();
    if (next) wait = Math.max(0, Math.min(POLL_MS, next.getTime() - Date.now()));
    // After a failure, at least 1 s, doubling up to the poll interval.
    if (state.failures > 0) wait = Math.max(wait, Math.min(POLL_MS, 1000 * 2 ** (state.failures - 1)));
  } catch (err) {
    console.error("scheduler: cannot read the schedule:", err);
  }
  state.timer = setTimeout(() => void tick(state), wait);
  state.timer.unref?.();
}

/** Starts the timer once per process (a no-op when it runs already) and catches up at once. */
export function startScheduler(): void {
  if (g.__epaperScheduler) return;
  internalRevalidateToken();
  const state: SchedulerState = { timer: null, running: false, again: false, failures: 0 };
  g.__epaperScheduler = state;
  void tick(state);
  // What `next build` prerendered (the feed, the sitemap) reflects the database at build time; the
  // database may have changed since (a command-line import while the site was down, another
  // database file). Once the server listens, everything readers see is read afresh.
  void revalidateOverHttp([READER_TAG]);
}

/** Re-reads the schedule now (after a chief scheduled or unscheduled an issue in this process). */
export function wakeScheduler(): void {
  const state = g.__epaperScheduler;
  if (state) void arm(state);
}
