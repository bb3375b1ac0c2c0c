/**
 * A search worker thread (lib/db/search-pool.ts starts them): its own connection to the database,
 * on which it runs the searches the server's thread hands it, one at a time. The SQL and the
 * article facts (lib/search) then cost this thread's time, not the thread that answers every other
 * page of the site. Messages in: { id, op, params }; out: { id, ok, value | error }.
 */
import { parentPort, workerData } from "node:worker_threads";
import { openSqlite, type SqliteDb } from "@/lib/db/sqlite";
import { countPublished, searchArticles, type SearchParams } from "@/lib/search/query";

export type SearchJob = { id: number; op: "search"; params: SearchParams } | { id: number; op: "filters" };
export type SearchReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: { name: string; message: string } };

const port = parentPort;
if (port) {
  const { databaseUrl } = workerData as { databaseUrl: string };
  let db: SqliteDb | null = null;
  port.on("message", (job: SearchJob) => {
    let reply: SearchReply;
    try {
      // Opened on the first job, so a worker started before the database exists fails per job, clearly.
      if (!db) {
        db = openSqlite(databaseUrl);
        // Searching only reads: a bug here can never write to the edition.
        db.pragma("query_only = ON");
      }
      reply = { id: job.id, ok: true, value: job.op === "search" ? searchArticles(db, job.params) : countPublished(db) };
    } catch (err) {
      reply = { id: job.id, ok: false, error: { name: err instanceof Error ? err.name : "Error", message: err instanceof Error ? err.message : String(err) } };
    }
    port.postMessage(reply);
  });
}
