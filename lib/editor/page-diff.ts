/**
 * What one correction changed on a page, as before/after pairs an editor can read: an article's
 * fields, where a line went (its role and its article), how lines were grouped into paragraphs,
 * articles made and gone. Computed from the two effective pages (before and after the change), so
 * it covers every operation alike, and derived from the edit log rather than stored with it. Pure.
 */
import { anchorLine, articleIdentity } from "@/lib/corrections";
import { CATEGORY_LABELS } from "@/lib/parser/category";
import type { ParsedArticle, ParsedPage } from "@/lib/parser/types";
import { ROLE_LABELS as BYLINE_ROLES } from "@/lib/site/format";
import { type LineRole, lineRoles, ROLE_LABELS } from "./line-roles";

export const FIELD_NAMES = {
  label: "栏目",
  kicker: "引题",
  title: "标题",
  subtitle: "副题",
  bylines: "署名",
  category: "分类",
  departments: "部门",
} as const;

export type FieldName = keyof typeof FIELD_NAMES;

/** An article as a change names it: its anchor line (what edits address it by) and its title then. */
export interface ArticleName {
  line: number | null;
  title: string;
}

export type PageChange =
  | { kind: "field"; article: ArticleName; field: FieldName; before: string; after: string }
  /** Lines whose role or article changed (consecutive lines with the same change together). */
  | { kind: "lines"; lines: number[]; excerpt: string; before: string; after: string }
  /** The same lines of an article grouped into a different number of paragraphs (a join undone, two blocks joined). */
  | { kind: "paragraphs"; article: ArticleName; lines: number[]; before: number; after: number }
  | { kind: "article-new"; article: ArticleName }
  | { kind: "article-gone"; article: ArticleName; into: ArticleName | null };

const HEAD_ROLES = new Set<LineRole>(["label", "kicker", "title", "subtitle", "byline", "head"]);

const nameOf = (a: ParsedArticle): ArticleName => ({ line: anchorLine(a), title: a.title || "(无标题)" });

function fieldText(a: ParsedArticle, field: FieldName): string {
  switch (field) {
    case "bylines":
      return a.bylines.map((b) => `${BYLINE_ROLES[b.role] ?? b.role} ${b.name}`).join("、");
    case "category":
      return CATEGORY_LABELS[a.category] ?? a.category;
    case "departments":
      return a.departments.join("、");
    default:
      return a[field] ?? "";
  }
}

const EXCERPT_CHARS = 16;
function excerpt(text: string): string {
  const chars = [...text.trim()];
  return chars.length > EXCERPT_CHARS ? `${chars.slice(0, EXCERPT_CHARS).join("")}…` : chars.join("");
}

