/** Pure formatting helpers for the reader's site (no database, no React). */

const WEEKDAYS = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];

/** "2026-04-08" → "2026年4月8日 星期三". */
export function formatIssueDate(date: string, withWeekday = true): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  return `${y}年${m}月${d}日${withWeekday ? ` ${weekday}` : ""}`;
}

/** "第01版" style page label. */
export function formatPageNumber(n: number): string {
  return `第${String(n).padStart(2, "0")}版`;
}

export const ROLE_LABELS: Record<string, string> = {
  reporter: "记者",
  correspondent: "通讯员",
  contributor: "作者",
  photographer: "摄影",
  "writer-photographer": "文/图",
};

/** One role word and the people it credits, as a byline prints them: "本报记者 姜小皓 崔维鹏". */
export interface BylineGroup {
  label: string;
  names: string[];
}

/**
 * Bylines grouped as the paper prints them: consecutive people with the same role (and the same
 * printed title, such as 本报记者) under one role word — "文/图 A B C D", not "文/图 A 文/图 B …".
 * A person's `printed` title, where known, is the role word; otherwise the role's label.
 */
export function groupBylines(bylines: readonly { name: string; role: string; printed?: string | null }[]): BylineGroup[] {
  const out: BylineGroup[] = [];
  for (const b of bylines) {
    const label = b.printed || ROLE_LABELS[b.role] || "";
    const last = out.at(-1);
    if (last && last.label === label) {
      if (!last.names.includes(b.name)) last.names.push(b.name);
    } else out.push({ label, names: [b.name] });
  }
  return out;
}

/**
 * A citation in GB/T 7714-2015 form for a newspaper article:
 * 作者. 题名[N]. 报纸名, 出版日期(版次).
 */
export function formatCitation(a: { authors: string[]; title: string; paper: string; date: string; page: number }): string {
  const authors = a.authors.length > 3 ? `${a.authors.slice(0, 3).join(", ")}, 等` : a.authors.join(", ");
  return `${authors ? `${authors}. ` : ""}${a.title}[N]. ${a.paper}, ${a.date}(${a.page}).`;
}

/**
 * A dynamic route segment as text. Next hands non-ASCII segments over percent-encoded; a stray
 * "%" that is not an escape is kept as typed instead of throwing (which would be a 500).
 */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
