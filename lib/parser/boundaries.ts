/**
 * Article boundaries that no anchor marks. An article is found by the anchor under its head (a
 * "——" subtitle, a byline, a dateline, a rubric: see `segment`), but many are printed with none —
 * wire copy, a 简讯, a court or government notice, a feature whose byline closes it. Their headline
 * then stands inside the body of the article before, where it looks just like a subhead (小标题).
 *
 * So every heading-shaped line inside an article's body (short, no sentence-final punctuation, set
 * apart by a blank line, over running text) is weighed as a *new article* or a *subhead* on several
 * cues at once, each with its weight in `BOUNDARY_CUES`: how the text before it ends, what it
 * follows (an ad, a caption, a closing byline), whether the subject changes across it (lexical
 * cohesion of the text before and after, in the spirit of TextTiling), the line's shape, how the
 * paragraph under it opens, and what kind of article it stands in (short dateline items rarely carry
 * subheads; features do, and their subheads look alike). A score above zero starts an article;
 * a score near zero is reported as a doubt, so editors check those boundaries first.
 */
import type { Token } from "./classify";
import { placeLength } from "./departments";
import { BULLETS, isCjk, isDigit, isRubricLine, opensUndated, PARALLEL_PHRASES, TERM_CHAR } from "./rules";
import { endsSentence, isHeadingLike, isSubheadLike, looksLikeCaption } from "./sentences";

/**
 * The weights of the cues, in one place (positive: a new article; negative: a subhead). A cue
 * either holds for a line or not; cohesion is the one graded cue (see `COHESION`).
 */
export const BOUNDARY_CUES = {
  /** Before any evidence: a heading inside an article's text is its subhead. */
  prior: -1,

  // What stands before the line. (Text broken off mid-sentence there is never followed by a new
  // article: such a line is not weighed at all.)
  /** The article before closed with its byline ("(通讯员 程雅)", "本报记者 冉冬"): it is over. */
  afterClosingByline: 4,
  /** An ad stands between (a column's article does not run on through an ad). */
  afterAd: 3,
  /** A photo caption stands right before: it closes the picture of the article above. */
  afterCaption: 1.5,
  /** The paragraph before closes as articles do ("下一步,…将…", "今后…"): the story before has been told. */
  closingRemark: 1,

  // The article it stands in.
  /** The article opened with a dateline (本报讯…): a short news item, which rarely has subheads. */
  datelineItem: 2,
  /** The article is a feature (a subtitle or a byline in its head, no dateline): features carry subheads. */
  feature: -1.5,
  /** The article already has a subhead shaped like this line (both set phrases, or of a length): one more of them. */
  likeEarlierSubhead: -2.5,
  /** The article is itself a one-paragraph brief found this way: briefs come in runs (简讯). */
  briefRun: 1,

  // The line itself.
  /** A headline's shape: it opens with a place ("梅岭县新增…"), holds a figure ("…1200个") or asks a question. */
  headlineShape: 1,
  /** A set pair of phrases ("政策引路 人才回流"), the usual form of a feature's subhead. */
  setPhrases: -0.5,
  /** Very short, six characters or fewer ("数字赋能"): a section's name more than a story's. */
  shortLine: -1,
  /** A short name over a line that says more ("助餐服务" / "让老人吃得舒心"): the two-line form of a subhead. */
  twoLineSubhead: -2,

  // The text under it. (The change of subject across the line is weighed too: see `COHESION`.)
  /** It opens as a lead does: a date or time ("5月9日起,", "近日,"), "记者从…获悉", "即日起". */
  leadOpener: 1.5,
  /** It refers back ("该中心…", "他…", "这一…"): it goes on about what came before. */
  refersBack: -1.5,
  /** It names a place the article before does not ("日前,青梧县人民检察院…"): another story's. */
  newPlace: 1,
  /** It is one paragraph, the last of the body: a brief (一句话新闻) more than a section. */
  singleParagraph: 0.5,
} as const;

