import type { Line } from "./lines";
import { parseBylineLine } from "./bylines";
import { AD_MARKER, DATELINE, PAGE_HEADER_NUMBERED, SENTENCE_END, SUBTITLE } from "./rules";

/**
 * What a single non-blank line looks like on its own, before any context is considered. Tokens keep
 * their raw text and line number; `gapBefore` counts the blank lines above (column and block breaks).
 */
export type Token =
  | { kind: "numbered-header"; no: number; text: string; gapBefore: number; pageNumber: number; pageName: string }
  | { kind: "ad-marker"; no: number; text: string; gapBefore: number }
  | { kind: "byline"; no: number; text: string; gapBefore: number }
  | { kind: "subtitle"; no: number; text: string; gapBefore: number; subtitle: string }
  | { kind: "dateline"; no: number; text: string; gapBefore: number }
  | { kind: "heading"; no: number; text: string; gapBefore: number }
  | { kind: "paragraph"; no: number; text: string; gapBefore: number };

export type TokenKind = Token["kind"];

const INNER_STOP = /[。;;]/u;
const TRAILING_CONTINUATION = /[,,、::“"‘(\(《—\-]$/u;

/**
 * A line that could be a headline, label, kicker, subhead, caption or page name: short, no
 * sentence-final punctuation, and not visibly a sentence cut off at a column break.
 */
export function isHeadingLike(text: string, maxLen = 40): boolean {
  const len = [...text].length;
  if (len === 0 || len > maxLen) return false;
  if (SENTENCE_END.test(text) && !/[!?!?]$/u.test(text)) return false;
  // Titles may end in ! or ?, but a long line ending in them is a sentence.
  if (/[!?!?]$/u.test(text) && len > 24) return false;
  if (INNER_STOP.test(text)) return false;
  if (TRAILING_CONTINUATION.test(text)) return false;
  // "……介绍,自" / "……说,五": a comma followed by one or two characters is a cut sentence.
  const lastComma = Math.max(text.lastIndexOf(","), text.lastIndexOf(","));
  if (lastComma >= 0 && [...text.slice(lastComma + 1)].length <= 2) return false;
  if (len > 20 && /、/u.test(text)) return false;
  // Unbalanced opening quote: the sentence goes on in the next line.
  const opens = (text.match(/[“‘「『《(\(]/gu) ?? []).length;
  const closes = (text.match(/[”’」』》)\)]/gu) ?? []).length;
  if (opens > closes) return false;
  return true;
}

/** Classifies one line on its own. */
export function classifyLine(line: Line, gapBefore: number, isFirst: boolean): Token {
  const { no, text } = line;
  if (isFirst) {
    const m = PAGE_HEADER_NUMBERED.exec(text);
    if (m) {
      const digits = (m[1] ?? m[3] ?? "").replace(/[０-９]/gu, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
      return { kind: "numbered-header", no, text, gapBefore, pageNumber: Number(digits), pageName: (m[4] ?? "").trim() };
    }
  }
  if (AD_MARKER.test(text) && [...text].length <= 20) return { kind: "ad-marker", no, text, gapBefore };
  const sub = SUBTITLE.exec(text);
  if (sub && [...text].length <= 60) return { kind: "subtitle", no, text, gapBefore, subtitle: (sub[1] ?? "").trim() };
  if (DATELINE.test(text)) return { kind: "dateline", no, text, gapBefore };
  if ([...text].length <= 60 && parseBylineLine(text)) {
    return { kind: "byline", no, text, gapBefore };
  }
  if (isHeadingLike(text)) return { kind: "heading", no, text, gapBefore };
  return { kind: "paragraph", no, text, gapBefore };
}

/** Lines → tokens (blank lines are dropped; their count survives as `gapBefore`). */
export function classify(lines: Line[]): Token[] {
  const tokens: Token[] = [];
  let gap = 0;
  for (const line of lines) {
    if (line.text === "") {
      gap++;
      continue;
    }
    tokens.push(classifyLine(line, gap, tokens.length === 0));
    gap = 0;
  }
  return tokens;
}
