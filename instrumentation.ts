/**
 * Runs once when the server process starts. The scheduler (lib/editor/scheduler.ts) lives here so
 * a scheduled issue is published at its time with nobody at the desk and no page requested.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // `next build` loads this too; only a serving process publishes.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startScheduler } = await import("@/lib/editor/scheduler");
  startScheduler();
  // A CDN or nginx in front keeps reader documents only when it is told what to drop.
  const { env } = await import("@/lib/env");
  if (env.PURGE_HOOK_URL) {
    const { startPurgeRunner } = await import("@/lib/site/purge-runner");
    startPurgeRunner(env.PURGE_HOOK_URL);
  }
}
