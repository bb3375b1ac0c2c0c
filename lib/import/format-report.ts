/**
 * The terminal summary of an import: a table (per page, or per issue for large runs), the notes,
 * and a totals line. Column widths count CJK characters as two cells, as terminals draw them.
 */
import type { ImportReport } from "./report";

/** Above this many pages the table shows one row per issue instead of one per page. */
export const PAGE_ROWS_LIMIT = 60;

/** Terminal cells `text` takes: East Asian wide and fullwidth characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x20000 && c <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

function pad(text: string, width: number, right = false): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
}

/** Renders rows as an aligned table; `numeric` columns are right-aligned. */
export function formatTable(header: string[], rows: string[][], numeric: ReadonlySet<number> = new Set()): string {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ""))));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i]!, numeric.has(i))).join("  ").trimEnd();
  return [line(header), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** The whole summary printed after a successful import. */
export function formatSummary(report: ImportReport): string {
  const parts: string[] = [];
  if (report.pages.length <= PAGE_ROWS_LIMIT) {
    const rows = report.pages.map((p) => [
      p.date,
      String(p.page),
      p.name ?? "",
      String(p.articles),
      String(p.warnings),
      p.outcome + (p.correction ? ` (correction ${p.correction})` : ""),
      p.file,
    ]);
    parts.push(formatTable(["issue", "page", "name", "articles", "warnings", "result", "file"], rows, new Set([1, 3, 4])));
  } else {
    const rows = report.issues.map((issue) => {
      const pages = report.pages.filter((p) => p.date === issue.date);
      const outcomes = new Map<string, number>();
      for (const p of pages) outcomes.set(p.outcome, (outcomes.get(p.outcome) ?? 0) + 1);
      return [
        issue.date,
        String(pages.length),
        String(pages.reduce((n, p) => n + p.articles, 0)),
        String(pages.reduce((n, p) => n + p.warnings, 0)),
        [...outcomes].map(([o, n]) => `${n} ${o}`).join(", "),
      ];
    });
    parts.push(formatTable(["issue", "pages", "articles", "warnings", "result"], rows, new Set([1, 2, 3])));
  }
  if (report.notes.length) parts.push(report.notes.map((n) => `note: ${n}`).join("\n"));
  const { totals, timings } = report;
  const outcomes = Object.entries(totals.outcomes)
    .filter(([, n]) => n > 0)
    .map(([o, n]) => `${n} ${o}`)
    .join(", ");
  const published = report.issues.filter((i) => i.published).map((i) => i.date);
  parts.push(
    [
      `${plural(totals.files, "page")} (${outcomes}) in ${plural(report.issues.length, "issue")}: ` +
        `${plural(totals.articles, "article")}, ${plural(totals.warnings, "warning")}, ${(timings.totalMs / 1000).toFixed(2)} s.`,
      report.changed ? "" : "Nothing changed: the database already held these pages.",
      published.length ? `Published ${published.join(", ")}.` : "",
    ]
      .filter(Boolean)
      .join("\n"),
  );
  return parts.join("\n\n");
}
