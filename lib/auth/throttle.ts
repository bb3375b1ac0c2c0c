/**
 * The sign-in throttle, kept in the database so every server process counts the same failures.
 * Two counters per attempt: the account (by email, existing or not, so the answer does not reveal
 * which emails exist) and the client's IP address. A few free tries, then a wait that doubles with
 * each further failure, up to an hour; a success clears the account's counter. Failures older
 * than a day are forgotten.
 */
import "server-only";
import { clearThrottle, readThrottles, writeThrottle, type ThrottleRow } from "@/lib/db/users";

interface Policy {
  /** Failures before the first wait. */
  free: number;
  /** The first wait; each further failure doubles it. */
  baseMs: number;
  maxMs: number;
}

/** An account: five tries, then 30 s, 1 min, 2 min … 1 h. */
export const ACCOUNT_POLICY: Policy = { free: 5, baseMs: 30_000, maxMs: 60 * 60_000 };
/** An address: more tries (a newsroom shares one address behind its router), same growth. */
export const IP_POLICY: Policy = { free: 20, baseMs: 30_000, maxMs: 60 * 60_000 };
const FORGET_MS = 24 * 60 * 60_000;

/** How long to wait after `failures` failures (0 while tries are free). Pure. */
export function waitAfter(failures: number, policy: Policy): number {
  if (failures < policy.free) return 0;
  return Math.min(policy.maxMs, policy.baseMs * 2 ** (failures - policy.free));
}

export function throttleKeys(email: string, ip: string | null): { account: string; ip: string | null } {
  return { account: `account:${email}`, ip: ip ? `ip:${ip}` : null };
}

/** Milliseconds until a sign-in may be tried for these keys (0: now). */
export async function throttledFor(keys: { account: string; ip: string | null }, now = new Date()): Promise<number> {
  const rows = await readThrottles([keys.account, ...(keys.ip ? [keys.ip] : [])]);
  let wait = 0;
  for (const r of rows) if (r.lockedUntil) wait = Math.max(wait, r.lockedUntil.getTime() - now.getTime());
  return Math.max(0, wait);
}

/** Counts a failed sign-in against both keys. */
export async function recordFailure(keys: { account: string; ip: string | null }, now = new Date()): Promise<void> {
  const wanted: [string, Policy][] = [[keys.account, ACCOUNT_POLICY], ...(keys.ip ? ([[keys.ip, IP_POLICY]] as [string, Policy][]) : [])];
  const rows = new Map((await readThrottles(wanted.map(([k]) => k))).map((r) => [r.key, r]));
  for (const [key, policy] of wanted) {
    const prev = rows.get(key);
    const fresh = prev && now.getTime() - prev.lastFailureAt.getTime() < FORGET_MS;
    const failures = (fresh ? prev.failures : 0) + 1;
    const wait = waitAfter(failures, policy);
    const row: ThrottleRow = { key, failures, lastFailureAt: now, lockedUntil: wait > 0 ? new Date(now.getTime() + wait) : null };
    await writeThrottle(row);
  }
}

/** A sign-in succeeded: the account's count is cleared, and the attempt is taken off the address's. */
export async function recordSuccess(keys: { account: string; ip: string | null }): Promise<void> {
  await clearThrottle(keys.account);
  if (!keys.ip) return;
  const [row] = await readThrottles([keys.ip]);
  if (!row) return;
  const failures = Math.max(0, row.failures - 1);
  await writeThrottle({ ...row, failures, lockedUntil: waitAfter(failures, IP_POLICY) > 0 ? row.lockedUntil : null });
}

/**
 * Serialises the throttle's read-check-count within this process, so simultaneous guesses are
 * each counted (a guess is counted before its password is checked). Across processes the counts
 * are in the database, each process adding its own.
 */
let queue: Promise<unknown> = Promise.resolve();
export function withThrottleLock<T>(fn: () => Promise<T>): Promise<T> {
  const run = queue.then(fn, fn);
  queue = run.catch(() => undefined);
  return run;
}

/** "3 分钟" / "45 秒": a wait as the sign-in page says it. */
export function formatWait(ms: number): string {
  const s = Math.ceil(ms / 1000);
  if (s < 60) return `${s} 秒`;
  const m = Math.ceil(s / 60);
  return `${m} 分钟`;
}
