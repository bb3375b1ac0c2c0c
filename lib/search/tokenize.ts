/**
 * Tokens for Chinese search, shared by the index (lib/search/indexer.ts), the query parser and the
 * highlighter, so all three agree on what "contains" means.
 *
 * Chinese has no spaces and the commonest queries are two characters ("法院", "小麦"), which a
 * trigram index misses. So text is split into runs: a *CJK run* is a stretch of Chinese (also
 * kana and hangul) characters, a *word run* a stretch of letters and digits; everything else
 * (punctuation, spaces) only separates runs. A CJK run is indexed as its overlapping bigrams and
 * its last character ("公积金" → "公积 积金 金"; a one-character run as itself), so any typed string
 * of two or more characters is an exact FTS5 phrase of bigrams and a single character a prefix
 * query; word runs are indexed as lower-case words ("PPT" → "ppt").
 *
 * Folding (index and query alike): full-width letters, digits and signs → half-width, upper →
 * lower case, CJK compatibility ideographs → unified ones. Traditional → simplified (opencc) is
 * applied to queries only: the paper prints simplified characters.
 */

import { Converter } from "opencc-js/t2cn";

/** Separates values (meta) and paragraphs (body) in an index column: a token no query produces, so no phrase spans it. */
export const BARRIER = "\uE000";

const enum Kind {
  Separator = 0,
  Cjk = 1,
  Word = 2,
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

function kindOf(cp: number): Kind {
  if (cp < 0x80) {
    return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a) ? Kind.Word : Kind.Separator;
  }
  if (cp >= 0x4e00 && cp <= 0x9fff) return Kind.Cjk;
  // CJK punctuation (、。「」…) and general punctuation (“”—…), the commonest non-letters of Chinese text.
  if (cp >= 0x3000 && cp <= 0x303f) return cp === 0x3007 ? Kind.Cjk : Kind.Separator; // 〇, as in 二〇二六年
  if (cp >= 0x2000 && cp <= 0x206f) return Kind.Separator;
  if (cp >= 0xff00 && cp <= 0xffef) return cp >= 0xff10 && cp <= 0xff5a ? kindOf(cp - 0xfee0) : Kind.Separator; // full-width forms
  if (
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x3ffff) ||
    (cp >= 0x3041 && cp <= 0x30ff && cp !== 0x30fb) || // kana (not the middle dot ・)
    (cp >= 0xac00 && cp <= 0xd7af)
  ) {
    return Kind.Cjk;
  }
  return LETTER_OR_DIGIT.test(String.fromCodePoint(cp)) ? Kind.Word : Kind.Separator;
}

/** The folded form of one character of a run (see the module comment). */
function foldChar(cp: number, raw: string): string {
  if (cp < 0x80) return cp >= 0x41 && cp <= 0x5a ? String.fromCharCode(cp + 32) : raw;
  if (cp >= 0xff10 && cp <= 0xff5a) return foldChar(cp - 0xfee0, String.fromCharCode(cp - 0xfee0));
  if (cp >= 0x4e00 && cp <= 0x9fff) return raw;
  return raw.normalize("NFKC").toLowerCase();
}

/** One character (CJK) or one word (letters and digits) of a text, with where it came from. */
export interface Unit {
  /** Folded text: one CJK character, or a whole lower-case word. */
  text: string;
  cjk: boolean;
  /** UTF-16 offsets in the original text. */
  start: number;
  end: number;
  /** Units with the same run number are in one run (only CJK runs have more than one unit). */
  run: number;
  /** Set when a line break (a paragraph boundary) precedes this unit. */
  afterBreak: boolean;
}

/**
 * Splits a text into units (see Unit). For highlighting and queries; the indexer has a faster path.
 * With `from` (the offset of a unit's start) and `limit`, only the first `limit` units from there:
 * the highlighter checks a candidate match without splitting the whole text. Run numbers are then
 * local, but units are in one run exactly when they are in the whole text.
 */
export function toUnits(text: string, from = 0, limit = Infinity): Unit[] {
  const units: Unit[] = [];
  let run = 0;
  let inCjkRun = false;
  let word: Unit | null = null;
  let sawBreak = false;
  for (let i = from; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const kind = kindOf(cp);
    if (kind === Kind.Separator) {
      if (cp === 0x0a || cp === 0x0d) sawBreak = true;
      inCjkRun = false;
      word = null;
    } else {
      const folded = foldChar(cp, text.slice(i, i + width));
      if (kind === Kind.Word && word) {
        word.text += folded;
        word.end = i + width;
      } else {
        // A word at the limit is still completed (above); the next unit is not started.
        if (units.length >= limit) break;
        if (kind === Kind.Word || !inCjkRun) run++;
        const unit: Unit = { text: folded, cjk: kind === Kind.Cjk, start: i, end: i + width, run, afterBreak: sawBreak };
        units.push(unit);
        sawBreak = false;
        word = kind === Kind.Word ? unit : null;
        inCjkRun = kind === Kind.Cjk;
      }
    }
    i += width;
  }
  return units;
}

/**
 * Appends the index tokens of `text` to `into`: for each CJK run its bigrams then its last
 * character (the *tail*; a one-character run is just that character), for each word run the word.
 * The tail makes every character findable as a prefix ("税*" finds 税 first in a bigram or ending a
 * run) and lets a phrase say "this run ends here" (lib/search/query-parser.ts). Line breaks
 * become BARRIER tokens when `barrierAtBreaks` (paragraphs of a body), so phrases stay in one
 * paragraph.
 */
