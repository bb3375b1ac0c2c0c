/**
 * The parser's output contract. Every other layer (store, import, site, search, editors' preview)
 * codes against these types, so change them only with care: the JSON printed by `npm run parse`
 * is exactly a `ParsedPage`.
 */
import type { PaperProfile } from "./profile";

export type BylineRole =
  | "reporter"
  | "correspondent"
  | "contributor"
  | "photographer"
  | "writer-photographer";

export interface Byline {
  name: string;
  role: BylineRole;
}

export type BlockType = "paragraph" | "subhead" | "caption";

/**
 * Repairs the parser made or suspects; each keeps the source line numbers in the block. `jump`: the
 * block is or carries a jump line (转版提示, "(下转A04版)", "(上接第1版)") — the article goes on
 * on, or comes from, another page; kept as printed so readers see where.
 */
export type BlockFlag = "joined" | "start-missing" | "end-missing" | "relocated" | "jump";

export interface Block {
  type: BlockType;
  /** The text as printed (indent and trailing spaces removed; a two-line subhead keeps its "\n"). */
  text: string;
  /** 1-based line numbers in the raw file; a joined paragraph lists each part. */
  sourceLines: number[];
  flags: BlockFlag[];
}

export type CategorySlug =
  | "public-service"
  | "courts"
  | "food-safety"
  | "agriculture"
  | "education"
  | "economy"
  | "other";

export interface ParsedArticle {
  label: string | null;
  kicker: string | null;
  title: string;
  subtitle: string | null;
  bylines: Byline[];
  /** YYYY-MM-DD, year resolved from the issue date. */
  datelineDate: string | null;
  category: CategorySlug;
  /** The terms from the rule table that decided the category, so editors can see why. */
  categoryEvidence: string[];
  /** Canonical department names, primary first. */
  departments: string[];
  blocks: Block[];
  /** Source lines of the head (label, kicker, title, subtitle, byline lines). */
  headLines: number[];
}

export interface ParsedAd {
  lines: string[];
  sourceLines: number[];
}

export interface Orphan {
  text: string;
  sourceLines: number[];
}

export interface ParseWarning {
  /** Stable machine code, e.g. "relocated", "orphan", "issue-date-inferred". */
  code: string;
  /** For editors, in Chinese. */
  message: string;
  lines: number[];
}

export interface ParsedPage {
  pageName: string | null;
  pageNumber: number | null;
  issueDate: string | null;
  issueDateSource: "given" | "inferred" | null;
  articles: ParsedArticle[];
  ads: ParsedAd[];
  orphans: Orphan[];
  warnings: ParseWarning[];
  /** Source lines of the page header (page name / number line), if any. */
  headerLines: number[];
  /** How the bytes were decoded. */
  encoding: "utf-8" | "utf-16le" | "utf-16be" | "gb18030";
}

export interface ParseOptions {
  /** Issue date (YYYY-MM-DD) given by the caller; otherwise it is inferred. */
  issueDate?: string;
  /** Page number given by the caller; overrides one found in a page header. */
  pageNumber?: number;
  /** The paper's profile (lib/parser/profile.ts); 聊城日报's when absent. */
  profile?: PaperProfile;
}
