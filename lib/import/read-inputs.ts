/**
 * Turns the paths given to `npm run ingest` into page inputs: the bytes of each page file and what
 * is known about it before parsing (issue date, page number, page name, issue number) from the
 * command line, a manifest.json, or the file name. Rejects, naming the file, what cannot be a page:
 * missing, unreadable, empty, oversized or binary files.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { isCalendarDate, MAX_PAGE_NUMBER } from "@/lib/validations/manifest";
import { ImportError } from "./errors";
import { MANIFEST_NAME, readManifest, type DirectoryManifest } from "./manifest";
import { detectNonText } from "./sniff";

/** Pages larger than this are refused: a printed page is 10–30 KB of text; megabytes mean a wrong file. */
export const MAX_PAGE_BYTES = 2 * 1024 * 1024;

/** Where a fact about a page came from, reported with the import so guesses are visible. */
export type FactSource = "option" | "manifest" | "file-name";

export interface Fact<T> {
  value: T;
  from: FactSource;
}

/** One page file, read and checked, ready for the import. */
export interface PageInput {
  /** The path as the user would write it (the argument, or directory + file name). */
  file: string;
  /** The file's base name, stored as Page.sourceFile. */
  fileName: string;
  bytes: Buffer;
  /** Hex SHA-256 of `bytes`. */
  sha256: string;
  date: Fact<string> | undefined;
  page: Fact<number> | undefined;
  /** 版名 from the manifest. */
  name: string | undefined;
  /** 期号 from the manifest. */
  issueNumber: number | undefined;
  /** Where the date/page claim was made (a manifest.json line, or the file itself), for duplicate errors. */
  claim: { file: string; line?: number };
}

export interface ReadInputsOptions {
  /** Issue date for every file (overrides manifests and file names). */
  date?: string;
  /** Page number; only with a single file. */
  page?: number;
  /** Size limit per page file (default MAX_PAGE_BYTES). */
  maxBytes?: number;
}

/** Page files in a directory: `*.txt`, not hidden, in natural order (…_2 before …_10). */
function listPageFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => (e.isFile() || e.isSymbolicLink()) && !e.name.startsWith(".") && /\.txt$/i.test(e.name))
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
}

const FILE_NAME_PATTERNS = [
  /^(\d{4})-(\d{2})-(\d{2})[_-](\d{1,2})(?:[_-][^.]*)?\.[^.]+$/, // 2026-04-08_03.txt
  /^(\d{4})(\d{2})(\d{2})[_-](\d{1,2})(?:[_-][^.]*)?\.[^.]+$/, // 20260408-03.txt
];

/**
 * Reads issue date and page number from names like `2026-04-08_03.txt` or `20260408-03.txt`;
 * undefined for other names. A name in that shape with an impossible date or page is an error
 * rather than a silent fall back to guessing.
 */
