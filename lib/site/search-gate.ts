/**
 * Load shedding for search. Searches that miss the cache run in worker threads (lib/db/search-pool.ts),
 * so they no longer hold the thread that answers every other page; but searches arriving faster
 * than the workers answer still queue. Past a bound of searches waiting for or running in a
 * worker, a new one is refused at once (503 with Retry-After) instead of joining a queue its reader
 * would time out in; and a reader whose search has not been answered within a wait bound gets the
 * same answer rather than a spinner — the search goes on, and its result is cached for the retry.
 * The bound counts the workers' backlog, not requests: a search the cache answers costs no worker
 * time and is only refused when the workers are swamped. Pure bookkeeping; the routes decide what
 * to answer.
 */
import { searchBacklog } from "@/lib/db/search";

/**
 * Searches waiting for or running in a worker past which a new one is refused: at 5–10 ms a
 * search, 64 queued on one worker is a wait of half a second.
 */
export const SEARCH_QUEUE_LIMIT = 64;
/** How long a reader waits for a search before being asked to retry. */
export const SEARCH_WAIT_MS = 3000;
/** Seconds a refused reader is asked to wait. */
export const SEARCH_RETRY_AFTER = 2;

export class SearchBusy extends Error {
  /** "busy": refused at the door; "slow": not answered within the wait bound. */
  readonly reason: "busy" | "slow";
  constructor(reason: "busy" | "slow" = "busy") {
    super(reason === "busy" ? "检索繁忙,请稍后再试" : "检索用时过长,请稍后再试");
    this.reason = reason;
  }
}

/**
 * `backlog` says how many searches the workers have (waiting and running); without it (searches
 * on the server's own thread) the gate counts the searches it let in and that have not ended.
 */
export function createSearchGate(limit = SEARCH_QUEUE_LIMIT, waitMs = SEARCH_WAIT_MS, backlog?: () => number | null) {
  let inFlight = 0;
  return {
    get inFlight() {
      return inFlight;
    },
    /**
     * Runs `search` unless `limit` searches are in progress already (then throws SearchBusy
     * "busy"); throws SearchBusy "slow" when it takes longer than the wait bound. A search
     * answered late still counts as in progress until it ends.
     */
    async run<T>(search: () => Promise<T>): Promise<T> {
      if ((backlog?.() ?? inFlight) >= limit) throw new SearchBusy("busy");
      inFlight++;
      const work = search().finally(() => inFlight--);
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new SearchBusy("slow")), waitMs);
      });
      // The late search's own failure, if any, is not this reader's any more.
      work.catch(() => {});
      try {
        return await Promise.race([work, late]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

const g = globalThis as unknown as { searchGate?: ReturnType<typeof createSearchGate> };
/** The process's gate, shared by the search page and the search API. */
export const searchGate = (g.searchGate ??= createSearchGate(SEARCH_QUEUE_LIMIT, SEARCH_WAIT_MS, searchBacklog));
