/**
 * The warnings the desk lists for review: the parser's own plus one per joined block, each keyed
 * so a review survives a re-parse of the same bytes. Driven by real parser output on fixtures.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { deskWarnings, parseReviewMarks, unreviewed, warningKey, type ReviewMark } from "@/lib/editor/warnings";
import { parsePage, type ParsedPage } from "@/lib/parser";

const DIR = path.join(import.meta.dirname, "../../fixtures/pages");
const FIXTURES = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith(".txt"))
  .map((f) => f.replace(/\.txt$/, ""))
  .sort();

describe("warningKey", () => {
  it("should key a warning by its code and lines", () => {
    expect(warningKey({ code: "relocated", lines: [19, 21] })).toBe("relocated@19,21");
    expect(warningKey({ code: "issue-date-inferred", lines: [] })).toBe("issue-date-inferred@");
  });

  it("should not depend on the message, which names the title an editor may correct", () => {
    const a = { code: "joined", message: "《旧标题》第5、7行被拼接", lines: [5, 7] };
    const b = { ...a, message: "《新标题》第5、7行被拼接" };
    expect(warningKey(a)).toBe(warningKey(b));
  });

  it("should tell warnings of the same lines but different codes apart", () => {
    expect(warningKey({ code: "joined", lines: [19, 21] })).not.toBe(warningKey({ code: "relocated", lines: [19, 21] }));
    expect(warningKey({ code: "orphan", lines: [1, 23] })).not.toBe(warningKey({ code: "orphan", lines: [12, 3] }));
  });
});

describe("deskWarnings", () => {
  it("should turn each joined block into a joined warning on its article", () => {
    const page = parse("column-breaks");
    const joined = deskWarnings(page).filter((w) => w.code === "joined");
    expect(joined.map((w) => [w.key, w.lines, w.article])).toEqual([
      ["joined@5,7", [5, 7], 0],
      ["joined@12,16", [12, 16], 0],
      ["joined@18,20", [18, 20], 0],
    ]);
    // The parser flags these on the block but does not list them itself.
    expect(page.warnings.some((w) => w.code === "joined")).toBe(false);
    expect(joined[0]?.message).toBe(`《${page.articles[0]?.title}》第5、7行被拼接为一段(跨栏断开的段落),请核对拼接是否正确。`);
  });

  it.each(FIXTURES)("%s: should list every parser warning once and one joined warning per joined block", (name) => {
    const page = parse(name);
    const desk = deskWarnings(page);
    const keys = desk.map((w) => w.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const w of page.warnings) expect(keys).toContain(warningKey(w));
    const joinedBlocks = page.articles.flatMap((a) => a.blocks.filter((b) => b.flags.includes("joined")));
    expect(desk.filter((w) => w.code === "joined")).toHaveLength(joinedBlocks.length);
    expect(desk).toHaveLength(new Set(page.warnings.map(warningKey)).size + joinedBlocks.length);
    for (const w of desk) expect(w.key).toBe(warningKey(w));
  });

  it.each(FIXTURES)("%s: should list warnings in page order (by first line; page-wide ones first)", (name) => {
    const firsts = deskWarnings(parse(name)).map((w) => w.lines[0] ?? 0);
    expect(firsts).toEqual([...firsts].sort((a, b) => a - b));
  });

  it("should keep a joined and a relocated warning on the same lines as two warnings", () => {
    // relocated-strays: lines 19 and 21 were moved back to the first article and joined there.
    expect(deskWarnings(parse("relocated-strays")).map((w) => [w.key, w.article])).toEqual([
      ["issue-date-inferred@", null],
      ["relocated@19,21", 0],
      ["joined@19,21", 0],
    ]);
  });

  it("should find the article a warning is about, and none for page-wide ones", () => {
    const desk = deskWarnings(parse("rizhao-masthead-three-line-head-caption-credit-strays"));
    expect(desk.map((w) => [w.key, w.article])).toEqual([
      // Inferred from the page header (lines 1–3): no article.
      ["issue-date-inferred@1,2,3", null],
      // An orphan belongs to no article by definition.
      ["orphan@5", null],
      ["joined@20,25", 0],
      // Strays printed under the first article, moved to the third.
      ["relocated@37,39", 2],
      ["end-missing@45", 2],
    ]);
  });

  it("should find the article of damage warnings deep in a long page", () => {
    const desk = deskWarnings(parse("seed-2025-12-27"));
    const at = (key: string) => desk.find((w) => w.key === key)?.article;
    expect(at("start-missing@10")).toBe(0);
    expect(at("start-missing@31")).toBe(2);
    expect(at("relocated@45,47")).toBe(2);
    expect(at("start-missing@74")).toBe(6);
    expect(at("joined@115,117")).toBe(6);
    expect(at("issue-date-inferred@")).toBeNull();
  });

  it("should give the same keys when the same bytes are parsed again", () => {
    for (const name of ["seed-2025-12-27", "rizhao-masthead-three-line-head-caption-credit-strays", "column-breaks"]) {
      const bytes = fs.readFileSync(path.join(DIR, `${name}.txt`));
      const first = deskWarnings(parsePage(bytes)).map((w) => w.key);
      const again = deskWarnings(parsePage(Buffer.from(bytes))).map((w) => w.key);
      expect(again).toEqual(first);
      expect(first.length).toBeGreaterThan(0);
    }
  });

  it("should give the same warnings from the stored JSON as from the parse", () => {
    // The desk reads Page.parsed back from the database, never the live parse.
    const page = parse("seed-2025-12-27");
    expect(deskWarnings(JSON.parse(JSON.stringify(page)) as ParsedPage)).toEqual(deskWarnings(page));
  });

  it("should not change the parsed page", () => {
    const page = parse("column-breaks");
    const before = JSON.stringify(page);
    // Pure: listing (and sorting) the warnings leaves the parse's own list as it was.
    deskWarnings(page);
    deskWarnings(page);
    expect(JSON.stringify(page)).toBe(before);
  });

  it("should list nothing for a clean page", () => {
    const page = parsePage(fs.readFileSync(path.join(DIR, "titles-subheads.txt")), { issueDate: "2026-04-08" });
    expect(deskWarnings(page)).toEqual([]);
  });
});

describe("parseReviewMarks", () => {
  it("should read the marks stored on the page", () => {
    const marks: ReviewMark[] = [
      { key: "joined@5,7", by: "张编辑", at: "2026-04-08T01:00:00.000Z" },
      { key: "issue-date-inferred@", by: "李编辑", at: "2026-04-08T01:05:00.000Z" },
    ];
    expect(parseReviewMarks(JSON.stringify(marks))).toEqual(marks);
    expect(parseReviewMarks("[]")).toEqual([]);
  });

  it.each(["", "{", "[{", "null", "42", '"joined@5,7"', '{"key":"joined@5,7"}', "undefined"])(
    "should count malformed review JSON %j as nothing reviewed",
    (json) => {
      expect(parseReviewMarks(json)).toEqual([]);
    },
  );

  it("should drop entries without a string key and keep the rest", () => {
    const json = JSON.stringify([null, 3, "joined@5,7", { key: 7 }, {}, { key: "joined@5,7", by: "张编辑", at: "x" }]);
    expect(parseReviewMarks(json)).toEqual([{ key: "joined@5,7", by: "张编辑", at: "x" }]);
  });
});

describe("unreviewed", () => {
  it("should leave out the warnings marked reviewed, by key", () => {
    const desk = deskWarnings(parse("column-breaks"));
    const open = unreviewed(desk, [mark("joined@5,7"), mark("issue-date-inferred@")]);
    expect(open.map((w) => w.key)).toEqual(["joined@12,16", "joined@18,20", "end-missing@22"]);
  });

  it("should keep a warning reviewed when the same bytes are parsed again", () => {
    const marks = deskWarnings(parse("column-breaks")).map((w) => mark(w.key));
    expect(unreviewed(deskWarnings(parse("column-breaks")), marks)).toEqual([]);
  });

  it("should ignore marks for warnings that are no longer there", () => {
    const desk = deskWarnings(parse("relocated-strays"));
    expect(unreviewed(desk, [mark("joined@5,7"), mark("orphan@1")])).toEqual(desk);
  });

  it("should leave every warning open when the stored marks are malformed", () => {
    const desk = deskWarnings(parse("seed-2025-12-27"));
    expect(unreviewed(desk, parseReviewMarks("{not json"))).toEqual(desk);
  });
});

function parse(name: string): ParsedPage {
  return parsePage(fs.readFileSync(path.join(DIR, `${name}.txt`)));
}

function mark(key: string): ReviewMark {
  return { key, by: "张编辑", at: "2026-04-08T01:00:00.000Z" };
}
