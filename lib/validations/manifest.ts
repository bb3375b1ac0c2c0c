/**
 * The `manifest.json` an import directory may hold: which issue (date, 期号) each page file belongs
 * to, its page number and its page name (版名). Shared by the import (lib/import/manifest.ts) and
 * anything that writes manifests (the benchmark generator, future upload forms).
 *
 * One directory may hold several issues, so pages are grouped by issue:
 *
 * ```json
 * {
 *   "issues": [
 *     { "date": "2026-04-08", "issueNumber": 9876,
 *       "pages": [{ "file": "2026-04-08_01.txt", "page": 1, "name": "一线微观察" }] }
 *   ]
 * }
 * ```
 */
import { z } from "zod";

/** The highest page number: public article ids keep the page in two digits (YYYYMMDD-PP-NN). */
export const MAX_PAGE_NUMBER = 99;

/** True for a real calendar day written YYYY-MM-DD (rejects 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** An issue date: a calendar day as YYYY-MM-DD. */
export const issueDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date written YYYY-MM-DD")
  .refine(isCalendarDate, "not a calendar date");

/** A page (版) number, 1…99. */
export const pageNumberSchema = z
  .number()
  .int("a page number is a whole number")
  .min(1, "pages are numbered from 1")
  .max(MAX_PAGE_NUMBER, `pages are numbered up to ${MAX_PAGE_NUMBER}`);

const manifestPageSchema = z.strictObject({
  /** File name inside the manifest's directory (no sub-directories). */
  file: z
    .string()
    .min(1)
    .refine((f) => !/[\\/]/.test(f) && f !== "." && f !== "..", "a file name in the same directory, without a path"),
  page: pageNumberSchema,
  /** 版名, e.g. "一线微观察"; when absent, the name the parser finds on the page. */
  name: z.string().trim().min(1).max(40).optional(),
});

const manifestIssueSchema = z.strictObject({
  date: issueDateSchema,
  /** 期号 (the running number of the issue), when known. */
  issueNumber: z.number().int().positive().optional(),
  pages: z.array(manifestPageSchema).min(1, "an issue lists at least one page"),
});

/** A validated manifest.json. */
export const manifestSchema = z
  .strictObject({
    $schema: z.string().optional(),
    issues: z.array(manifestIssueSchema).min(1, "a manifest lists at least one issue"),
  })
  .superRefine((manifest, ctx) => {
    const dates = new Map<string, number>();
    const files = new Map<string, string>();
    manifest.issues.forEach((issue, i) => {
      const first = dates.get(issue.date);
      if (first !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["issues", i, "date"],
          message: `issue ${issue.date} is already listed as issues[${first}]`,
        });
      } else dates.set(issue.date, i);
      const pages = new Map<number, number>();
      issue.pages.forEach((page, j) => {
        const here = `issues[${i}].pages[${j}]`;
        const other = pages.get(page.page);
        if (other !== undefined) {
          ctx.addIssue({
            code: "custom",
            path: ["issues", i, "pages", j, "page"],
            message: `two files claim ${issue.date} page ${page.page}: ${issue.pages[other]?.file} and ${page.file}`,
          });
        } else pages.set(page.page, j);
        const seen = files.get(page.file);
        if (seen !== undefined) {
          ctx.addIssue({
            code: "custom",
            path: ["issues", i, "pages", j, "file"],
            message: `${page.file} is already listed as ${seen}`,
          });
        } else files.set(page.file, here);
      });
    });
  });
