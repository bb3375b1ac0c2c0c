/**
 * Where a date leads when a reader asks for it: the issue of that day, or else the nearest
 * published one. Pure: the issues either side of the date come from lib/db/issues.ts
 * (findNearestIssue); the site words the note (lib/site/issue-dates.ts).
 */

/**
 * Why an issue was chosen for a date: it is that day's (`exact`), the nearer of the issues either
 * side of a day without a paper (`between`), or the first or last issue for a day before the
 * first or after the last one.
 */
export type NearestKind = "exact" | "between" | "before-first" | "after-last";

export interface NearestIssue {
  /** The issue the date leads to. */
  date: string;
  kind: NearestKind;
  /** The published issues either side of the asked date, one of them the chosen one (both null when exact: not looked up). */
  prevIssue: string | null;
  nextIssue: string | null;
}

/** A date without an issue of its own, and where it leads instead. */
export type MissedIssue = NearestIssue & { kind: Exclude<NearestKind, "exact"> };

/** Whether the asked date has no issue of its own (so a note or a 404 must say why). */
export const isMissed = (n: NearestIssue): n is MissedIssue => n.kind !== "exact";

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
};

/**
 * The issue a date leads to, from the last issue on or before it and the first on or after it.
 * The rule: the nearer of the two in days; on a tie the earlier one — the paper a reader had in
 * hand that day. Null when there is no issue at all.
 */
export function chooseNearest(asked: string, onOrBefore: string | null, onOrAfter: string | null): NearestIssue | null {
  if (onOrBefore === asked || onOrAfter === asked) {
    return { date: asked, kind: "exact", prevIssue: null, nextIssue: null };
  }
  const around = { prevIssue: onOrBefore, nextIssue: onOrAfter };
  if (onOrBefore === null && onOrAfter === null) return null;
  if (onOrBefore === null) return { date: onOrAfter!, kind: "before-first", ...around };
  if (onOrAfter === null) return { date: onOrBefore, kind: "after-last", ...around };
  const back = dayNumber(asked) - dayNumber(onOrBefore);
  const ahead = dayNumber(onOrAfter) - dayNumber(asked);
  return { date: ahead < back ? onOrAfter : onOrBefore, kind: "between", ...around };
}
