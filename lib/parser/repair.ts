/**
 * Repairs across blocks and articles, each leaving a flag, the source lines and (for moves) a
 * warning:
 * - `relocated`: paragraphs printed after a different article (column flow) go back to the article
 *   they are about, judged by shared rare terms; lines before the first article are placed the
 *   same way, or kept as orphans;
 * - `start-missing` / `end-missing`: paragraphs that evidently begin or end mid-sentence.
 */
import type { DraftArticle } from "./assemble";
import type { Token } from "./classify";
import { pairKey } from "./lexicon";
import { perProfile } from "./profile";
import { CONTINUED_FROM, TERM_CHAR } from "./rules";
import { endsSentence, endsWithJump, jumpAtStart, jumpLine, startsFresh, startsMidSentence, endsMidClause } from "./sentences";
import type { Block, ParseWarning } from "./types";

// ---------------------------------------------------------------------------------------------
// Terms: CJK bigrams, hashed into 64K slots.
//
// Topic similarity is judged on shared terms, where a term is a bigram of ideographs (Chinese has
// no spaces; bigrams are the usual unit). Each bigram is hashed straight to one of 65,536 slots: a
// page holds a few thousand distinct bigrams, so two rarely share a slot, and when they do the only
// effect is a slightly blurred score. In exchange the whole model is a handful of typed arrays
// indexed by slot — no hash map, no string, no allocation per term — which is what lets relocation
// run on every page at full speed.
//
// A slot is renamed to a small page-local id the first time the page uses it, and the tables are
// indexed by id: a page's terms then fill the first few thousand entries of each table, which stay
// in cache, rather than being spread over 64K entries of six tables (a cache miss per table per
// term). Forgetting a page is clearing those first entries.

// Terms are bigrams of TERM_CHAR ideographs (rules.ts): CJK, less the stop characters.

/** Bigrams common to nearly every news story. */
const STOP_WORDS = (
  "工作 进行 开展 推动 推进 实现 发展 提升 服务 建设 相关 通过 以及 全市 记者 今年 目前 持续 不断 群众 积极 有效 加强 " +
  "城市 市民 报讯 通讯 讯员 我市 全省 全国 坚持 落实 成为 已经 进一 一步 同时 表示 介绍 据悉 部门 单位 方面 情况 问题 " +
  "重要 重点 活动 领域 体系 机制 能力 水平 质量 效能 成效 作用 举措 措施 力量 全面 深入 不仅 更加 切实"
).split(" ");

const SLOT_BITS = 16;
const SLOTS = 1 << SLOT_BITS;
const slotOf = (a: number, b: number) => Math.imul(pairKey(a, b), 0x9e3779b1) >>> (32 - SLOT_BITS);

/** The id of stop-word slots: set once, never a term (ids count up from 1 and stay far below). */
const STOP = 0xffff;
/** slot → its id on the current page (0: not used yet; STOP: a stop word) */
const idOfSlot = new Uint16Array(SLOTS);
const GENERAL_STOP_SLOTS = new Set(STOP_WORDS.map((w) => slotOf(w.charCodeAt(0), w.charCodeAt(1))));
for (const slot of GENERAL_STOP_SLOTS) idOfSlot[slot] = STOP;
/**
 * The paper's own stop words (its city's name, "聊城" in 聊城日报): in nearly every story of that
 * paper, so no evidence of topic. Marked for the page in progress and unmarked with it.
 */
const paperStopSlots = perProfile((p) =>
  p.stopBigrams.map((w) => slotOf(w.charCodeAt(0), w.charCodeAt(1))).filter((slot) => !GENERAL_STOP_SLOTS.has(slot)),
);
let markedStops: readonly number[] = [];
function markPaperStops(): void {
  markedStops = paperStopSlots();
  for (const slot of markedStops) idOfSlot[slot] = STOP;
}
/** id → slot, to forget the page's ids afterwards */
const slotOfId = new Uint16Array(SLOTS);
/** The next free id; ids 1 … nextId − 1 are the page's terms. */
let nextId = 1;

/** Articles a page's relocation looks at (one bit each in the masks below). */
const MAX_ARTICLES = 31;