export function factsFromFileName(fileName: string, shown: string): { date: string; page: number } | undefined {
  for (const pattern of FILE_NAME_PATTERNS) {
    const m = pattern.exec(fileName);
    if (!m) continue;
    const date = `${m[1]}-${m[2]}-${m[3]}`;
    const page = Number(m[4]);
    if (!isCalendarDate(date)) throw new ImportError("bad-file-name", shown, `the file name says ${date}, which is not a calendar date`);
    if (page < 1 || page > MAX_PAGE_NUMBER) {
      throw new ImportError("bad-file-name", shown, `the file name says page ${page}; pages are numbered 1–${MAX_PAGE_NUMBER}`);
    }
    return { date, page };
  }
  return undefined;
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** Reads one page file and checks it can be a page. */
function readPageFile(abs: string, shown: string, maxBytes: number): Buffer {
  let size: number;
  try {
    size = fs.statSync(abs).size;
  } catch (err) {
    throw new ImportError("unreadable", shown, `cannot read the file (${(err as Error).message})`, { cause: err });
  }
  if (size === 0) throw new ImportError("empty", shown, "the file is empty (0 bytes); a page file holds the page's text");
  if (size > maxBytes) {
    throw new ImportError(
      "too-large",
      shown,
      `the file is ${formatSize(size)}; one page is at most ${formatSize(maxBytes)} (is this a whole archive or a binary file?)`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(abs);
  } catch (err) {
    throw new ImportError("unreadable", shown, `cannot read the file (${(err as Error).message})`, { cause: err });
  }
  checkPageBytes(bytes, shown, maxBytes);
  return bytes;
}

/**
 * The checks every page file passes, wherever its bytes come from (a path here, a browser upload
 * in lib/import/uploads.ts): not empty, not oversized, text.
 */
export function checkPageBytes(bytes: Uint8Array, shown: string, maxBytes: number = MAX_PAGE_BYTES): void {
  if (bytes.length === 0) throw new ImportError("empty", shown, "the file is empty (0 bytes); a page file holds the page's text");
  if (bytes.length > maxBytes) {
    throw new ImportError(
      "too-large",
      shown,
      `the file is ${formatSize(bytes.length)}; one page is at most ${formatSize(maxBytes)} (is this a whole archive or a binary file?)`,
    );
  }
  const notText = detectNonText(bytes);
  if (notText) throw new ImportError("binary", shown, notText.reason, { line: notText.line });
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Reads every page file named by `paths` (files, or directories of `*.txt` files with an optional
 * manifest.json) in the order given. Throws an ImportError for the first input that cannot be a page.
 */
export function readInputs(paths: readonly string[], options: ReadInputsOptions = {}): PageInput[] {
  const maxBytes = options.maxBytes ?? MAX_PAGE_BYTES;
  const manifests = new Map<string, DirectoryManifest | null>();
  const manifestOf = (dir: string, shownDir: string) => {
    const key = path.resolve(dir);
    if (!manifests.has(key)) manifests.set(key, readManifest(dir, shownDir));
    return manifests.get(key) ?? null;
  };

  // Each file once, even when named twice (a directory and a file in it).
  const seen = new Set<string>();
  const files: { abs: string; shown: string; manifest: DirectoryManifest | null }[] = [];
  const add = (abs: string, shown: string, manifest: DirectoryManifest | null) => {
    let real: string;
    try {
      real = fs.realpathSync(abs);
    } catch (err) {
      throw new ImportError("unreadable", shown, `cannot read the file (${(err as Error).message})`, { cause: err });
    }
    if (seen.has(real)) return;
    seen.add(real);
    files.push({ abs, shown, manifest });
  };

  for (const given of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(given);
    } catch {
      throw new ImportError("not-found", given, "no such file or directory");
    }
    if (stat.isDirectory()) {
      const before = files.length;
      const manifest = manifestOf(given, given);
      const listed = listPageFiles(given);
      if (manifest) {
        for (const [name, entry] of manifest.entries) {
          if (!fs.existsSync(path.join(given, name))) {
            throw new ImportError("missing-file", manifest.file, `lists ${name}, which is not in ${given}`, { line: entry.line });
          }
        }
        const unlisted = listed.filter((name) => !manifest.entries.has(name));
        if (unlisted.length) {
          throw new ImportError(
            "not-in-manifest",
            path.join(given, unlisted[0]!),
            `not listed in ${manifest.file}; list it there (or move it out of the directory)`,
          );
        }
        // Manifest order is the editor's page order; files need not end in .txt there.
        for (const name of manifest.entries.keys()) add(path.join(given, name), path.join(given, name), manifest);
      } else {
        for (const name of listed) add(path.join(given, name), path.join(given, name), null);
      }
      if (files.length === before && listed.length === 0 && !manifest) {
        throw new ImportError("no-pages", given, "no page files (*.txt) in this directory");
      }
    } else if (stat.isFile()) {
      if (path.basename(given) === MANIFEST_NAME) {
        throw new ImportError("no-pages", given, "a manifest is read with its directory: pass the directory instead");
      }
      // A file named on its own still takes what its directory's manifest says about it.
      const dir = path.dirname(given);
      const manifest = manifestOf(dir, dir);
      add(given, given, manifest?.entries.has(path.basename(given)) ? manifest : null);
    } else {
      throw new ImportError("unreadable", given, "neither a file nor a directory");
    }
  }

  if (options.page !== undefined && files.length !== 1) {
    throw new ImportError("usage", paths.join(" "), `--page ${options.page} names one page, but ${files.length} files were given`);
  }

  return files.map(({ abs, shown, manifest }) => {
    const fileName = path.basename(abs);
    const bytes = readPageFile(abs, shown, maxBytes);
    const entry = manifest?.entries.get(fileName);
    const fromName = entry ? undefined : factsFromFileName(fileName, shown);
    const date: Fact<string> | undefined = options.date
      ? { value: options.date, from: "option" }
      : entry
        ? { value: entry.date, from: "manifest" }
        : fromName && { value: fromName.date, from: "file-name" };
    const page: Fact<number> | undefined =
      options.page !== undefined
        ? { value: options.page, from: "option" }
        : entry
          ? { value: entry.page, from: "manifest" }
          : fromName && { value: fromName.page, from: "file-name" };
    return {
      file: shown,
      fileName,
      bytes,
      sha256: sha256Hex(bytes),
      date,
      page,
      name: entry?.name,
      issueNumber: entry?.issueNumber,
      claim: entry && manifest ? { file: manifest.file, line: entry.line } : { file: shown },
    };
  });
}
