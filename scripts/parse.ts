/**
 * `npm run -s parse -- <file> [--date YYYY-MM-DD] [--page N]`: prints the page's parse as JSON on
 * stdout and nothing else. An unreadable or empty file exits 1 with the reason on stderr.
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";
import { parsePage } from "../lib/parser";

const Args = z.object({
  file: z.string({ error: "用法: npm run -s parse -- <file> [--date YYYY-MM-DD] [--page N]" }),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "--date must look like 2026-04-08")
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), "--date is not a real date")
    .optional(),
  page: z.coerce.number().int().min(1, "--page must be a positive whole number").max(999).optional(),
});

function fail(message: string): never {
  process.stderr.write(`parse: ${message}\n`);
  process.exit(1);
}

let raw;
try {
  raw = parseArgs({ options: { date: { type: "string" }, page: { type: "string" } }, allowPositionals: true });
} catch (err) {
  fail(err instanceof Error ? err.message : String(err));
}
const parsed = Args.safeParse({ file: raw.positionals[0], date: raw.values.date, page: raw.values.page });
if (!parsed.success) fail(parsed.error.issues.map((i) => i.message).join("; "));
const { file, date, page } = parsed.data;

let bytes: Buffer;
try {
  bytes = fs.readFileSync(file);
} catch (err) {
  fail(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : String((err as Error).message)}`);
}
if (bytes.length === 0 || bytes.toString("utf8").trim() === "") fail(`${file} is empty`);

process.stdout.write(JSON.stringify(parsePage(bytes, { issueDate: date, pageNumber: page }), null, 2) + "\n");