/**
 * Lexical cohesion across the line: the share of distinct word pairs (ideograph bigrams, common
 * ones left out) that the text after it shares with the article before it, as a cosine of the two
 * sets. Below `pivot` the subject changes (a new article), above it the text goes on about the same
 * thing (a subhead); the cue is `weight × (pivot − similarity) / pivot`, held within ±`weight`. With
 * fewer than `minTerms` word pairs on the shorter side the texts are too short to tell, and the cue
 * shrinks in proportion.
 */
export const COHESION = { pivot: 0.12, weight: 2.5, window: 500, minTerms: 30 } as const;

/** Most characters of a line that names a section rather than telling a story. */
const SHORT_LINE = 6;

/** Scores this close to zero are doubts worth an editor's look. */
export const DOUBT_MARGIN = 1;

/** One weighed boundary: the head line's index in the body, its score and the cues that held. */
export interface BoundaryDecision {
  /** Index (in the body) of the first head line. */
  at: number;
  /** Index of the first body token under the head. */
  bodyAt: number;
  score: number;
  newArticle: boolean;
  cues: string[];
}

/** What the segmenter knows of the article a body belongs to. */
export interface ArticleContext {
  headText: string;
  /** The body opens with a dateline (本报讯…). */
  dateline: boolean;
  /** The head has a subtitle or a byline. */
  feature: boolean;
  /** The byline credits photos (文/图, 摄): short lines after a paragraph are its captions. */
  photos: boolean;
}

const MAX_HEAD = 3;

// ---------------------------------------------------------------------------------------------
// Cohesion: ideograph bigrams hashed into 32K slots, one stamp table for both sides.

// Word pairs are bigrams of TERM_CHAR ideographs (rules.ts): CJK, less the stop characters.
// 32K slots: a window on each side holds at most a thousand pairs, so few share a slot.
const SLOT_BITS = 15;
const slotOf = (a: number, b: number) => Math.imul(((a << 16) | b) >>> 0, 0x9e3779b1) >>> (32 - SLOT_BITS);
const STOP_WORDS = (
  "工作 进行 开展 推动 推进 实现 发展 提升 服务 建设 相关 通过 以及 全市 全县 全区 记者 今年 目前 持续 不断 群众 积极 有效 加强 " +
  "城市 市民 报讯 通讯 讯员 我市 全省 全国 坚持 落实 成为 已经 进一 一步 同时 表示 介绍 据悉 部门 单位 方面 情况 问题 " +
  "重要 重点 活动 领域 体系 机制 能力 水平 质量 成效 作用 举措 措施 全面 深入 不仅 更加 负责 责人 近日 以来 万元 亿元"
).split(" ");

/**
 * slot → the stamp of the latest `cohesion` call that saw the pair on the side before (low 16
 * bits) and on the side after (high 16 bits); STOP (all bits set) for the slots of stop words.
 * Both sides and the stop list in one 128 KB table: one read per character, where three tables
 * (a stop list and a stamp table per side) took three.
 */
const sides = new Int32Array(1 << SLOT_BITS);
/** A stop word's slot. Stamps run 1…0xfffe, so no side's stamp is ever 0xffff. */
const STOP = -1;
const LAST_STAMP = 0xfffe;
function resetSides(): void {
  sides.fill(0);
  for (const w of STOP_WORDS) sides[slotOf(w.charCodeAt(0), w.charCodeAt(1))] = STOP;
}
resetSides();
let stamp = 0;

/** Distinct bigrams marked so far on each side, and those of the second side found on the first. */
let distinctBefore = 0;
let distinctAfter = 0;
let shared = 0;

/**
 * Marks the distinct bigrams of text[start, end) on the side before. markBefore and markAfter are
 * the same walk over two halves of one stamp word; kept as two loops, not one with a flag, because
 * this is the parser's hottest loop after the lexicon scan and the branch per character showed.
 */
function markBefore(text: string, start: number, end: number): void {
  let prev = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (TERM_CHAR[c] !== 1) {
      prev = 0;
      continue;
    }
    if (prev !== 0) {
      const s = slotOf(prev, c);
      const v = sides[s] as number;
      if (v !== STOP && (v & 0xffff) !== stamp) {
        sides[s] = (v & ~0xffff) | stamp;
        distinctBefore++;
      }
    }
    prev = c;
  }
}

