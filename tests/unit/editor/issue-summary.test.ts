/**
 * The desk's issue list: pages present against pages expected, warnings left to review (from the
 * stored parse JSON, as the list reads it), and which issue to prepare next.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatPageList, nextIssueDate, summarizePages, type PageFacts } from "@/lib/editor/issue-summary";
import { deskWarnings } from "@/lib/editor/warnings";
import { parsePage } from "@/lib/parser";

const DIR = path.join(import.meta.dirname, "../../fixtures/pages");

describe("summarizePages", () => {
  it("should count present pages and list the missing ones up to the expected count", () => {
    const facts = summarizePages([pageFacts(1, "titles-subheads"), pageFacts(3, "photo-captions")], 4);
    expect(facts).toMatchObject({ present: 2, expected: 4, missing: [2, 4] });
  });

  it("should stretch the expected count to the highest page present", () => {
    // A special issue with more pages than usual: page 6 is there, so 5 is missing too.
    const facts = summarizePages([pageFacts(1, "titles-subheads"), pageFacts(2, "photo-captions"), pageFacts(6, "relocated-strays")], 4);
    expect(facts).toMatchObject({ present: 3, expected: 6, missing: [3, 4, 5] });
  });

  it("should list every page as missing when there are none", () => {
    expect(summarizePages([], 3)).toEqual({ present: 0, expected: 3, missing: [1, 2, 3], warnings: 0, unreviewed: 0 });
  });

  it("should count the desk's warnings on every page, joined blocks included", () => {
    const pages = [pageFacts(1, "column-breaks"), pageFacts(2, "seed-2025-12-27")];
    const expected = ["column-breaks", "seed-2025-12-27"].map((n) => deskWarnings(parse(n)).length);
    // column-breaks: issue-date-inferred, three joined, one end-missing.
    expect(expected[0]).toBe(5);
    const facts = summarizePages(pages, 2);
    expect(facts.warnings).toBe(expected[0]! + expected[1]!);
    expect(facts.unreviewed).toBe(facts.warnings);
  });

  it("should leave out reviewed warnings from the open count, not from the total", () => {
    const page = pageFacts(1, "column-breaks", [{ key: "joined@5,7" }, { key: "end-missing@22" }, { key: "gone@1" }]);
    expect(summarizePages([page], 1)).toMatchObject({ warnings: 5, unreviewed: 3 });
  });

  it("should count nothing as reviewed when the stored marks are malformed", () => {
    const page: PageFacts = { number: 1, parsedJson: JSON.stringify(parse("column-breaks")), reviewedJson: "{oops" };
    expect(summarizePages([page], 1)).toMatchObject({ warnings: 5, unreviewed: 5 });
  });
});

describe("formatPageList", () => {
  it.each([
    [[], ""],
    [[3], "第03版"],
    [[1, 2], "第01–02版"],
    [[3, 5, 6, 7, 8], "第03、05–08版"],
    [[1, 3, 5], "第01、03、05版"],
    [[9, 10, 11, 20], "第09–11、20版"],
    [[12, 99], "第12、99版"],
  ])("should write %j as %j", (numbers, expected) => {
    expect(formatPageList(numbers)).toBe(expected);
  });

  it("should read the missing pages of a summary the way an editor reads them", () => {
    const facts = summarizePages([pageFacts(1, "titles-subheads"), pageFacts(2, "photo-captions"), pageFacts(4, "relocated-strays")], 8);
    expect(formatPageList(facts.missing)).toBe("第03、05–08版");
  });
});

describe("nextIssueDate", () => {
  const today = "2026-04-08";

  it("should be today with no issues", () => {
    expect(nextIssueDate([], today)).toBe(today);
  });

  it("should be the earliest unpublished issue from today on", () => {
    const issues = [
      { date: "2026-04-10", status: "draft" },
      { date: "2026-04-09", status: "scheduled" },
      { date: "2026-04-08", status: "published" },
    ];
    // A scheduled issue is not out yet, so it is still the one to prepare.
    expect(nextIssueDate(issues, today)).toBe("2026-04-09");
    expect(nextIssueDate([{ date: today, status: "draft" }], today)).toBe(today);
  });

  it("should pass over unpublished issues in the past", () => {
    const issues = [
      { date: "2026-04-01", status: "draft" },
      { date: "2026-04-11", status: "draft" },
    ];
    expect(nextIssueDate(issues, today)).toBe("2026-04-11");
  });

  it("should be the day after the newest issue when all from today on are published", () => {
    const issues = [
      { date: "2026-04-08", status: "published" },
      { date: "2026-04-09", status: "published" },
      { date: "2026-04-07", status: "draft" },
    ];
    expect(nextIssueDate(issues, today)).toBe("2026-04-10");
  });

  it("should be today when every issue is older than today", () => {
    const issues = [
      { date: "2026-04-06", status: "published" },
      { date: "2026-04-07", status: "published" },
    ];
    expect(nextIssueDate(issues, today)).toBe(today);
  });

  it("should cross month and year ends", () => {
    expect(nextIssueDate([{ date: "2026-04-30", status: "published" }], "2026-04-30")).toBe("2026-05-01");
    expect(nextIssueDate([{ date: "2026-12-31", status: "published" }], "2026-12-31")).toBe("2027-01-01");
  });
});

function parse(name: string) {
  return parsePage(fs.readFileSync(path.join(DIR, `${name}.txt`)));
}

/** A page as the issue list loads it: number, stored parse JSON and review marks JSON. */
function pageFacts(number: number, fixture: string, marks: { key: string }[] = []): PageFacts {
  return {
    number,
    parsedJson: JSON.stringify(parse(fixture)),
    reviewedJson: JSON.stringify(marks.map((m) => ({ ...m, by: "张编辑", at: "2026-04-08T01:00:00.000Z" }))),
  };
}
