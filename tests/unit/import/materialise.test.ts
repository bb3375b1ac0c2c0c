import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countCharacters, toArticleRecords } from "@/lib/import/materialise";
import { formatPublicId, issueDateOfPublicId } from "@/lib/edition/public-id";
import type { ParsedPage } from "@/lib/parser/types";

describe("materialise", () => {
  it("should format public ids as YYYYMMDD-PP-NN", () => {
    expect(formatPublicId("2026-04-08", 1, 3)).toBe("20260408-01-03");
    expect(formatPublicId("2025-12-27", 12, 10)).toBe("20251227-12-10");
    expect(issueDateOfPublicId("20251227-12-10")).toBe("2025-12-27");
  });

  it("should count characters as code points without whitespace", () => {
    expect(countCharacters("聊城 日报\n\u30002026年𠀀")).toBe(10);
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => {
        expect(countCharacters(s)).toBe([...s.replace(/\s/gu, "")].length);
      }),
    );
  });

  it("should give each article its place, plain text and de-duplicated departments", () => {
    const page: ParsedPage = {
      pageName: "要闻",
      pageNumber: 2,
      issueDate: "2026-04-08",
      issueDateSource: "given",
      articles: [
        {
          label: null,
          kicker: null,
          title: "标题",
          subtitle: null,
          bylines: [],
          datelineDate: "2026-04-07",
          category: "other",
          categoryEvidence: ["x"],
          departments: ["聊城大学", "聊城大学", "聊城市教育局"],
          blocks: [
            { type: "paragraph", text: "第一段。", sourceLines: [3], flags: [] },
            { type: "subhead", text: "小标题", sourceLines: [5], flags: [] },
          ],
          headLines: [1],
        },
      ],
      ads: [],
      orphans: [],
      warnings: [],
      headerLines: [],
      encoding: "utf-8",
    };
    const [record] = toArticleRecords(page, "2026-04-08", 2);
    expect(record).toMatchObject({
      publicId: "20260408-02-01",
      order: 1,
      plainText: "第一段。\n小标题",
      charCount: 7,
      departments: ["聊城大学", "聊城市教育局"],
      categoryEvidence: '["x"]',
    });
    expect(JSON.parse(record!.blocks)).toEqual(page.articles[0]!.blocks);
  });
});
