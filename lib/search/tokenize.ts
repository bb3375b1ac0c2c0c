/**
 * Tokens for Chinese search, shared by the index (lib/search/indexer.ts), the query parser and the
 * highlighter, so all three agree on what "contains" means.
 *
 * Chinese has no spaces and the commonest queries are two characters ("法院", "小麦"), which a
 * trigram index misses. So text is split into runs: a *CJK run* is a stretch of Chinese (also
 * kana and hangul) characters, a *word run* a stretch of letters and digits; everything else
 * (punctuation, spaces) only separates runs — except a space between two Chinese characters,
 * which is layout (a headline set in two halves, "潮头攻坚 实干争先"), not a word break: the CJK run
 * goes on across it. A CJK run is indexed as its overlapping bigrams and its last character
 * ("公积金" → "公积 积金 金"; a one-character run as itself), so any typed string of two or more
 * Chinese characters is an exact FTS5 phrase of bigrams and a single character a prefix query;
 * word runs are indexed as lower-case words ("PPT" → "ppt"), numbers as whole numbers.
 *
 * Numbers beside Chinese characters: in the trigram and four-gram columns (appendGrams) the digits
 * of a number that touches a CJK run are characters of that run, so a query of three or more
 * characters mixing digits and Chinese ("34笔", "26年", "6月3日") is found as a substring, inside a
 * longer number too (5334笔, 2026年). A shorter one ("6日", "3楼") matches the whole number only: as
 * a substring it would find 16日 and 26日 in every issue. See gramChars.
 *
 * Folding (index and query alike, before characters are classified): NFKC (full-width letters,
 * digits and signs → half-width, compatibility ideographs and Kangxi radicals → unified ones), the
 * CJK radicals NFKC leaves alone (lib/text/fold.ts), upper → lower case. Traditional → simplified
 * (opencc) is applied to queries only: the paper prints simplified characters.
 */

import { Converter } from "opencc-js/t2cn";
import { foldLookalike, foldLookalikes } from "@/lib/text/fold";

/** Separates values (meta) and paragraphs (body) in an index column: a token no query produces, so no phrase spans it. */
export const BARRIER = "\uE000";

const enum Kind {
  Separator = 0,
  Cjk = 1,
  Word = 2,
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** The kind of a *folded* code point (see fold). */
function kindOf(cp: number): Kind {
  if (cp < 0x80) {
    return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a) ? Kind.Word : Kind.Separator;
  }
  if (cp >= 0x4e00 && cp <= 0x9fff) return Kind.Cjk;
  // CJK punctuation (、。「」…) and general punctuation (“”—…), the commonest non-letters of Chinese text.
  if (cp >= 0x3000 && cp <= 0x303f) return cp === 0x3007 ? Kind.Cjk : Kind.Separator; // 〇, as in 二〇二六年
  if (cp >= 0x2000 && cp <= 0x206f) return Kind.Separator;
  if (
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x3ffff) ||
    // Radicals that fold to no ideograph (lib/text/fold.ts) are still parts of Chinese text.
    (cp >= 0x2e80 && cp <= 0x2fdf) ||
    (cp >= 0x3041 && cp <= 0x30ff && cp !== 0x30fb) || // kana (not the middle dot ・)
    (cp >= 0xac00 && cp <= 0xd7af)
  ) {
    return Kind.Cjk;
  }
  return LETTER_OR_DIGIT.test(String.fromCodePoint(cp)) ? Kind.Word : Kind.Separator;
}

/**
 * A space that may be layout between two Chinese characters (after folding, NFKC has made U+3000,
 * no-break and the typographic spaces U+0020; the zero-width space is what PDF extraction leaves).
 */
const isLayoutSpace = (cp: number) => cp === 0x20 || cp === 0x09 || cp === 0x200b;

const folded = new Map<number, string>();

/**
 * The folded form of a code point outside ASCII and the common ideographs (see the module
 * comment): usually one code point, sometimes none or several (NFKC: "㈠" → "(一)", "ﬁ" → "fi").
 * Cached: a text has few distinct such characters, and NFKC of one costs a string and a call.
 */
