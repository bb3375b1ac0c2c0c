/**
 * A pool of search worker threads (lib/db/search-worker.ts), each with its own database
 * connection: a search that misses the cache runs there, so 50 readers searching at once no longer
 * queue the site's one JavaScript thread, and articles and pages keep being answered meanwhile.
 *
 * Every job has a time bound counted from when it was asked for (waiting included). Past it the
 * reader is answered at once (SearchTimeout, which the routes turn into 503 + Retry-After); a job
 * still running is abandoned with its worker, which is terminated and replaced — a statement that
 * takes a minute holds one worker thread, never the server.
 */
import type { Worker } from "node:worker_threads";
import type { SearchJob, SearchReply } from "@/lib/db/search-worker";

export class SearchTimeout extends Error {
  constructor(ms: number) {
    super(`检索超过 ${ms >= 1000 ? `${Math.round(ms / 1000)} 秒` : `${ms} 毫秒`}仍未完成,请稍后再试`);
    this.name = "SearchTimeout";
  }
}

export interface SearchPoolOptions {
  /** Worker threads (at least 1). */
  size: number;
  /** Time bound per job, from submission. */
  timeoutMs: number;
  /** Starts one worker (injected: the server bundles the worker file, tests run it through tsx). */
  spawn: () => Worker;
}

type Job = DistributiveOmit<SearchJob, "id">;
type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

interface Pending {
  id: number;
  job: Job;
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
  slot: Slot | null;
}

interface Slot {
  worker: Worker | null;
  current: Pending | null;
}

export interface SearchPool {
  run(job: Job): Promise<unknown>;
  /** Jobs waiting for a worker, and running. */
  readonly waiting: number;
  readonly running: number;
  /** Workers terminated because a job ran past its bound (or crashed), since the start. */
  readonly replaced: number;
  close(): Promise<void>;
}

export function createSearchPool(options: SearchPoolOptions): SearchPool {
  const slots: Slot[] = Array.from({ length: Math.max(1, options.size) }, () => ({ worker: null, current: null }));
  const queue: Pending[] = [];
  let nextId = 1;
  let replaced = 0;
  let closed = false;

  function start(slot: Slot): Worker {
    const worker = options.spawn();
    // Idle workers never keep a command-line process (or a test) alive.
    worker.unref();
    worker.on("message", (reply: SearchReply) => {
      const p = slot.current;
      if (!p || p.id !== reply.id) return;
      finish(slot, p);
      if (reply.ok) p.resolve(reply.value);
      else p.reject(rebuild(reply.error));
    });
    const lost = (why: string) => {
      if (slot.worker !== worker) return;
      slot.worker = null;
      const p = slot.current;
      if (p) {
        replaced++;
        finish(slot, p);
        p.reject(new Error(`search worker ${why}`));
      }
      dispatch();
    };
    worker.on("error", (err) => lost(`failed: ${err.message}`));
    worker.on("exit", (code) => lost(`exited (code ${code})`));
    return worker;
  }

  function finish(slot: Slot, p: Pending) {
    clearTimeout(p.timer);
    slot.current = null;
    p.slot = null;
    // Asynchronously: the next job must not run inside this one's resolution.
    queueMicrotask(dispatch);
  }

  function dispatch() {
    for (const slot of slots) {
      if (closed || queue.length === 0) return;
      if (slot.current) continue;
      const p = queue.shift()!;
      slot.worker ??= start(slot);
      slot.current = p;
      p.slot = slot;
      slot.worker.postMessage({ ...p.job, id: p.id } satisfies SearchJob);
    }
  }

  function timeout(p: Pending) {
    const slot = p.slot;
    if (slot) {
      // Abandon the worker with its job: terminate it (a native statement ends when it next
      // returns to JavaScript) and let the next job start a fresh one.
      const worker = slot.worker;
      slot.worker = null;
      slot.current = null;
      p.slot = null;
      replaced++;
      void worker?.terminate();
      queueMicrotask(dispatch);
    } else {
      const i = queue.indexOf(p);
      if (i >= 0) queue.splice(i, 1);
    }
    p.reject(new SearchTimeout(options.timeoutMs));
  }

  return {
    run(job) {
      if (closed) return Promise.reject(new Error("search pool closed"));
      return new Promise((resolve, reject) => {
        const p: Pending = { id: nextId++, job, resolve, reject, slot: null, timer: undefined as unknown as NodeJS.Timeout };
        p.timer = setTimeout(() => timeout(p), options.timeoutMs);
        queue.push(p);
        dispatch();
      });
    },
    get waiting() {
      return queue.length;
    },
    get running() {
      return slots.filter((s) => s.current).length;
    },
    get replaced() {
      return replaced;
    },
    async close() {
      closed = true;
      for (const p of queue.splice(0)) {
        clearTimeout(p.timer);
        p.reject(new Error("search pool closed"));
      }
      await Promise.all(slots.map(async (s) => {
        const w = s.worker;
        s.worker = null;
        if (s.current) {
          clearTimeout(s.current.timer);
          s.current.reject(new Error("search pool closed"));
          s.current = null;
        }
        await w?.terminate();
      }));
    },
  };
}

/** The worker's error as the caller would have seen it in-process (a RangeError stays one: a 400, not a 500). */
function rebuild(e: { name: string; message: string }): Error {
  const err = e.name === "RangeError" ? new RangeError(e.message) : e.name === "TypeError" ? new TypeError(e.message) : new Error(e.message);
  if (err.name !== e.name) err.name = e.name;
  return err;
}
