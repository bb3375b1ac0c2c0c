import { escapeXml } from "@/lib/site/format";

/**
 * The words of a reader's query worth highlighting (the search box's language, lib/search): split
 * on whitespace and 、,;。, quotes dropped, excluded words ("-词") left out, longest first so a
 * longer word wins over a shorter one it contains. At most 12 words of at most 50 characters.
 */
export function highlightWords(query: string): string[] {
  const words = query
    .replace(/["\u201c\u201d\u300c\u300d\u300e\u300f\uff02]/g, " ")
    .split(/[\s\u3001\u3002,\uff0c;\uff1b]+/)
    .filter((w) => w && !w.startsWith("-"))
    .map((w) => w.slice(0, 50));
  return [...new Set(words)].sort((a, b) => b.length - a.length).slice(0, 12);
}

/** A piece of a text: one of the query's words (to mark) or the text between them. */
export interface HighlightSegment {
  text: string;
  marked: boolean;
}

/**
 * Splits a text at every occurrence of the query's words (case-insensitive, regular-expression
 * characters literal, the longer of two overlapping words wins). A text without a match is one
 * unmarked segment. The article page marks its body with it in the browser (components/search-highlight.tsx).
 */
export function highlightSegments(text: string, query: string): HighlightSegment[] {
  const words = highlightWords(query);
  if (words.length === 0) return [{ text, marked: false }];
  const re = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "giu");
  const out: HighlightSegment[] = [];
  let last = 0;
  for (const m of text.matchAll(re)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index), marked: false });
    out.push({ text: m[0], marked: true });
    last = m.index + m[0].length;
  }
  if (last < text.length || out.length === 0) out.push({ text: text.slice(last), marked: false });
  return out;
}

/**
 * Wraps every occurrence of the query's words in <mark>, HTML-safe: the text is escaped piece by
 * piece and only our own <mark> tags are added, so the result can go into dangerouslySetInnerHTML.
 */
export function highlightHtml(text: string, query: string): string {
  return highlightSegments(text, query)
    .map((s) => (s.marked ? `<mark>${escapeXml(s.text)}</mark>` : escapeXml(s.text)))
    .join("");
}