/** Marks the distinct bigrams of text[start, end) on the side after, counting those the side before has too. */
function markAfter(text: string, start: number, end: number): void {
  let prev = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (TERM_CHAR[c] !== 1) {
      prev = 0;
      continue;
    }
    if (prev !== 0) {
      const s = slotOf(prev, c);
      const v = sides[s] as number;
      if (v !== STOP && v >>> 16 !== stamp) {
        sides[s] = (stamp << 16) | (v & 0xffff);
        distinctAfter++;
        if ((v & 0xffff) === stamp) shared++;
      }
    }
    prev = c;
  }
}

const isRunning = (t: Token) => t.kind === "text" || t.kind === "dateline";

/**
 * Cosine of the bigram sets of the text before a line (the article's head and its running text in
 * body[from, to), read back from `to` for `COHESION.window` characters) and after it (running
 * text in body[afterFrom, afterTo), read on for as many), and the size of the smaller set.
 */
export function cohesion(
  head: string,
  body: readonly Token[],
  from: number,
  to: number,
  afterFrom: number,
  afterTo: number,
): { similarity: number; terms: number } {
  stamp++;
  if (stamp > LAST_STAMP) {
    resetSides();
    stamp = 1;
  }
  distinctBefore = 0;
  distinctAfter = 0;
  shared = 0;
  let budget = COHESION.window;
  for (let k = to - 1; k >= from && budget > 0; k--) {
    const t = body[k] as Token;
    if (!isRunning(t)) continue;
    markBefore(t.text, Math.max(0, t.text.length - budget), t.text.length);
    budget -= t.text.length;
  }
  if (budget > 0) markBefore(head, 0, head.length);
  budget = COHESION.window;
  for (let k = afterFrom; k < afterTo && budget > 0; k++) {
    const t = body[k] as Token;
    if (!isRunning(t)) continue;
    markAfter(t.text, 0, Math.min(t.text.length, budget));
    budget -= t.text.length;
  }
  const terms = Math.min(distinctBefore, distinctAfter);
  return { similarity: terms === 0 ? 0 : shared / Math.sqrt(distinctBefore * distinctAfter), terms };
}

// ---------------------------------------------------------------------------------------------
// Candidates and cues

