/**
 * Times as the newsroom says them: China Standard Time (UTC+8, no daylight saving), whatever the
 * server's time zone. Pure.
 */
const OFFSET_MS = 8 * 60 * 60 * 1000;

/** Today's date in China, YYYY-MM-DD. */
export function chinaDate(now: Date): string {
  return new Date(now.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** "YYYY-MM-DDTHH:MM" in China time (the value of an <input type="datetime-local">). */
export function toChinaLocalInput(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 16);
}

/** Parses "YYYY-MM-DDTHH:MM[:SS]" as China time; null when malformed. */
export function fromChinaLocalInput(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as number[];
  const ms = Date.UTC(y!, mo! - 1, d!, h!, mi!, s ?? 0) - OFFSET_MS;
  const back = new Date(ms + OFFSET_MS);
  if (back.getUTCMonth() !== mo! - 1 || back.getUTCDate() !== d! || h! > 23 || mi! > 59 || (s ?? 0) > 59) return null;
  return new Date(ms);
}

/** 00:00 China time on `date` (YYYY-MM-DD): the usual moment that day's paper goes out. */
export function chinaMidnight(date: string): Date {
  return fromChinaLocalInput(`${date}T00:00`)!;
}

/** "2026年12月4日 00:00" in China time. */
export function formatChinaDateTime(at: Date): string {
  const s = new Date(at.getTime() + OFFSET_MS).toISOString();
  return `${Number(s.slice(0, 4))}年${Number(s.slice(5, 7))}月${Number(s.slice(8, 10))}日 ${s.slice(11, 16)}`;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
