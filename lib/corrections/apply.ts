/**
 * `applyEdits(parse, rawText, edits)`: the page readers see, from the parser's output and the
 * page's edit log. Pure (no database, no file system), deterministic, and it never throws: an edit
 * it cannot apply is reported, not raised, and never silently dropped.
 *
 * Each edit first proves it still fits the page: every line it names must hold the text it was
 * made on (a changed file, a re-import) and the thing it names must still be there (a parser
 * upgrade may cut blocks differently). If not, it is reported `stale` with a reason for editors,
 * and the page is left as it was before that edit. Edits run in order on the result of the ones
 * before, so an edit addresses the page as its editor saw it.
 *
 * Whatever the edits, every non-blank source line stays claimed exactly once (header, an article's
 * head, a block, an ad or an orphan): edits only move lines between those places and retype them.
 */
import { isEditorsNoteText, type DraftArticle } from "@/lib/parser/assemble";
import { parseBylineLine, parseClosingByline, parseDateline, parsePhotoCredit } from "@/lib/parser/bylines";
import { datelineMonthDay } from "@/lib/parser/dateline";
import { decode } from "@/lib/parser/decode";
import { PageHome } from "@/lib/parser/departments";
import { enrichArticle } from "@/lib/parser/enrich";
import { splitLines, type Line } from "@/lib/parser/lines";
import { withProfile, type PaperProfile } from "@/lib/parser/profile";
import { endsWithJump, jumpAtStart, jumpLine } from "@/lib/parser/sentences";
import type { Block, BlockFlag, BlockType, Byline, ParsedArticle, ParsedPage, ParseWarning } from "@/lib/parser/types";
import { ROLE_NAMES } from "./role-names";
import { EditSchema, type ArticleFields, type Edit, type LineRef, type LinesRef } from "./schema";

export interface EditOutcome {
  edit: Edit;
  status: "applied" | "stale";
  /** Why an edit was not applied, for editors (Chinese). */
  reason?: string;
}

export interface AppliedEdits {
  page: ParsedPage;
  outcomes: EditOutcome[];
}

/**
 * The source lines as the parser numbers them: the same decoding (BOM dropped, look-alike
 * characters folded) and the same line splitting, so an edit's `text` is compared with exactly
 * what the parse was made from. The desk builds its line references with this too.
 */
export function sourceLines(rawText: string): Line[] {
  return splitLines(decode(rawText).text);
}

/** A reference to line `no` as it reads now (for building edits). */
export function lineRef(lines: readonly Line[], no: number): LineRef {
  return { line: no, text: lines[no - 1]?.text ?? "" };
}

/** The line an article is addressed by: its first head line, or its first block's first line. */
export function anchorLine(a: Pick<ParsedArticle, "headLines" | "blocks">): number | null {
  let min: number | null = null;
  for (const n of a.headLines) if (min === null || n < min) min = n;
  return min ?? a.blocks[0]?.sourceLines[0] ?? null;
}

// ---------------------------------------------------------------------------------------------
// The working model

/** What a head line is. The parse keeps one list of head lines; which is which is read once. */
type HeadRole = "label" | "kicker" | "title" | "subtitle" | "byline";
interface HeadLine {
  no: number;
  role: HeadRole;
}
type Pinned = keyof ArticleFields;

interface WArticle {
  a: ParsedArticle;
  head: HeadLine[];
  /** Fields an editor typed: never overwritten by values derived again from the lines. */
  pinned: Pinned[];
  /** Its lines changed: category, departments, dateline date and bylines are derived again. */
  dirty: boolean;
  /**
   * People of articles merged into this one whose lines no longer name them where bylines are
   * read (a merged-in lead's dateline is a paragraph in the middle now): their text is here, so
   * they still sign it.
   */
  carried: Byline[];
}

interface Work {
  page: ParsedPage;
  arts: WArticle[];
}

interface Ctx {
  lines: readonly Line[];
  text: string;
  home: PageHome;
}

const DASHES = new Set([0x2014, 0x2015, 0x2500, 0x2d]);

/**
 * Head lines → roles, the way `readHead` assigned them: top to bottom a label line (if the
 * article has a label), a kicker line, then title lines until the title is spelt out; after them
 * the subtitle line ("——…") and byline lines. Matching the text against the fields is safe here
 * because the fields are still the parser's, read from exactly these lines.
 */
function inferHead(a: ParsedArticle, ctx: Ctx): HeadLine[] {
  const nos = [...a.headLines].sort((x, y) => x - y);
  const out: HeadLine[] = [];
  let i = 0;
  const t = (k: number) => textOf(ctx, nos[k] as number);
  if (a.label !== null && i < nos.length && t(i) === a.label) out.push({ no: nos[i++] as number, role: "label" });
  if (a.kicker !== null && i < nos.length && t(i) === a.kicker) out.push({ no: nos[i++] as number, role: "kicker" });
  let spelt = "";
  while (i < nos.length && spelt !== a.title && a.title.startsWith(spelt + t(i))) {
    spelt += t(i);
    out.push({ no: nos[i++] as number, role: "title" });
  }
  let subtitle = false;
  for (; i < nos.length; i++) {
    const s = t(i);
    const isSub = !subtitle && a.subtitle !== null && DASHES.has(s.charCodeAt(0)) && s.includes(a.subtitle);
    if (isSub) subtitle = true;
    out.push({ no: nos[i] as number, role: isSub ? "subtitle" : "byline" });
  }
  return out;
}

