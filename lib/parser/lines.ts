/** A line of the page with its 1-based number in the raw file; `text` is empty for blank lines. */
export interface Line {
  no: number;
  text: string;
}

// Indent (full-width spaces U+3000, ASCII spaces, tabs, NBSP) and trailing spaces are layout.
const EDGE_SPACE = /^[\u3000\u00a0\t \ufeff]+|[\u3000\u00a0\t \r]+$/gu;

/** Text → numbered lines: CRLF/CR become LF, indent and trailing spaces are dropped. */
export function splitLines(text: string): Line[] {
  const raw = text.replace(/\r\n?/g, "\n").split("\n");
  const out: Line[] = new Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    out[i] = { no: i + 1, text: (raw[i] ?? "").replace(EDGE_SPACE, "") };
  }
  return out;
}
