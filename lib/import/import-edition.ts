/**
 * The import's core, with its collaborators (parser, gazetteer, search index) passed in; callers
 * use `importEdition` from lib/import/index.ts, which supplies the real ones. The whole import
 * runs in one SQLite transaction (BEGIN IMMEDIATE), so it is all-or-nothing: an error, or the
 * process being killed, leaves the database exactly as it was. Re-importing the same bytes with
 * the same parse options writes nothing at all.
 */
import { tagsToRevalidate } from "@/lib/edition/cache-tags";
import { checkpointWal, type SqliteDb } from "@/lib/db/sqlite";
import type { ParsedPage, ParseOptions } from "@/lib/parser/types";
import { isCalendarDate, MAX_PAGE_NUMBER } from "@/lib/validations/manifest";
import { ImportError } from "./errors";
import { decodeRawText } from "./materialise";
import type { PageInput } from "./read-inputs";
import type { DateSource, ImportReport, IssueReport, PageNumberSource, PageOutcome, PageReport } from "./report";
import {
  EditionWriter,
  formatTimestamp,
  type DepartmentInfo,
  type IssueState,
  type PageState,
  type SearchIndexer,
} from "./write-edition";

export interface ImportOptions {
  /** Publish the issues this run touches (status published; publishedAt set the first time). */
  publish?: boolean;
  /**
   * Parse pages again even when their bytes and parse options are unchanged (after a parser fix).
   * Only pages whose parse differs are written; editors' edits are applied to the new parse.
   */
  reparse?: boolean;
  /** Called after each page file, e.g. for a progress bar. */
  onProgress?: (progress: { done: number; total: number; file: string }) => void;
  /** The run's timestamp (tests pin it). */
  now?: Date;
}

/** What the import needs from other layers (lib/import/defaults.ts has the real ones). */
export interface ImportDependencies {
  /** The parser: parsePage from lib/parser. */
  parse: (bytes: Uint8Array, options: ParseOptions) => ParsedPage;
  /** The search index: lib/search/indexer. */
  indexer: SearchIndexer;
  /** The department gazetteer: lookupDepartment from lib/parser, with a kind for unknown bodies. */
  describeDepartment: (name: string) => DepartmentInfo;
  /**
   * What else decides a parse besides the bytes and the options: the paper profile's stamp
   * (lib/paper). Kept with each page, so a changed profile re-parses a page re-imported unchanged.
   */
  profileStamp?: string;
}

/** A page input once its place in the edition is known. */
interface PlacedInput {
  input: PageInput;
  date: string;
  dateFrom: DateSource;
  page: number;
  pageFrom: PageNumberSource;
  /** The options the parser gets: only what is known, never a guess. */
  parseOptions: ParseOptions;
  parseKey: string;
  /** A parse made while placing the page (when date or page had to come from the text). */
  parsed: ParsedPage | undefined;
}

/** Canonical JSON of parse options, stored in Page.parseOptions and compared on re-import. */
export function formatParseOptions(options: ParseOptions, profileStamp?: string): string {
  return JSON.stringify({ issueDate: options.issueDate, pageNumber: options.pageNumber, profile: profileStamp });
}

const OUTCOMES: PageOutcome[] = ["new", "replaced", "reparsed", "updated", "unchanged"];

/**
 * Imports page inputs (from readInputs) into the edition store, all or nothing, with the given
 * collaborators. Throws an ImportError naming the file (and line) at fault; the database is then
 * untouched.
 */
