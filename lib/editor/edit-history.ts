/**
 * The before and after of every entry of a page's edit log, derived from the log itself: an
 * entry's "before" is the parse with the active edits made before it applied, its "after" the
 * same plus the entry. An undone or discarded entry is shown with what it did (or would do) in
 * that place, so the history reads the same whoever undid what since. Pure.
 */
import { applyEdits, type Edit } from "@/lib/corrections";
import type { ParsedPage } from "@/lib/parser/types";
import { type PageChange, pageChanges } from "./page-diff";
import { paper } from "@/lib/paper";

export interface LogEntry {
  seq: number;
  edit: Edit;
  state: "active" | "undone" | "superseded" | "discarded";
}

/**
 * An edit log grows by a handful of entries a day; past this many, only the newest are diffed
 * (each costs two applications of the log before it).
 */
export const HISTORY_DIFF_LIMIT = 200;

/** Changes per entry (by seq); an entry that changes nothing on the page (a warning marked reviewed) maps to []. */
export function editHistory(original: ParsedPage, rawText: string, log: readonly LogEntry[]): Map<number, PageChange[]> {
  const out = new Map<number, PageChange[]>();
  const sorted = [...log].sort((a, b) => a.seq - b.seq);
  const from = Math.max(0, sorted.length - HISTORY_DIFF_LIMIT);
  const activeBefore: Edit[] = sorted.slice(0, from).filter((e) => e.state === "active").map((e) => e.edit);
  let current = applyEdits(original, rawText, activeBefore, paper.profile).page;
  for (const entry of sorted.slice(from)) {
    const withIt = [...activeBefore, entry.edit];
    const applied = applyEdits(original, rawText, withIt, paper.profile);
    // A stale entry changed nothing: its outcome says why.
    const changed = applied.outcomes[applied.outcomes.length - 1]?.status === "applied" ? applied.page : current;
    out.set(entry.seq, pageChanges(rawText, current, changed));
    if (entry.state === "active") {
      activeBefore.push(entry.edit);
      current = applied.page;
    }
  }
  return out;
}

/** The entries of a history that touched the article anchored at `line` (before or after the change). */
export function touchesArticle(changes: readonly PageChange[], line: number, lines: ReadonlySet<number>): boolean {
  return changes.some((c) => {
    switch (c.kind) {
      case "field":
      case "paragraphs":
      case "article-new":
        return c.article.line === line;
      case "article-gone":
        return c.article.line === line || c.into?.line === line;
      case "lines":
        return c.lines.some((n) => lines.has(n));
    }
  });
}