const LEAD_TIME = /^(?:[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日|[0-9０-９]{1,2}\s*日(?:[上下]午|晚|起|前|至)|即日起|日前|近日|近期|连日来|前不久|近来|记者(?:近日)?从|记者近日|笔者从)/u;

/** Whether a paragraph opens the way a news lead does (a date or time word, "记者从…获悉"). */
export function opensLikeLead(text: string): boolean {
  return LEAD_TIME.test(text) || opensUndated(text);
}

/** Openers that refer back to what the text before named: "该中心", "他", "这一做法", "此外". */
const REFERS_BACK = /^(?:[^,，。]{1,6}[,，])?(?:[^,，。]{0,8}该[\u4e00-\u9fff]|[他她它这此其][\u4e00-\u9fff]|此外|另外|同时|与此同时)/u;
/** How articles close: the next step, or what is to come. */
const CLOSING_REMARK = /(?:下一步|今后|接下来|将继续|将进一步|将持续)[^。]*。[”」]?$/u;

/** Whether a token is a head line candidate in a body: a heading set apart, not a caption, rubric, bullet or slogan. */
function isCandidateLine(t: Token): boolean {
  return (
    t.kind === "heading" &&
    t.gapBefore > 0 &&
    BULLETS[t.text.charCodeAt(0)] !== 1 &&
    !looksLikeCaption(t.text) &&
    !isRubricLine(t.text) &&
    isHeadingLike(t.text)
  );
}

/** Whether a token is running text that could open an article's body. */
const isLeadText = (t: Token | undefined): t is Token => t !== undefined && t.kind === "text" && !looksLikeCaption(t.text) && (endsSentence(t.text) || t.text.length >= 40);

/**
 * Where the head starting at `i` ends: up to three heading lines printed together, then running
 * text. Returns the index of that text, or -1 if `i` is no head over a body.
 */
export function headOver(body: readonly Token[], i: number): number {
  let j = i + 1;
  while (j < body.length && j - i < MAX_HEAD && body[j]?.kind === "heading" && (body[j] as Token).gapBefore === 0 && !looksLikeCaption((body[j] as Token).text)) j++;
  return isLeadText(body[j]) ? j : -1;
}

/** Whether a heading line has a headline's shape: a place opener, a figure, a question. */
function hasHeadlineShape(text: string): boolean {
  if (text.length < 8) return false;
  if (placeLength(text, 0) > 0) return true;
  const last = text.charCodeAt(text.length - 1);
  if (last === 0xff1f || last === 0x3f) return true;
  for (let i = 0; i < text.length; i++) if (isDigit(text.charCodeAt(i))) return true;
  return false;
}

/** Whether two subhead lines look alike: both set phrases, or lengths within three characters. */
function alike(a: string, b: string): boolean {
  const setA = PARALLEL_PHRASES.test(a);
  if (setA !== PARALLEL_PHRASES.test(b)) return false;
  return setA || Math.abs(a.length - b.length) <= 3;
}

/** The next candidate head at or after `from` (index of its first line), or `body.length`. */
function nextCandidate(body: readonly Token[], from: number): number {
  for (let k = from; k < body.length; k++) {
    const t = body[k] as Token;
    if (isCandidateLine(t) && headOver(body, k) >= 0) return k;
    if (t.kind === "ad-marker") return k;
  }
  return body.length;
}

/**
 * Weighs every candidate head in an article's body (`body`, of the article described by `ctx`),
 * top to bottom: after a new article is decided, the cues read the new one. Returns the decisions
 * (new article or subhead) for every candidate weighed.
 */
export function weighBoundaries(body: readonly Token[], ctx: ArticleContext): BoundaryDecision[] {
  const out: BoundaryDecision[] = [];
  let articleStart = 0;
  let headText = ctx.headText;
  let dateline = ctx.dateline;
  let feature = ctx.feature;
  let photos = ctx.photos;
  let briefStart = false;
  let subheads: string[] = [];
  for (let i = 1; i < body.length; i++) {
    const t = body[i] as Token;
    if (!isCandidateLine(t)) continue;
    const bodyAt = headOver(body, i);
    if (bodyAt < 0) continue;
    const prev = body[i - 1] as Token;
    // A paragraph broken off mid-sentence goes on below: the line is inside it (a caption, a slogan).
    if ((prev.kind === "text" || prev.kind === "dateline") && !endsSentence(prev.text)) continue;
    // So is a short clause set apart ("下一步,该局将继续深化改革,推动…"): a paragraph that lost its end.
    if (prev.kind === "heading" && !isSubheadLike(prev.text)) continue;
    const cues: string[] = [];
    let score: number = BOUNDARY_CUES.prior;
    const add = (cue: keyof typeof BOUNDARY_CUES) => {
      score += BOUNDARY_CUES[cue];
      cues.push(cue);
    };
    if (prev.kind === "byline" && prev.closing) add("afterClosingByline");
    else if (prev.kind === "byline" && i - 1 > articleStart) add("afterClosingByline");
    const ad = prev.kind === "ad-marker" || precededByAd(body, i);
    // An ad printed inside a paragraph broken off mid-sentence: what follows it is that sentence's end.
    if (ad && brokenBeforeAd(body, i)) continue;
    if (ad) add("afterAd");
    else if (prev.kind === "heading" && (looksLikeCaption(prev.text) || (photos && i - 2 >= articleStart && (body[i - 2] as Token).kind === "text"))) add("afterCaption");
    if (dateline) add("datelineItem");
    else if (feature) add("feature");
    const lines: string[] = [];
    for (let k = i; k < bodyAt; k++) lines.push((body[k] as Token).text);
    const line = lines.join("");
    if (subheads.some((s) => alike(s, line))) add("likeEarlierSubhead");
    if (hasHeadlineShape(line)) add("headlineShape");
    if (lines.length === 1 && PARALLEL_PHRASES.test(line)) add("setPhrases");
    const lead = (body[bodyAt] as Token).text;
    if (opensLikeLead(lead)) add("leadOpener");
    else if (REFERS_BACK.test(lead)) add("refersBack");
    if ((prev.kind === "text" || prev.kind === "dateline") && CLOSING_REMARK.test(prev.text)) add("closingRemark");
    if ((lines[0] as string).length <= SHORT_LINE) add(lines.length === 1 ? "shortLine" : "twoLineSubhead");
    if (namesNewPlace(lead, body, articleStart, i, headText)) add("newPlace");
    if (briefStart && paragraphsIn(body, articleStart, i) === 1) add("briefRun");
    const end = nextCandidate(body, bodyAt + 1);
    if (end === body.length && bodyAt + 1 === end) add("singleParagraph");
    const { similarity, terms } = cohesion(headText, body, articleStart, i, bodyAt, end);
    const graded = Math.max(-COHESION.weight, Math.min(COHESION.weight, (COHESION.weight * (COHESION.pivot - similarity)) / COHESION.pivot));
    const cohesionCue = graded * Math.min(1, terms / COHESION.minTerms);
    score += cohesionCue;
    cues.push(`cohesion ${similarity.toFixed(2)} (${cohesionCue >= 0 ? "+" : ""}${cohesionCue.toFixed(1)})`);
    const newArticle = score > 0;
    out.push({ at: i, bodyAt, score, newArticle, cues });
    if (newArticle) {
      articleStart = bodyAt;
      headText = line;
      dateline = false;
      feature = false;
      photos = false;
      briefStart = true;
      subheads = [];
    } else {
      subheads.push(line);
    }
    i = bodyAt;
  }
  return out;
}

/** How many paragraphs of running text stand in body tokens [from, to). */
function paragraphsIn(body: readonly Token[], from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) if (isRunning(body[k] as Token)) n++;
  return n;
}