// Scratch tables by term id, reused for every page (the parser is synchronous, so they are never
// shared between two parses in flight) and cleared up to `nextId` after each.
/** id → the latest text that used it (each text lists a term once) */
const seenAt = new Uint32Array(SLOTS);
let seenStamp = 0;
/** id → articles whose head or lead uses it (the first look) */
const profile = new Uint32Array(SLOTS);
/** id → articles whose head uses it */
const inHead = new Uint32Array(SLOTS);
/** id → articles whose head or any paragraph uses it */
const inArticle = new Uint32Array(SLOTS);
/** id → in how many paragraphs of the article under suspicion it occurs, less those set aside */
const ownCount = new Int32Array(SLOTS);
/** id → the term's rarity across the page's articles (set for the terms of the articles) */
const idfOf = new Float64Array(SLOTS);

/**
 * Where `termsInto` puts a text's terms (grown to the longest text read): the first look reads the
 * terms of two paragraphs per article once and drops them, so they need no array of their own.
 */
let termScratch = new Int32Array(1024);

/** Starts a new set of distinct terms: terms seen before this no longer count as repeats. */
function newTermSet(): void {
  seenStamp = (seenStamp + 1) >>> 0;
  if (seenStamp === 0) {
    seenAt.fill(0);
    seenStamp = 1;
  }
}

/**
 * The distinct topical terms (ids) of a text (up to `limit` characters), in text order: bigrams
 * of ideographs without stop characters or stop words. Pushed onto `keep`, or (null) written to
 * termScratch[0, count); returns the count. With `fresh` false the text continues the set of the
 * call before (as if the texts were one, parted by a line break), its repeats left out.
 */
function collectTerms(text: string, limit: number, keep: number[] | null, fresh = true): number {
  if (fresh) newTermSet();
  const n = Math.min(text.length, limit);
  if (keep === null && termScratch.length < n) termScratch = new Int32Array(Math.max(n, 2 * termScratch.length));
  const out = termScratch;
  let count = 0;
  let prev = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (TERM_CHAR[c] !== 1) {
      prev = 0;
      continue;
    }
    if (prev !== 0) {
      const slot = slotOf(prev, c);
      let id = idOfSlot[slot] as number;
      if (id === 0) {
        id = nextId++;
        idOfSlot[slot] = id;
        slotOfId[id] = slot;
      }
      if (id !== STOP && seenAt[id] !== seenStamp) {
        seenAt[id] = seenStamp;
        if (keep === null) out[count] = id;
        else keep.push(id);
        count++;
      }
    }
    prev = c;
  }
  return count;
}

/** The terms of a text (see `collectTerms`) in termScratch, for terms read at once; returns the count. */
const termsInto = (text: string, limit: number) => collectTerms(text, limit, null);

/** The terms of a text (see `collectTerms`) as an array of its own, for terms kept. */
function termsOf(text: string): number[] {
  const terms: number[] = [];
  collectTerms(text, text.length, terms);
  return terms;
}

/** Forgets the page: its ids and everything recorded for them. */
function clearPage(): void {
  for (let id = 1; id < nextId; id++) idOfSlot[slotOfId[id] as number] = 0;
  for (const slot of markedStops) idOfSlot[slot] = 0;
  markedStops = [];
  profile.fill(0, 0, nextId);
  inHead.fill(0, 0, nextId);
  inArticle.fill(0, 0, nextId);
  ownCount.fill(0, 0, nextId);
  idfOf.fill(0, 0, nextId);
  nextId = 1;
}

function mark(table: Uint32Array, terms: ArrayLike<number>, bit: number, count = terms.length): void {
  for (let i = 0; i < count; i++) {
    const t = terms[i] as number;
    table[t] = (table[t] as number) | bit;
  }
}

/**
 * The terms of an article's head: label, kicker, title and subtitle, as if printed one per line —
 * collected part by part (no pair spans a line break) rather than from a string joined for it.
 */
