/**
 * Page files that arrive as bytes (the desk's browser import) instead of paths. The same checks
 * and the same facts as `npm run ingest`: a manifest.json among them places the pages, otherwise
 * the file names do (2026-04-08_03.txt), otherwise the parser reads date and page from the text.
 * `planUploads` proposes, per file, what the import would do, for the editor to confirm or change;
 * `inputsFromUploads` turns the confirmed plan into the PageInputs importEdition takes.
 */
import type { ParsedPage, ParseOptions } from "@/lib/parser/types";
import { ImportError } from "./errors";
import { MANIFEST_NAME, parseManifest, type ManifestEntry } from "./manifest";
import { checkPageBytes, factsFromFileName, MAX_PAGE_BYTES, sha256Hex, type PageInput } from "./read-inputs";

/** One upload carries one batch: at most this many files and bytes (a day's paper is 8–40 pages of 10–30 KB each). */
export const MAX_BATCH_FILES = 100;
export const MAX_BATCH_BYTES = 32 * 1024 * 1024;

export interface Upload {
  name: string;
  bytes: Buffer;
}

export type FactOrigin = "manifest" | "file-name" | "text" | "file-order" | "none";

/** What the import would do with one file, before the editor confirms it. */
export interface PlannedPage {
  file: string;
  bytes: number;
  date: string | null;
  dateFrom: FactOrigin;
  page: number | null;
  pageFrom: FactOrigin;
  name: string | null;
  issueNumber: number | null;
  /** A quick parse, so the editor sees what is in the file before importing it. */
  articles: number;
  warnings: number;
  titles: string[];
  /** Why the file cannot be imported (then the other fields are what could be found). */
  error: { code: string; message: string; line?: number } | null;
}

export interface UploadPlan {
  pages: PlannedPage[];
  /** The manifest's problem, if one was sent and it is invalid. */
  manifestError: { message: string; line?: number } | null;
}

/** The editor's confirmed placement of one file. */
export interface ConfirmedPage {
  file: string;
  date: string;
  page: number;
  name?: string;
  issueNumber?: number;
}

function manifestOf(uploads: readonly Upload[]): Map<string, ManifestEntry> | ImportError | null {
  const m = uploads.find((u) => u.name === MANIFEST_NAME);
  if (!m) return null;
  try {
    return parseManifest(m.bytes.toString("utf8").replace(/^\uFEFF/, ""), MANIFEST_NAME).entries;
  } catch (err) {
    if (err instanceof ImportError) return err;
    throw err;
  }
}

function duplicateName(uploads: readonly Upload[]): string | null {
  const seen = new Set<string>();
  for (const u of uploads) {
    if (seen.has(u.name)) return u.name;
    seen.add(u.name);
  }
  return null;
}

export function planUploads(
  uploads: readonly Upload[],
  parse: (bytes: Uint8Array, options: ParseOptions) => ParsedPage,
  options: { maxBytes?: number; countWarnings?: (page: ParsedPage) => number } = {},
): UploadPlan {
  const maxBytes = options.maxBytes ?? MAX_PAGE_BYTES;
  // The desk counts the warnings it will list (lib/editor/warnings.ts), not only the parser's.
  const countWarnings = options.countWarnings ?? ((p: ParsedPage) => p.warnings.length);
  const manifest = manifestOf(uploads);
  const entries = manifest instanceof ImportError ? null : manifest;
  const pages: PlannedPage[] = [];
  let order = 0;
  for (const u of uploads) {
    if (u.name === MANIFEST_NAME) continue;
    order++;
    const plan: PlannedPage = {
      file: u.name,
      bytes: u.bytes.length,
      date: null,
      dateFrom: "none",
      page: null,
      pageFrom: "none",
      name: null,
      issueNumber: null,
      articles: 0,
      warnings: 0,
      titles: [],
      error: null,
    };
    pages.push(plan);
    try {
      checkPageBytes(u.bytes, u.name, maxBytes);
      const entry = entries?.get(u.name);
      const fromName = entry ? undefined : factsFromFileName(u.name, u.name);
      if (entry) {
        Object.assign(plan, { date: entry.date, dateFrom: "manifest", page: entry.page, pageFrom: "manifest", name: entry.name ?? null, issueNumber: entry.issueNumber ?? null });
      } else if (fromName) {
        Object.assign(plan, { date: fromName.date, dateFrom: "file-name", page: fromName.page, pageFrom: "file-name" });
      }
      const parsed = parse(u.bytes, { ...(plan.date ? { issueDate: plan.date } : {}), ...(plan.page ? { pageNumber: plan.page } : {}) });
      if (!plan.date && parsed.issueDate) Object.assign(plan, { date: parsed.issueDate, dateFrom: "text" });
      if (!plan.page) Object.assign(plan, parsed.pageNumber ? { page: parsed.pageNumber, pageFrom: "text" } : { page: order, pageFrom: "file-order" });
      plan.name ??= parsed.pageName;
      plan.articles = parsed.articles.length;
      plan.warnings = countWarnings(parsed);
      plan.titles = parsed.articles.slice(0, 6).map((a) => a.title);
    } catch (err) {
      if (!(err instanceof ImportError)) throw err;
      plan.error = { code: err.code, message: err.detail, ...(err.line ? { line: err.line } : {}) };
    }
  }
  if (entries) {
    for (const name of entries.keys()) {
      if (!uploads.some((u) => u.name === name)) {
        const e = entries.get(name)!;
        pages.push({
          file: name, bytes: 0, date: e.date, dateFrom: "manifest", page: e.page, pageFrom: "manifest", name: e.name ?? null, issueNumber: e.issueNumber ?? null,
          articles: 0, warnings: 0, titles: [],
          error: { code: "missing-file", message: `${MANIFEST_NAME} lists ${name}, which was not uploaded`, ...(e.line ? { line: e.line } : {}) },
        });
      }
    }
  }
  return {
    pages,
    manifestError: manifest instanceof ImportError ? { message: manifest.detail, ...(manifest.line ? { line: manifest.line } : {}) } : null,
  };
}

/**
 * The import's inputs for the uploads as the editor confirmed them. Every page file must be
 * confirmed exactly once; facts given by the editor count as given on the command line.
 */
export function inputsFromUploads(uploads: readonly Upload[], confirmed: readonly ConfirmedPage[], maxBytes = MAX_PAGE_BYTES): PageInput[] {
  const dup = duplicateName(uploads);
  if (dup) throw new ImportError("usage", dup, "two uploaded files have this name; rename one");
  const byName = new Map(uploads.map((u) => [u.name, u]));
  const seen = new Set<string>();
  const inputs: PageInput[] = [];
  for (const c of confirmed) {
    const u = byName.get(c.file);
    if (!u) throw new ImportError("not-found", c.file, "this file was not uploaded with the request");
    if (seen.has(c.file)) throw new ImportError("usage", c.file, "listed twice in the import");
    seen.add(c.file);
    checkPageBytes(u.bytes, u.name, maxBytes);
    inputs.push({
      file: u.name,
      fileName: u.name,
      bytes: u.bytes,
      sha256: sha256Hex(u.bytes),
      date: { value: c.date, from: "option" },
      page: { value: c.page, from: "option" },
      name: c.name,
      issueNumber: c.issueNumber,
      claim: { file: u.name },
    });
  }
  const unconfirmed = uploads.find((u) => u.name !== MANIFEST_NAME && !seen.has(u.name));
  if (unconfirmed) throw new ImportError("usage", unconfirmed.name, "uploaded but not placed (no date and page given for it)");
  return inputs;
}