export function importEditionWith(
  deps: ImportDependencies,
  db: SqliteDb,
  inputs: readonly PageInput[],
  options: ImportOptions = {},
): ImportReport {
  const started = performance.now();
  if (inputs.length === 0) throw new ImportError("no-pages", "(no input)", "nothing to import");
  const { parse } = deps;
  const writer = new EditionWriter(db, deps.indexer, deps.describeDepartment, formatTimestamp(options.now ?? new Date()));
  let parseMs = 0;
  const timedParse = (input: PageInput, parseOptions: ParseOptions): ParsedPage => {
    const t = performance.now();
    try {
      return parse(input.bytes, parseOptions);
    } catch (err) {
      throw new ImportError("parse-failed", input.file, `the parser failed: ${(err as Error).message}`, { cause: err });
    } finally {
      parseMs += performance.now() - t;
    }
  };

  const run = (): Omit<ImportReport, "timings"> => {
    const notes: string[] = [];
    const { placed, issueNumbers } = placeInputs(inputs, timedParse, notes, deps.profileStamp);

    // Issues first, in the order they appear: created, renumbered and published before their pages
    // are written, so new pages of a published issue are published with it.
    const issues = new Map<string, { state: IssueState; report: IssueReport }>();
    let changed = false;
    for (const p of placed) {
      if (issues.has(p.date)) continue;
      const { issue, created, renumbered } = writer.ensureIssue(p.date, issueNumbers.get(p.date));
      const published = options.publish ? writer.publishIssue(issue) : false;
      changed ||= created || renumbered || published;
      issues.set(p.date, {
        state: issue,
        report: { date: p.date, number: issue.number, status: issue.status, created, published, pages: 0 },
      });
    }

    const pages: PageReport[] = [];
    const publishedChanges = new Set<string>();
    for (const [i, p] of placed.entries()) {
      const issue = issues.get(p.date)!;
      issue.report.pages++;
      writer.staleEdits = 0;
      const report = writePlacedPage(writer, issue.state, p, {
        reparse: options.reparse ?? false,
        parse: timedParse,
      });
      pages.push(report);
      if (report.outcome !== "unchanged") {
        changed = true;
        writer.touchIssue(issue.state);
        if (issue.state.status === "published") publishedChanges.add(p.date);
      }
      if (report.correction === "kept" && (report.outcome === "reparsed" || report.outcome === "replaced")) {
        notes.push(`${p.input.file}: ${p.date} page ${p.page} has editors' corrections; they were applied to the new parse`);
        if (writer.staleEdits > 0) {
          notes.push(
            `${p.input.file}: ${writer.staleEdits} of the editors' edits no longer fit the page (the lines they were made on changed); ` +
              "they are kept, marked stale, and listed on the desk",
          );
        }
      }
      options.onProgress?.({ done: i + 1, total: placed.length, file: p.input.file });
    }
    writer.finish();
    for (const issue of issues.values()) if (issue.report.published) publishedChanges.add(issue.report.date);
    if (publishedChanges.size) writer.announce(tagsToRevalidate({ dates: [...publishedChanges] }));

    const outcomes = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<PageOutcome, number>;
    for (const p of pages) outcomes[p.outcome]++;
    return {
      ok: true,
      pages,
      issues: [...issues.values()].map((i) => i.report),
      notes,
      totals: {
        files: pages.length,
        bytes: inputs.reduce((n, i) => n + i.bytes.length, 0),
        articles: pages.reduce((n, p) => n + p.articles, 0),
        warnings: pages.reduce((n, p) => n + p.warnings, 0),
        outcomes,
      },
      changed,
      publishedChanges: [...publishedChanges].sort(),
    };
  };

  let result: Omit<ImportReport, "timings">;
  try {
    // IMMEDIATE: take the write lock before reading, so what is compared is what gets replaced.
    result = db.transaction(run).immediate();
  } catch (err) {
    if (err instanceof ImportError) throw err;
    const code = (err as { code?: string }).code;
    if (code === "SQLITE_BUSY" || code === "SQLITE_LOCKED") {
      throw new ImportError("locked", db.name, "the database is busy (another import running?); nothing was imported", { cause: err });
    }
    throw err;
  }
  // An import can write as much as the whole database; fold its WAL back in and shrink it now,
  // rather than leave a WAL as large as the import behind (and a database file that alone is stale).
  if (result.changed) checkpointWal(db);
  const totalMs = performance.now() - started;
  const indexMs = writer.timings.indexMs;
  return {
    ...result,
    timings: { totalMs, parseMs, indexMs, writeMs: Math.max(0, totalMs - parseMs - indexMs) },
  };
}

