/**
 * What an import did, for the terminal summary, `--json`, tests and the benchmark. Plain data,
 * serialisable as is.
 */

/** What happened to one page file. */
export type PageOutcome =
  /** a page that was not in the store */
  | "new"
  /** the file changed: the page's source, parse, articles and ads were replaced */
  | "replaced"
  /** same bytes, parsed again with a different result (new parse options such as a date now given, or --reparse after a parser change) */
  | "reparsed"
  /** same bytes and parse; only the page name, source file name or 期号 changed */
  | "updated"
  /** nothing to do */
  | "unchanged";

/** Where the issue date of a page came from; anything but the first three is a guess, and reported. */
export type DateSource = "option" | "manifest" | "file-name" | "parser";
/** Where the page number came from; "page-header" and "file-order" are guesses, and reported. */
export type PageNumberSource = "option" | "manifest" | "file-name" | "page-header" | "file-order";

export interface PageReport {
  file: string;
  date: string;
  page: number;
  name: string | null;
  outcome: PageOutcome;
  /** Articles and ads now on the page, and the parse warnings of what readers see. */
  articles: number;
  ads: number;
  warnings: number;
  dateFrom: DateSource;
  pageFrom: PageNumberSource;
  /** Set when the page has editors' edits: they are kept, and applied to any new parse. */
  correction?: "kept";
}

export interface IssueReport {
  date: string;
  number: number | null;
  /** The issue's status after the run. */
  status: string;
  created: boolean;
  /** Published by this run (it was not before). */
  published: boolean;
  pages: number;
}

export interface ImportReport {
  ok: true;
  pages: PageReport[];
  issues: IssueReport[];
  /** Guesses and other things the person running the import should know. */
  notes: string[];
  totals: {
    files: number;
    bytes: number;
    articles: number;
    warnings: number;
    outcomes: Record<PageOutcome, number>;
  };
  /** True when the run changed the database. */
  changed: boolean;
  /** Dates whose published edition changed (newly published, or pages replaced while published). */
  publishedChanges: string[];
  timings: {
    totalMs: number;
    parseMs: number;
    writeMs: number;
    indexMs: number;
  };
}
