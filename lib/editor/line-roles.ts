/**
 * What each raw line of a page became, for the desk's raw-text view: its role (label, kicker,
 * title, subtitle, byline, paragraph, subhead, caption, ad, orphan, page header, blank) and the
 * article it belongs to. The parse records head lines as one list per article, so which head line
 * is the title and which the kicker is found by matching the line's text against the fields. Pure.
 */
import type { ParsedArticle, ParsedPage } from "@/lib/parser/types";
import { ROLE_NAMES } from "@/lib/corrections/role-names";
import { foldLookalikes } from "@/lib/text/fold";

export type LineRole =
  | "label"
  | "kicker"
  | "title"
  | "subtitle"
  | "byline"
  | "head"
  | "paragraph"
  | "subhead"
  | "caption"
  | "ad"
  | "orphan"
  | "header"
  | "blank"
  | "unassigned";

export interface RawLine {
  no: number;
  /** The line as printed (indent kept). */
  text: string;
  role: LineRole;
  /** Index into page.articles, or null. */
  article: number | null;
}

export const ROLE_LABELS: Record<LineRole, string> = {
  ...ROLE_NAMES,
  head: "标题区",
  blank: "空行",
  unassigned: "未归类",
};

/** Lines as the parser numbers them (lib/parser/lines.ts): CRLF, CR and LF each end a line; a final break opens no line. */
export function rawLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

// Compared without layout spaces and with look-alike characters folded as the parser folds its
// input (lib/text/fold.ts): the raw text keeps ⼈ where the parsed title says 人.
const squash = (s: string) => foldLookalikes(s).replace(/[\s\u3000]+/g, "");

function headRole(line: string, a: ParsedArticle): LineRole {
  const t = squash(line).replace(/^[—–-]{1,2}/, "");
  if (!t) return "blank";
  const is = (field: string | null) => !!field && squash(field).replace(/^[—–-]{1,2}/, "") === t;
  const has = (field: string | null) => !!field && (squash(field).includes(t) || t.includes(squash(field)));
  // A line that is exactly one field is that field (a label is often the first words of the title).
  if (is(a.title)) return "title";
  if (is(a.label)) return "label";
  if (is(a.kicker)) return "kicker";
  if (is(a.subtitle)) return "subtitle";
  if (/^[—–-]{2}/.test(squash(line)) && has(a.subtitle)) return "subtitle";
  if (a.bylines.length && a.bylines.some((b) => t.includes(squash(b.name))) && !has(a.title)) return "byline";
  // Otherwise a part of one: a title or subtitle set on two lines.
  if (has(a.title)) return "title";
  if (has(a.subtitle)) return "subtitle";
  if (has(a.kicker)) return "kicker";
  if (has(a.label)) return "label";
  return "head";
}

export function lineRoles(rawText: string, page: ParsedPage): RawLine[] {
  const lines = rawLines(rawText);
  const out: RawLine[] = lines.map((text, i) => ({ no: i + 1, text, role: text.trim() ? "unassigned" : "blank", article: null }));
  const set = (no: number, role: LineRole, article: number | null) => {
    const l = out[no - 1];
    if (l && l.role !== "blank") {
      l.role = role;
      l.article = article;
    }
  };
  for (const no of page.headerLines) set(no, "header", null);
  page.articles.forEach((a, i) => {
    for (const no of a.headLines) {
      const l = out[no - 1];
      if (l) set(no, headRole(l.text, a), i);
    }
    for (const b of a.blocks) for (const no of b.sourceLines) set(no, b.type, i);
  });
  for (const ad of page.ads) for (const no of ad.sourceLines) set(no, "ad", null);
  for (const o of page.orphans) for (const no of o.sourceLines) set(no, "orphan", null);
  return out;
}
