/**
 * An article segment → a draft article: its head read (label, kicker, title, subtitle, bylines)
 * and its body turned into blocks — paragraphs (split ones joined back at column breaks), subheads
 * and captions.
 */
import { parseDateline, parsePhotoCredit } from "./bylines";
import type { Token } from "./classify";
import { isLabelLike, isLabelNamedIn, placeLength, startsWithPlace } from "./departments";
import { BULLETS, isRubricLine, KICKER_SHAPE, opensEditorsNote, OWN_PLACE } from "./rules";
import { endsMidClause, endsOpen, endsSentence, endsWithJump, isBareCredit, isSubheadLike, jumpAtStart, jumpLine, looksLikeCaption, startsFresh } from "./sentences";
import type { ArticleSegment } from "./segment";
import type { Block, Byline } from "./types";

/** An article with its head read and its body in blocks; enrichment (dates, category) comes later. */
export interface DraftArticle {
  label: string | null;
  kicker: string | null;
  title: string;
  subtitle: string | null;
  bylines: Byline[];
  blocks: Block[];
  headLines: number[];
  /** First source line of the article (its head), for ordering and messages. */
  firstLine: number;
  /**
   * The article is a piece opened by a rubric ("记者手记", "图片新闻"): a box that echoes the story
   * beside it on purpose, so sharing its words is no sign of a paragraph printed in the wrong place.
   */
  rubric: boolean;
}

/** Page-wide layout evidence the body reader uses. */
export interface Layout {
  /** Paragraphs on this page open with an indent, so an indented line is a new paragraph. */
  indentedParagraphs: boolean;
}


/**
 * Whether a head line opens with its own subject, a place ("青州市完成…", "聊城…", "全市…"): it
 * starts a sentence of its own, so the line above it is a kicker, not the title's first half.
 */
function opensWithSubject(text: string): boolean {
  return placeLength(text, 0) > 0 || OWN_PLACE.test(text) || startsWithPlace(text);
}

/** Most characters of each half of a headline printed over two short lines. */
const SHORT_HALF = 8;

/**
 * Reads label / kicker / title from the head lines above an anchor (top to bottom):
 * a label names a place or body ("临清市", "东昌府区人民法院"), by its shape or because the article's
 * opening `body` names it again (see `isLabelNamedIn`); a kicker is a lead-in phrase over the
 * title ("坚持人民至上 守护舌尖安全", "守护“舌尖上的安全”" over "青州市完成…"), a line set apart
 * by a blank line, or a rubric ("记者手记"); two plain adjacent lines are one title printed over two
 * lines and are joined — always so when the first ends on a comma ("小院经济“热”起来," / "农家日子“火”起来").
 */
export function readHead(heads: readonly Token[], body: readonly Token[] = []): { label: string | null; kicker: string | null; title: string } {
  let rest = [...heads];
  let label: string | null = null;
  let kicker: string | null = null;
  if (rest.length >= 2 && (isLabelLike((rest[0] as Token).text) || isLabelNamedIn((rest[0] as Token).text, body))) {
    label = (rest[0] as Token).text;
    rest = rest.slice(1);
  }
  if (rest.length >= 3) {
    kicker = (rest[0] as Token).text;
    rest = rest.slice(1);
  } else if (rest.length === 2) {
    const [top, below] = rest as [Token, Token];
    // Two short lines with no space between phrases are one headline cut in two halves, a list
    // ("节前猪肉、鸡蛋" / "价格稳中有降") being its subject rather than a kicker of its own.
    const halves = top.text.length <= SHORT_HALF && below.text.length <= SHORT_HALF && !/\s/u.test(top.text);
    if (!endsOpen(top.text) && (below.gapBefore > 0 || (KICKER_SHAPE.test(top.text) && !halves) || opensWithSubject(below.text) || isRubricLine(top.text))) {
      kicker = top.text;
      rest = [below];
    }
  }
  return { label, kicker, title: rest.map((t) => t.text).join("") };
}

/** Whether a paragraph is an editor's note ("编者按:…"): the article's text, but not its lead. */
export const isEditorsNoteText = opensEditorsNote;

const paragraph = (t: Token): Block => ({ type: "paragraph", text: t.text, sourceLines: [t.no], flags: [] });
const caption = (t: Token): Block => ({ type: "caption", text: t.text, sourceLines: [t.no], flags: [] });

