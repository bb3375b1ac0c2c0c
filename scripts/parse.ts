/**
 * `npm run -s parse -- <file> [--date YYYY-MM-DD] [--page N] [--paper ID]`: prints the page's parse
 * (a ParsedPage) as JSON with 2-space indent on stdout, and nothing else. `--paper` names the
 * paper's profile in data/papers (default: PAPER, else liaocheng). Bad arguments, an unreadable
 * file, an empty one or a bad profile exit 1 with the reason on stderr.
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";
import { readEnv } from "../lib/env-schema";
import { loadPaperProfile, type PaperProfileError } from "../lib/paper/load";
import { decode, parsePage, type PaperProfile } from "../lib/parser";

const USAGE = "usage: npm run -s parse -- <file> [--date YYYY-MM-DD] [--page N] [--paper ID]";

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
  paper: z.string().optional(),
});

function fail(message: string): never {
  process.stderr.write(`parse: ${message}\n`);
  process.exit(1);
}

const OPTIONS = { date: { type: "string" }, page: { type: "string" }, paper: { type: "string" } } as const;
let raw: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
try {
  raw = parseArgs({ options: OPTIONS, allowPositionals: true, strict: true });
} catch (err) {
  fail(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
}
const parsed = Args.safeParse({ positionals: raw.positionals, date: raw.values.date, page: raw.values.page, paper: raw.values.paper });
if (!parsed.success) fail(parsed.error.issues.map((i) => i.message).join("; "));
const { positionals: file, date, page } = parsed.data;

let profile: PaperProfile;
const env = readEnv();
if (!env.ok) fail(env.problems.join("; "));
try {
  profile = loadPaperProfile(parsed.data.paper ?? env.env.PAPER);
} catch (err) {
  fail((err as PaperProfileError).message);
}

let bytes: Uint8Array;
try {
  bytes = new Uint8Array(fs.readFileSync(file));
} catch (err) {
  const code = (err as NodeJS.ErrnoException).code;
  const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : code === "EACCES" ? "permission denied" : (err as Error).message;
  fail(`cannot read ${file}: ${why}`);
}
if (decode(bytes).text.trim() === "") fail(`${file} is empty: there is no page text to parse`);

process.stdout.write(`${JSON.stringify(parsePage(bytes, { issueDate: date, pageNumber: page, profile }), null, 2)}\n`);