const textOf = (ctx: Ctx, no: number) => ctx.lines[no - 1]?.text ?? "";

function clone<T>(v: T): T {
  return structuredClone(v);
}

// ---------------------------------------------------------------------------------------------
// Checking what an edit names

const clip = (s: string) => (s.length > 24 ? `${s.slice(0, 24)}…` : s);

/** Why a line reference no longer holds, or null when it does. */
function checkRef(ctx: Ctx, ref: LineRef): string | null {
  const now = ctx.lines[ref.line - 1];
  if (!now) return `第${ref.line}行已不存在(本版现共${ctx.lines.length}行)。`;
  if (now.text !== ref.text) return `第${ref.line}行的文字已改变:更正时为“${clip(ref.text)}”,现为“${clip(now.text)}”。`;
  if (now.text === "") return `第${ref.line}行是空行,没有可更正的文字。`;
  return null;
}

function checkRefs(ctx: Ctx, refs: readonly LineRef[]): string | null {
  for (const r of refs) {
    const why = checkRef(ctx, r);
    if (why) return why;
  }
  return null;
}

const sameLines = (a: readonly number[], refs: readonly LineRef[]) => a.length === refs.length && a.every((n, i) => n === refs[i]?.line);
const lineList = (nos: readonly number[]) => nos.join("、");

/** An article by its anchor line. */
function findArticle(w: Work, ctx: Ctx, ref: LineRef): number | string {
  const why = checkRef(ctx, ref);
  if (why) return why;
  const i = w.arts.findIndex((x) => anchorOf(x) === ref.line);
  return i >= 0 ? i : `第${ref.line}行已不是任何稿件的首行,找不到这项更正所指的稿件(可能分稿已不同)。`;
}

/** A block by all its lines. */
function findBlock(w: Work, ctx: Ctx, refs: LinesRef): { art: number; idx: number } | string {
  const why = checkRefs(ctx, refs);
  if (why) return why;
  for (let art = 0; art < w.arts.length; art++) {
    const idx = (w.arts[art] as WArticle).a.blocks.findIndex((b) => sameLines(b.sourceLines, refs));
    if (idx >= 0) return { art, idx };
  }
  return `第${lineList(refs.map((r) => r.line))}行已不是稿件中的一个完整段落(现在的分段与更正时不同)。`;
}

function anchorOf(x: WArticle): number | null {
  let min: number | null = null;
  for (const h of x.head) if (min === null || h.no < min) min = h.no;
  return min ?? x.a.blocks[0]?.sourceLines[0] ?? null;
}

type Where =
  | { kind: "head"; art: number; role: HeadRole }
  | { kind: "block"; art: number; idx: number }
  | { kind: "ad"; idx: number }
  | { kind: "orphan"; idx: number }
  | { kind: "header" };

/** Where line `no` is on the page now. */
function locate(w: Work, no: number): Where | null {
  if (w.page.headerLines.includes(no)) return { kind: "header" };
  for (let art = 0; art < w.arts.length; art++) {
    const x = w.arts[art] as WArticle;
    const h = x.head.find((l) => l.no === no);
    if (h) return { kind: "head", art, role: h.role };
    const idx = x.a.blocks.findIndex((b) => b.sourceLines.includes(no));
    if (idx >= 0) return { kind: "block", art, idx };
  }
  const ad = w.page.ads.findIndex((a) => a.sourceLines.includes(no));
  if (ad >= 0) return { kind: "ad", idx: ad };
  const orphan = w.page.orphans.findIndex((o) => o.sourceLines.includes(no));
  if (orphan >= 0) return { kind: "orphan", idx: orphan };
  return null;
}



/** A new article an edit makes (split, adopted orphan): fields are derived from its lines afterwards. */
function newArticle(title: string, blocks: Block[]): ParsedArticle {
  return {
    label: null,
    kicker: null,
    title,
    subtitle: null,
    bylines: [],
    datelineDate: null,
    category: "other",
    categoryEvidence: [],
    departments: [],
    blocks,
    headLines: [],
  };
}

// ---------------------------------------------------------------------------------------------
// Blocks

const BLOCK_TYPES = new Set<string>(["paragraph", "subhead", "caption"]);
/** A paragraph's lines run on; a subhead or caption over two lines keeps its line break. */
const joiner = (type: BlockType) => (type === "paragraph" ? "" : "\n");
const hasJump = (text: string) => jumpLine(text) !== null || endsWithJump(text) || jumpAtStart(text) > 0;