function headTerms(a: DraftArticle): number[] {
  const terms: number[] = [];
  newTermSet();
  if (a.label) collectTerms(a.label, a.label.length, terms, false);
  if (a.kicker) collectTerms(a.kicker, a.kicker.length, terms, false);
  collectTerms(a.title, a.title.length, terms, false);
  if (a.subtitle) collectTerms(a.subtitle, a.subtitle.length, terms, false);
  return terms;
}

function countParagraphs(a: DraftArticle): number {
  let n = 0;
  for (const b of a.blocks) if (b.type === "paragraph" && !isJumpBlock(b)) n++;
  return n;
}

/** How much of a last paragraph the first look reads (a paragraph names its subject early). */
const TAIL_PROFILE = 120;

/** Scratch: per article, how many of a last paragraph's terms its head uses. */
const hits = new Int32Array(MAX_ARTICLES);

/**
 * The first look, cheap enough for every page: articles whose last paragraph shares clearly more
 * terms with another article's headline (label, kicker, title, subtitle) and lead than with its
 * own — a stray paragraph names what its story is about, and a story names its subject in the
 * head or the lead (a quoted title such as "“家门口就能办,真方便!”" names none). Only these get the
 * full comparison.
 */
function findSuspects(articles: readonly DraftArticle[], heads: readonly (readonly number[])[], n: number): number[] {
  for (let a = 0; a < n; a++) {
    mark(profile, heads[a] as readonly number[], 1 << a);
    const lead = (articles[a] as DraftArticle).blocks.find((b) => b.type === "paragraph" && !isJumpBlock(b));
    if (lead) {
      const count = termsInto(lead.text, TAIL_PROFILE);
      mark(profile, termScratch, 1 << a, count);
    }
  }
  const suspects: number[] = [];
  for (let a = 0; a < n; a++) {
    const art = articles[a] as DraftArticle;
    // The text next to a jump to another page is that article's, cut there: nothing strayed after it.
    // A rubric's box ("记者手记") restates the story beside it on purpose: its likeness proves nothing.
    if (continuesElsewhere(art) || art.rubric) continue;
    let last: Block | undefined;
    let paras = 0;
    for (const b of art.blocks) {
      if (b.type !== "paragraph" || isJumpBlock(b)) continue;
      last = b;
      paras++;
    }
    if (paras < 2 || !last) continue;
    hits.fill(0, 0, n);
    const count = termsInto(last.text, TAIL_PROFILE);
    for (let i = 0; i < count; i++) {
      // Each article whose profile has the term, by its bit (lowest first): only the set bits.
      for (let mask = profile[termScratch[i] as number] as number; mask !== 0; mask &= mask - 1) hits[31 - Math.clz32(mask & -mask)]!++;
    }
    const own = hits[a] as number;
    for (let b = 0; b < n; b++) {
      if (b !== a && (hits[b] as number) >= 2 && (hits[b] as number) > 2 * own) {
        suspects.push(a);
        break;
      }
    }
  }
  return suspects;
}

// ---------------------------------------------------------------------------------------------
// Topic scoring

const popcount = (x: number) => {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) as number;
};

/** Scratch for TopicModel.idfByCount: one model at a time (per page), so one table serves all. */
const IDF_BY_COUNT = new Float64Array(MAX_ARTICLES + 2);

/**
 * The page's topic model: for every term, which articles use it in their head and which
 * anywhere. A paragraph's affinity to an article is the sum, over the terms they share, of the
 * term's rarity across the page's articles (idf), doubled for terms of the article's headline.
 */
class TopicModel {
  /** The terms of each block of each article (null for subheads and captions), read once. */
  readonly blockTerms: (readonly number[] | null)[][];
  /** Rarity by the number of articles using a term (every entry set by the constructor). */
  private readonly idfByCount = IDF_BY_COUNT;

