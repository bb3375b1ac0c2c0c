/**
 * Finds a query's matches in a text the way the index does (lib/search/tokenize.ts: folded
 * characters, punctuation ignored, runs must break where the query's break) and renders them as
 * HTML with <mark>: search snippets, and the article page's `?hl=` highlighting.
 *
 *   highlightText("聊城市住房公积金管理中心", "公積金")  // "聊城市住房<mark>公积金</mark>管理中心"
 *   const mark = compileHighlighter(query); blocks.map((b) => mark(b.text));
 */
import { parseQuery, type QueryTerm } from "@/lib/search/query-parser";
import { toUnits, type Unit } from "@/lib/search/tokenize";

/** A match: UTF-16 offsets [start, end) in the original text, and which term it is of. */
export interface Match {
  start: number;
  end: number;
  term: number;
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

function matchesAt(text: Unit[], i: number, q: Unit[]): boolean {
  if (i + q.length > text.length) return false;
  for (let k = 0; k < q.length; k++) {
    const t = text[i + k]!;
    if (t.text !== q[k]!.text) return false;
    if (k > 0) {
      const prev = text[i + k - 1]!;
      // Adjacent units of one query run must be one run in the text; a break in the query must be one in the text.
      if (t.afterBreak || (prev.run === t.run) !== (q[k - 1]!.run === q[k]!.run)) return false;
    }
  }
  return true;
}

/** Every match of the terms in the text, in text order (overlaps possible across terms). */
export function findMatches(text: string, terms: readonly QueryTerm[], units: Unit[] = toUnits(text)): Match[] {
  const out: Match[] = [];
  if (terms.length === 0 || units.length === 0) return out;
  terms.forEach((term, ti) => {
    for (const q of term.variants) {
      if (q.length === 0) continue;
      for (let i = 0; i < units.length; i++) {
        if (units[i]!.text === q[0]!.text && matchesAt(units, i, q)) out.push({ start: units[i]!.start, end: units[i + q.length - 1]!.end, term: ti });
      }
    }
  });
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Merges overlapping matches into marked spans. */
function spans(matches: Match[]): [number, number][] {
  const out: [number, number][] = [];
  for (const m of matches) {
    const last = out[out.length - 1];
    if (last && m.start <= last[1]) last[1] = Math.max(last[1], m.end);
    else out.push([m.start, m.end]);
  }
  return out;
}

/** HTML of text[from, to) with the matches inside it marked; whitespace runs become one space when `flatten`. */
export function renderMarked(text: string, matches: Match[], from = 0, to = text.length, flatten = false): string {
  const esc = flatten ? (s: string) => escapeHtml(s.replace(/\s+/g, " ")) : escapeHtml;
  let out = "";
  let at = from;
  for (const [s, e] of spans(matches)) {
    if (e <= from || s >= to) continue;
    const a = Math.max(s, from);
    const b = Math.min(e, to);
    out += esc(text.slice(at, a)) + `<mark>${esc(text.slice(a, b))}</mark>`;
    at = b;
  }
  return out + esc(text.slice(at, to));
}

/** A highlighter for one query, to apply to many texts (the blocks of an article). */
export function compileHighlighter(query: string): (text: string) => string {
  const { terms } = parseQuery(query);
  return (text) => renderMarked(text, findMatches(text, terms));
}

/**
 * The text as HTML with every match of the query wrapped in <mark> (HTML-safe: the text is
 * escaped, only <mark> tags are added). For `?hl=` on the article page.
 */
export function highlightText(text: string, query: string): string {
  return compileHighlighter(query)(text);
}

/** The name the article page's `?hl=` asks for: same as highlightText. */
export const highlightHtml = highlightText;

export const SNIPPET_CHARS = 80;
const LEAD_IN = 20;

/**
 * A snippet of about `width` (80) characters around the best match (the window holding the most
 * different terms, then the most matches, then the earliest), every match marked, HTML-safe, with
 * "…" where the text was cut. Without matches (the query hit the head or departments), the opening.
 */
export function makeSnippet(text: string, terms: readonly QueryTerm[], width = SNIPPET_CHARS): string {
  const matches = findMatches(text, terms).slice(0, 300);
  let start = 0;
  if (matches.length > 0) {
    let best = { start: 0, distinct: -1, count: -1 };
    for (const m of matches) {
      const from = Math.max(0, m.start - LEAD_IN);
      const inside = matches.filter((x) => x.start >= from && x.end <= from + width);
      const distinct = new Set(inside.map((x) => x.term)).size;
      if (distinct > best.distinct || (distinct === best.distinct && inside.length > best.count)) {
        best = { start: from, distinct, count: inside.length };
      }
    }
    start = best.start;
    // Start at a sentence or paragraph boundary when one is close before the match.
    const first = matches.find((m) => m.start >= start)!.start;
    const boundary = Math.max(text.lastIndexOf("。", first - 1), text.lastIndexOf("\n", first - 1));
    if (boundary >= start) start = boundary + 1;
  }
  const end = Math.min(text.length, start + width);
  const body = renderMarked(text, matches, start, end, true).trim();
  return `${start > 0 && text[start - 1] !== "\n" ? "…" : ""}${body}${end < text.length ? "…" : ""}`;
}