function fold(cp: number): string {
  let f = folded.get(cp);
  if (f === undefined) {
    f = foldLookalike(cp).toLowerCase();
    folded.set(cp, f);
  }
  return f;
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
    const end = i + width;
    // Common ideographs and ASCII fold to themselves (but for case); the rest through fold().
    const f = cp >= 0x4e00 && cp <= 0x9fff ? text[i]! : cp < 0x80 ? (cp >= 0x41 && cp <= 0x5a ? String.fromCharCode(cp + 32) : text[i]!) : fold(cp);
    for (let k = 0; k < f.length; ) {
      const fc = f.codePointAt(k)!;
      const fw = fc > 0xffff ? 2 : 1;
      const kind = kindOf(fc);
      if (kind === Kind.Separator) {
        if (fc === 0x0a || fc === 0x0d) sawBreak = true;
        // A CJK run goes on across layout spaces; whether it does is settled by what follows.
        if (!(inCjkRun && isLayoutSpace(fc))) inCjkRun = false;
        word = null;
      } else {
        const ch = fw === f.length ? f : f.slice(k, k + fw);
        if (kind === Kind.Word && word) {
          word.text += ch;
          word.end = end;
        } else {
          // A word at the limit is still completed (above); the next unit is not started.
          if (units.length >= limit) return units;
          if (kind === Kind.Word || !inCjkRun) run++;
          const unit: Unit = { text: ch, cjk: kind === Kind.Cjk, start: i, end, run, afterBreak: sawBreak };
          units.push(unit);
          sawBreak = false;
          word = kind === Kind.Word ? unit : null;
          inCjkRun = kind === Kind.Cjk;
        }
      }
      k += fw;
    }
    i += width;
  }
  return units;
}

const DIGITS = /^[0-9]+$/;

/**
 * The *characters* of a unit sequence as the trigram and four-gram columns see them (appendGrams):
 * CJK units as they are, each number that touches a CJK run (no separator between) split into
 * its digits, in the same run. Another word, or a number standing apart, ends the run and gives
 * no characters.
 */
export function toCharUnits(units: readonly Unit[]): Unit[] {
  const out: Unit[] = [];
  let run = 0;
  let prev: Unit | null = null;
  for (const u of units) {
    const digits = !u.cjk && DIGITS.test(u.text);
    if (!u.cjk && !digits) {
      prev = null;
      run++;
      continue;
    }
    // CJK after CJK: one run as toUnits says (layout spaces included); a number only when it touches.
    const joined = prev !== null && !u.afterBreak && (prev.cjk && u.cjk ? prev.run === u.run : prev.end === u.start && (prev.cjk || u.cjk));
    if (!joined) run++;
    if (u.cjk) out.push({ ...u, run });
    else {
      // One digit a code unit (ASCII or full-width); a digit folded from a wider sign ("①") spans it.
      const exact = u.end - u.start === u.text.length;
      for (let k = 0; k < u.text.length; k++) {
        const start = exact ? u.start + k : u.start;
        out.push({ text: u.text[k]!, cjk: false, start, end: exact ? start + 1 : u.end, run, afterBreak: k === 0 && u.afterBreak });
      }
    }
    prev = u;
  }
  // A number that touched no CJK character is not in the columns.
  const cjkRuns = new Set(out.filter((u) => u.cjk).map((u) => u.run));
  return out.filter((u) => cjkRuns.has(u.run));
}

/**
 * When a query's units are found through the trigram and four-gram columns as a substring, their
 * characters (toCharUnits), else null: one run of three or more characters, Chinese with or
 * without digits. A number with fewer characters around it ("6日") stays a whole number (see the
 * module comment); so does a number alone ("2026"), and Latin words.
 */
export function gramChars(units: readonly Unit[]): Unit[] | null {
  if (units.length === 0 || !units.some((u) => u.cjk)) return null;
  if (units.length < 3 && units.every((u) => u.cjk)) return null;
  const chars = toCharUnits(units);
  if (chars.length < 3 || chars.length !== units.reduce((n, u) => n + (u.cjk ? 1 : u.text.length), 0)) return null;
  return chars.every((c) => c.run === chars[0]!.run) ? chars : null;
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
    const f = cp < 0x80 ? (cp >= 0x41 && cp <= 0x5a ? String.fromCharCode(cp + 32) : text[i]!) : fold(cp);
    for (let k = 0; k < f.length; ) {
      const fc = f.codePointAt(k)!;
      const fw = fc > 0xffff ? 2 : 1;
      const kind = kindOf(fc);
      if (kind === Kind.Separator) {
        if (word) into.push(word);
        word = "";
        // A layout space keeps the CJK run open: the next character decides (above and below).
        if (!(prevChar && isLayoutSpace(fc))) {
          if (prevChar) into.push(prevChar);
          prevChar = "";
        }
        if (barrierAtBreaks && fc === 0x0a && into.length > 0) pendingBarrier = true;
      } else {
        if (pendingBarrier) {
          into.push(BARRIER);
          pendingBarrier = false;
        }
        const ch = fw === f.length ? f : f.slice(k, k + fw);
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
      k += fw;
    }
    i += width;
  }
  if (prevChar) into.push(prevChar);
  if (word) into.push(word);
}