/**
 * The paragraph a line may continue: the last block, or the paragraph before a photo caption that
 * was printed inside the column flow, between the paragraph's two halves.
 */
function openBlock(blocks: readonly Block[]): Block | undefined {
  const last = blocks[blocks.length - 1];
  if (last?.type !== "caption") return last;
  const before = blocks[blocks.length - 2];
  return before?.type === "paragraph" && !endsSentence(before.text) ? before : last;
}

/** Whether a line continues an unfinished paragraph across a column break. */
function continues(prev: Block | undefined, next: Token, layout: Layout): prev is Block {
  if (!prev || prev.type !== "paragraph" || endsSentence(prev.text)) return false;
  if (next.kind === "dateline" || next.kind === "subtitle" || next.kind === "ad-marker" || next.kind === "jump") return false;
  // A jump line ends or opens the text on this page: what is cut there goes on on another page.
  if (prev.flags.includes("jump") && (jumpLine(prev.text) !== null || endsWithJump(prev.text))) return false;
  // A bulleted line ("■ 智慧助餐") is a subhead or byline by its bullet, never a sentence's tail.
  if (BULLETS[next.text.charCodeAt(0)] === 1) return false;
  // On a page whose paragraphs are indented, an indented line starts a new paragraph.
  if (layout.indentedParagraphs && next.indent) return false;
  // A comma or an opening quote at the end leaves no doubt; otherwise a fresh opener ("一是",
  // "同时,") means the first paragraph lost its end rather than continuing here.
  return endsMidClause(prev.text) || !startsFresh(next.text);
}

function join(prev: Block, t: Token): void {
  prev.text += t.text;
  prev.sourceLines.push(t.no);
  if (!prev.flags.includes("joined")) prev.flags.push("joined");
}

/**
 * Turns body tokens into blocks:
 * - running text → paragraphs; a paragraph split mid-sentence at a column break (blank lines
 *   between) is joined back and flagged `joined` — never onto a subhead or a caption;
 * - short heading-like lines followed by more text → subheads (adjacent lines form one subhead and
 *   keep their line break);
 * - short heading phrases after the last paragraph, and lines with a photo credit ("记者 张三 摄")
 *   or "图为…" anywhere → captions; a paragraph split around a caption printed inside the column
 *   flow is joined across it.
 *
 * Byline lines left at the very end of the body ("本报通讯员 张三") are returned separately.
 * `photoCredited`: the article's byline credits photos (文/图, 摄), so captions are to be expected.
 */
