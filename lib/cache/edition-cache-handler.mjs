/**
 * The "use cache" handler of every server process (next.config.ts `cacheHandlers.default`):
 * Next's own in-memory store, with the tag expirations shared through the database, so caches
 * never lie whoever changed the edition and wherever:
 *
 * - `updateTags` (a revalidateTag in this process: the desk publishing, correcting, importing)
 *   expires the tags here and writes them to CacheTagEvent, for the other processes;
 * - `refreshTags`, which Next calls once per request before its first cache read, reads the
 *   CacheTagEvent rows newer than the last seen and expires their tags here: rows written by
 *   another server process, by the import CLI (in its own transaction, lib/import) or by the
 *   scheduler. One primary-key range query per request.
 *
 * Loaded by Next at run time as it is (not compiled), hence plain JavaScript. If the database or
 * the table is missing (a build before migrating), it says so once and works as the in-memory
 * handler alone, retrying later.
 *
 * This and lib/db/sqlite.ts are the project's SQLite-only modules: with another engine, the
 * three statements below are what changes.
 */
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { createDefaultCacheHandler } = require("next/dist/server/lib/cache-handlers/default.js");
const { tagsManifest } = require("next/dist/server/lib/incremental-cache/tags-manifest.external.js");

/** Next's default size for its in-memory "use cache" store. */
const MEMORY_BYTES = 50 * 1024 * 1024;
/** Rows older than this are deleted when a new one is written (a process starting later begins at the newest). */
const KEEP_MS = 24 * 60 * 60 * 1000;
/** After a failure to open or read the table, how long to work locally before trying again. */
const RETRY_MS = 5000;

const inner = createDefaultCacheHandler(MEMORY_BYTES);

/** The database file of DATABASE_URL, as lib/db/sqlite-path.ts reads it (relative to the project root). */
function databaseFile() {
  const url = process.env.DATABASE_URL || "file:./data/edition.db";
  const p = url.replace(/^file:/, "").replace(/\?.*$/, "");
  return path.isAbsolute(p) ? p : path.resolve(process.cwd(), p);
}

let store = null;
let lastId = 0;
let retryAt = 0;
let warned = false;

function open() {
  if (store) return store;
  if (Date.now() < retryAt) return null;
  try {
    const Database = require("better-sqlite3");
    const db = new Database(databaseFile(), { fileMustExist: true, timeout: 5000 });
    db.pragma("journal_mode = WAL");
    const s = {
      db,
      latest: db.prepare("SELECT coalesce(max(id), 0) FROM CacheTagEvent").pluck(),
      since: db.prepare("SELECT id, tags, durations FROM CacheTagEvent WHERE id > ? ORDER BY id"),
      insert: db.prepare("INSERT INTO CacheTagEvent (tags, durations, at) VALUES (?, ?, ?)"),
      prune: db.prepare("DELETE FROM CacheTagEvent WHERE at < ?"),
    };
    // What happened before this process started is not in its memory: begin at the newest row.
    lastId = s.latest.get();
    store = s;
    warned = false;
    return store;
  } catch (err) {
    fail(err);
    return null;
  }
}

function fail(err) {
  if (!warned) {
    console.warn(`cache handler: the shared cache-tag log is unavailable (${err instanceof Error ? err.message : err}); caches are invalidated in this process only until it is`);
    warned = true;
  }
  try {
    store?.db.close();
  } catch {}
  store = null;
  retryAt = Date.now() + RETRY_MS;
}

/**
 * Expires tags as of now, for the entries of this process made before the change. Not through
 * the default handler's updateTags: it stamps the expiry with the current time rounded to the
 * nearest millisecond, which can lie a fraction of a millisecond ahead, and a cache read in that
 * fraction — the read of the very request that refreshed the tags — finds the tag not yet expired
 * (only stale) and serves the old entry once more. One millisecond in the past it is expired.
 */
function expireNow(tags) {
  const t = Math.floor(performance.timeOrigin + performance.now()) - 1;
  for (const tag of tags) tagsManifest.set(tag, { ...tagsManifest.get(tag), stale: t, expired: t });
}

const stamp = (ms) => new Date(ms).toISOString().replace("Z", "+00:00");

/** @type {import("next/dist/server/lib/cache-handlers/types").CacheHandler} */
const handler = {
  get: (cacheKey, softTags) => inner.get(cacheKey, softTags),
  set: (cacheKey, pendingEntry) => inner.set(cacheKey, pendingEntry),
  getExpiration: (tags) => inner.getExpiration(tags),

  async refreshTags() {
    const s = open();
    if (!s) return;
    try {
      for (const row of s.since.all(lastId)) {
        lastId = row.id;
        const tags = JSON.parse(row.tags);
        const durations = row.durations ? JSON.parse(row.durations) : undefined;
        if (!Array.isArray(tags) || tags.length === 0) continue;
        if (durations?.expire > 0) await inner.updateTags(tags, durations);
        else expireNow(tags);
      }
    } catch (err) {
      fail(err);
    }
  },

  async updateTags(tags, durations) {
    await inner.updateTags(tags, durations);
    const s = open();
    if (!s || tags.length === 0) return;
    try {
      const now = Date.now();
      s.insert.run(JSON.stringify(tags), durations ? JSON.stringify(durations) : null, stamp(now));
      s.prune.run(stamp(now - KEEP_MS));
      // Our own row is read back at the next request too, and expires the tags once more, as of
      // then (see expireNow): cheap, and it closes the rounding gap of the call above.
    } catch (err) {
      fail(err);
    }
  },
};

export default handler;
