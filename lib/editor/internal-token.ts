/** The environment variable holding the scheduler's per-process revalidation token (lib/editor/scheduler.ts, app/api/revalidate). */
export const INTERNAL_TOKEN_ENV = "EPAPER_INTERNAL_REVALIDATE_TOKEN";
