/**
 * How a line or paragraph begins and ends: the evidence for headings, column-break joins and the
 * "start-missing" / "end-missing" repairs. Everything here looks at a few characters at either end
 * (character-class lookups), never at the whole text, so it costs the same for any paragraph.
 */
import {
  BAD_START,
  BEFORE_FIGURE,
  CAPTION_FIRST,
  CAPTION_START,
  CLOSERS,
  COMPLETE_OPENERS,
  DATELINE,
  DEFINITE_SUBJECT,
  END_MARK,
  END_MARK_LAST,
  ENUMERATOR,
  ENUMERATOR_FIRST,
  LEANING_ADVERBS,
  CLOSES_PAIR,
  CONTINUED_FROM,
  CONTINUED_FROM_START,
  CONTINUED_ON,
  CONTINUED_ON_END,
  OPEN_END,
  OPENS_PAIR,
  PHOTO_CREDIT,
  QUOTE_PAIRS,
  SCENE_WORD_END,
  SENTENCE_FINAL,
  isCjk,
  isDigit,
  mayOpenDateline,
} from "./rules";

const FULL_STOP = 0x3002; // 。

/** Index of the last character that is not a closing quote/bracket, or -1. */
function lastNonCloser(text: string): number {
  let i = text.length - 1;
  while (i >= 0 && CLOSERS[text.charCodeAt(i)] === 1) i--;
  return i;
}

/**
 * Whether the text ends a sentence: 。!?…; (full or half width), possibly followed by closing
 * quotes or brackets ("。”", "!」", "。)"), or an end mark "(完)". A closing quote with no
 * sentence mark before it ("取消“社保缴存满一年”") does not end a sentence.
 */
export function endsSentence(text: string): boolean {
  const i = lastNonCloser(text);
  if (i < 0) return false;
  const c = text.charCodeAt(i);
  if (SENTENCE_FINAL[c] === 1) return true;
  // A half-width full stop ends a sentence unless it is a decimal point or an abbreviation dot.
  if (c === 0x2e && i > 0 && !isDigit(text.charCodeAt(i - 1)) && i === text.length - 1) return true;
  // Most texts that get here end on an ideograph, which no end mark does: no slice, no regex.
  return END_MARK_LAST[text.charCodeAt(text.length - 1)] === 1 && END_MARK.test(text.slice(-4));
}

/** Whether the text visibly stops mid-sentence: it ends on a comma, 、, colon, opening quote or dash. */
export function endsOpen(text: string): boolean {
  const c = text.charCodeAt(text.length - 1);
  return OPEN_END[c] === 1;
}

/**
 * Whether the text stops inside a clause: on a comma, 、, an opening quote or bracket, or a dash.
 * (A colon may introduce a list or quote printed as paragraphs of their own, so it does not count.)
 */
export function endsMidClause(text: string): boolean {
  const c = text.charCodeAt(text.length - 1);
  return OPEN_END[c] === 1 && c !== 0xff1a && c !== 0x3a;
}

const depth = new Int32Array(QUOTE_PAIRS.length + 1);
/** Code unit → +k if it opens quote pair k, −k if it closes it, 0 otherwise: one read per character. */
const PAIR_OF = new Int8Array(65536);
for (let c = 0; c < 65536; c++) PAIR_OF[c] = (OPENS_PAIR[c] as number) - (CLOSES_PAIR[c] as number);
/**
 * Every quote and bracket of QUOTE_PAIRS is below U+3012 or from U+FF08 on, so an ideograph (the
 * bulk of any text) is passed over with one comparison, without a read of PAIR_OF.
 */
const mayBePairMark = (c: number) => c < 0x3012 || c >= 0xff08;

/** Whether a closing quote/bracket comes before any matching opening one ("堂”学习平台…"). */
export function hasUnmatchedCloser(text: string, limit = 400): boolean {
  for (let k = 1; k < depth.length; k++) depth[k] = 0;
  const n = Math.min(text.length, limit);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (!mayBePairMark(c)) continue;
    const pair = PAIR_OF[c] as number;
    if (pair === 0) continue;
    if (pair < 0) {
      if (depth[-pair] === 0) {
        // "1)" / "1)"-style enumerators close nothing real.
        if ((c === 0x29 || c === 0xff09) && i <= 3 && isDigit(text.charCodeAt(0))) continue;
        return true;
      }
      depth[-pair]!--;
    } else depth[pair]!++;
  }
  return false;
}

/** Whether the opening quotes/brackets in a short text outnumber the closing ones (it goes on). */
export function hasUnclosedOpener(text: string): boolean {
  let open = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!mayBePairMark(c)) continue;
    const pair = PAIR_OF[c] as number;
    if (pair > 0) open++;
    else if (pair < 0) open--;
  }
  return open > 0;
}

/** The first clause: text up to the first comma, full stop or other clause mark (max 24 chars). */
function firstClause(text: string): { clause: string; mark: number } | null {
  const n = Math.min(text.length, 24);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xff0c || c === 0x2c || c === FULL_STOP || c === 0x3001 || c === 0xff1b || c === 0x3b || c === 0xff1a || c === 0x3a) {
      return { clause: text.slice(0, i), mark: c };
    }
    if (c === 0x201c || c === 0x201d || c === 0x300a || c === 0xff08 || c === 0x28) return null;
  }
  return null;
}