/** Lines the parser reported as moved (a `relocated` warning lists exactly the moved lines). */
function relocatedLines(w: Work): Set<number> {
  const out = new Set<number>();
  for (const wa of w.page.warnings) if (wa.code === "relocated") for (const n of wa.lines) out.add(n);
  return out;
}

/**
 * Part of a block (some of its lines, in order), its flags inherited as far as they still hold:
 * `start-missing` stays with the first part, `end-missing` with the last, `joined` with a part of
 * a paragraph that still has several lines, `jump` with a part that still prints the jump, and
 * `relocated` with the part holding the lines that were moved (a block joined on relocation holds
 * the target's own last lines too).
 */
function blockPart(w: Work, ctx: Ctx, orig: Block, nos: number[], first: boolean, last: boolean): Block {
  const text = nos.map((n) => textOf(ctx, n)).join(joiner(orig.type));
  const moved = relocatedLines(w);
  const anyListed = orig.sourceLines.some((n) => moved.has(n));
  const flags = orig.flags.filter((f) => {
    if (f === "joined") return orig.type === "paragraph" && nos.length > 1;
    if (f === "start-missing") return first;
    if (f === "end-missing") return last;
    if (f === "jump") return hasJump(text);
    return !anyListed || nos.some((n) => moved.has(n));
  });
  return { type: orig.type, text, sourceLines: nos, flags };
}

/** Where a block goes in an article when no place is given: in source-line order. */
function insertBySource(blocks: Block[], b: Block): void {
  const first = b.sourceLines[0] as number;
  const at = blocks.findIndex((x) => (x.sourceLines[0] as number) > first);
  blocks.splice(at < 0 ? blocks.length : at, 0, b);
}

function lineBlock(ctx: Ctx, no: number, type: BlockType): Block {
  const text = textOf(ctx, no);
  return { type, text, sourceLines: [no], flags: type === "paragraph" && hasJump(text) ? ["jump"] : [] };
}

// ---------------------------------------------------------------------------------------------
// Heads

const HEAD_ROLES = new Set<string>(["title", "kicker", "label"]);

/**
 * After head lines changed roles: the label, kicker and title are read again from their lines
 * (the later edit wins over a typed value, since the editor has just said what those lines are),
 * except a typed title when no title line is left (a split with a typed title). A subtitle whose
 * line left is gone. Bylines are derived again with the rest (see `rederive`).
 */
function rereadHead(ctx: Ctx, x: WArticle, changed: ReadonlySet<HeadRole>): void {
  const read = (role: HeadRole) =>
    x.head
      .filter((h) => h.role === role)
      .sort((p, q) => p.no - q.no)
      .map((h) => textOf(ctx, h.no));
  const unpin = (f: Pinned) => {
    x.pinned = x.pinned.filter((p) => p !== f);
  };
  if (changed.has("label")) {
    const l = read("label");
    x.a.label = l.length ? l.join("") : null;
    unpin("label");
  }
  if (changed.has("kicker")) {
    const l = read("kicker");
    x.a.kicker = l.length ? l.join("") : null;
    unpin("kicker");
  }
  if (changed.has("title")) {
    const l = read("title");
    if (l.length) {
      x.a.title = l.join("");
      unpin("title");
    }
  }
  if (changed.has("subtitle") && !x.head.some((h) => h.role === "subtitle")) {
    x.a.subtitle = null;
    unpin("subtitle");
  }
  x.head.sort((p, q) => p.no - q.no);
  x.dirty = true;
}

/** Whether taking line `no` out of the title would leave an article with no title at all. */
function lastTitleLine(x: WArticle, no: number): boolean {
  return x.head.filter((h) => h.role === "title").every((h) => h.no === no) && !x.pinned.includes("title");
}

// ---------------------------------------------------------------------------------------------
// Moving one line

/**
 * Takes line `no` out of wherever it is. A block is cut in two around it; returns where the line
 * was among its article's blocks, so a line retyped in place stays in place.
 */
function takeLine(w: Work, ctx: Ctx, no: number, where: Where): { art: number; at: number } | null {
  if (where.kind === "header") {
    w.page.headerLines = w.page.headerLines.filter((n) => n !== no);
    return null;
  }
  if (where.kind === "ad") {
    const ad = w.page.ads[where.idx] as ParsedPage["ads"][number];
    const k = ad.sourceLines.indexOf(no);
    ad.sourceLines.splice(k, 1);
    ad.lines.splice(k, 1);
    if (ad.sourceLines.length === 0) w.page.ads.splice(where.idx, 1);
    return null;
  }
  if (where.kind === "orphan") {
    const o = w.page.orphans[where.idx] as ParsedPage["orphans"][number];
    o.sourceLines = o.sourceLines.filter((n) => n !== no);
    o.text = o.sourceLines.map((n) => textOf(ctx, n)).join("\n");
    if (o.sourceLines.length === 0) w.page.orphans.splice(where.idx, 1);
    return null;
  }
  const x = w.arts[where.art] as WArticle;
  x.dirty = true;
  if (where.kind === "head") {
    x.head = x.head.filter((h) => h.no !== no);
    rereadHead(ctx, x, new Set([where.role]));
    return { art: where.art, at: -1 };
  }
  const b = x.a.blocks[where.idx] as Block;
  const k = b.sourceLines.indexOf(no);
  const before = b.sourceLines.slice(0, k);
  const after = b.sourceLines.slice(k + 1);
  const parts: Block[] = [];
  // The cut ends the part before it and opens the part after it: neither cut edge inherits damage
  // flags, which were about the block's own start and end.
  if (before.length) parts.push(blockPart(w, ctx, b, before, true, false));
  if (after.length) parts.push(blockPart(w, ctx, b, after, false, true));
  x.a.blocks.splice(where.idx, 1, ...parts);
  return { art: where.art, at: where.idx + (before.length ? 1 : 0) };
}

