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
 * Finds line breaks with native searches and trims by character codes instead of splitting and
 * trimming with regexes: this runs over every byte.
 */
export function splitLines(text: string): Line[] {
  const out: Line[] = [];
  const n = text.length;
  let start = 0;
  let no = 1;
  // The next LF and the next CR at or after `start` (n: none left); most pages have no CR at all,
  // so that search runs once.
  let lf = -1;
  let cr = -1;
  while (start <= n) {
    if (lf < start) lf = nextIndex(text, "\n", start);
    if (cr < start) cr = nextIndex(text, "\r", start);
    const end = lf < cr ? lf : cr;
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

function nextIndex(text: string, c: string, from: number): number {
  const at = text.indexOf(c, from);
  return at < 0 ? text.length : at;
}
