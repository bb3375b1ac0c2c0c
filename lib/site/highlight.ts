import { escapeXml } from "@/lib/site/format";

/**
 * The words of a reader's query worth highlighting (the search box's language, lib/search): split
 * on whitespace and 、,;。, quotes dropped, excluded words ("-词") left out, longest first so a
 * longer word wins over a shorter one it contains. At most 12 words of at most 50 characters.
 *
 * The article page's script runs this very function in the browser to mark `?hl=` (it is sent as
 * its source text, lib/site/html/islands.ts), so it must use nothing from outside its body.
 */
export function highlightWords(query: string): string[] {
  const words = query
    .replace(/["\u201c\u201d\u300c\u300d\u300e\u300f\uff02]/g, " ")
    .split(/[\s\u3001\u3002,\uff0c;\uff1b]+/)
    .filter((w) => w && !w.startsWith("-"))
    .map((w) => w.slice(0, 50));
  return [...new Set(words)].sort((a, b) => b.length - a.length).slice(0, 12);
}

/**
 * Wraps every occurrence of the query's words in <mark>, HTML-safe: the text is escaped piece by
 * piece and only our own <mark> tags are added, so the result can go into dangerouslySetInnerHTML.
 */
export function highlightHtml(text: string, query: string): string {
  const words = highlightWords(query);
  if (words.length === 0) return escapeXml(text);
  const re = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "giu");
  let out = "";
  let last = 0;
  for (const m of text.matchAll(re)) {
    const i = m.index;
    out += escapeXml(text.slice(last, i)) + `<mark>${escapeXml(m[0])}</mark>`;
    last = i + m[0].length;
  }
  return out + escapeXml(text.slice(last));
}