/** Puts line `no` into an ad: the ad printed right above or below it, or one of its own. */
function addToAds(w: Work, ctx: Ctx, no: number): void {
  const prev = nonBlank(ctx, no, -1);
  const next = nonBlank(ctx, no, 1);
  const above = w.page.ads.find((a) => a.sourceLines[a.sourceLines.length - 1] === prev);
  if (above && prev !== null) {
    above.sourceLines.push(no);
    above.lines.push(textOf(ctx, no));
    return;
  }
  const below = w.page.ads.find((a) => a.sourceLines[0] === next);
  if (below && next !== null) {
    below.sourceLines.unshift(no);
    below.lines.unshift(textOf(ctx, no));
    return;
  }
  const ad = { lines: [textOf(ctx, no)], sourceLines: [no] };
  const at = w.page.ads.findIndex((a) => (a.sourceLines[0] as number) > no);
  w.page.ads.splice(at < 0 ? w.page.ads.length : at, 0, ad);
}

/** The nearest non-blank line above (`dir` −1) or below (+1) line `no`. */
function nonBlank(ctx: Ctx, no: number, dir: 1 | -1): number | null {
  for (let n = no + dir; n >= 1 && n <= ctx.lines.length; n += dir) if (textOf(ctx, n) !== "") return n;
  return null;
}

/**
 * The article a line outside every article goes to when the edit names none: a head line (title,
 * kicker, label) to the article printed below it — a label or kicker stands over its title —
 * and text to the article printed above it, whose column it ends.
 */
function defaultArticle(w: Work, no: number, head: boolean): number {
  const anchors = w.arts.map(anchorOf);
  if (head) {
    const below = anchors.findIndex((a) => a !== null && a > no);
    return below >= 0 ? below : w.arts.length - 1;
  }
  let above = -1;
  anchors.forEach((a, i) => {
    if (a !== null && a < no) above = i;
  });
  return above >= 0 ? above : 0;
}

// ---------------------------------------------------------------------------------------------
// The operations. Each either changes `w` and returns null, or returns why it cannot (then `w`
// is thrown away by the caller, so an operation may fail half-way without harm).

type Op<E extends Edit["op"]> = (w: Work, ctx: Ctx, e: Extract<Edit, { op: E }>) => string | null;

const setArticle: Op<"set-article"> = (w, ctx, e) => {
  const i = findArticle(w, ctx, e.article);
  if (typeof i === "string") return i;
  const x = w.arts[i] as WArticle;
  const s = e.set;
  if (s.label !== undefined) x.a.label = s.label;
  if (s.kicker !== undefined) x.a.kicker = s.kicker;
  if (s.title !== undefined) x.a.title = s.title;
  if (s.subtitle !== undefined) x.a.subtitle = s.subtitle;
  if (s.bylines !== undefined) x.a.bylines = s.bylines.map((b) => ({ name: b.name, role: b.role }));
  if (s.category !== undefined) {
    x.a.category = s.category;
    // The evidence explains the parser's choice; an editor's choice has none to show.
    x.a.categoryEvidence = [];
  }
  if (s.departments !== undefined) x.a.departments = [...s.departments];
  for (const k of Object.keys(s) as Pinned[]) if (!x.pinned.includes(k)) x.pinned.push(k);
  return null;
};

