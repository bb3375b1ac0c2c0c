import { describe, expect, it } from "vitest";
import { displayWidth, formatSummary, formatTable } from "@/lib/import/format-report";
import type { ImportReport, PageReport } from "@/lib/import/report";

function report(pages: PageReport[]): ImportReport {
  return {
    ok: true,
    pages,
    issues: [{ date: "2026-04-08", number: null, status: "published", created: true, published: true, pages: pages.length }],
    notes: ["a.txt: issue date 2026-04-08 inferred from the text"],
    totals: {
      files: pages.length,
      bytes: 1,
      articles: pages.reduce((n, p) => n + p.articles, 0),
      warnings: pages.reduce((n, p) => n + p.warnings, 0),
      outcomes: { new: pages.length, replaced: 0, reparsed: 0, updated: 0, unchanged: 0 },
    },
    changed: true,
    publishedChanges: ["2026-04-08"],
    timings: { totalMs: 1234, parseMs: 0, writeMs: 0, indexMs: 0 },
  };
}

const page = (n: number): PageReport => ({
  file: `2026-04-08_${n}.txt`,
  date: "2026-04-08",
  page: n,
  name: "一线微观察",
  outcome: "new",
  articles: 6,
  ads: 1,
  warnings: 2,
  dateFrom: "file-name",
  pageFrom: "file-name",
});

describe("formatSummary", () => {
  it("should count CJK characters as two cells", () => {
    expect(displayWidth("一线微观察")).toBe(10);
    expect(displayWidth("a，b")).toBe(4);
  });

  it("should align columns under CJK text", () => {
    const lines = formatTable(["name", "n"], [["一线微观察", "1"], ["要闻", "12"]], new Set([1])).split("\n");
    expect(lines.map(displayWidth)).toEqual([14, 14, 14, 14]);
  });

  it("should show one row per page, the notes, totals and what was published", () => {
    const text = formatSummary(report([page(1), page(2)]));
    expect(text).toMatch(/^issue\s+page\s+name\s+articles\s+warnings\s+result\s+file$/m);
    expect(text).toMatch(/^2026-04-08\s+2\s+一线微观察\s+6\s+2\s+new\s+2026-04-08_2\.txt$/m);
    expect(text).toContain("note: a.txt: issue date 2026-04-08 inferred from the text");
    expect(text).toContain("2 pages (2 new) in 1 issue: 12 articles, 4 warnings, 1.23 s.");
    expect(text).toContain("Published 2026-04-08.");
  });

  it("should show one row per issue for large imports", () => {
    const text = formatSummary(report(Array.from({ length: 80 }, (_, i) => page(i + 1))));
    expect(text).toMatch(/^issue\s+pages\s+articles\s+warnings\s+result$/m);
    expect(text).toMatch(/^2026-04-08\s+80\s+480\s+160\s+80 new$/m);
  });
});
