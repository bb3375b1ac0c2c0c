import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { anchorLine, sourceLines } from "@/lib/corrections";
import { parsePage } from "@/lib/parser";
import { bylineLinesOf, printedTitles } from "@/lib/parser/printed-titles";

describe("printedTitles", () => {
  it("should give each person the staff title printed before the name", () => {
    const bylines = [
      { name: "姜小皓", role: "reporter" },
      { name: "李娜", role: "reporter" },
      { name: "崔维鹏", role: "correspondent" },
      { name: "王刚", role: "correspondent" },
    ];
    expect(printedTitles(["■ 本报记者 姜小皓 李娜", "本报通讯员 崔维鹏 通讯员 王 刚"], bylines)).toEqual(["本报记者", "本报记者", "本报通讯员", null]);
  });

  it("should say nothing for titles no richer than the role's label, credits, or roles an editor changed", () => {
    expect(printedTitles(["记者 马永伟"], [{ name: "马永伟", role: "reporter" }])).toEqual([null]);
    expect(printedTitles(["■ 文图 王军豪 赵晓翠"], [{ name: "王军豪", role: "writer-photographer" }, { name: "赵晓翠", role: "writer-photographer" }])).toEqual([null, null]);
    expect(printedTitles(["■ 本报记者 姜小皓"], [{ name: "姜小皓", role: "correspondent" }])).toEqual([null]);
    // A sentence is no byline line.
    expect(printedTitles(["本报记者姜小皓日前走访了社区"], [{ name: "姜小皓", role: "reporter" }])).toEqual([null]);
  });

  it("should read the titles of a closing byline and of titles such as 首席记者", () => {
    expect(printedTitles(["(本报通讯员 尹晓东)"], [{ name: "尹晓东", role: "correspondent" }])).toEqual(["本报通讯员"]);
    expect(printedTitles(["■ 首席记者 张三"], [{ name: "张三", role: "reporter" }])).toEqual(["首席记者"]);
  });
});

describe("bylineLinesOf", () => {
  it("should find the sample's head byline lines, and none where the byline is in the dateline", () => {
    const text = fs.readFileSync("data/sample/2026-04-08_01.txt", "utf8");
    const lines = sourceLines(text);
    const [first, second] = parsePage(text).articles;
    const of = (a: typeof first) => bylineLinesOf(lines, anchorLine(a!), a!.blocks.flatMap((b) => b.sourceLines));
    expect(printedTitles(of(first), first!.bylines)).toEqual(["本报记者", "本报通讯员"]);
    expect(printedTitles(of(second), second!.bylines)).toEqual([null]);
    expect(bylineLinesOf(lines, null, [3])).toEqual([]);
  });
});