const setLine: Op<"set-line"> = (w, ctx, e) => {
  const why = checkRef(ctx, e.line);
  if (why) return why;
  const no = e.line.line;
  const where = locate(w, no);
  if (!where) return `第${no}行不在本版任何位置(解析结果与更正时不同)。`;
  const role = e.role;
  const current = where.kind === "head" ? where.role : where.kind === "block" ? (w.arts[where.art] as WArticle).a.blocks[where.idx]?.type : where.kind;
  const inArticle = where.kind === "head" || where.kind === "block" ? where.art : -1;
  let target = -1;
  if (e.article) {
    const t = findArticle(w, ctx, e.article);
    if (typeof t === "string") return t;
    target = t;
  }
  if (current === role && (target < 0 || target === inArticle)) return null; // already so: nothing to do
  const toArticle = BLOCK_TYPES.has(role) || HEAD_ROLES.has(role);
  if (toArticle && target < 0) {
    if (w.arts.length === 0) return `本版没有稿件,第${no}行无法改为${ROLE_NAMES[role]};请先把它设为新稿件。`;
    target = inArticle >= 0 ? inArticle : defaultArticle(w, no, HEAD_ROLES.has(role));
  }
  if (where.kind === "head" && where.role === "title" && !(role === "title" && target === where.art)) {
    const x = w.arts[where.art] as WArticle;
    if (lastTitleLine(x, no)) {
      return `第${no}行是《${x.a.title}》唯一的标题行,不能改为${ROLE_NAMES[role]};如这篇稿件应并入上一篇,请用“合并稿件”。`;
    }
  }
  const origBlock = where.kind === "block" ? (w.arts[where.art] as WArticle).a.blocks[where.idx] : undefined;
  const was = takeLine(w, ctx, no, where);
  if (role === "ad") addToAds(w, ctx, no);
  else if (role === "header") {
    w.page.headerLines = [...w.page.headerLines, no].sort((p, q) => p - q);
  } else if (BLOCK_TYPES.has(role)) {
    const x = w.arts[target] as WArticle;
    // Retyped where it stands, a line keeps its place (and a moved line its `relocated` mark).
    if (was && was.art === target && was.at >= 0 && origBlock) {
      x.a.blocks.splice(was.at, 0, blockPart(w, ctx, { ...origBlock, type: role as BlockType }, [no], false, false));
    } else insertBySource(x.a.blocks, lineBlock(ctx, no, role as BlockType));
    x.dirty = true;
  } else {
    const x = w.arts[target] as WArticle;
    x.head.push({ no, role: role as HeadRole });
    rereadHead(ctx, x, new Set([role as HeadRole]));
  }
  return null;
};

const splitBlock: Op<"split-block"> = (w, ctx, e) => {
  const f = findBlock(w, ctx, e.block);
  if (typeof f === "string") return f;
  const x = w.arts[f.art] as WArticle;
  const b = x.a.blocks[f.idx] as Block;
  if (b.sourceLines.length < 2) return `第${b.sourceLines[0]}行的段落只有一行,没有可拆开的拼接。`;
  const n = b.sourceLines.length;
  const parts = b.sourceLines.map((no, i) => blockPart(w, ctx, b, [no], i === 0, i === n - 1));
  x.a.blocks.splice(f.idx, 1, ...parts);
  x.dirty = true;
  return null;
};

const joinBlocks: Op<"join-blocks"> = (w, ctx, e) => {
  const p = findBlock(w, ctx, e.first);
  if (typeof p === "string") return p;
  const q = findBlock(w, ctx, e.second);
  if (typeof q === "string") return q;
  if (p.art !== q.art) return "要拼接的两段不在同一篇稿件中;请先把其中一段移到另一篇稿件。";
  if (p.idx === q.idx) return "不能把一段与它自己拼接。";
  const x = w.arts[p.art] as WArticle;
  const first = x.a.blocks[p.idx] as Block;
  const second = x.a.blocks[q.idx] as Block;
  const flags: BlockFlag[] = first.flags.filter((fl) => fl !== "end-missing");
  for (const fl of second.flags) if (fl !== "start-missing" && !flags.includes(fl)) flags.push(fl);
  if (first.type === "paragraph" && !flags.includes("joined")) flags.push("joined");
  const nos = [...first.sourceLines, ...second.sourceLines];
  // The text is read from the lines, so a paragraph joined under a subhead keeps the subhead's line breaks throughout.
  x.a.blocks[p.idx] = { type: first.type, text: nos.map((n) => textOf(ctx, n)).join(joiner(first.type)), sourceLines: nos, flags };
  x.a.blocks.splice(q.idx, 1);
  x.dirty = true;
  return null;
};

const moveBlock: Op<"move-block"> = (w, ctx, e) => {
  const f = findBlock(w, ctx, e.block);
  if (typeof f === "string") return f;
  const t = findArticle(w, ctx, e.to);
  if (typeof t === "string") return t;
  const src = w.arts[f.art] as WArticle;
  const dst = w.arts[t] as WArticle;
  const [b] = src.a.blocks.splice(f.idx, 1) as [Block];
  // The editor has placed it: the parser's guess that it was printed elsewhere is settled.
  b.flags = b.flags.filter((fl) => fl !== "relocated");
  if (e.before) {
    const why = checkRefs(ctx, e.before);
    if (why) return why;
    const at = dst.a.blocks.findIndex((x) => sameLines(x.sourceLines, e.before as LinesRef));
    if (at < 0) return `第${lineList(e.before.map((r) => r.line))}行不是目标稿件中的一段,无法放在它前面。`;
    dst.a.blocks.splice(at, 0, b);
  } else {
    if (f.art === t) return "该段已在这篇稿件中;要调整位置,请指定放在哪一段之前。";
    insertBySource(dst.a.blocks, b);
  }
  src.dirty = true;
  dst.dirty = true;
  return null;
};

