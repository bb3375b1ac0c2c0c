/**
 * The page parser: the raw text of one printed page (bytes) → its articles as an editor would read
 * them. Pure stages, composed here:
 *
 *   decode → splitLines → classify → segment → assemble → relocate → markDamage → enrich
 *
 * No file system, no database, nothing Node-only: the import, the CLI and the editors' preview all
 * call `parsePage` with bytes.
 */
import { assembleArticle, isEditorsNoteText, type DraftArticle, type Layout } from "./assemble";
import { classify, type Token } from "./classify";
import { datelineMonthDay, inferIssueDate, type MonthDay } from "./dateline";
import { decode } from "./decode";
import { PageHome } from "./departments";
import { enrichArticle } from "./enrich";
import { splitLines, type Line } from "./lines";
import { markDamage, relocate } from "./repair";
import { withProfile } from "./profile";
import { segment } from "./segment";
import type { Orphan, ParsedArticle, ParsedPage, ParseOptions, ParseWarning } from "./types";

export type * from "./types";
export { CATEGORY_LABELS } from "./category";
export { listGazetteer, lookupDepartment } from "./departments";
export type { PaperProfile } from "./profile";
export { decode } from "./decode";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A caller's issue date, if it is a real calendar date. */
function validDate(s: string | undefined): string | null {
  const m = s ? ISO_DATE.exec(s) : null;
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]) ? (s as string) : null;
}

/** Whether the page's paragraphs open with an indent (most running-text lines are indented). */
function readLayout(tokens: readonly Token[]): Layout {
  let text = 0;
  let indented = 0;
  for (const t of tokens) {
    if (t.kind !== "text" && t.kind !== "dateline") continue;
    text++;
    if (t.indent) indented++;
  }
  return { indentedParagraphs: text >= 2 && indented * 2 > text };
}

/**
 * Parses one page. Never throws and loses nothing: every non-blank line ends up in exactly one
 * place (the page header, an article's head, a block, an ad or an orphan), with its line number.
 *
 * @param input the page's raw bytes (UTF-8 with or without BOM, UTF-16 with BOM, GB18030/GBK), or text
 * @param options the issue date and page number, when the caller knows them, and the paper's
 *   profile (its places and gazetteer; 聊城日报's when none is given)
 */
export function parsePage(input: Uint8Array | string, options: ParseOptions = {}): ParsedPage {
  const { text, encoding } = decode(input);
  const lines = splitLines(text);
  try {
    return withProfile(options.profile, () => parseLines(lines, text, encoding, options));
  } catch (err) {
    // A bug must not cost an editor the page: every line is handed back as an orphan.
    return fallback(lines, encoding, options, err);
  }
}

function parseLines(lines: readonly Line[], text: string, encoding: ParsedPage["encoding"], options: ParseOptions): ParsedPage {
  const tokens = classify(lines);
  const layout = readLayout(tokens);
  const segs = segment(tokens);
  const warnings: ParseWarning[] = [];

  const drafts: DraftArticle[] = segs.articles.map((s) => assembleArticle(s, layout));
  const unplaced = relocate(drafts, segs.fragments, warnings);
  for (const d of drafts) markDamage(d.blocks);

  // Dates: the issue date is given, or inferred from the page header or the datelines.
  const leads: (MonthDay | null)[] = drafts.map((d) => {
    const first = d.blocks.find((b) => b.type === "paragraph" && !isEditorsNoteText(b.text));
    return first ? datelineMonthDay(first.text) : null;
  });
  let issueDate = validDate(options.issueDate);
  let issueDateSource: ParsedPage["issueDateSource"] = issueDate ? "given" : null;
  if (options.issueDate !== undefined && !issueDate) {
    warnings.push({ code: "issue-date-invalid", message: `调用方给出的出版日期“${options.issueDate}”无效,已忽略。`, lines: [] });
  }
  if (!issueDate && segs.headerDate) {
    issueDate = segs.headerDate;
    issueDateSource = "inferred";
    warnings.push({ code: "issue-date-inferred", message: `未提供出版日期,按版头日期取 ${issueDate},请核对。`, lines: segs.header.map((t) => t.no) });
  }
  if (!issueDate) {
    issueDate = inferIssueDate(
      leads.filter((x): x is MonthDay => x !== null),
      text,
    );
    if (issueDate) {
      issueDateSource = "inferred";
      warnings.push({ code: "issue-date-inferred", message: `未提供出版日期,按最晚电头日期的次日推断为 ${issueDate},请核对。`, lines: [] });
    } else {
      warnings.push({ code: "issue-date-unknown", message: "未提供出版日期,稿件中也没有可推断日期的电头。", lines: [] });
    }
  }

  const home = new PageHome(text);
  const articles: ParsedArticle[] = drafts.map((d, i) => enrichArticle(d, leads[i] ?? null, issueDate, home));

  for (const a of articles) {
    for (const b of a.blocks) {
      if (b.flags.includes("start-missing")) {
        warnings.push({ code: "start-missing", message: `《${a.title}》第${b.sourceLines.join("、")}行的段落开头不完整,前半句可能缺失。`, lines: [...b.sourceLines] });
      }
      if (b.flags.includes("end-missing")) {
        warnings.push({ code: "end-missing", message: `《${a.title}》第${b.sourceLines.join("、")}行的段落结尾不完整,后半句可能缺失。`, lines: [...b.sourceLines] });
      }
    }
  }

  const orphans: Orphan[] = unplaced.map((group) => ({ text: group.map((t) => t.text).join("\n"), sourceLines: group.map((t) => t.no) }));
  for (const o of orphans) {
    warnings.push({ code: "orphan", message: `第${o.sourceLines.join("、")}行无法归入任何稿件,已单独列出,请编辑处理。`, lines: o.sourceLines });
  }
  for (const t of segs.untitled) {
    warnings.push({ code: "untitled-lead", message: `第${t.no}行是电头导语,但上方没有标题,已随上文处理,请核对是否缺少标题。`, lines: [t.no] });
  }
  for (const d of segs.doubts) {
    const nos = d.heads.map((t) => t.no);
    const at = nos.join("、");
    warnings.push({
      code: "boundary-doubt",
      message: d.newArticle ? `第${at}行按新稿件处理;也可能是上一篇的小标题,请核对。` : `第${at}行按小标题处理;也可能是另一篇稿件的标题,请核对。`,
      lines: nos,
    });
  }
  if (articles.length === 0 && tokens.length > 0) {
    warnings.push({ code: "no-articles", message: "本版没有识别出稿件(未找到标题与电头或署名)。", lines: [] });
  }

  const page: ParsedPage = {
    pageName: segs.pageName,
    pageNumber: options.pageNumber ?? segs.pageNumber,
    issueDate,
    issueDateSource,
    articles,
    ads: segs.ads.map((ad) => ({ lines: ad.tokens.map((t) => t.text), sourceLines: ad.tokens.map((t) => t.no) })),
    orphans,
    warnings,
    headerLines: segs.header.map((t) => t.no),
    encoding,
  };
  ensureNothingLost(page, lines);
  return page;
}

