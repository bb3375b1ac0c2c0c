/**
 * Fixture pairs: tests/fixtures/pages/<case>.txt + <case>.expected.json, driven as a table.
 *
 * Expected files follow the seeds' conventions: `departments` is a list of acceptable-name lists
 * (the first for the primary department, any one of its names; every further list must be met by
 * some department); a block without `flags` expects none. Flags are compared exactly — `joined`,
 * `relocated`, `start-missing` and `end-missing` alike. Optional keys (`options`, `pageNumber`,
 * `issueDateSource`, `encoding`, `orphans`, `warningCodes`) are checked when present.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { resolvePaperOption } from "@/lib/paper/load";
import { parsePage, type ParseOptions } from "@/lib/parser";

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
  /** `paper`: the profile in data/papers the page is of (default 聊城日报). */
  options?: ParseOptions & { paper?: string };
  pageName: string | null;
  pageNumber?: number | null;
  issueDate: string | null;
  issueDateSource?: string | null;
  encoding?: string;
  articles: ExpectedArticle[];
  ads: { lines: string[]; sourceLines: number[] }[];
  orphans?: { text: string; sourceLines: number[] }[];
  warningCodes?: string[];
}

const sorted = (flags: readonly string[] | undefined) => [...(flags ?? [])].sort();

describe("fixture pages", () => {
  it("should include the seeds and at least twelve cases of our own", () => {
    expect(cases).toContain("seed-2026-04-08");
    expect(cases).toContain("seed-2025-12-27");
    expect(cases.filter((c) => !c.startsWith("seed-")).length).toBeGreaterThanOrEqual(12);
  });
});

describe.each(cases)("fixture %s", (name) => {
  const expected = JSON.parse(fs.readFileSync(path.join(DIR, `${name}.expected.json`), "utf8")) as Expected;
  const out = parsePage(fs.readFileSync(path.join(DIR, `${name}.txt`)), resolvePaperOption(expected.options ?? {}));

  it("should read the page header, encoding and issue date", () => {
    expect(out.pageName).toBe(expected.pageName);
    if (expected.pageNumber !== undefined) expect(out.pageNumber).toBe(expected.pageNumber);
    if (expected.encoding !== undefined) expect(out.encoding).toBe(expected.encoding);
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

  it("should name the departments, canonical, primary first", () => {
    expected.articles.forEach((e, i) => {
      const a = out.articles[i];
      if (!a) return;
      if (e.departments.length === 0) {
        expect(a.departments, e.title).toEqual([]);
        return;
      }
      expect(e.departments[0], `${e.title}: got ${a.departments.join(", ")}`).toContain(a.departments[0]);
      for (const acceptable of e.departments.slice(1)) {
        expect(
          a.departments.some((d) => acceptable.includes(d)),
          `${e.title}: ${acceptable.join("/")} not in ${a.departments.join(", ")}`,
        ).toBe(true);
      }
    });
  });

  it("should build the same blocks (type, text, source lines, flags)", () => {
    expected.articles.forEach((e, i) => {
      const a = out.articles[i];
      if (!a) return;
      expect(
        a.blocks.map((b) => ({ type: b.type, text: b.text, sourceLines: b.sourceLines, flags: sorted(b.flags) })),
        e.title,
      ).toEqual(e.blocks.map((b) => ({ type: b.type, text: b.text, sourceLines: b.sourceLines, flags: sorted(b.flags) })));
    });
  });

  it("should separate ads and orphans, and warn as expected", () => {
    expect(out.ads).toEqual(expected.ads);
    if (expected.orphans) expect(out.orphans).toEqual(expected.orphans);
    if (expected.warningCodes) expect(out.warnings.map((w) => w.code).sort()).toEqual([...expected.warningCodes].sort());
    expect(out.warnings.filter((w) => w.code === "internal-error" || w.code === "unplaced")).toEqual([]);
    for (const w of out.warnings) expect(w.message).toMatch(/[\u4e00-\u9fff]/u);
  });
});