const splitArticle: Op<"split-article"> = (w, ctx, e) => {
  const f = findBlock(w, ctx, e.at);
  if (typeof f === "string") return f;
  const src = w.arts[f.art] as WArticle;
  if (f.idx === 0) return `第${lineList(e.at.map((r) => r.line))}行是《${src.a.title}》的第一段,在这里拆分会留下一篇没有正文的稿件;如它其实是标题行,请用“改为标题”。`;
  const at = src.a.blocks[f.idx] as Block;
  const from = at.sourceLines[0] as number;
  const moved = src.a.blocks.splice(f.idx);
  const head: HeadLine[] = [];
  let title: string;
  let pinned: Pinned[] = [];
  if (e.title) {
    title = e.title;
    pinned = ["title"];
  } else {
    moved.shift();
    for (const no of at.sourceLines) head.push({ no, role: "title" });
    title = at.sourceLines.map((n) => textOf(ctx, n)).join("");
  }
  // Byline lines printed after the split (a closing "(通讯员 …)") sign the new article.
  for (const h of src.head) if (h.role === "byline" && h.no > from) head.push(h);
  src.head = src.head.filter((h) => !(h.role === "byline" && h.no > from));
  head.sort((p, q) => p.no - q.no);
  const a = newArticle(title, moved);
  w.arts.splice(f.art + 1, 0, { a, head, pinned, dirty: true, carried: [] });
  src.dirty = true;
  return null;
};

const mergeArticles: Op<"merge-articles"> = (w, ctx, e) => {
  const i = findArticle(w, ctx, e.into);
  if (typeof i === "string") return i;
  const j = findArticle(w, ctx, e.from);
  if (typeof j === "string") return j;
  if (i === j) return "不能把一篇稿件与它自己合并。";
  const into = w.arts[i] as WArticle;
  const from = w.arts[j] as WArticle;
  // The merged-in article's headline (label, kicker, title, subtitle lines) is now a subhead in
  // the text; its bylines sign the merged article.
  const heading = from.head.filter((h) => h.role !== "byline").map((h) => h.no);
  if (heading.length) {
    into.a.blocks.push({ type: "subhead", text: heading.map((n) => textOf(ctx, n)).join("\n"), sourceLines: heading, flags: [] });
  }
  into.a.blocks.push(...from.a.blocks);
  into.head.push(...from.head.filter((h) => h.role === "byline"));
  for (const p of [...from.carried, ...from.a.bylines]) into.carried.push(p);
  into.head.sort((p, q) => p.no - q.no);
  into.dirty = true;
  w.arts.splice(j, 1);
  return null;
};

const adoptOrphan: Op<"adopt-orphan"> = (w, ctx, e) => {
  const why = checkRefs(ctx, e.orphan);
  if (why) return why;
  const k = w.page.orphans.findIndex((o) => sameLines(o.sourceLines, e.orphan));
  if (k < 0) return `第${lineList(e.orphan.map((r) => r.line))}行已不是一段孤立文字(解析结果与更正时不同)。`;
  const o = w.page.orphans[k] as ParsedPage["orphans"][number];
  const type = e.as ?? "paragraph";
  if (e.into) {
    const t = findArticle(w, ctx, e.into);
    if (typeof t === "string") return t;
    const x = w.arts[t] as WArticle;
    for (const no of o.sourceLines) insertBySource(x.a.blocks, lineBlock(ctx, no, type));
    x.dirty = true;
  } else {
    const nos = [...o.sourceLines];
    const head: HeadLine[] = [];
    let title: string;
    if (e.title) title = e.title;
    else {
      const first = nos.shift() as number;
      head.push({ no: first, role: "title" });
      title = textOf(ctx, first);
    }
    const a = newArticle(title, nos.map((no) => lineBlock(ctx, no, type)));
    const x: WArticle = { a, head, pinned: e.title ? ["title"] : [], dirty: true, carried: [] };
    const anchor = anchorOf(x) as number;
    const at = w.arts.findIndex((y) => (anchorOf(y) ?? 0) > anchor);
    w.arts.splice(at < 0 ? w.arts.length : at, 0, x);
  }
  w.page.orphans.splice(k, 1);
  return null;
};

const reviewWarning: Op<"review-warning"> = (w, ctx, e) => {
  const why = checkRefs(ctx, e.lines);
  if (why) return why;
  const found =
    e.code === "joined"
      ? // The desk lists joined blocks as warnings of their own (lib/editor/warnings.ts).
        w.arts.some((x) => x.a.blocks.some((b) => b.flags.includes("joined") && sameLines(b.sourceLines, e.lines)))
      : w.page.warnings.some((wa) => wa.code === e.code && sameLines(wa.lines, e.lines));
  if (!found) return `这条提示(${e.code}${e.lines.length ? `,第${lineList(e.lines.map((r) => r.line))}行` : ""})在当前解析中已不存在。`;
  return null;
};

