/**
 * The timer that publishes scheduled issues with nobody present and no page request needed: it
 * runs in the server process (started by instrumentation.ts), sleeps until the next scheduled
 * time (and at most a poll interval, so schedules made by another process are seen too), and on
 * start catches up on anything that fell due while the server was down. Publishing writes the
 * cache tags it expires to the database (lib/db/desk.ts setPublished), which every server
 * process's cache handler reads at its next request: no revalidateTag (which needs a request) and
 * no call to its own server.
 */
import "server-only";
import { nextScheduledAt } from "@/lib/db/desk";
import { publishDue } from "./publishing";

const POLL_MS = 30_000;

interface SchedulerState {
  timer: NodeJS.Timeout | null;
  running: boolean;
  again: boolean;
  /** Consecutive failed runs: the next run waits longer (a busy or broken database is not retried in a tight loop). */
  failures: number;
}

const g = globalThis as unknown as { __epaperScheduler?: SchedulerState };

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
        // setPublished wrote the cache tags it expired (CacheTagEvent): every process's next request drops them.
        console.log(`scheduler: published ${published.join(", ")}`);
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
  const state: SchedulerState = { timer: null, running: false, again: false, failures: 0 };
  g.__epaperScheduler = state;
  void tick(state);
}

/** Re-reads the schedule now (after a chief scheduled or unscheduled an issue in this process). */
export function wakeScheduler(): void {
  const state = g.__epaperScheduler;
  if (state) void arm(state);
}
