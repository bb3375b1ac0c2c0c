/**
 * Finds a query's matches in a text the way the index does (lib/search/tokenize.ts: folded
 * characters, punctuation ignored, runs must break where the query's break) and renders them as
 * HTML with <mark>: search snippets, and the article page's `?hl=` highlighting.
 *
 *   highlightHtml("聊城市住房公积金管理中心", "公積金")  // "聊城市住房<mark>公积金</mark>管理中心"
 *   const mark = compileHighlighter(query); blocks.map((b) => mark(b.text));
 */
import { parseQuery, type QueryTerm } from "@/lib/search/query-parser";
import { escapeHtml } from "@/lib/text/escape";
import { gramChars, toCharUnits, toUnits, type Unit } from "@/lib/search/tokenize";

/** A match: UTF-16 offsets [start, end) in the original text, and which term it is of. */
export interface Match {
  start: number;
  end: number;
  term: number;
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

/**
 * A character outside the blocks of which none folds (lib/search/tokenize.ts) into a Chinese
 * character: compatibility ideographs (F900–FAFF), circled and kanbun ideographs (㊀, ㆒), anything
 * outside the BMP, and the rest of the rarely printed blocks. In a text without one, a unit "法"
 * stands exactly where the character 法 does.
 */
const MAY_FOLD_TO_HAN = /[^\u0000-\u02ff\u2000-\u27ff\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef]/;

const isCommonHan = (u: Unit) => u.cjk && u.text.length === 1 && u.text >= "\u4e00" && u.text <= "\u9fff";

/**
 * Every match of the terms in the text, in text order (overlaps possible across terms). A query
 * that starts with a Chinese character is looked for with indexOf, and only the candidates are
 * split into units; otherwise (or when given `units`) the whole text is split. A term the index
 * finds as a substring of characters, digits included ("34笔" in 5334笔: gramChars), is matched
 * against the text's characters the same way.
 */
export function findMatches(text: string, terms: readonly QueryTerm[], units?: Unit[]): Match[] {
  const out: Match[] = [];
  if (terms.length === 0 || text.length === 0) return out;
  const direct = units === undefined && !MAY_FOLD_TO_HAN.test(text);
  let all = units;
  let allChars: Unit[] | undefined;
  terms.forEach((term, ti) => {
    for (const variant of term.variants) {
      if (variant.length === 0) continue;
      const chars = gramChars(variant);
      const q = chars ?? variant;
      const view = chars ? toCharUnits : (x: Unit[]) => x;
      if (direct && isCommonHan(q[0]!)) {
        for (let at = text.indexOf(q[0]!.text); at >= 0; at = text.indexOf(q[0]!.text, at + 1)) {
          const here = q.length === 1 ? null : view(toUnits(text, at, q.length));
          if (here === null) out.push({ start: at, end: at + 1, term: ti });
          else if (matchesAt(here, 0, q)) out.push({ start: at, end: here[q.length - 1]!.end, term: ti });
        }
        continue;
      }
      all ??= toUnits(text);
      const within = chars ? (allChars ??= toCharUnits(all)) : all;
      for (let i = 0; i < within.length; i++) {
        if (within[i]!.text === q[0]!.text && matchesAt(within, i, q)) out.push({ start: within[i]!.start, end: within[i + q.length - 1]!.end, term: ti });
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
export function highlightHtml(text: string, query: string): string {
  return compileHighlighter(query)(text);
}

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
    // For each match, the window from LEAD_IN before it: the matches wholly inside it. Windows
    // only move right, so the first candidate inside is found from the last one's.
    let best = { start: 0, distinct: -1, count: -1 };
    const seen = new Int32Array(terms.length).fill(-1);
    let lo = 0;
    matches.forEach((m, k) => {
      const from = Math.max(0, m.start - LEAD_IN);
      const to = from + width;
      while (matches[lo]!.start < from) lo++;
      let distinct = 0;
      let count = 0;
      for (let j = lo; j < matches.length && matches[j]!.start < to; j++) {
        const x = matches[j]!;
        if (x.end > to) continue;
        count++;
        if (seen[x.term] !== k) {
          seen[x.term] = k;
          distinct++;
        }
      }
      if (distinct > best.distinct || (distinct === best.distinct && count > best.count)) best = { start: from, distinct, count };
    });
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
