/**
 * A search worker thread (lib/db/search-pool.ts starts them): its own connection to the database,
 * on which it runs the searches the server's thread hands it, one at a time. The SQL and the
 * article facts (lib/search) then cost this thread's time, not the thread that answers every other
 * page of the site. Messages in: { id, op, params }; out: { id, ok, value | error }.
 *
 * Between searches the worker keeps its article facts current by itself: every second it asks
 * whether the edition changed (a pragma) and, if so, reloads them then, so the reload after a
 * publish or a correction (2.3 s at 300,000 articles) is done before the next reader searches
 * rather than while that reader waits. A search arriving during a reload waits for it, as before.
 */
import { parentPort, workerData } from "node:worker_threads";
import { openSqlite, type SqliteDb } from "@/lib/db/sqlite";
import { getArticleFacts, type ArticleFacts } from "@/lib/search/facts";
import { countPublished, searchArticles, type SearchParams } from "@/lib/search/query";

export type SearchJob = { id: number; op: "search"; params: SearchParams } | { id: number; op: "filters" } | { id: number; op: "stats" };

/** What the worker tells about its facts (op "stats"): loads since it started, and the last one's time. */
export interface SearchWorkerStats {
  factsLoads: number;
  lastLoadMs: number;
  /** Of those loads, how many the background refresh did (not a search). */
  backgroundLoads: number;
}
export type SearchReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: { name: string; message: string } };

/** How often an idle worker checks whether the edition changed. */
const REFRESH_MS = 1000;

const port = parentPort;
if (port) {
  const { databaseUrl } = workerData as { databaseUrl: string };
  let db: SqliteDb | null = null;
  let facts: ArticleFacts | null = null;
  const stats: SearchWorkerStats = { factsLoads: 0, lastLoadMs: 0, backgroundLoads: 0 };
  /** Brings the facts up to date (a reload only when the edition changed); notes when it loaded. */
  const currentFacts = (background: boolean) => {
    const started = performance.now();
    const now = getArticleFacts(db!);
    if (now !== facts) {
      facts = now;
      stats.factsLoads++;
      stats.lastLoadMs = performance.now() - started;
      if (background) stats.backgroundLoads++;
    }
  };
  setInterval(() => {
    if (!db) return; // no search yet: nothing to keep current
    try {
      currentFacts(true);
    } catch {
      // The next search reloads (and reports what is wrong).
    }
  }, REFRESH_MS).unref();
  port.on("message", (job: SearchJob) => {
    let reply: SearchReply;
    try {
      // Opened on the first job, so a worker started before the database exists fails per job, clearly.
      if (!db) {
        db = openSqlite(databaseUrl);
        // Searching only reads: a bug here can never write to the edition.
        db.pragma("query_only = ON");
      }
      let value: unknown;
      if (job.op === "stats") value = { ...stats };
      else {
        currentFacts(false);
        value = job.op === "search" ? searchArticles(db, job.params) : countPublished(db);
      }
      reply = { id: job.id, ok: true, value };
    } catch (err) {
      reply = { id: job.id, ok: false, error: { name: err instanceof Error ? err.name : "Error", message: err instanceof Error ? err.message : String(err) } };
    }
    port.postMessage(reply);
  });
}
