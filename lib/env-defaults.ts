/** Defaults shared by lib/env-schema.ts (the app and the TypeScript scripts) and the setup scripts. */
export const DEFAULT_DATABASE_URL = "file:./data/edition.db";

/** What a DATABASE_URL other than a SQLite file URL is told (PostgreSQL is not an engine of this build yet). */
export const DATABASE_URL_HINT = "must be a SQLite file URL such as file:./data/edition.db (this build stores the edition in SQLite; postgres:// URLs are not supported yet)";
