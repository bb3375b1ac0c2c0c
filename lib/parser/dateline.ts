import { DATELINE, MONTH_DAY, YEAR_MENTION } from "./rules";

const pad = (n: number) => String(n).padStart(2, "0");

/** The month/day of an article's dateline lead ("本报讯(…)4月1日,…"), or null ("4月上旬"). */
export function datelineMonthDay(lead: string): { month: number; day: number } | null {
  const m = DATELINE.exec(lead);
  if (!m) return null;
  // The date normally follows the bracket at once, but a quote or a sentence may come first.
  const rest = lead.slice(m[0].length, m[0].length + 120);
  const d = MONTH_DAY.exec(rest);
  if (!d) return null;
  const month = Number(d[1]);
  const day = Number(d[2]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return { month, day };
}

/** Resolves a month/day against the issue date: a dateline after the issue's day is last year's. */
export function resolveYear(md: { month: number; day: number }, issueDate: string): string {
  const [y, m, d] = issueDate.split("-").map(Number) as [number, number, number];
  const year = md.month > m || (md.month === m && md.day > d) ? y - 1 : y;
  return `${year}-${pad(md.month)}-${pad(md.day)}`;
}

/** The year the page talks about most ("2026年" × 5 beats "2025年" × 2); ties go to the later. */
export function dominantYear(text: string): number | null {
  const counts = new Map<number, number>();
  for (const m of text.matchAll(YEAR_MENTION)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  let best: number | null = null;
  let bestN = 0;
  for (const [y, n] of counts) if (n > bestN || (n === bestN && best !== null && y > best)) [best, bestN] = [y, n];
  return best;
}

/** The latest year the text mentions. */
function latestYear(text: string): number | null {
  let best: number | null = null;
  for (const m of text.matchAll(YEAR_MENTION)) best = Math.max(best ?? 0, Number(m[1]));
  return best;
}

/**
 * Infers the issue date: the day after the latest dateline, in the year the text talks about most.
 * Datelines in both December and January straddle a new year: January takes the latest year the
 * text mentions and December the year before.
 */
export function inferIssueDate(mds: { month: number; day: number }[], text: string): string | null {
  if (mds.length === 0) return null;
  const straddles = mds.some((x) => x.month === 12) && mds.some((x) => x.month === 1);
  const year = (straddles ? latestYear(text) : dominantYear(text)) ?? new Date().getUTCFullYear();
  const dated = mds.map((x) => Date.UTC(straddles && x.month === 12 ? year - 1 : year, x.month - 1, x.day));
  const next = new Date(Math.max(...dated) + 86_400_000);
  return `${next.getUTCFullYear()}-${pad(next.getUTCMonth() + 1)}-${pad(next.getUTCDate())}`;
}
