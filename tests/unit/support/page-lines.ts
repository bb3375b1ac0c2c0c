/**
 * Line accounting shared by the property tests of the parser and of corrections: which source
 * lines a parsed page claims, and an oracle independent of the parser for which lines hold text.
 */
import type { ParsedPage } from "@/lib/parser/types";

/** Every line number an element of the page claims, with repeats, sorted. */
export function claimedLines(p: ParsedPage): number[] {
  return [
    ...p.headerLines,
    ...p.articles.flatMap((a) => [...a.headLines, ...a.blocks.flatMap((b) => b.sourceLines)]),
    ...p.ads.flatMap((a) => a.sourceLines),
    ...p.orphans.flatMap((o) => o.sourceLines),
  ].sort((a, b) => a - b);
}

/** The oracle, independent of the parser: numbers of lines with anything but white space. */
export function nonBlankLines(text: string): number[] {
  return text
    .split(/\r\n|\r|\n/u)
    .map((l, i) => (l.replace(/^\s+|\s+$/gu, "") ? i + 1 : 0))
    .filter((n) => n > 0);
}