export function pageChanges(rawText: string, before: ParsedPage, after: ParsedPage): PageChange[] {
  const out: PageChange[] = [];
  const identity = articleIdentity(before, after);
  const linesBefore = lineRoles(rawText, before);
  const linesAfter = lineRoles(rawText, after);

  // Articles: fields of each one that continues, then new ones and gone ones.
  after.articles.forEach((a, i) => {
    const b = identity.continues[i];
    if (b === null || b === undefined) {
      out.push({ kind: "article-new", article: nameOf(a) });
      return;
    }
    const old = before.articles[b] as ParsedArticle;
    for (const field of Object.keys(FIELD_NAMES) as FieldName[]) {
      const was = fieldText(old, field);
      const now = fieldText(a, field);
      if (was !== now) out.push({ kind: "field", article: nameOf(a), field, before: was, after: now });
    }
  });
  for (const g of identity.gone) {
    const into = g.redirectTo === null ? null : (after.articles[g.redirectTo] ?? null);
    out.push({ kind: "article-gone", article: nameOf(before.articles[g.before] as ParsedArticle), into: into ? nameOf(into) : null });
  }

  // Lines: where each one stands. The same article means the article after continues the one
  // before. Head lines are matched to fields by their text, so a retitled line may read as an
  // unnamed head line: within one article's head that is not a change of its own.
  const place = (role: LineRole, article: number | null, page: ParsedPage) =>
    `${ROLE_LABELS[role]}${article === null ? "" : `(《${page.articles[article]?.title || "无标题"}》)`}`;
  let run: Extract<PageChange, { kind: "lines" }> | null = null;
  // Blank lines between two moved paragraphs do not split the run.
  let previous = 0;
  for (let k = 0; k < linesAfter.length; k++) {
    const was = linesBefore[k];
    const now = linesAfter[k];
    if (!was || !now || now.role === "blank") continue;
    const prev = previous;
    previous = now.no;
    const sameArticle = now.article === null ? was.article === null : identity.continues[now.article] === was.article && was.article !== null;
    const sameRole = was.role === now.role || (HEAD_ROLES.has(was.role) && HEAD_ROLES.has(now.role) && (was.role === "head" || now.role === "head"));
    if (sameArticle && sameRole) {
      run = null;
      continue;
    }
    const from = place(was.role, was.article, before);
    const to = place(now.role, now.article, after);
    if (run && run.before === from && run.after === to && run.lines[run.lines.length - 1] === prev) {
      run.lines.push(now.no);
    } else {
      run = { kind: "lines", lines: [now.no], excerpt: excerpt(now.text), before: from, after: to };
      out.push(run);
    }
  }

  // Paragraphs: within an article that continues, lines that stayed in it but are grouped
  // differently (a joined paragraph split apart, two blocks joined).
  after.articles.forEach((a, i) => {
    const b = identity.continues[i];
    if (b === null || b === undefined) return;
    const old = before.articles[b] as ParsedArticle;
    const mine = (x: ParsedArticle) => new Set(x.blocks.flatMap((bl) => bl.sourceLines));
    const both = mine(old);
    const kept = [...mine(a)].filter((n) => both.has(n));
    const keep = new Set(kept);
    const groups = (x: ParsedArticle) => x.blocks.map((bl) => bl.sourceLines.filter((n) => keep.has(n))).filter((g) => g.length > 0);
    const key = (g: number[]) => g.join(",");
    const was = groups(old);
    const now = groups(a);
    const nowKeys = new Set(now.map(key));
    const wasKeys = new Set(was.map(key));
    const wasOnly = was.filter((g) => !nowKeys.has(key(g)));
    const nowOnly = now.filter((g) => !wasKeys.has(key(g)));
    if (wasOnly.length === 0 && nowOnly.length === 0) return;
    const lines = [...new Set([...wasOnly.flat(), ...nowOnly.flat()])].sort((p, q) => p - q);
    out.push({ kind: "paragraphs", article: nameOf(a), lines, before: wasOnly.length, after: nowOnly.length });
  });
  return out;
}

/** Line numbers as editors say them: "第12行", "第12–14行", "第3、7行". */
export function lineSpan(lines: readonly number[]): string {
  if (lines.length === 0) return "";
  const first = lines[0] as number;
  const last = lines[lines.length - 1] as number;
  const consecutive = lines.every((n, i) => n === first + i);
  if (lines.length > 2 && consecutive) return `第${first}–${last}行`;
  return `第${lines.join("、")}行`;
}

const quoted = (a: ArticleName) => `《${a.title}》`;
const shown = (s: string) => (s === "" ? "(无)" : s);

/** One change as a sentence with its before and after. */
export function describeChange(c: PageChange): { what: string; before: string; after: string } {
  switch (c.kind) {
    case "field":
      return { what: `${quoted(c.article)}的${FIELD_NAMES[c.field]}`, before: shown(c.before), after: shown(c.after) };
    case "lines":
      return { what: `${lineSpan(c.lines)}“${c.excerpt}”`, before: c.before, after: c.after };
    case "paragraphs":
      return { what: `${quoted(c.article)}${lineSpan(c.lines)}的分段`, before: `${c.before}段`, after: `${c.after}段` };
    case "article-new":
      return { what: `新稿件${quoted(c.article)}`, before: "(无)", after: c.article.line ? `从第${c.article.line}行起` : "新建" };
    case "article-gone":
      return { what: `稿件${quoted(c.article)}`, before: "单独成篇", after: c.into ? `并入${quoted(c.into)}` : "不再成篇" };
  }
}