/**
 * Decides each input's issue date and page number: given (option, manifest, file name) when
 * possible, else read from the text by the parser, else (page only) by file order. Two files
 * claiming the same page is an error naming both.
 */
function placeInputs(
  inputs: readonly PageInput[],
  parse: (input: PageInput, options: ParseOptions) => ParsedPage,
  notes: string[],
  profileStamp: string | undefined,
): { placed: PlacedInput[]; issueNumbers: Map<string, number> } {
  const placed: (Omit<PlacedInput, "page" | "pageFrom" | "parseKey"> & { page: number | undefined; pageFrom: PageNumberSource | undefined })[] = [];
  for (const input of inputs) {
    const parseOptions: ParseOptions = {};
    if (input.date) parseOptions.issueDate = input.date.value;
    if (input.page) parseOptions.pageNumber = input.page.value;
    let parsed: ParsedPage | undefined;
    let date = input.date?.value;
    let dateFrom: DateSource | undefined = input.date?.from;
    if (!date) {
      parsed = parse(input, parseOptions);
      if (!parsed.issueDate || !isCalendarDate(parsed.issueDate)) {
        throw new ImportError(
          "no-date",
          input.file,
          "cannot tell the issue date: name the file like 2026-04-08_03.txt, list it in a manifest.json, or pass --date",
        );
      }
      date = parsed.issueDate;
      dateFrom = "parser";
      notes.push(`${input.file}: issue date ${date} inferred from the text`);
    }
    let page = input.page?.value;
    let pageFrom: PageNumberSource | undefined = input.page?.from;
    if (page === undefined) {
      parsed ??= parse(input, parseOptions);
      const header = parsed.pageNumber;
      if (header !== null && Number.isInteger(header) && header >= 1 && header <= MAX_PAGE_NUMBER) {
        page = header;
        pageFrom = "page-header";
        notes.push(`${input.file}: page number ${page} read from the page header`);
      }
    }
    placed.push({ input, date, dateFrom: dateFrom!, page, pageFrom, parseOptions, parsed });
  }

  // Pages nobody numbered take the free numbers of their issue, in file order.
  const claimed = new Map<string, Set<number>>();
  const claimedIn = (date: string) => {
    let taken = claimed.get(date);
    if (!taken) claimed.set(date, (taken = new Set()));
    return taken;
  };
  for (const p of placed) if (p.page !== undefined) claimedIn(p.date).add(p.page);
  for (const p of placed) {
    if (p.page !== undefined) continue;
    const taken = claimedIn(p.date);
    let n = 1;
    while (taken.has(n)) n++;
    if (n > MAX_PAGE_NUMBER) throw new ImportError("duplicate-page", p.input.file, `issue ${p.date} has no free page number left`);
    taken.add(n);
    p.page = n;
    p.pageFrom = "file-order";
    notes.push(`${p.input.file}: numbered page ${n} of ${p.date} by file order (no manifest, file name or page header gives it)`);
  }

  // One 期号 per issue, whichever manifest gives it.
  const numbers = new Map<string, PageInput>();
  for (const p of placed) {
    if (p.input.issueNumber === undefined) continue;
    const other = numbers.get(p.date);
    if (other && other.issueNumber !== p.input.issueNumber) {
      throw new ImportError(
        "bad-manifest",
        p.input.claim.file,
        `gives issue ${p.date} the number ${p.input.issueNumber}, but ${other.claim.file} gives it ${other.issueNumber}`,
        { line: p.input.claim.line },
      );
    }
    numbers.set(p.date, p.input);
  }

  const issueNumbers = new Map([...numbers].map(([date, input]) => [date, input.issueNumber!]));

  const bySlot = new Map<string, PageInput>();
  const result = placed.map((p) => {
    const page = p.page!;
    const slot = `${p.date}#${page}`;
    const other = bySlot.get(slot);
    if (other) {
      const where = other.claim.file === other.file ? "" : ` (${other.claim.file}${other.claim.line ? `:${other.claim.line}` : ""})`;
      throw new ImportError("duplicate-page", p.input.claim.file, `${p.input.file} and ${other.file}${where} both claim ${p.date} page ${page}`, {
        line: p.input.claim.line,
      });
    }
    bySlot.set(slot, p.input);
    return { ...p, page, pageFrom: p.pageFrom!, parseKey: formatParseOptions(p.parseOptions, profileStamp) };
  });
  return { placed: result, issueNumbers };
}

