/**
 * `npm run -s parse -- <file> [--date YYYY-MM-DD] [--page N]`: prints the page's parse (a
 * ParsedPage) as JSON with 2-space indent on stdout, and nothing else. Bad arguments, an unreadable
 * file or an empty one exit 1 with the reason on stderr.
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";
import { decode, parsePage } from "../lib/parser";

const USAGE = "usage: npm run -s parse -- <file> [--date YYYY-MM-DD] [--page N]";

/** A real calendar date: 2026-02-30 is refused, not rolled over into March. */
function isCalendarDate(s: string): boolean {
  const [y, m, d] = s.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const Args = z.object({
  positionals: z
    .array(z.string())
    .length(1, USAGE)
    .transform((p) => p[0] as string),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "--date must look like 2026-04-08")
    .refine(isCalendarDate, "--date is not a real calendar date")
    .optional(),
  page: z
    .string()
    .regex(/^\d+$/, "--page must be a whole number")
    .transform(Number)
    .pipe(z.number().int().min(1, "--page must be at least 1").max(999, "--page must be at most 999"))
    .optional(),
});

function fail(message: string): never {
  process.stderr.write(`parse: ${message}\n`);
  process.exit(1);
}

let raw: ReturnType<typeof parseArgs<{ options: { date: { type: "string" }; page: { type: "string" } }; allowPositionals: true }>>;
try {
  raw = parseArgs({ options: { date: { type: "string" }, page: { type: "string" } }, allowPositionals: true, strict: true });
} catch (err) {
  fail(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
}
const parsed = Args.safeParse({ positionals: raw.positionals, date: raw.values.date, page: raw.values.page });
if (!parsed.success) fail(parsed.error.issues.map((i) => i.message).join("; "));
const { positionals: file, date, page } = parsed.data;

let bytes: Uint8Array;
try {
  bytes = new Uint8Array(fs.readFileSync(file));
} catch (err) {
  const code = (err as NodeJS.ErrnoException).code;
  const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : code === "EACCES" ? "permission denied" : (err as Error).message;
  fail(`cannot read ${file}: ${why}`);
}
if (decode(bytes).text.trim() === "") fail(`${file} is empty: there is no page text to parse`);

process.stdout.write(`${JSON.stringify(parsePage(bytes, { issueDate: date, pageNumber: page }), null, 2)}\n`);
