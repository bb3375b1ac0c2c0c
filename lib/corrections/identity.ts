/**
 * Which article is which across edits, so public article ids stay stable: editing a title must
 * not break its links, and where an edit splits or merges articles the old address must redirect
 * (301) to where its text went. Pure; works on any two parses of the same lines (before and after
 * `applyEdits`, or an old and a new parse), since it compares source lines only.
 */
import type { ParsedArticle, ParsedPage } from "@/lib/parser/types";
import { anchorLine } from "./apply";

export interface ArticleIdentity {
  /**
   * For each article after (same index), the index of the article before that it continues, or
   * null for a new article (split off, or made from an orphan): it needs a new id.
   */
  continues: (number | null)[];
  /** Articles before that no article after continues (merged away, or all lines moved out). */
  gone: GoneArticle[];
}

export interface GoneArticle {
  before: number;
  /** Where to redirect its address: the article after holding its first line, else most of its lines; null if none holds any. */
  redirectTo: number | null;
  /** Every article after holding some of its lines, most lines first (ties: page order). */
  linesWent: { article: number; lines: number }[];
}

const linesOf = (a: ParsedArticle) => [...a.headLines, ...a.blocks.flatMap((b) => b.sourceLines)];

/**
 * An article after continues the article before whose anchor line (first head line, or first
 * block line if it has no head) it holds — by preference the one whose anchor is its own anchor
 * too; a retitled article keeps its head lines, so it keeps its identity. When it holds several
 * anchors (a merge) it continues that one, else the earliest; the others are gone and redirect to
 * it.
 */
export function articleIdentity(before: ParsedPage, after: ParsedPage): ArticleIdentity {
  const owner = new Map<number, number>();
  after.articles.forEach((a, i) => {
    for (const n of linesOf(a)) owner.set(n, i);
  });
  const anchorsBefore = before.articles.map(anchorLine);
  const claims: number[][] = after.articles.map(() => []);
  anchorsBefore.forEach((n, b) => {
    const i = n === null ? undefined : owner.get(n);
    if (i !== undefined) claims[i]?.push(b);
  });
  const continues = after.articles.map((a, i) => {
    const own = anchorLine(a);
    const cs = claims[i] ?? [];
    const same = cs.find((b) => anchorsBefore[b] === own);
    if (same !== undefined) return same;
    let best: number | null = null;
    for (const b of cs) if (best === null || (anchorsBefore[b] as number) < (anchorsBefore[best] as number)) best = b;
    return best;
  });
  const kept = new Set(continues.filter((b): b is number => b !== null));
  const gone: GoneArticle[] = [];
  before.articles.forEach((a, b) => {
    if (kept.has(b)) return;
    const counts = new Map<number, number>();
    for (const n of linesOf(a)) {
      const i = owner.get(n);
      if (i !== undefined) counts.set(i, (counts.get(i) ?? 0) + 1);
    }
    const linesWent = [...counts.entries()].map(([article, lines]) => ({ article, lines })).sort((p, q) => q.lines - p.lines || p.article - q.article);
    const anchor = anchorsBefore[b];
    const holder = anchor == null ? undefined : owner.get(anchor);
    gone.push({ before: b, redirectTo: holder ?? linesWent[0]?.article ?? null, linesWent });
  });
  return { continues, gone };
}