/**
 * The guarantee, checked on every page: each non-blank line is claimed exactly once. A line no
 * stage claimed becomes an orphan (with a warning) rather than vanishing.
 */
function ensureNothingLost(page: ParsedPage, lines: readonly Line[]): void {
  const claimed = zeroedBytes(lines.length + 2);
  claim(claimed, page.headerLines);
  for (const a of page.articles) {
    claim(claimed, a.headLines);
    for (const b of a.blocks) claim(claimed, b.sourceLines);
  }
  for (const ad of page.ads) claim(claimed, ad.sourceLines);
  for (const o of page.orphans) claim(claimed, o.sourceLines);
  const missing: Line[] = [];
  for (const l of lines) {
    if (l.text !== "" && claimed[l.no] === 0) missing.push(l);
    if (claimed[l.no]! > 1) throw new Error(`line ${l.no} claimed ${claimed[l.no]} times`);
  }
  if (missing.length === 0) return;
  page.orphans.push({ text: missing.map((l) => l.text).join("\n"), sourceLines: missing.map((l) => l.no) });
  page.warnings.push({ code: "unplaced", message: `第${missing.map((l) => l.no).join("、")}行未能归入任何稿件,已列为孤立文字。`, lines: missing.map((l) => l.no) });
}

/**
 * Scratch for the claim counts, reused for every page: allocating a typed array (its backing store
 * lives outside the JS heap) costs more per page than clearing one. A view of the first `n` bytes,
 * so it reads and writes exactly as a new Uint8Array(n) would. (The parser is synchronous: one
 * page at a time.)
 */
let claimScratch = new Uint8Array(4096);
function zeroedBytes(n: number): Uint8Array {
  if (claimScratch.length < n) claimScratch = new Uint8Array(Math.max(n, claimScratch.length * 2));
  const view = claimScratch.subarray(0, n);
  view.fill(0);
  return view;
}

/** Counts the lines `nos` as claimed once more. (A module function, not a closure per page.) */
function claim(claimed: Uint8Array, nos: readonly number[]): void {
  for (const n of nos) claimed[n] = (claimed[n] ?? 0) + 1;
}

/** Every non-blank line as one orphan: what an editor gets if parsing itself failed. */
function fallback(lines: readonly Line[], encoding: ParsedPage["encoding"], options: ParseOptions, err: unknown): ParsedPage {
  const kept = lines.filter((l) => l.text !== "");
  return {
    pageName: null,
    pageNumber: options.pageNumber ?? null,
    issueDate: validDate(options.issueDate),
    issueDateSource: validDate(options.issueDate) ? "given" : null,
    articles: [],
    ads: [],
    orphans: kept.length ? [{ text: kept.map((l) => l.text).join("\n"), sourceLines: kept.map((l) => l.no) }] : [],
    warnings: [
      { code: "internal-error", message: `解析本版时出错(${err instanceof Error ? err.message : String(err)}),全部文字已列为孤立文字。`, lines: [] },
    ],
    headerLines: [],
    encoding,
  };
}