/**
 * Appends the *trigram* and *four-gram* tokens of `text` to `tri` and `four`: for each run its
 * overlapping three- and four-character substrings ("公积金中心" → "公积金 积金中 金中心" and
 * "公积金中 积金中心"), and in each list a BARRIER between runs so no phrase spans two. They fill
 * their own columns of article_fts: a query word of three characters is then one trigram, one of
 * four or more a phrase of four-grams, whose doclists are far shorter than those of its bigrams
 * ("服务" is in most articles, "服务局" in few) and which match with fewer tokens to line up, so it
 * is matched and ranked faster, as exactly. Runs, folding and characters are those of appendTokens,
 * but for numbers: the digits of a number touching a CJK run are characters of it ("5334笔" →
 * "533 334 34笔"), so that queries such as "34笔" are found inside longer numbers (toCharUnits).
 */
export function appendGrams(text: string, tri: string[], four: string[]): void {
  let a = ""; // the run's last three characters, a oldest; "" when fewer
  let b = "";
  let c = "";
  let triInRun = false;
  let fourInRun = false;
  let afterCjk = false; // the last thing read is a CJK character, nothing after it
  let gap = false; // only layout spaces since the run's last CJK character
  let word = ""; // the word being read (letters and digits)
  let wordTouches = false; // it began right after a CJK character
  const endRun = () => {
    a = b = c = "";
    triInRun = fourInRun = false;
    gap = false;
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
  // The word read so far ends, before a CJK character when `nextIsCjk`: a number touching a CJK
  // character on either side is characters of that run; any other word ends the run.
  const endWord = (nextIsCjk: boolean) => {
    if ((wordTouches || nextIsCjk) && DIGITS.test(word)) {
      if (!wordTouches) endRun();
      for (const d of word) push(d);
    } else endRun();
    word = "";
  };
  const cjk = (ch: string) => {
    if (word) endWord(true);
    gap = false;
    push(ch);
    afterCjk = true;
  };
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    if (code >= 0x4e00 && code <= 0x9fff) {
      cjk(text[i]!);
      i++;
      continue;
    }
    const cp = code >= 0xd800 && code <= 0xdbff ? text.codePointAt(i)! : code;
    const width = cp > 0xffff ? 2 : 1;
    const f = cp < 0x80 ? (cp >= 0x41 && cp <= 0x5a ? String.fromCharCode(cp + 32) : text[i]!) : fold(cp);
    for (let k = 0; k < f.length; ) {
      const fc = f.codePointAt(k)!;
      const fw = fc > 0xffff ? 2 : 1;
      const kind = kindOf(fc);
      if (kind === Kind.Cjk) cjk(fw === f.length ? f : f.slice(k, k + fw));
      else if (kind === Kind.Word) {
        if (!word) wordTouches = afterCjk;
        word += fw === f.length ? f : f.slice(k, k + fw);
        afterCjk = false;
      } else {
        if (word) endWord(false);
        // Only a space between two CJK characters is bridged (settled by the next character).
        if ((afterCjk || gap) && isLayoutSpace(fc)) gap = true;
        else endRun();
        afterCjk = false;
      }
      k += fw;
    }
    i += width;
  }
  if (word) endWord(false);
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
 * the Hong Kong variants 衞, 綫), then the general one. Look-alikes are folded first (a Kangxi
 * radical ⾨ is the traditional 門, so 门).
 */
export function simplify(s: string): string {
  if (!toSimplified) {
    // The conversion tables are built on first use (a few milliseconds).
    const hk = Converter({ from: "hk", to: "cn" });
    const t = Converter({ from: "t", to: "cn" });
    toSimplified = (x) => t(hk(x));
  }
  return toSimplified(foldLookalikes(s));
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
