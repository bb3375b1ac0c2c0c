/**
 * Dates: the month/day a dateline lead gives ("本报讯(…)4月1日,…"), the year it resolves to against
 * the issue date, and the issue date inferred from the datelines when the caller gives none.
 */
import { readDatelineHead } from "./bylines";
import { DATE_AFTER, digitsValue, HEAD_DATE, LEAD_DATE, LEAD_DATE_WINDOW, opensUndated } from "./rules";

export interface MonthDay {
  /** Null for a day printed alone ("3日上午"): the issue's month, or the month before it. */
  month: number | null;
  day: number;
  /** A year printed with the date ("2025年12月25日"), else null. */
  year: number | null;
}

/** What may come right before a dateline's date: the end of a quote, a sentence or "……". */
const CLAUSE_BREAK = new Set([..."\u3002\uff01\uff1f!?\u201d\u2019\u2026\uff09) \u3000\uff0c,"].map((c) => c.charCodeAt(0)));
const pad = (n: number) => String(n).padStart(2, "0");

/** Days in a month (February of a leap year has 29). */
function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** A month (or null) and day read from digits, or null when they are no calendar day. */
function monthDay(month: string | undefined, day: string, year: number | null): MonthDay | null {
  const m = month === undefined ? null : digitsValue(month);
  const d = digitsValue(day);
  if ((m !== null && (m < 1 || m > 12)) || d < 1 || d > 31) return null;
  return { month: m, day: d, year };
}

/**
 * The month/day of an article's dateline, or null: no dateline, no date near its start, or a
 * vague one ("4月上旬", "12月底", "近日"). A date printed in the dateline itself ("本报德州12月3日讯",
 * "新华社北京12月3日电") is the dateline's. Otherwise it is the date that opens the lead — normally
 * at once, but a quote or a short scene may come first ("“……太方便了!”12月22日,…"), or "记者"
 * ("记者3日从…获悉"); a day alone ("3日上午,…") is in the issue's month.
 */
export function datelineMonthDay(lead: string): MonthDay | null {
  const head = readDatelineHead(lead);
  if (!head) return null;
  const printed = HEAD_DATE.exec(head.head);
  if (printed) return monthDay(printed[1], printed[2] ?? "", null);
  let from = head.end;
  while (from < lead.length && (lead.charCodeAt(from) === 32 || lead.charCodeAt(from) === 0x3000)) from++;
  const rest = lead.slice(from, from + LEAD_DATE_WINDOW);
  if (opensUndated(rest)) return null;
  // An exec loop rather than matchAll, which copies the regex on every call.
  LEAD_DATE.lastIndex = 0;
  for (let d = LEAD_DATE.exec(rest); d; d = LEAD_DATE.exec(rest)) {
    // Only a date that opens a clause is the dateline's ("今年3月1日" in passing is not).
    const at = d.index;
    if (at > 0 && !CLAUSE_BREAK.has(rest.charCodeAt(at - 1)) && !(at === 2 && DATE_AFTER.test(rest.slice(0, 2)))) continue;
    if (d[5] !== undefined) return monthDay(undefined, d[5], null);
    if (d[3] === undefined) return null;
    return monthDay(d[2], d[3], d[1] ? Number(d[1]) : null);
  }
  return null;
}

/**
 * Resolves a month/day against the issue date: a dateline later in the year than the issue's day
 * is last year's (a 12月30日 dateline in a 1月2日 issue is the previous December). A day alone is
 * in the issue's month, or in the month before when it is after the issue's day ("28日" in a
 * 12月4日 issue is 11月28日; in a 1月2日 issue, last December's).
 */
export function resolveYear(md: MonthDay, issueDate: string): string | null {
  const [y, m, d] = issueParts(issueDate);
  let year: number;
  let month: number;
  if (md.month === null) {
    const before = md.day > d;
    month = before ? (m === 1 ? 12 : m - 1) : m;
    year = md.year ?? (before && m === 1 ? y - 1 : y);
  } else {
    month = md.month;
    year = md.year ?? (md.month > m || (md.month === m && md.day > d) ? y - 1 : y);
  }
  if (md.day > daysIn(year, month)) return null;
  return `${year}-${pad(month)}-${pad(md.day)}`;
}

