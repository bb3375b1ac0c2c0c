/**
 * The one error the import throws on purpose. It names the file (and the line, when one is to
 * blame) so the person running the import can fix the input; anything else that escapes the
 * import is a bug or an environment problem (disk full, database locked).
 */

export type ImportErrorCode =
  | "usage"
  | "not-found"
  | "unreadable"
  | "empty"
  | "too-large"
  | "binary"
  | "no-pages"
  | "bad-manifest"
  | "not-in-manifest"
  | "missing-file"
  | "bad-file-name"
  | "no-date"
  | "parse-failed"
  | "duplicate-page"
  | "locked"
  | "write-failed";

/** An input problem that aborts the whole import; the database is left as it was. */
export class ImportError extends Error {
  override readonly name = "ImportError";
  readonly code: ImportErrorCode;
  /** The file at fault, as given on the command line (or relative to it). */
  readonly file: string;
  /** 1-based line in `file`, when a line is to blame. */
  readonly line: number | undefined;
  /** The message without the "file:line: " prefix. */
  readonly detail: string;

  constructor(code: ImportErrorCode, file: string, message: string, options: { line?: number; cause?: unknown } = {}) {
    super(`${file}${options.line ? `:${options.line}` : ""}: ${message}`, { cause: options.cause });
    this.code = code;
    this.file = file;
    this.line = options.line;
    this.detail = message;
  }

  /** A plain object for `--json` reports. */
  toJSON(): { code: ImportErrorCode; file: string; line: number | null; message: string } {
    return { code: this.code, file: this.file, line: this.line ?? null, message: this.detail };
  }
}