/**
 * Whether a paragraph evidently begins mid-sentence, its first half lost at a column or page
 * break. The evidence a careful reader uses:
 * - it opens with punctuation (",", "”", "、", "%", …) or closes a quote it never opened ("堂”学习平台");
 * - its first clause is a lone word before a comma ("人才,通过…", "清单,真正…") that is not an
 *   opener such as "同时," or "目前,";
 * - its first "sentence" is a bare phrase ("沟通服务生态。这一措施…");
 * - a lone ideograph glued to a figure that cannot start a clause ("过25%,");
 * - a bare subject leaning on a lost clause with "已经/也/则…" ("技术人员已经能够…").
 */
export function startsMidSentence(text: string): boolean {
  if (text.length === 0) return false;
  const c0 = text.charCodeAt(0);
  if (BAD_START[c0] === 1) return true;
  if (mayOpenDateline(text) && DATELINE.test(text)) return false;
  if (ENUMERATOR_FIRST[c0] === 1 && ENUMERATOR.test(text)) return false;
  if (hasUnmatchedCloser(text, 40)) return true;
  // "过25%": a single ideograph glued to a figure.
  if (isCjk(c0) && isDigit(text.charCodeAt(1)) && BEFORE_FIGURE[c0] !== 1) return true;
  const first = firstClause(text);
  if (first) {
    const { clause, mark } = first;
    if (clause.length > 0 && clause.length <= 2 && !isOpenerClause(clause) && (mark === 0xff0c || mark === 0x2c || mark === 0x3001)) {
      return true;
    }
    if (mark === FULL_STOP && clause.length > 0 && clause.length <= 6 && !hasVerbHint(clause)) return true;
  }
  return leansOnLostClause(text);
}

/**
 * Whether a first clause opens a sentence on its own: a listed opener ("同时", "目前") or a
 * two-character time or place word ("清晨", "上午", "今冬", "村里").
 */
function isOpenerClause(clause: string): boolean {
  if (COMPLETE_OPENERS.has(clause)) return true;
  return clause.length === 2 && isCjk(clause.charCodeAt(0)) && SCENE_WORD_END[clause.charCodeAt(1)] === 1;
}

// Characters that make a short phrase a sentence rather than a noun phrase ("会议指出。").
const VERB_HINTS = /[是有在了说称到过着指出表示认为强调要将会能]/u;
function hasVerbHint(clause: string): boolean {
  return VERB_HINTS.test(clause);
}

/** "技术人员已经能够…": a bare subject (2–6 ideographs, not definite) then a leaning adverb. */
const ADVERB_FIRST = new Uint8Array(65536);
for (const a of LEANING_ADVERBS) ADVERB_FIRST[a.charCodeAt(0)] = 1;

function leansOnLostClause(text: string): boolean {
  if (!isCjk(text.charCodeAt(0))) return false;
  for (let len = 2; len <= 6 && len < text.length; len++) {
    if (!isCjk(text.charCodeAt(len - 1))) return false;
    if (ADVERB_FIRST[text.charCodeAt(len)] !== 1) continue;
    for (const adverb of LEANING_ADVERBS) {
      if (text.startsWith(adverb, len)) {
        // A definite subject stands on its own. (Tested only here, once an adverb is found: the
        // regex would otherwise run on nearly every paragraph.)
        if (DEFINITE_SUBJECT.test(text)) return false;
        const subject = text.slice(0, len);
        return !COMPLETE_OPENERS.has(subject);
      }
    }
  }
  return false;
}

/**
 * Whether a paragraph opens as a fresh paragraph (an enumerator "一是…", "(一)", or an opener such
 * as "同时," / "目前,"), so an unfinished paragraph before it is not its first half.
 */
export function startsFresh(text: string): boolean {
  const c0 = text.charCodeAt(0);
  if ((ENUMERATOR_FIRST[c0] === 1 && ENUMERATOR.test(text)) || (mayOpenDateline(text) && DATELINE.test(text))) return true;
  const first = firstClause(text);
  return first !== null && (first.mark === 0xff0c || first.mark === 0x2c) && first.clause.length >= 2 && isOpenerClause(first.clause);
}

/**
 * A headline that is one quotation ending in "!" or "?" ("“家门口就能办,真方便!”"): a sentence by
 * its punctuation, so not heading-like on its own, but a title when it stands right above a
 * dateline or byline.
 */
export function isQuotedHeadline(text: string): boolean {
  const n = text.length;
  if (n < 4 || n > 30) return false;
  const open = OPENS_PAIR[text.charCodeAt(0)] as number;
  if (open === 0 || CLOSES_PAIR[text.charCodeAt(n - 1)] !== open) return false;
  const mark = text.charCodeAt(n - 2);
  if (mark !== 0xff01 && mark !== 0xff1f && mark !== 0x21 && mark !== 0x3f) return false;
  // One quotation: the opening quote closes only at the end, and no sentence ends inside it.
  for (let i = 1; i < n - 2; i++) {
    const c = text.charCodeAt(i);
    if (CLOSES_PAIR[c] === open || c === FULL_STOP || c === 0xff1b || c === 0x3b) return false;
  }
  return true;
}

