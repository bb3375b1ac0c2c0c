/**
 * Whole-page correction snapshots from before the edit log (LegacyCorrection, the former
 * Page.corrected) turned into edits: every typed field an editor changed on an article the parse
 * also has (same first line) becomes a set-article edit. What a snapshot changed beyond that
 * (articles split, merged or moved, block text) cannot be told apart from a parser change, so it
 * is listed for an editor to redo, never guessed. Pure.
 */
import type { ParsedArticle, ParsedPage } from "@/lib/parser/types";
import { anchorLine, sourceLines } from "./apply";
import type { ArticleFields, Edit } from "./schema";

const FIELDS = ["label", "kicker", "title", "subtitle", "category", "departments", "bylines"] as const;

const blocksOf = (a: ParsedArticle) => JSON.stringify(a.blocks.map((b) => [b.type, b.text, b.sourceLines]));

export function editsFromSnapshot(parse: ParsedPage, rawText: string, snapshot: ParsedPage): { edits: Edit[]; unconverted: string[] } {
  const lines = sourceLines(rawText);
  const edits: Edit[] = [];
  const unconverted: string[] = [];
  const byAnchor = new Map(parse.articles.map((a) => [anchorLine(a), a]));
  snapshot.articles.forEach((s, i) => {
    const anchor = anchorLine(s);
    const p = anchor === null ? undefined : byAnchor.get(anchor);
    if (!p || anchor === null) {
      unconverted.push(`第${i + 1}篇《${s.title}》在解析结果中没有对应的稿件(拆分、合并或移动过),请在编辑部重做这项更正`);
      return;
    }
    const set: Record<string, unknown> = {};
    for (const f of FIELDS) if (JSON.stringify(s[f]) !== JSON.stringify(p[f])) set[f] = s[f];
    if (Object.keys(set).length) edits.push({ op: "set-article", article: { line: anchor, text: lines[anchor - 1]?.text ?? "" }, set: set as ArticleFields });
    if (blocksOf(s) !== blocksOf(p)) unconverted.push(`第${i + 1}篇《${s.title}》的正文段落有改动,无法自动转为修改,请在编辑部重做`);
  });
  if (snapshot.articles.length !== parse.articles.length) unconverted.push(`快照有 ${snapshot.articles.length} 篇稿件,解析结果有 ${parse.articles.length} 篇`);
  return { edits, unconverted };
}