  constructor(
    articles: readonly DraftArticle[],
    heads: readonly (readonly number[])[],
    private readonly n: number,
  ) {
    this.blockTerms = articles.map((art, a) => {
      if (a >= n) return [];
      const bit = 1 << a;
      const head = heads[a] as readonly number[];
      mark(inHead, head, bit);
      mark(inArticle, head, bit);
      return art.blocks.map((b) => {
        if (b.type !== "paragraph" || isJumpBlock(b)) return null;
        const terms = termsOf(b.text);
        mark(inArticle, terms, bit);
        return terms;
      });
    });
    // Rarity of every term across the page's articles, computed once: it depends only on how many
    // articles use the term, so there are at most n + 1 values.
    const idfByCount = this.idfByCount;
    for (let df = 0; df < idfByCount.length; df++) idfByCount[df] = Math.log((n + 1) / Math.max(df, 1));
    for (let t = 1; t < nextId; t++) {
      idfOf[t] = idfByCount[popcount(((inArticle[t] as number) | (inHead[t] as number)) >>> 0)] as number;
    }
  }

  /**
   * For the article under suspicion: counts in how many of its paragraphs each term occurs, or
   * (with `count` false) forgets those counts again so the next suspect starts from zero.
   */
  countOwn(a: number, count: boolean): void {
    for (const terms of this.blockTerms[a] ?? []) {
      if (!terms) continue;
      for (let i = 0; i < terms.length; i++) ownCount[terms[i] as number] = count ? (ownCount[terms[i] as number] as number) + 1 : 0;
    }
  }

  /** Sets a paragraph aside from its own article's counts (it is moving away). */
  setAside(terms: readonly number[]): void {
    for (let i = 0; i < terms.length; i++) ownCount[terms[i] as number]!--;
  }

  /**
   * Affinity of a paragraph (its terms) to article `a`. With `own`, `a` is the paragraph's own
   * article, counted without the paragraph itself and those set aside. With `host` (for another
   * article `a`), the paragraph's own article counts towards a term's commonness only if it uses
   * the term elsewhere: a stray paragraph must not make its own words look common — on a page of
   * three articles that halves the weight of every word it shares with its real article.
   */
  affinity(terms: readonly number[], a: number, own: boolean, host = -1): number {
    const bit = 1 << a;
    const hostBit = host >= 0 ? 1 << host : 0;
    let score = 0;
    for (let i = 0; i < terms.length; i++) {
      const t = terms[i] as number;
      if (((inArticle[t] as number) & bit) === 0) continue;
      let w = idfOf[t] as number;
      if (hostBit !== 0 && ((inHead[t] as number) & hostBit) === 0 && (ownCount[t] as number) - 1 <= 0) {
        w = this.idfByCount[popcount(((inArticle[t] as number) | (inHead[t] as number)) >>> 0) - 1] as number;
      }
      if (w <= 0) continue;
      if (((inHead[t] as number) & bit) !== 0) score += 2 * w;
      else if (!own || (ownCount[t] as number) - 1 > 0) score += w;
    }
    return score;
  }

  /** The article a paragraph clearly belongs to (other than `own`, -1 for none), or -1. */
  clearWinner(terms: readonly number[], own: number): number {
    const ownScore = own >= 0 ? this.affinity(terms, own, true) : 0;
    let best = -1;
    let bestScore = 0;
    let second = 0;
    for (let b = 0; b < this.n; b++) {
      if (b === own) continue;
      const s = this.affinity(terms, b, false, own);
      if (s > bestScore) {
        second = bestScore;
        bestScore = s;
        best = b;
      } else if (s > second) second = s;
    }
    const clear = bestScore >= MIN_SCORE && bestScore > 2 * ownScore + 2 && bestScore >= 1.5 * second;
    return clear ? best : -1;
  }
}

/** Least shared-term score for a move (about three rare terms shared with the headline). */
const MIN_SCORE = 6;

// ---------------------------------------------------------------------------------------------
// Moves

interface Move {
  from: number; // -1: a leading fragment
  blocks: Block[];
  to: number;
}

/**
 * Moves paragraphs printed after a different article back to the article they belong to, and
 * places leading fragments (lines above the first article) the same way. Only a run at the tail of
 * an article is considered, each paragraph clearly more about one other article (shared rare
 * terms) than about its own, and at most half of the article. Moved paragraphs go to the end of
 * their article (before its captions), flagged `relocated`; one that finishes the sentence the
 * article's last paragraph left open is joined to it. Returns the fragments it could not place.
 */
