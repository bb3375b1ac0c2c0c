/**
 * What the desk's issue list says about an issue: pages present against the pages expected (and
 * which are missing), warnings still to review, and which issue to prepare next. Pure.
 */
import type { ParsedPage } from "@/lib/parser/types";
import { addDays } from "@/lib/site/china-time";
import { deskWarnings, parseReviewMarks, unreviewed } from "./warnings";

export interface PageFacts {
  number: number;
  parsedJson: string;
  reviewedJson: string;
}

export interface IssueSummaryFacts {
  present: number;
  expected: number;
  /** Page numbers 1…expected (or up to the highest page present) with no page. */
  missing: number[];
  warnings: number;
  unreviewed: number;
}

export function summarizePages(pages: readonly PageFacts[], expected: number): IssueSummaryFacts {
  const have = new Set(pages.map((p) => p.number));
  const upTo = Math.max(expected, ...pages.map((p) => p.number));
  const missing: number[] = [];
  for (let n = 1; n <= upTo; n++) if (!have.has(n)) missing.push(n);
  let warnings = 0;
  let open = 0;
  for (const p of pages) {
    const all = deskWarnings(JSON.parse(p.parsedJson) as ParsedPage);
    warnings += all.length;
    open += unreviewed(all, parseReviewMarks(p.reviewedJson)).length;
  }
  return { present: pages.length, expected: Math.max(expected, upTo), missing, warnings, unreviewed: open };
}

/** "第03、05–08版": page numbers as an editor reads a list of them. */
export function formatPageList(numbers: readonly number[]): string {
  const runs: string[] = [];
  const two = (n: number) => String(n).padStart(2, "0");
  for (let i = 0; i < numbers.length; ) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++;
    runs.push(j > i ? `${two(numbers[i]!)}–${two(numbers[j]!)}` : two(numbers[i]!));
    i = j + 1;
  }
  return runs.length ? `第${runs.join("、")}版` : "";
}

/**
 * The issue to prepare next: the earliest issue from today (China) on that is not published yet;
 * failing that, the day after the newest issue there is (or today, with none).
 */
export function nextIssueDate(issues: readonly { date: string; status: string }[], today: string): string {
  const open = issues.filter((i) => i.status !== "published" && i.date >= today).map((i) => i.date).sort();
  if (open.length) return open[0]!;
  const newest = issues.map((i) => i.date).sort().at(-1);
  if (!newest || newest < today) return today;
  return addDays(newest, 1);
}

export const STATUS_LABELS: Record<string, string> = { draft: "草稿", scheduled: "已定时", published: "已发布" };