export function appendTokens(text: string, into: string[], barrierAtBreaks = false): void {
  let prevChar = ""; // last CJK character of the current run, "" when not in a CJK run
  let word = "";
  let pendingBarrier = false;
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    // Fast path: common CJK ideographs.
    if (code >= 0x4e00 && code <= 0x9fff) {
      if (word) {
        into.push(word);
        word = "";
      }
      if (pendingBarrier) {
        into.push(BARRIER);
        pendingBarrier = false;
      }
      const ch = text[i]!;
      if (prevChar) into.push(prevChar + ch);
      prevChar = ch;
      i++;
      continue;
    }
    const cp = code >= 0xd800 && code <= 0xdbff ? text.codePointAt(i)! : code;
    const width = cp > 0xffff ? 2 : 1;
    const kind = kindOf(cp);
    if (kind === Kind.Separator) {
      if (prevChar) into.push(prevChar);
      prevChar = "";
      if (word) into.push(word);
      word = "";
      if (barrierAtBreaks && code === 0x0a && into.length > 0) pendingBarrier = true;
    } else {
      if (pendingBarrier) {
        into.push(BARRIER);
        pendingBarrier = false;
      }
      const ch = foldChar(cp, text.slice(i, i + width));
      if (kind === Kind.Cjk) {
        if (word) into.push(word);
        word = "";
        if (prevChar) into.push(prevChar + ch);
        prevChar = ch;
      } else {
        if (prevChar) into.push(prevChar);
        prevChar = "";
        word += ch;
      }
    }
    i += width;
  }
  if (prevChar) into.push(prevChar);
  if (word) into.push(word);
}

/**
 * Appends the *trigram* and *four-gram* tokens of `text` to `tri` and `four`: for each CJK run its
 * overlapping three- and four-character substrings ("公积金中心" → "公积金 积金中 金中心" and
 * "公积金中 积金中心"), and in each list a BARRIER between runs so no phrase spans two. They fill
 * their own columns of article_fts: a query word of three characters is then one trigram, one of
 * four or more a phrase of four-grams, whose doclists are far shorter than those of its bigrams
 * ("服务" is in most articles, "服务局" in few) and which match with fewer tokens to line up, so it
 * is matched and ranked faster, as exactly. Runs, folding and characters are those of appendTokens.
 */
export function appendGrams(text: string, tri: string[], four: string[]): void {
  let a = ""; // the run's last three characters, a oldest; "" when fewer
  let b = "";
  let c = "";
  let triInRun = false;
  let fourInRun = false;
  const endRun = () => {
    a = b = c = "";
    triInRun = fourInRun = false;
  };
  const push = (ch: string) => {
    if (b) {
      if (!triInRun && tri.length > 0 && tri[tri.length - 1] !== BARRIER) tri.push(BARRIER);
      tri.push(b + c + ch);
      triInRun = true;
      if (a) {
        if (!fourInRun && four.length > 0 && four[four.length - 1] !== BARRIER) four.push(BARRIER);
        four.push(a + b + c + ch);
        fourInRun = true;
      }
    }
    a = b;
    b = c;
    c = ch;
  };
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    if (code >= 0x4e00 && code <= 0x9fff) {
      push(text[i]!);
      i++;
      continue;
    }
    const cp = code >= 0xd800 && code <= 0xdbff ? text.codePointAt(i)! : code;
    const width = cp > 0xffff ? 2 : 1;
    if (kindOf(cp) === Kind.Cjk) push(foldChar(cp, text.slice(i, i + width)));
    else endRun();
    i += width;
  }
}

/** The trigram (n = 3) or four-gram (n = 4) tokens of a text as one space-separated string (see appendGrams). */
export function gramString(text: string | null, n: 3 | 4): string {
  if (!text) return "";
  const tri: string[] = [];
  const four: string[] = [];
  appendGrams(text, tri, four);
  return (n === 3 ? tri : four).join(" ");
}

/** The index tokens of a text as one space-separated string (one column of article_fts). */
export function tokenString(text: string | null, barrierAtBreaks = false): string {
  if (!text) return "";
  const out: string[] = [];
  appendTokens(text, out, barrierAtBreaks);
  return out.join(" ");
}

let toSimplified: ((s: string) => string) | undefined;

/**
 * Traditional → simplified characters, for queries: opencc's Hong Kong table first (it also knows
 * the Hong Kong variants 衞, 綫), then the general one.
 */
export function simplify(s: string): string {
  if (!toSimplified) {
    // The conversion tables are built on first use (a few milliseconds).
    const hk = Converter({ from: "hk", to: "cn" });
    const t = Converter({ from: "t", to: "cn" });
    toSimplified = (x) => t(hk(x));
  }
  return toSimplified(s);
}

/**
 * What search sees of a text: simplified, folded, punctuation dropped; runs (see toUnits) joined
 * by one space. normalize("ＰＰＴ搶單,小組") === "ppt 抢单 小组".
 */
export function normalize(s: string): string {
  const out: string[] = [];
  let run = -1;
  for (const u of toUnits(simplify(s))) {
    if (u.run === run) out[out.length - 1] += u.text;
    else out.push(u.text);
    run = u.run;
  }
  return out.join(" ");
}
