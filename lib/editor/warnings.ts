/**
 * The warnings an editor reviews on a page: the parser's own (relocated, orphan, start/end
 * missing, inferred date, …) plus one for each block the parser joined across a column break,
 * which it flags on the block but does not list. Each has a stable key (code and lines), so a
 * warning marked reviewed stays reviewed when the same bytes are parsed again. Pure.
 */
import type { ParsedPage, ParseWarning } from "@/lib/parser/types";

export interface DeskWarning extends ParseWarning {
  key: string;
  /** Index of the article the warning is about (for scrolling to its result), when known. */
  article: number | null;
}

export interface ReviewMark {
  key: string;
  by: string;
  at: string;
}

export function warningKey(w: Pick<ParseWarning, "code" | "lines">): string {
  return `${w.code}@${w.lines.join(",")}`;
}

/** Which article holds a source line (head or block), or null. */
function articleOfLine(page: ParsedPage, line: number): number | null {
  for (let i = 0; i < page.articles.length; i++) {
    const a = page.articles[i]!;
    if (a.headLines.includes(line) || a.blocks.some((b) => b.sourceLines.includes(line))) return i;
  }
  return null;
}

export function deskWarnings(page: ParsedPage): DeskWarning[] {
  const out: DeskWarning[] = [];
  const seen = new Set<string>();
  const add = (w: ParseWarning, article: number | null) => {
    const key = warningKey(w);
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ ...w, lines: [...w.lines], key, article });
  };
  for (const w of page.warnings) add(w, w.lines.length ? articleOfLine(page, w.lines[0]!) : null);
  page.articles.forEach((a, i) => {
    for (const b of a.blocks) {
      if (!b.flags?.includes("joined")) continue;
      add(
        {
          code: "joined",
          message: `《${a.title}》第${b.sourceLines.join("、")}行被拼接为一段(跨栏断开的段落),请核对拼接是否正确。`,
          lines: [...b.sourceLines],
        },
        i,
      );
    }
  });
  return out.sort((x, y) => (x.lines[0] ?? 0) - (y.lines[0] ?? 0));
}

/** Parses Page.reviewedWarnings; anything malformed counts as nothing reviewed. */
export function parseReviewMarks(json: string): ReviewMark[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((m): m is ReviewMark => typeof m?.key === "string") : [];
  } catch {
    return [];
  }
}

export function unreviewed(warnings: readonly DeskWarning[], marks: readonly ReviewMark[]): DeskWarning[] {
  const done = new Set(marks.map((m) => m.key));
  return warnings.filter((w) => !done.has(w.key));
}

/** 中文 names of the warning kinds, for the desk's lists. */
export const WARNING_LABELS: Record<string, string> = {
  joined: "段落拼接",
  relocated: "段落移位",
  "start-missing": "开头缺失",
  "end-missing": "结尾缺失",
  orphan: "孤立文字",
  unplaced: "未归入稿件",
  "untitled-lead": "缺少标题",
  "issue-date-inferred": "日期为推断",
  "issue-date-unknown": "日期未知",
  "issue-date-invalid": "日期无效",
  "no-articles": "没有稿件",
  "internal-error": "解析出错",
  "boundary-doubt": "分篇存疑",
};
