/**
 * The page parser: raw page text (bytes) → ParsedPage. Pure stages composed in one place:
 *
 *   decode → splitLines → classify → segment → assemble → relocate → enrich
 *
 * No file system, no database: the import and the editors' preview call it with bytes.
 */
import { assembleArticle, type DraftArticle } from "./assemble";
import { categorize } from "./category";
import { classify, type Token } from "./classify";
import { datelineMonthDay, inferIssueDate, resolveYear } from "./dateline";
import { decode } from "./decode";
import { resolveDepartments } from "./departments";
import { splitLines } from "./lines";
import { relocateStrays } from "./repair";
import { segment } from "./segment";
import type { ParsedArticle, ParsedPage, ParseOptions, ParseWarning } from "./types";

export type * from "./types";
export { CATEGORY_LABELS } from "./category";
export { listGazetteer, lookupDepartment, type GazetteerEntry } from "./departments";
export { decode } from "./decode";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Parses one page. Never throws: anything it cannot place ends up in `orphans` with a warning. */
export function parsePage(input: Uint8Array | string, options: ParseOptions = {}): ParsedPage {
  const { text, encoding } = decode(input);
  const lines = splitLines(text);
  const tokens = classify(lines);
  const segs = segment(tokens);
  const warnings: ParseWarning[] = [];

  const drafts: DraftArticle[] = segs.articles.map(assembleArticle);
  relocateStrays(drafts, warnings);

  // Dates: the issue date is given, or inferred from the datelines.
  const leads = drafts.map((d) => {
    const first = d.blocks.find((b) => b.type === "paragraph");
    return first ? datelineMonthDay(first.text) : null;
  });
  let issueDate: string | null = null;
  let issueDateSource: ParsedPage["issueDateSource"] = null;
  if (options.issueDate && ISO_DATE.test(options.issueDate)) {
    issueDate = options.issueDate;
    issueDateSource = "given";
  } else {
    issueDate = inferIssueDate(leads.filter((x): x is NonNullable<typeof x> => x !== null), text);
    if (issueDate) {
      issueDateSource = "inferred";
      warnings.push({ code: "issue-date-inferred", message: `未提供出版日期,按最晚电头日期推断为 ${issueDate},请核对。`, lines: [] });
    } else {
      warnings.push({ code: "issue-date-unknown", message: "未提供出版日期,稿件中也没有可推断日期的电头。", lines: [] });
    }
  }

  const articles: ParsedArticle[] = drafts.map((d, i) => {
    const md = leads[i];
    const body = d.blocks.map((b) => b.text).join("\n");
    const head = [d.label, d.kicker, d.title, d.subtitle].filter(Boolean).join("\n");
    const { category, evidence } = categorize(head, body);
    return {
      label: d.label,
      kicker: d.kicker,
      title: d.title,
      subtitle: d.subtitle,
      bylines: d.bylines,
      datelineDate: md && issueDate ? resolveYear(md, issueDate) : null,
      category,
      categoryEvidence: evidence,
      departments: resolveDepartments({
        label: d.label,
        title: d.title,
        subtitle: d.subtitle,
        text: d.blocks.filter((b) => b.type !== "caption").map((b) => b.text).join("\n"),
      }),
      blocks: d.blocks,
      headLines: d.headLines,
    };
  });

  for (const a of articles) {
    for (const b of a.blocks) {
      if (b.flags.includes("start-missing") || b.flags.includes("end-missing")) {
        warnings.push({
          code: b.flags.includes("start-missing") ? "start-missing" : "end-missing",
          message: b.flags.includes("start-missing")
            ? `《${a.title}》第${b.sourceLines.join("、")}行的段落开头不完整,前半句可能缺失。`
            : `《${a.title}》第${b.sourceLines.join("、")}行的段落结尾不完整,后半句可能缺失。`,
          lines: b.sourceLines,
        });
      }
    }
  }

  const orphans = segs.orphans.map((group: Token[]) => ({
    text: group.map((t) => t.text).join("\n"),
    sourceLines: group.map((t) => t.no),
  }));
  for (const o of orphans) {
    warnings.push({ code: "orphan", message: `第${o.sourceLines.join("、")}行无法归入任何稿件,已单独列出,请编辑处理。`, lines: o.sourceLines });
  }
  if (articles.length === 0 && tokens.length > 0) {
    warnings.push({ code: "no-articles", message: "本版没有识别出稿件(未找到标题与电头或署名)。", lines: [] });
  }

  return {
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
}
