import { parseBylineLine, parseDatelinePeople, parsePhotoCredit } from "./bylines";
import type { Token } from "./classify";
import { isLabelLike } from "./departments";
import { BAD_START, COMPLETE_OPENERS, DATELINE, SENTENCE_END } from "./rules";
import type { ArticleSegment } from "./segment";
import type { Block, Byline } from "./types";

/** An article with its head read and its body turned into blocks; enrichment comes later. */
export interface DraftArticle {
  label: string | null;
  kicker: string | null;
  title: string;
  subtitle: string | null;
  bylines: Byline[];
  blocks: Block[];
  headLines: number[];
  /** True when the byline says the photos are the writers' (文图) or a caption credits 摄. */
  hasPhotos: boolean;
}

/** Reads label / kicker / title from the head lines above an anchor. */
export function readHead(heads: Token[]): { label: string | null; kicker: string | null; title: string } {
  const lines = heads.map((t) => t.text);
  let label: string | null = null;
  let kicker: string | null = null;
  if (lines.length >= 2 && isLabelLike(lines[0] ?? "")) label = lines.shift() ?? null;
  if (lines.length >= 2) {
    const top = lines[0] ?? "";
    const topToken = heads[heads.length - lines.length];
    const next = heads[heads.length - lines.length + 1];
    // A line set apart by a blank line, or one that reads as a lead-in phrase, is the kicker (引题);
    // two plain adjacent lines are one headline printed over two lines.
    if ((next && next.gapBefore > 0) || /[,,::!!??、\s]/u.test(top) || !topToken) kicker = lines.shift() ?? null;
  }
  return { label, kicker, title: lines.join("") };
}

const endsSentence = (text: string) => SENTENCE_END.test(text);

/** A paragraph that evidently begins mid-sentence (its first half was lost). */
export function looksStartMissing(text: string): boolean {
  if (BAD_START.test(text)) return true;
  if (DATELINE.test(text)) return false;
  // "堂”学习平台…": one or two characters closed by a quote mark.
  if (/^[\u4e00-\u9fff]{1,2}[”’」』]/u.test(text)) return true;
  // "沟通服务生态。这一措施……": a lone short phrase closed by a full stop is a sentence's tail.
  const firstSentence = /^([^,,。;;::!!??、“”]+)。/u.exec(text)?.[1];
  if (firstSentence !== undefined && [...firstSentence].length <= 6) return true;
  const firstClause = /^([^,,。;;::!!??、“”]+)[,,]/u.exec(text)?.[1];
  if (firstClause !== undefined) {
    const len = [...firstClause].length;
    if (len <= 2 && !COMPLETE_OPENERS.has(firstClause)) return true;
    // "过25%,": one character glued to a figure.
    if (/^[\u4e00-\u9fff]\d/u.test(firstClause) && len <= 6) return true;
  }
  return false;
}

const isPhotoCaption = (text: string) => /摄\s*[))]?$/u.test(text) && [...text].length <= 60;

/** Turns body tokens into blocks: paragraphs (joined across column breaks), subheads, captions. */
export function buildBlocks(body: Token[], hasPhotos: boolean): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < body.length; i++) {
    const t = body[i] as Token;
    if (t.kind === "heading") {
      if (isPhotoCaption(t.text)) {
        blocks.push({ type: "caption", text: t.text, sourceLines: [t.no], flags: [] });
        continue;
      }
      // Adjacent heading lines form one subhead printed over two lines.
      const group: Token[] = [t];
      while (i + 1 < body.length && body[i + 1]?.kind === "heading" && body[i + 1]?.gapBefore === 0 && group.length < 3) {
        group.push(body[++i] as Token);
      }
      const rest = body.slice(i + 1);
      const followedByText = rest.some((r) => r.kind !== "heading");
      if (followedByText) {
        blocks.push({ type: "subhead", text: group.map((g) => g.text).join("\n"), sourceLines: group.map((g) => g.no), flags: [] });
      } else {
        // Short lines after the last paragraph: photo captions.
        for (const g of group) blocks.push({ type: "caption", text: g.text, sourceLines: [g.no], flags: [] });
      }
      continue;
    }
    if (isPhotoCaption(t.text) && t.kind !== "dateline" && !endsSentence(t.text)) {
      blocks.push({ type: "caption", text: t.text, sourceLines: [t.no], flags: [] });
      continue;
    }
    const prev = blocks[blocks.length - 1];
    if (prev && prev.type === "paragraph" && !endsSentence(prev.text)) {
      // Split at a column break mid-sentence: join it back.
      prev.text += t.text;
      prev.sourceLines.push(t.no);
      if (!prev.flags.includes("joined")) prev.flags.push("joined");
      continue;
    }
    blocks.push({ type: "paragraph", text: t.text, sourceLines: [t.no], flags: [] });
  }
  void hasPhotos;
  // Damage the reader can see: halves of sentences whose other half is not on the page.
  const paragraphs = blocks.filter((b) => b.type === "paragraph");
  paragraphs.forEach((p, idx) => {
    if (idx > 0 && !p.flags.includes("joined") && looksStartMissing(p.text)) p.flags.push("start-missing");
    else if (idx > 0 && p.flags.includes("joined") && looksStartMissing(p.text)) p.flags.push("start-missing");
  });
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i] as Block;
    if (b.type !== "paragraph" || endsSentence(b.text)) continue;
    const next = blocks[i + 1];
    if (!next || next.type !== "paragraph") b.flags.push("end-missing");
  }
  return blocks;
}

/** Builds a draft article from its segment. */
export function assembleArticle(seg: ArticleSegment): DraftArticle {
  const { label, kicker, title } = readHead(seg.heads);
  const bylines: Byline[] = [];
  const add = (list: Byline[]) => {
    for (const b of list) if (!bylines.some((x) => x.name === b.name)) bylines.push(b);
  };
  for (const t of seg.bylines) add(parseBylineLine(t.text) ?? []);
  const first = seg.body[0];
  if (first && first.kind === "dateline") {
    const inner = DATELINE.exec(first.text)?.[1];
    if (inner) add(parseDatelinePeople(inner));
  }
  const hasPhotos = bylines.some((b) => b.role === "writer-photographer" || b.role === "photographer");
  const blocks = buildBlocks(seg.body, hasPhotos);
  for (const c of blocks) if (c.type === "caption") add(parsePhotoCredit(c.text));
  // Only the first paragraph may lack its start without a flag: the lead opens the article.
  return {
    label,
    kicker,
    title,
    subtitle: seg.subtitle?.subtitle ?? null,
    bylines,
    blocks,
    headLines: [...seg.heads, ...(seg.subtitle ? [seg.subtitle] : []), ...seg.bylines].map((t) => t.no).sort((a, b) => a - b),
    hasPhotos,
  };
}
