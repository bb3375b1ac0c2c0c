/**
 * Load shedding for search. A search that misses the cache runs its SQL on the server's one
 * JavaScript thread, so searches arriving faster than they are answered queue up — and every
 * other page of the site waits behind them. Past a bound of searches in progress, a new one is
 * refused at once (503 with Retry-After) instead of joining a queue its reader would time out in,
 * so articles and pages stay fast. Pure bookkeeping; the routes decide what to answer.
 */

/** Searches in progress (waiting or running) past which a new one is refused. */
export const SEARCH_QUEUE_LIMIT = 32;
/** Seconds a refused reader is asked to wait. */
export const SEARCH_RETRY_AFTER = 2;

export class SearchBusy extends Error {
  constructor() {
    super("检索繁忙,请稍后再试");
  }
}

export function createSearchGate(limit = SEARCH_QUEUE_LIMIT) {
  let inFlight = 0;
  return {
    get inFlight() {
      return inFlight;
    },
    /** Runs `search` unless `limit` searches are in progress already (then throws SearchBusy). */
    async run<T>(search: () => Promise<T>): Promise<T> {
      if (inFlight >= limit) throw new SearchBusy();
      inFlight++;
      try {
        return await search();
      } finally {
        inFlight--;
      }
    },
  };
}

const g = globalThis as unknown as { searchGate?: ReturnType<typeof createSearchGate> };
/** The process's gate, shared by the search page and the search API. */
export const searchGate = (g.searchGate ??= createSearchGate());
