import { describe, expect, it } from "vitest";
import { decodeSegment, formatCitation, formatIssueDate, formatPageNumber, groupBylines } from "@/lib/site/format";
import { isIsoDate } from "@/lib/edition/dates";

describe("formatIssueDate", () => {
  it("should write the date with its weekday", () => {
    expect(formatIssueDate("2026-04-08")).toBe("2026年4月8日 星期三");
    expect(formatIssueDate("2025-12-27")).toBe("2025年12月27日 星期六");
  });
  it("should leave the weekday out when asked", () => {
    expect(formatIssueDate("2026-04-08", false)).toBe("2026年4月8日");
  });
});

describe("formatPageNumber", () => {
  it("should pad the page number to two digits", () => {
    expect(formatPageNumber(1)).toBe("第01版");
    expect(formatPageNumber(12)).toBe("第12版");
  });
});

describe("isIsoDate", () => {
  it("should accept real calendar dates only", () => {
    expect(isIsoDate("2026-04-08")).toBe(true);
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2025-02-29")).toBe(false);
    expect(isIsoDate("2026-13-40")).toBe(false);
    expect(isIsoDate("2026-4-8")).toBe(false);
    expect(isIsoDate("not-a-date")).toBe(false);
  });
});

describe("formatCitation", () => {
  it("should cite a newspaper article in GB/T 7714 form", () => {
    expect(formatCitation({ authors: ["白文斌"], title: "题名", paper: "聊城日报", date: "2026-04-08", page: 1 })).toBe(
      "白文斌. 题名[N]. 聊城日报, 2026-04-08(1).",
    );
  });
  it("should list three authors and then 等", () => {
    expect(formatCitation({ authors: ["甲", "乙", "丙", "丁"], title: "T", paper: "P", date: "2026-04-08", page: 3 })).toBe(
      "甲, 乙, 丙, 等. T[N]. P, 2026-04-08(3).",
    );
  });
  it("should start with the title when there is no author", () => {
    expect(formatCitation({ authors: [], title: "T", paper: "P", date: "2026-04-08", page: 2 })).toBe("T[N]. P, 2026-04-08(2).");
  });
});

describe("decodeSegment", () => {
  it("should decode percent-encoded segments and keep a stray % as typed", () => {
    expect(decodeSegment("%E8%81%8A%E5%9F%8E")).toBe("聊城");
    expect(decodeSegment("聊城")).toBe("聊城");
    expect(decodeSegment("100%")).toBe("100%");
  });
});

describe("groupBylines", () => {
  it("should print each role once before its people, as the paper does", () => {
    const four = ["王军豪", "赵晓翠", "张丽芳", "梅小勇"].map((name) => ({ name, role: "writer-photographer" }));
    expect(groupBylines(four)).toEqual([{ label: "文/图", names: ["王军豪", "赵晓翠", "张丽芳", "梅小勇"] }]);
    expect(
      groupBylines([
        { name: "陈金路", role: "reporter" },
        { name: "韩丽芸", role: "correspondent" },
        { name: "许超", role: "correspondent" },
      ]),
    ).toEqual([
      { label: "记者", names: ["陈金路"] },
      { label: "通讯员", names: ["韩丽芸", "许超"] },
    ]);
  });

  it("should use the title printed before the names (本报记者) and group by it", () => {
    expect(
      groupBylines([
        { name: "姜小皓", role: "reporter", printed: "本报记者" },
        { name: "李娜", role: "reporter", printed: "本报记者" },
        { name: "崔维鹏", role: "correspondent", printed: "本报通讯员" },
        { name: "张伟", role: "correspondent", printed: null },
      ]),
    ).toEqual([
      { label: "本报记者", names: ["姜小皓", "李娜"] },
      { label: "本报通讯员", names: ["崔维鹏"] },
      { label: "通讯员", names: ["张伟"] },
    ]);
  });

  it("should start a new group when a role comes back after another", () => {
    expect(
      groupBylines([
        { name: "甲", role: "reporter" },
        { name: "乙", role: "photographer" },
        { name: "丙", role: "reporter" },
      ]).map((g) => g.label),
    ).toEqual(["记者", "摄影", "记者"]);
    expect(groupBylines([])).toEqual([]);
  });
});