export function relocate(articles: DraftArticle[], fragments: Token[][], warnings: ParseWarning[]): Token[][] {
  if (articles.length === 0 || (articles.length < 2 && fragments.length === 0)) return fragments;
  const n = Math.min(articles.length, MAX_ARTICLES);
  markPaperStops();
  try {
    const heads: number[][] = [];
    for (let a = 0; a < n; a++) heads.push(headTerms(articles[a] as DraftArticle));
    const suspects = n >= 2 ? findSuspects(articles, heads, n) : [];
    if (suspects.length === 0 && fragments.length === 0) return fragments;
    const model = new TopicModel(articles, heads, n);
    const moves: Move[] = [];

    for (const a of suspects) {
      const art = articles[a] as DraftArticle;
      const own = model.blockTerms[a] ?? [];
      // The article's tail: its last paragraphs (after any captions), up to half of them, and
      // never its first block.
      let i = art.blocks.length - 1;
      while (i >= 0 && art.blocks[i]?.type === "caption") i--;
      const maxRun = Math.floor(countParagraphs(art) / 2);
      const tail: number[] = [];
      for (; i > 0 && tail.length < maxRun && own[i]; i--) tail.push(i);
      // Strays printed together support one another in their host, so a run is judged as a run:
      // the longest tail run whose paragraphs, all set aside, each clearly belong to the same article.
      let run: number[] = [];
      let target = -1;
      // The article's own counts, with the run's paragraphs set aside one more each round (the
      // counts for run k are those for run k − 1 less its new paragraph: no recount per round).
      model.countOwn(a, true);
      for (let k = 1; k <= tail.length; k++) {
        model.setAside(own[tail[k - 1] as number] as readonly number[]);
        let to = -1;
        for (let r = 0; r < k; r++) {
          const terms = own[tail[r] as number] as readonly number[];
          // Judged as the others are: itself set aside, then counted once more for `affinity`.
          for (let x = 0; x < terms.length; x++) ownCount[terms[x] as number]!++;
          const w = model.clearWinner(terms, a);
          for (let x = 0; x < terms.length; x++) ownCount[terms[x] as number]!--;
          if (w < 0 || (to >= 0 && w !== to)) {
            to = -1;
            break;
          }
          to = w;
        }
        if (to >= 0) {
          run = tail.slice(0, k).reverse();
          target = to;
        }
      }
      model.countOwn(a, false);
      if (target < 0 || run.length === 0) continue;
      const blocks = run.map((k) => art.blocks[k] as Block);
      art.blocks = art.blocks.filter((_, k) => !run.includes(k));
      moves.push({ from: a, blocks, to: target });
    }

    const unplaced: Token[][] = [];
    for (const frag of fragments) {
      // Text continued from another page ("(上接A01版)…") belongs to an article that began there.
      if (CONTINUED_FROM.test(frag[0]?.text ?? "")) {
        unplaced.push(frag);
        continue;
      }
      const to = model.clearWinner(termsOf(frag.map((t) => t.text).join("\n")), -1);
      if (to < 0) unplaced.push(frag);
      else moves.push({ from: -1, blocks: fragmentBlocks(frag), to });
    }

    for (const m of moves) applyMove(articles, m, warnings);
    return unplaced;
  } finally {
    clearPage();
  }
}

/** A leading fragment's lines as paragraphs (split sentences joined back). */
function fragmentBlocks(frag: readonly Token[]): Block[] {
  const out: Block[] = [];
  for (const t of frag) {
    const prev = out[out.length - 1];
    if (prev && !endsSentence(prev.text) && (endsMidClause(prev.text) || !startsFresh(t.text))) {
      prev.text += t.text;
      prev.sourceLines.push(t.no);
      if (!prev.flags.includes("joined")) prev.flags.push("joined");
    } else out.push({ type: "paragraph", text: t.text, sourceLines: [t.no], flags: [] });
  }
  return out;
}