/**
 * Whether the opening of `lead` names a place by its shape ("青梧县…") that neither the article's
 * head nor its text before `to` names.
 */
function namesNewPlace(lead: string, body: readonly Token[], from: number, to: number, headText: string): boolean {
  const n = Math.min(lead.length, 24);
  for (let k = 0; k < n; k++) {
    if (k > 0 && isCjk(lead.charCodeAt(k - 1)) && !PLACE_AFTER[lead.charCodeAt(k - 1)]) continue;
    const len = placeLength(lead, k);
    if (len === 0) continue;
    const place = lead.slice(k, k + len);
    if (headText.includes(place)) return false;
    for (let m = from; m < to; m++) if ((body[m] as Token).text.includes(place)) return false;
    return true;
  }
  return false;
}
/** Characters a place name may follow inside a clause: "在青梧县", "从桐川区", "由…". */
const PLACE_AFTER = new Uint8Array(65536);
for (const c of "在从由据经向对与和及") PLACE_AFTER[c.charCodeAt(0)] = 1;

/** Whether the running text before the ad that stands before `i` breaks off mid-sentence. */
function brokenBeforeAd(body: readonly Token[], i: number): boolean {
  let k = i - 1;
  while (k >= 0 && (body[k] as Token).kind !== "ad-marker") k--;
  const t = body[k - 1];
  // Running text, or a line short enough to look like a heading that is a clause all the same.
  const clause = t !== undefined && (t.kind === "text" || t.kind === "dateline" || (t.kind === "heading" && !isSubheadLike(t.text)));
  return clause && !endsSentence((t as Token).text);
}

/** Whether an ad marker (with at most a few slogan lines under it) stands right before `i`. */
function precededByAd(body: readonly Token[], i: number): boolean {
  for (let k = i - 1; k >= 0 && i - k <= 5; k--) {
    const t = body[k] as Token;
    if (t.kind === "ad-marker") return true;
    if (t.kind !== "heading" && !(t.kind === "text" && t.text.length <= 24)) return false;
  }
  return false;
}
