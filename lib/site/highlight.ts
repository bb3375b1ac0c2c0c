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