const OPS: { [K in Edit["op"]]: Op<K> } = {
  "set-article": setArticle,
  "set-line": setLine,
  "split-block": splitBlock,
  "join-blocks": joinBlocks,
  "move-block": moveBlock,
  "split-article": splitArticle,
  "merge-articles": mergeArticles,
  "adopt-orphan": adoptOrphan,
  "review-warning": reviewWarning,
};

// ---------------------------------------------------------------------------------------------
// Keeping what is derived consistent after each edit

/**
 * An article whose lines changed gets its bylines, dateline date, category and departments read
 * again, as the parser reads them (`assembleArticle`, `enrichArticle`), from what it now holds —
 * except the fields an editor typed.
 */
function rederive(w: Work, ctx: Ctx, x: WArticle): void {
  const a = x.a;
  if (!x.pinned.includes("bylines")) a.bylines = bylinesOf(ctx, x);
  const lead = a.blocks.find((b) => b.type === "paragraph" && !isEditorsNoteText(b.text));
  const draft: DraftArticle = {
    label: a.label,
    kicker: a.kicker,
    title: a.title,
    subtitle: a.subtitle,
    bylines: a.bylines,
    blocks: a.blocks,
    headLines: x.head.map((h) => h.no),
    firstLine: anchorOf(x) ?? 0,
    rubric: false,
  };
  const e = enrichArticle(draft, lead ? datelineMonthDay(lead.text) : null, w.page.issueDate, ctx.home);
  a.datelineDate = e.datelineDate;
  if (!x.pinned.includes("category")) {
    a.category = e.category;
    a.categoryEvidence = e.categoryEvidence;
  }
  if (!x.pinned.includes("departments")) a.departments = e.departments;
  x.dirty = false;
}

/** Bylines in the parser's order: head byline lines, the lead's dateline, closing byline lines, photo credits. */
function bylinesOf(ctx: Ctx, x: WArticle): Byline[] {
  const out: Byline[] = [];
  const add = (people: readonly Byline[] | null) => {
    for (const p of people ?? []) if (!out.some((b) => b.name === p.name && b.role === p.role)) out.push(p);
  };
  const bodyStart = x.a.blocks.reduce((m, b) => Math.min(m, ...b.sourceLines), Infinity);
  const bylineLines = x.head.filter((h) => h.role === "byline");
  const people = (no: number) => {
    const t = textOf(ctx, no);
    return parseBylineLine(t) ?? parseClosingByline(t);
  };
  for (const h of bylineLines) if (h.no < bodyStart) add(people(h.no));
  const blocks = x.a.blocks;
  const first = blocks[0] && isEditorsNoteText(blocks[0].text) ? blocks[1] : blocks[0];
  if (first && first.type === "paragraph") add(parseDateline(first.text));
  for (const h of bylineLines) if (h.no > bodyStart) add(people(h.no));
  for (const b of blocks) if (b.type === "caption") add(parsePhotoCredit(b.text));
  add(x.carried);
  return out;
}

const orphanMessage = (lines: readonly number[]) => `第${lineList(lines)}行无法归入任何稿件,已单独列出,请编辑处理。`;

/**
 * Warnings follow the page: an orphan's warning goes with the orphan (a shrunk orphan gets one of
 * its own), a relocation warning keeps only the lines still marked moved, damage warnings match
 * the flagged blocks, and an untitled lead that now opens an article is titled.
 */
function reconcileWarnings(w: Work): void {
  const blocks = w.arts.flatMap((x) => x.a.blocks.map((b) => ({ b, x })));
  const moved = new Set<number>();
  for (const { b } of blocks) if (b.flags.includes("relocated")) for (const n of b.sourceLines) moved.add(n);
  const out: ParseWarning[] = [];
  for (const wa of w.page.warnings) {
    if (wa.code === "orphan" || wa.code === "unplaced") {
      if (w.page.orphans.some((o) => sameNos(o.sourceLines, wa.lines))) out.push(wa);
    } else if (wa.code === "relocated") {
      const lines = wa.lines.filter((n) => moved.has(n));
      if (lines.length === wa.lines.length) out.push(wa);
      else if (lines.length) out.push({ ...wa, lines, message: wa.message.replace(/^第[\d、]+行/u, `第${lineList(lines)}行`) });
    } else if (wa.code === "start-missing" || wa.code === "end-missing") {
      if (blocks.some(({ b }) => b.flags.includes(wa.code as Block["flags"][number]) && sameNos(b.sourceLines, wa.lines))) out.push(wa);
    } else if (wa.code === "untitled-lead") {
      const opens = w.arts.some((x) => x.a.blocks[0]?.sourceLines[0] === wa.lines[0]);
      if (!opens) out.push(wa);
    } else if (wa.code === "boundary-doubt") {
      // A close call of the parser's on whether these lines start an article (lib/parser/index.ts
      // words its choice "按新稿件处理" or "按小标题处理"): settled once an edit made the other choice
      // (a split there, or a merge of the article they started).
      const parserSaidNew = wa.message.includes("按新稿件处理");
      const startsNow = w.arts.some((x) => x.head.some((h) => h.no === wa.lines[0]));
      if (startsNow === parserSaidNew) out.push(wa);
    } else if (wa.code === "no-articles") {
      if (w.arts.length === 0) out.push(wa);
    } else out.push(wa);
  }
  for (const o of w.page.orphans) {
    if (!out.some((wa) => (wa.code === "orphan" || wa.code === "unplaced") && sameNos(wa.lines, o.sourceLines))) {
      out.push({ code: "orphan", message: orphanMessage(o.sourceLines), lines: [...o.sourceLines] });
    }
  }
  for (const { b, x } of blocks) {
    for (const code of ["start-missing", "end-missing"] as const) {
      if (!b.flags.includes(code) || out.some((wa) => wa.code === code && sameNos(wa.lines, b.sourceLines))) continue;
      const what = code === "start-missing" ? "开头不完整,前半句可能缺失" : "结尾不完整,后半句可能缺失";
      out.push({ code, message: `《${x.a.title}》第${lineList(b.sourceLines)}行的段落${what}。`, lines: [...b.sourceLines] });
    }
  }
  w.page.warnings = out;
}

