/** How long a session lives without use (also the cookie's lifetime). Shared with proxy.ts, which cannot import the database. */
export const SESSION_DAYS = 30;
export const SESSION_MS = SESSION_DAYS * 24 * 60 * 60 * 1000;
