/** Where a date leads (lib/site/issue-dates.ts): the rule for a day without a paper, and what the page says. */
import { describe, expect, it } from "vitest";
import { chooseNearest } from "@/lib/edition/nearest-issue";
import { nearestIssueHref, noIssueReason, openedInsteadNote } from "@/lib/site/issue-dates";

describe("chooseNearest", () => {
  it("should lead a day with an issue to that issue", () => {
    expect(chooseNearest("2026-04-08", "2026-04-08", "2026-04-08")).toMatchObject({ date: "2026-04-08", kind: "exact" });
  });

  it("should lead a day without a paper to the nearer issue either side", () => {
    expect(chooseNearest("2026-04-05", "2025-12-27", "2026-04-08")).toEqual({ date: "2026-04-08", kind: "between", prevIssue: "2025-12-27", nextIssue: "2026-04-08" });
    expect(chooseNearest("2025-12-28", "2025-12-27", "2026-04-08")).toMatchObject({ date: "2025-12-27", kind: "between" });
  });

  it("should lead a day as far from both issues to the earlier one", () => {
    // A Sunday between Saturday's and Monday's paper.
    expect(chooseNearest("2026-04-05", "2026-04-04", "2026-04-06")).toMatchObject({ date: "2026-04-04" });
    // Across a month's end and a leap day: 2024-02-28 → 2024-03-01 is two days, with the 29th between.
    expect(chooseNearest("2024-02-29", "2024-02-28", "2024-03-01")).toMatchObject({ date: "2024-02-28" });
    expect(chooseNearest("2024-03-01", "2024-02-28", "2024-03-03")).toMatchObject({ date: "2024-02-28" });
    expect(chooseNearest("2024-03-02", "2024-02-28", "2024-03-03")).toMatchObject({ date: "2024-03-03" });
  });

  it("should lead a day before the first issue to the first, and after the last to the last", () => {
    expect(chooseNearest("2000-01-01", null, "2025-12-27")).toEqual({ date: "2025-12-27", kind: "before-first", prevIssue: null, nextIssue: "2025-12-27" });
    expect(chooseNearest("2030-01-01", "2026-04-08", null)).toEqual({ date: "2026-04-08", kind: "after-last", prevIssue: "2026-04-08", nextIssue: null });
  });

  it("should lead nowhere while nothing is published", () => {
    expect(chooseNearest("2026-04-05", null, null)).toBeNull();
  });
});

describe("the note and the address", () => {
  it("should say which day had no paper and which issue is open instead", () => {
    const nearest = chooseNearest("2026-04-05", "2025-12-27", "2026-04-08")!;
    expect(openedInsteadNote("2026-04-05", nearest)).toBe("2026年4月5日没有出版报纸,已为您打开最近的一期:2026年4月8日");
    expect(nearestIssueHref("2026-04-05", nearest)).toBe("/issues/2026-04-08?asked=2026-04-05");
  });

  it("should name the first and the last issue for days outside the archive", () => {
    expect(openedInsteadNote("2000-01-01", chooseNearest("2000-01-01", null, "2025-12-27")!)).toBe("2000年1月1日早于本数字报收录的第一期,已为您打开最早的一期:2025年12月27日");
    expect(openedInsteadNote("2030-01-01", chooseNearest("2030-01-01", "2026-04-08", null)!)).toBe("2030年1月1日的报纸尚未发布,已为您打开最新的一期:2026年4月8日");
    expect(noIssueReason("2026-04-05", "between")).toBe("2026年4月5日没有出版报纸");
  });

  it("should add no note to the day's own issue", () => {
    const exact = chooseNearest("2026-04-08", "2026-04-08", "2026-04-08")!;
    expect(openedInsteadNote("2026-04-08", exact)).toBeNull();
    expect(nearestIssueHref("2026-04-08", exact)).toBe("/issues/2026-04-08");
  });
});
