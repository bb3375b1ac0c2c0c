/**
 * What the page tells a reader whose date led to another issue (the date picker, /issues/go); the
 * rule choosing the issue is lib/edition/nearest-issue.ts. Pure.
 */
import { isMissed, type NearestIssue, type NearestKind } from "@/lib/edition/nearest-issue";
import { formatIssueDate } from "@/lib/site/format";

/** "2026年4月5日没有出版报纸": why the asked date has no issue of its own (for a date that is not exact). */
export function noIssueReason(asked: string, kind: Exclude<NearestKind, "exact">): string {
  const day = formatIssueDate(asked, false);
  if (kind === "before-first") return `${day}早于本数字报收录的第一期`;
  if (kind === "after-last") return `${day}的报纸尚未发布`;
  return `${day}没有出版报纸`;
}

/** What the issue's name is among the issues (最近的一期 / 最早的一期 / 最新的一期). */
export function nearestLabel(kind: Exclude<NearestKind, "exact">): string {
  return kind === "before-first" ? "最早的一期" : kind === "after-last" ? "最新的一期" : "最近的一期";
}

/**
 * The note on the issue page a reader was taken to instead of the day asked for:
 * "2026年4月5日没有出版报纸,已为您打开最近的一期:2026年4月8日". Null when the date is the issue's own.
 */
export function openedInsteadNote(asked: string, nearest: NearestIssue): string | null {
  if (!isMissed(nearest)) return null;
  return `${noIssueReason(asked, nearest.kind)},已为您打开${nearestLabel(nearest.kind)}:${formatIssueDate(nearest.date, false)}`;
}

/** The issue page's address for a date asked for: the issue itself, or the nearest with `?asked=` for its note. */
export function nearestIssueHref(asked: string, nearest: NearestIssue): string {
  return nearest.kind === "exact" ? `/issues/${nearest.date}` : `/issues/${nearest.date}?asked=${asked}`;
}