function applyMove(articles: DraftArticle[], m: Move, warnings: ParseWarning[]): void {
  const to = articles[m.to] as DraftArticle;
  let at = to.blocks.length;
  // Before the captions, and before a jump line that ends the article's text on this page.
  while (at > 0 && (to.blocks[at - 1]?.type === "caption" || isJumpBlock(to.blocks[at - 1] as Block))) at--;
  const moved = m.blocks.map((b) => ({ ...b, flags: [...b.flags, "relocated" as const] }));
  // The target's last paragraph left a sentence open and the moved text finishes it: one paragraph.
  // Moved text was not printed next to it, so that takes evidence in the text: the target stops
  // mid-clause, or the moved text visibly starts mid-sentence ("罚款。2026年以来…").
  const last = to.blocks[at - 1];
  const head = moved[0];
  if (last && head && last.type === "paragraph" && !endsSentence(last.text) && (endsMidClause(last.text) || startsMidSentence(head.text))) {
    last.text += head.text;
    last.sourceLines.push(...head.sourceLines);
    for (const f of ["joined", "relocated"] as const) if (!last.flags.includes(f)) last.flags.push(f);
    moved.shift();
  }
  to.blocks.splice(at, 0, ...moved);
  const lines = m.blocks.flatMap((b) => b.sourceLines);
  const from = m.from >= 0 ? `印在《${(articles[m.from] as DraftArticle).title}》之后` : "位于本版首篇稿件之前";
  warnings.push({
    code: "relocated",
    message: `第${lines.join("、")}行${from},按内容判断属于《${to.title}》,已移至该稿件末尾,请核对。`,
    lines,
  });
}

// ---------------------------------------------------------------------------------------------
// Damage a reader can see

/**
 * Flags paragraphs that evidently begin or end mid-sentence with their other half lost:
 * `start-missing` (an unmatched closing quote or a lone word at the start, …) and `end-missing`
 * (no sentence-final punctuation, and nothing it could be joined to).
 */
export function markDamage(blocks: Block[]): void {
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i] as Block;
    if (b.type !== "paragraph") continue;
    // A jump line is no sentence; and text cut at a jump goes on (or began) on another page, so
    // nothing of it is lost: "…诉前化解矛盾纠纷" / "(下转A05版)", "(上接A01版)" / "着力在…".
    const jump = b.flags.includes("jump") ? jumpLine(b.text) : null;
    if (jump) continue;
    const start = b.flags.includes("jump") ? jumpAtStart(b.text) : 0;
    const afterJump = start > 0 || jumpBefore(blocks, i) === "from";
    const beforeJump = (b.flags.includes("jump") && endsWithJump(b.text)) || jumpAfter(blocks, i) === "to";
    if (!afterJump && startsMidSentence(b.text) && !b.flags.includes("start-missing")) b.flags.push("start-missing");
    if (!beforeJump && !endsSentence(b.text) && !b.flags.includes("end-missing")) {
      const next = blocks[i + 1];
      const lastChar = b.text.charCodeAt(b.text.length - 1);
      const introducesNext = (lastChar === 0xff1a || lastChar === 0x3a) && next?.type === "paragraph"; // ends on a colon
      if (!introducesNext) b.flags.push("end-missing");
    }
  }
}

/** The jump line printed right before block `i` (captions aside), if any. */
function jumpBefore(blocks: readonly Block[], i: number): "from" | "to" | null {
  let k = i - 1;
  while (k >= 0 && blocks[k]?.type === "caption") k--;
  const b = blocks[k];
  return b?.flags.includes("jump") ? jumpLine(b.text) : null;
}

/** The jump line printed right after block `i` (captions aside), if any. */
function jumpAfter(blocks: readonly Block[], i: number): "from" | "to" | null {
  let k = i + 1;
  while (k < blocks.length && blocks[k]?.type === "caption") k++;
  const b = blocks[k];
  return b?.flags.includes("jump") ? jumpLine(b.text) : null;
}

/** Whether a block is a jump line on its own ("(下转A04版)"): no text of the story. */
const isJumpBlock = (b: Block) => b.flags.includes("jump") && jumpLine(b.text) !== null;

/** Whether an article goes on on another page (a jump to it, on its own line or after its last words). */
const continuesElsewhere = (a: DraftArticle) => a.blocks.some((b) => b.flags.includes("jump") && (jumpLine(b.text) === "to" || endsWithJump(b.text)));
