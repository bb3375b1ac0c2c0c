import { parseBylineLine, parseClosingByline } from "./bylines";
import type { Line } from "./lines";
import { AD_MARKER_MAX, AD_MARKER_WORD, DATELINE, isRubricLine, mayOpenDateline, SUBTITLE } from "./rules";
import { endsWithJump, isHeadingLike, jumpLine } from "./sentences";
import type { Byline } from "./types";

interface TokenBase {
  /** 1-based line number in the raw file. */
  no: number;
  /** The line as printed, indent and trailing spaces removed. */
  text: string;
  /** Blank lines above this one (column and block breaks). */
  gapBefore: number;
  /** The line was indented. */
  indent: boolean;
}

/**
 * What a single non-blank line looks like on its own, before context is considered. Every token
 * keeps its raw text and line number, so whatever the later stages make of it can be traced back.
 */
export type Token =
  | (TokenBase & { kind: "ad-marker" })
  | (TokenBase & { kind: "subtitle"; subtitle: string })
  /** `closing`: printed in brackets under the last paragraph ("(通讯员 尹晓东)"), so it opens no article. */
  | (TokenBase & { kind: "byline"; people: Byline[]; closing: boolean })
  | (TokenBase & { kind: "dateline" })
  /**
   * A jump line (转版提示) on its own: "(上接A01版)" (`from`: the text below began on another page)
   * or "(下转A04版)" (`to`: the text above goes on there). Neither headline nor sentence.
   */
  | (TokenBase & { kind: "jump"; from: boolean })
  /** Short, no sentence-final punctuation: a title, label, kicker, subhead, caption or page name. */
  | (TokenBase & { kind: "heading" })
  /** Running text. */
  | (TokenBase & { kind: "text" });


/** Classifies one line on its own. */
export function classifyLine(line: Line, gapBefore: number): Token {
  const { no, text, indent } = line;
  const len = text.length;
  const c0 = text.charCodeAt(0);
  if (len <= AD_MARKER_MAX && text.includes(AD_MARKER_WORD)) return { kind: "ad-marker", no, text, gapBefore, indent };
  // Subtitles open with a dash pair: "——…" (U+2014), "──", "--".
  if ((c0 === 0x2014 || c0 === 0x2015 || c0 === 0x2500 || c0 === 0x2d) && len <= 60) {
    const m = SUBTITLE.exec(text);
    if (m) return { kind: "subtitle", no, text, gapBefore, indent, subtitle: (m[1] ?? "").trim() };
  }
  if (mayOpenDateline(text) && DATELINE.test(text)) return { kind: "dateline", no, text, gapBefore, indent };
  if (len <= 60) {
    if (c0 === 0xff08 || c0 === 0x28) {
      const jump = jumpLine(text);
      if (jump) return { kind: "jump", no, text, gapBefore, indent, from: jump === "from" };
    }
    // A rubric ("图片新闻", "记者手记") opens with a role word but names no one.
    if (len <= 12 && isRubricLine(text)) return { kind: "heading", no, text, gapBefore, indent };
    const people = parseBylineLine(text);
    if (people) return { kind: "byline", no, text, gapBefore, indent, people, closing: false };
    if (c0 === 0xff08 || c0 === 0x28) {
      const closing = parseClosingByline(text);
      if (closing) return { kind: "byline", no, text, gapBefore, indent, people: closing, closing: true };
    }
  }
  // Words cut at a jump to another page ("…服务站86个(转第6版)") are running text, however short.
  if (isHeadingLike(text) && !endsWithJump(text)) return { kind: "heading", no, text, gapBefore, indent };
  return { kind: "text", no, text, gapBefore, indent };
}

/** Lines → tokens. Blank lines are dropped; their count survives as `gapBefore`. */
export function classify(lines: readonly Line[]): Token[] {
  const tokens: Token[] = [];
  let gap = 0;
  for (const line of lines) {
    if (line.text === "") {
      gap++;
      continue;
    }
    tokens.push(classifyLine(line, gap));
    gap = 0;
  }
  return tokens;
}
