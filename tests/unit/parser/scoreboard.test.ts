import { describe, expect, it } from "vitest";
import { parsePage, type ParsedPage } from "@/lib/parser";
import { precision, recall, scorePage, type ExpectedPage } from "@/lib/parser/scoreboard";

const RAW = [
  "第一篇的标题",
  "",
  "本报讯(记者 张三)4月1日,第一篇的正文说了一件事。",
  "",
  "第二篇的标题",
  "",
  "本报讯(记者 李四)4月1日,第二篇的正文说了另一件事。",
].join("\n");
const lines = RAW.split("\n");

const expected: ExpectedPage = {
  articles: [
    { label: null, kicker: null, title: "第一篇的标题", subtitle: null, bylines: [{ name: "张三", role: "reporter" }], category: "other", departments: [], blocks: [{ sourceLines: [3] }] },
    { label: null, kicker: null, title: "第二篇的标题", subtitle: null, bylines: [{ name: "李四", role: "reporter" }], category: "other", departments: [["市法院"]], blocks: [{ sourceLines: [7] }] },
  ],
};

/** The parser's reading with its two articles run together into the first. */
function merged(page: ParsedPage): ParsedPage {
  const [a, b] = page.articles as [ParsedPage["articles"][number], ParsedPage["articles"][number]];
  return { ...page, articles: [{ ...a, blocks: [...a.blocks, ...b.blocks], bylines: [...a.bylines, ...b.bylines] }] };
}

describe("scorePage", () => {
  const page = parsePage(RAW, { issueDate: "2026-04-02" });

  it("should count a right reading as right in every measure, with no character lost", () => {
    expect(page.articles.map((a) => a.title)).toEqual(["第一篇的标题", "第二篇的标题"]);
    const s = scorePage({ ...expected, articles: expected.articles.map((a, i) => ({ ...a, category: page.articles[i]!.category, departments: [] })) }, page, lines);
    for (const m of ["boundaries", "heads", "bylines", "categories"] as const) expect([m, precision(s[m]), recall(s[m])]).toEqual([m, 1, 1]);
    expect(s.characters).toEqual({ checked: expect.any(Number), lost: 0, added: 0 });
    expect(s.characters.checked).toBeGreaterThan(40);
  });

  it("should count two articles read as one as a missed boundary, missed heads and a missed department", () => {
    const s = scorePage(expected, merged(page), lines);
    expect(s.boundaries).toEqual({ right: 1, found: 1, wanted: 2 });
    expect(recall(s.boundaries)).toBe(0.5);
    expect(precision(s.boundaries)).toBe(1);
    // The merged article pairs with the first; the second's title is wanted and missing.
    expect(s.heads).toEqual({ right: 1, found: 1, wanted: 2 });
    // The second byline sits in the merged article, paired with the first, where it is not wanted.
    expect(s.bylines).toEqual({ right: 1, found: 2, wanted: 2 });
    expect(s.departments.wanted).toBe(1);
    expect(s.departments.right).toBe(0);
  });

  it("should notice a character dropped from, or added to, a block", () => {
    const damaged: ParsedPage = {
      ...page,
      articles: page.articles.map((a, i) => (i === 0 ? { ...a, blocks: a.blocks.map((b) => ({ ...b, text: b.text.replace("一件事", "一件大事").replace("正文", "正") })) } : a)),
    };
    const s = scorePage(expected, damaged, lines);
    expect(s.characters.lost).toBe(1);
    expect(s.characters.added).toBe(1);
  });
});
