/** Defaults shared by lib/env.ts (the app) and the scripts that run before the app exists. */
export const DEFAULT_DATABASE_URL = "file:./data/edition.db";
