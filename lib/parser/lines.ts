import { LAYOUT_SPACE } from "./rules";

/** A line of the page with its 1-based number in the raw file. */
export interface Line {
  no: number;
  /** The text with indent and trailing spaces removed; "" for a blank line. */
  text: string;
  /** Whether the line was indented (full-width spaces before it): a paragraph's first line. */
  indent: boolean;
}

/**
 * Text → numbered lines. CRLF and CR count as one line break each, like LF. Indent (full-width
 * spaces U+3000 and other white space) and trailing spaces are layout, not text, and are dropped;
 * everything else is kept as printed.
 *
 * Scans character codes instead of splitting and trimming with regexes: this runs over every byte.
 */
export function splitLines(text: string): Line[] {
  const out: Line[] = [];
  const n = text.length;
  let start = 0;
  let no = 1;
  while (start <= n) {
    let end = start;
    while (end < n) {
      const c = text.charCodeAt(end);
      if (c === 10 || c === 13) break;
      end++;
    }
    let a = start;
    let z = end;
    while (a < z && LAYOUT_SPACE[text.charCodeAt(a)] === 1) a++;
    while (z > a && LAYOUT_SPACE[text.charCodeAt(z - 1)] === 1) z--;
    out.push({ no, text: a === z ? "" : text.slice(a, z), indent: a > start && a < z });
    no++;
    if (end >= n) break;
    // CRLF is one break.
    start = text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
    if (start === n) {
      // A final line break ends the last line; it does not open an empty one.
      break;
    }
  }
  return out;
}