/**
 * The first line of a title printed over two lines and broken after a comma ("小院经济“热”起来,"):
 * heading-like but for the comma it ends on. (A kicker never ends on a comma.)
 */
export function isBrokenTitleLine(text: string): boolean {
  const n = text.length;
  if (n < 3 || n > 24) return false;
  const last = text.charCodeAt(n - 1);
  if (last !== 0xff0c && last !== 0x2c && last !== 0x3001) return false;
  return isHeadingLike(text.slice(0, n - 1));
}

/**
 * A line that could be a headline, label, kicker, subhead, caption or page name: short, no
 * sentence-final punctuation (titles may end in "?" or "!"), and not visibly a sentence cut off at
 * a column break (ending on a comma, an opening quote, or "……介绍,自").
 */
export function isHeadingLike(text: string, maxLen = 40): boolean {
  const len = text.length;
  if (len === 0 || len > maxLen) return false;
  const last = text.charCodeAt(len - 1);
  // Titles may end in ! or ?, but not in a quoted exclamation ("…太方便了!”") or a long sentence.
  if (last === 0xff01 || last === 0xff1f || last === 0x21 || last === 0x3f) {
    if (len > 24) return false;
  } else if (endsSentence(text)) return false;
  if (OPEN_END[last] === 1) return false;
  for (let i = 0; i < len - 1; i++) {
    const c = text.charCodeAt(i);
    // A full stop or semicolon inside: two sentences, i.e. text.
    if (c === FULL_STOP || c === 0xff1b || c === 0x3b) return false;
  }
  // "……介绍,自" / "……说,五": a comma followed by one or two characters is a cut sentence.
  for (let i = Math.max(0, len - 3); i < len; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xff0c || c === 0x2c) return false;
  }
  if (len > 20 && text.includes("、")) return false;
  if (hasUnclosedOpener(text)) return false;
  return true;
}

/**
 * Whether a heading-like line inside an article body can be a subhead: a short heading phrase
 * ("铸魂强基,党建引领凝聚发展合力") — not a clause opening with "下一步," / "同时,", and with at
 * most one comma. Anything else is a sentence that lost its end.
 */
export function isSubheadLike(text: string): boolean {
  if (text.length > 30) return false;
  let commas = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xff0c || c === 0x2c) commas++;
  }
  if (commas > 1) return false;
  const first = firstClause(text);
  return !(first && first.clause.length > 0 && COMPLETE_OPENERS.has(first.clause));
}

/** Whether a line is nothing but a photo credit: "记者 王刚 摄", "(张三 李四 摄)". */
export function isBareCredit(text: string): boolean {
  if (text.length > 40 || text.charCodeAt(text.length - 1) === 0x3002) return false;
  const m = PHOTO_CREDIT.exec(text);
  if (!m) return false;
  const c0 = text.charCodeAt(0);
  return m.index === 0 || (m.index === 1 && (c0 === 0xff08 || c0 === 0x28));
}

/** Whether a line is a photo caption by its form: a closing "记者 张三 摄" credit or "图为…". */
export function looksLikeCaption(text: string): boolean {
  if (text.length > 120) return false;
  if (CAPTION_FIRST[text.charCodeAt(0)] === 1 && CAPTION_START.test(text)) return true;
  let i = text.length - 1;
  while (i >= 0 && (text.charCodeAt(i) === 0x29 || text.charCodeAt(i) === 0xff09 || text.charCodeAt(i) === 0x20)) i--;
  return text.charCodeAt(i) === 0x6444; // 摄
}

/**
 * A jump line on its own (转版提示): "(上接A01版)" → "from" (the text below began on another page),
 * "(下转A04版)" / "(转第3版)" → "to" (the text above goes on on another page); otherwise null.
 */
export function jumpLine(text: string): "from" | "to" | null {
  const n = text.length;
  if (n < 4 || n > 20) return null;
  const c0 = text.charCodeAt(0);
  const last = text.charCodeAt(n - 1);
  if ((c0 !== 0xff08 && c0 !== 0x28) || (last !== 0xff09 && last !== 0x29)) return null;
  if (CONTINUED_FROM.test(text)) return "from";
  return CONTINUED_ON.test(text) ? "to" : null;
}

/** Whether a paragraph ends on a jump to another page printed after its last words ("…纠纷(下转A05版)"). */
export function endsWithJump(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  return (last === 0xff09 || last === 0x29) && CONTINUED_ON_END.test(text.slice(-20));
}

/** How long the jump from another page is that a paragraph opens with ("(上接第1版)全市…"), or 0. */
export function jumpAtStart(text: string): number {
  const c0 = text.charCodeAt(0);
  if (c0 !== 0xff08 && c0 !== 0x28) return 0;
  return CONTINUED_FROM_START.exec(text)?.[0].length ?? 0;
}