export function buildBlocks(
  body: readonly Token[],
  layout: Layout,
  photoCredited = false,
): { blocks: Block[]; trailingBylines: Extract<Token, { kind: "byline" }>[] } {
  const blocks: Block[] = [];
  // Bylines printed under the last paragraph belong to the head information, not the text.
  let end = body.length;
  while (end > 0 && body[end - 1]?.kind === "byline") end--;
  const trailingBylines = body.slice(end) as Extract<Token, { kind: "byline" }>[];
  // Index of the last token that is running text: heading lines after it are captions. On an
  // indented page an indented heading line is running text — unless the byline credits photos
  // ("文/图", "摄"): then a short phrase after the last paragraph is a caption, however it is set.
  let lastText = -1;
  for (let i = 0; i < end; i++) {
    const b = body[i] as Token;
    const indentedText = layout.indentedParagraphs && b.indent && !photoCredited;
    if (b.kind !== "jump" && (b.kind !== "heading" || indentedText) && !looksLikeCaption(b.text)) lastText = i;
  }
  for (let i = 0; i < end; i++) {
    const t = body[i] as Token;
    const prev = openBlock(blocks);
    const last = blocks[blocks.length - 1];
    // A credit on a line of its own right under a caption line ("记者 王刚 摄") is that caption's:
    // one caption over two lines, its line break kept.
    if (last?.type === "caption" && t.gapBefore === 0 && isBareCredit(t.text)) {
      last.text += `\n${t.text}`;
      last.sourceLines.push(t.no);
      continue;
    }
    // A jump line is kept as a paragraph of its own, flagged, so readers see where the text goes on.
    if (t.kind === "jump") {
      blocks.push({ type: "paragraph", text: t.text, sourceLines: [t.no], flags: ["jump"] });
      continue;
    }
    const credited = body[i + 1] !== undefined && (body[i + 1] as Token).gapBefore === 0 && t.text.length <= 120 && isBareCredit((body[i + 1] as Token).text);
    if (t.kind !== "dateline" && (looksLikeCaption(t.text) || credited)) {
      blocks.push(caption(t));
      continue;
    }
    // On a page whose paragraphs are indented, an indented short line opens a paragraph: subheads,
    // captions and continuations are not indented.
    if (t.kind === "heading" && !(layout.indentedParagraphs && t.indent && !(photoCredited && i > lastText))) {
      const trailing = i > lastText;
      // A short line finishing an unfinished paragraph: the rest of its sentence, not a heading.
      if (continues(prev, t, layout) && (trailing || endsMidClause(prev.text) || body[i + 1]?.kind !== "text")) {
        join(prev, t);
        continue;
      }
      // After the last paragraph a heading phrase is a caption; a clause ("下一步,该县将继续…,推动")
      // is a paragraph that lost its end.
      if (trailing) {
        blocks.push(isSubheadLike(t.text) ? caption(t) : paragraph(t));
        continue;
      }
      if (!isSubheadLike(t.text)) {
        blocks.push(paragraph(t));
        continue;
      }
      // Adjacent heading lines form one subhead printed over two (or three) lines.
      const group: Token[] = [t];
      while (i + 1 < end && body[i + 1]?.kind === "heading" && body[i + 1]?.gapBefore === 0 && group.length < 3) group.push(body[++i] as Token);
      blocks.push({ type: "subhead", text: group.map((g) => g.text).join("\n"), sourceLines: group.map((g) => g.no), flags: [] });
      continue;
    }
    if (continues(prev, t, layout)) {
      join(prev, t);
      if (endsWithJump(t.text) && !prev.flags.includes("jump")) prev.flags.push("jump");
      continue;
    }
    const p = paragraph(t);
    // A jump printed inside the paragraph, after its last words or before its first ones.
    if (endsWithJump(t.text) || jumpAtStart(t.text) > 0) p.flags.push("jump");
    blocks.push(p);
  }
  return { blocks, trailingBylines };
}

/** Adds people to a byline list, skipping repeats of the same name in the same role. */
function addPeople(into: Byline[], people: readonly Byline[]): void {
  for (const p of people) if (!into.some((b) => b.name === p.name && b.role === p.role)) into.push(p);
}

/** Builds a draft article from its segment. */
export function assembleArticle(seg: ArticleSegment, layout: Layout): DraftArticle {
  const { label, kicker, title } = readHead(seg.heads, seg.body);
  const bylines: Byline[] = [];
  for (const t of seg.bylines) addPeople(bylines, t.people);
  // The lead, after an editor's note that may open the text.
  const first = seg.body[0] && isEditorsNoteText(seg.body[0].text) ? seg.body[1] : seg.body[0];
  if (first && first.kind === "dateline") addPeople(bylines, parseDateline(first.text));
  const photoCredited = bylines.some((b) => b.role === "photographer" || b.role === "writer-photographer");
  const { blocks, trailingBylines } = buildBlocks(seg.body, layout, photoCredited);
  for (const t of trailingBylines) addPeople(bylines, t.people);
  for (const b of blocks) if (b.type === "caption") addPeople(bylines, parsePhotoCredit(b.text));
  const headLines: number[] = [];
  for (const t of seg.heads) headLines.push(t.no);
  if (seg.subtitle) headLines.push(seg.subtitle.no);
  for (const t of seg.bylines) headLines.push(t.no);
  for (const t of trailingBylines) headLines.push(t.no);
  // Nearly in order already (only a subtitle may follow a byline): an insertion sort is cheapest.
  for (let i = 1; i < headLines.length; i++) {
    const v = headLines[i] as number;
    let k = i;
    for (; k > 0 && (headLines[k - 1] as number) > v; k--) headLines[k] = headLines[k - 1] as number;
    headLines[k] = v;
  }
  return {
    label,
    kicker,
    title,
    subtitle: seg.subtitle?.subtitle ?? null,
    bylines,
    blocks,
    headLines,
    firstLine: seg.heads[0]?.no ?? seg.body[0]?.no ?? 0,
    rubric: seg.heads.some((t) => isRubricLine(t.text)),
  };
}
