/**
 * Fixture pairs: tests/fixtures/pages/<case>.txt + <case>.expected.json, driven as a table.
 * Expected files follow the seeds' conventions: `departments` is a list of acceptable-name lists
 * (the first list for the primary department); blocks without `flags` expect none of the required
 * flags; `start-missing`/`end-missing` are checked only where a case sets `"strictFlags": true`.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parsePage } from "@/lib/parser";

const DIR = path.join(import.meta.dirname, "../../fixtures/pages");
const cases = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith(".expected.json"))
  .map((f) => f.replace(/\.expected\.json$/, ""))
  .sort();

interface ExpectedBlock {
  type: string;
  text: string;
  sourceLines: number[];
  flags?: string[];
}
interface ExpectedArticle {
  label: string | null;
  kicker: string | null;
  title: string;
  subtitle: string | null;
  bylines: { name: string; role: string }[];
  datelineDate: string | null;
  category: string;
  departments: string[][];
  blocks: ExpectedBlock[];
}
interface Expected {
  pageName: string | null;
  pageNumber?: number | null;
  issueDate: string | null;
  issueDateSource?: string | null;
  options?: { issueDate?: string; pageNumber?: number };
  strictFlags?: boolean;
  articles: ExpectedArticle[];
  ads: { lines: string[]; sourceLines: number[] }[];
  orphans?: { text: string; sourceLines: number[] }[];
  warningCodes?: string[];
}

const REQUIRED_FLAGS = new Set(["joined", "relocated"]);

describe.each(cases)("fixture %s", (name) => {
  const expected = JSON.parse(fs.readFileSync(path.join(DIR, `${name}.expected.json`), "utf8")) as Expected;
  const out = parsePage(fs.readFileSync(path.join(DIR, `${name}.txt`)), expected.options ?? {});
  const flagsOf = (flags: readonly string[] | undefined) =>
    [...(flags ?? [])].filter((f) => expected.strictFlags || REQUIRED_FLAGS.has(f)).sort();

  it("should read the page header and issue date", () => {
    expect(out.pageName).toBe(expected.pageName);
    if (expected.pageNumber !== undefined) expect(out.pageNumber).toBe(expected.pageNumber);
    expect(out.issueDate).toBe(expected.issueDate);
    if (expected.issueDateSource !== undefined) expect(out.issueDateSource).toBe(expected.issueDateSource);
  });

  it("should find every article, head and byline", () => {
    expect(out.articles.map((a) => a.title)).toEqual(expected.articles.map((a) => a.title));
    expected.articles.forEach((e, i) => {
      const a = out.articles[i];
      expect(a, e.title).toBeDefined();
      if (!a) return;
      expect({ label: a.label, kicker: a.kicker, subtitle: a.subtitle, datelineDate: a.datelineDate, category: a.category }, e.title).toEqual({
        label: e.label,
        kicker: e.kicker,
        subtitle: e.subtitle,
        datelineDate: e.datelineDate,
        category: e.category,
      });
      expect(a.bylines, e.title).toEqual(e.bylines);
    });
  });

  it("should name the primary department, canonical", () => {
    expected.articles.forEach((e, i) => {
      const a = out.articles[i];
      if (!a || e.departments.length === 0) return;
      expect(e.departments[0], `${e.title}: got ${a.departments.join(", ")}`).toContain(a.departments[0]);
      for (const acceptable of e.departments.slice(1)) {
        expect(a.departments.some((d) => acceptable.includes(d)), `${e.title}: ${acceptable.join("/")}`).toBe(true);
      }
    });
  });

  it("should build the same blocks (type, text, source lines, flags)", () => {
    expected.articles.forEach((e, i) => {
      const a = out.articles[i];
      if (!a) return;
      expect(
        a.blocks.map((b) => ({ type: b.type, text: b.text, sourceLines: b.sourceLines, flags: flagsOf(b.flags) })),
        e.title,
      ).toEqual(e.blocks.map((b) => ({ type: b.type, text: b.text, sourceLines: b.sourceLines, flags: flagsOf(b.flags) })));
    });
  });

  it("should separate ads and orphans", () => {
    expect(out.ads).toEqual(expected.ads);
    if (expected.orphans) expect(out.orphans).toEqual(expected.orphans);
    if (expected.warningCodes) expect(out.warnings.map((w) => w.code).sort()).toEqual([...expected.warningCodes].sort());
  });
});