/** Writes one placed page: insert, replace, re-parse, relabel, or nothing. */
function writePlacedPage(
  writer: EditionWriter,
  issue: IssueState,
  p: PlacedInput,
  options: { reparse: boolean; parse: (input: PageInput, options: ParseOptions) => ParsedPage },
): PageReport {
  const { input } = p;
  const existing = writer.getPage(issue.id, p.page);
  const base = { file: input.file, date: p.date, page: p.page, dateFrom: p.dateFrom, pageFrom: p.pageFrom };
  const sameBytes = existing?.sourceSha256 === input.sha256;
  const sameOptions = existing?.parseOptions === p.parseKey;

  /** The page as stored, with at most its name or source file name updated. */
  const keep = (page: PageState): PageReport => {
    const name = input.name ?? page.name;
    const relabel = name !== page.name || input.fileName !== page.sourceFile;
    if (relabel) writer.updatePageLabels(page, name, input.fileName);
    return {
      ...base,
      name,
      outcome: relabel ? "updated" : "unchanged",
      articles: page.articleCount,
      ads: page.adCount,
      warnings: page.warningCount,
      ...(page.edited ? { correction: "kept" as const } : {}),
    };
  };

  if (existing && sameBytes && sameOptions && !options.reparse) return keep(existing);

  const parsed = p.parsed ?? options.parse(input, p.parseOptions);
  const source = {
    name: input.name ?? parsed.pageName ?? existing?.name ?? null,
    sourceFile: input.fileName,
    sourceSha256: input.sha256,
    rawText: decodeRawText(input.bytes, parsed.encoding),
    parsed,
    parseOptions: p.parseKey,
  };
  const counts = { ads: parsed.ads.length, warnings: parsed.warnings.length };

  if (!existing) {
    const { articles } = writer.insertPage(issue, p.page, source);
    return { ...base, name: source.name, outcome: "new", articles, ...counts };
  }

  if (sameBytes) {
    // Same bytes, parsed again (new parse options, or --reparse after a parser change). Nothing is
    // written unless the parse differs; editors' edits are applied to a parse that does.
    const sameParse = JSON.stringify(parsed) === writer.getParsedJson(existing.id);
    if (sameParse && sameOptions) return keep(existing);
    if (sameParse) {
      writer.updateParseOnly(existing, source);
      return {
        ...base,
        name: source.name,
        outcome: "reparsed",
        articles: existing.articleCount,
        ads: existing.adCount,
        warnings: existing.warningCount,
        ...(existing.edited ? { correction: "kept" as const } : {}),
      };
    }
    const articles = writer.replacePage(issue, existing, p.page, source);
    return { ...base, name: source.name, outcome: "reparsed", articles, ...counts, ...(existing.edited ? { correction: "kept" as const } : {}) };
  }

  // A changed file: the page is replaced, and editors' edits are applied to the new parse (those
  // whose lines changed are kept, marked stale, for an editor to redo or discard).
  const articles = writer.replacePage(issue, existing, p.page, source);
  return {
    ...base,
    name: source.name,
    outcome: "replaced",
    articles,
    ...counts,
    ...(existing.edited ? { correction: "kept" as const } : {}),
  };
}