const sameNos = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((n, i) => n === b[i]);

function settle(w: Work, ctx: Ctx): void {
  // An article left with no line at all (its only block moved away) is gone; nothing is lost.
  w.arts = w.arts.filter((x) => x.head.length > 0 || x.a.blocks.length > 0);
  for (const x of w.arts) if (x.dirty) rederive(w, ctx, x);
  reconcileWarnings(w);
}

function finish(w: Work): ParsedPage {
  const articles = w.arts.map(({ a, head }) => ({
    label: a.label,
    kicker: a.kicker,
    title: a.title,
    subtitle: a.subtitle,
    bylines: a.bylines,
    datelineDate: a.datelineDate,
    category: a.category,
    categoryEvidence: a.categoryEvidence,
    departments: a.departments,
    blocks: a.blocks,
    headLines: head.map((h) => h.no).sort((p, q) => p - q),
  }));
  return { ...w.page, articles };
}

// ---------------------------------------------------------------------------------------------

/**
 * The effective page: `parse` with `edits` applied in order, and what became of each edit.
 *
 * @param parse the parser's output for `rawText` (not modified)
 * @param rawText the page's text as stored (decoded the way the parser decodes it)
 * @param edits the page's edit log, oldest first; entries are validated, so raw JSON is fine
 * @param profile the paper's profile, as the parse was given it (聊城日报's when absent): edited
 *   articles are re-read with the same gazetteer
 */
export function applyEdits(parse: ParsedPage, rawText: string, edits: readonly Edit[], profile?: PaperProfile): AppliedEdits {
  return withProfile(profile, () => applyAll(parse, rawText, edits));
}

function applyAll(parse: ParsedPage, rawText: string, edits: readonly Edit[]): AppliedEdits {
  const text = decode(rawText).text;
  const ctx: Ctx = { lines: splitLines(text), text, home: new PageHome(text) };
  const base = clone(parse);
  let w: Work = { page: { ...base, articles: [] }, arts: base.articles.map((a) => ({ a, head: inferHead(a, ctx), pinned: [], dirty: false, carried: [] })) };
  const outcomes: EditOutcome[] = [];
  for (const edit of edits) {
    const checked = EditSchema.safeParse(edit);
    if (!checked.success) {
      outcomes.push({ edit, status: "stale", reason: `更正的格式无效:${checked.error.issues.map((i) => `${i.path.join(".") || "(整体)"} ${i.message}`).join(";")}` });
      continue;
    }
    const e = checked.data;
    const next = clone(w);
    let why: string | null;
    try {
      why = (OPS[e.op] as unknown as (w: Work, ctx: Ctx, e: Edit) => string | null)(next, ctx, e);
      if (why === null) settle(next, ctx);
    } catch (err) {
      // A bug must not cost the page: the edit is reported, the page stays as it was before it.
      why = `应用这项更正时出错(${err instanceof Error ? err.message : String(err)}),已跳过。`;
    }
    if (why === null) {
      w = next;
      outcomes.push({ edit, status: "applied" });
    } else outcomes.push({ edit, status: "stale", reason: why });
  }
  return { page: finish(w), outcomes };
}

/**
 * Every article of `parse` read again from its lines as after an edit (its head from the head
 * roles, its derived fields by the parser's rules; nothing typed): for tests, which check that an
 * unedited article reads the same as the parser read it, so an edit changes only what it touches.
 */
export function rederivedForTest(parse: ParsedPage, rawText: string): ParsedPage {
  const text = decode(rawText).text;
  const ctx: Ctx = { lines: splitLines(text), text, home: new PageHome(text) };
  const base = clone(parse);
  const w: Work = { page: { ...base, articles: [] }, arts: base.articles.map((a) => ({ a, head: inferHead(a, ctx), pinned: [], dirty: true, carried: [] })) };
  for (const x of w.arts) rereadHead(ctx, x, new Set<HeadRole>(["label", "kicker", "title", "subtitle"]));
  settle(w, ctx);
  return finish(w);
}