// The issue date is the same for every article of a page: parse it once.
let lastIssue = "";
let lastParts: [number, number, number] = [0, 0, 0];
const ISSUE_DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
function issueParts(issueDate: string): [number, number, number] {
  if (issueDate !== lastIssue) {
    // Always YYYY-MM-DD in practice: read the three fields in place (splitting is the slow way).
    lastParts = ISSUE_DATE_SHAPE.test(issueDate)
      ? [Number(issueDate.slice(0, 4)), Number(issueDate.slice(5, 7)), Number(issueDate.slice(8, 10))]
      : (issueDate.split("-").map(Number) as [number, number, number]);
    lastIssue = issueDate;
  }
  return lastParts;
}

/** How often each year is mentioned in the text ("2026年"). */
function yearCounts(text: string): Map<number, number> {
  const counts = new Map<number, number>();
  // A native search for 年, then a look at the four characters before it: no regex over the page.
  for (let at = text.indexOf("年", 4); at >= 0; at = text.indexOf("年", at + 1)) {
    let p = at - 1;
    while (p >= 0 && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 0x3000)) p--;
    if (p < 3) continue;
    // The four characters are a year as YEAR_DIGITS has it (19xx or 20xx, ASCII digits), read by hand.
    const c0 = text.charCodeAt(p - 3);
    const c1 = text.charCodeAt(p - 2);
    const c2 = text.charCodeAt(p - 1);
    const c3 = text.charCodeAt(p);
    if (!((c0 === 0x31 && c1 === 0x39) || (c0 === 0x32 && c1 === 0x30)) || !isAsciiDigit(c2) || !isAsciiDigit(c3)) continue;
    if (p >= 4 && isAsciiDigit(text.charCodeAt(p - 4))) continue;
    const y = (c0 - 48) * 1000 + (c1 - 48) * 100 + (c2 - 48) * 10 + (c3 - 48);
    counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  return counts;
}
const isAsciiDigit = (c: number) => c >= 48 && c <= 57;

/**
 * Infers the issue date: the day after the latest dateline. The year comes from the text: a year
 * printed in a dateline, else the year the page mentions most (ties to the later). Datelines that
 * straddle a new year (December and January on one page) put the early months in the later year,
 * which is then the latest year the page mentions.
 */
export function inferIssueDate(all: readonly MonthDay[], text: string): string | null {
  // A day alone names no month, so it says nothing about when the issue came out.
  const mds = all.filter((x): x is MonthDay & { month: number } => x.month !== null);
  if (mds.length === 0) return null;
  const months = mds.map((x) => x.month);
  const straddles = Math.max(...months) - Math.min(...months) > 6;
  const counts = yearCounts(text);
  let year: number | null = null;
  const printed = mds.find((x) => x.year !== null);
  if (printed && printed.year !== null) {
    year = straddles && printed.month > 6 ? printed.year + 1 : printed.year;
  } else if (counts.size > 0) {
    const years = [...counts.keys()];
    if (straddles) year = Math.max(...years);
    else {
      let best = years[0] as number;
      for (const y of years) {
        const n = counts.get(y) ?? 0;
        const b = counts.get(best) ?? 0;
        if (n > b || (n === b && y > best)) best = y;
      }
      year = best;
      // A January/February page looks back on last year a lot; a mention of the new year wins.
      const latest = Math.max(...years);
      if (latest === best + 1 && Math.max(...months) <= 2) year = latest;
    }
  }
  if (year === null) return null;
  let latest = -Infinity;
  for (const x of mds) {
    const y = straddles && x.month > 6 ? year - 1 : year;
    if (x.day > daysIn(y, x.month)) continue;
    latest = Math.max(latest, Date.UTC(y, x.month - 1, x.day));
  }
  if (!Number.isFinite(latest)) return null;
  const next = new Date(latest + 86_400_000);
  return `${next.getUTCFullYear()}-${pad(next.getUTCMonth() + 1)}-${pad(next.getUTCDate())}`;
}
