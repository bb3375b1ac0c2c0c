/**
 * Exact result sets over the sample edition (imported and published into a scratch database).
 * The expected sets come from reading data/sample/*.txt, not from running the search.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importEdition, readInputs } from "@/lib/import";
import { searchArticles, type SearchParams } from "@/lib/search/query";
import { createTestDatabase, type TestDatabase } from "../support/db-fixture";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  importEdition(t.db(), readInputs(["data/sample"]), { publish: true });
});
afterAll(() => t.cleanup());

const titles = (p: SearchParams) => searchArticles(t.db(), p).results.map((r) => r.title);

const HOUSING = "潮头攻坚 实干争先";
const TAX = "下沉式沟通激活发展“税动力”";
const FOOD = "聊城首期“你点我检”完成百批次抽样检测";
const TRAINING = "精准培训破解企业质检困局";
const COURT = "司法为民暖人心";
const LAW = "打造法治山东实践“聊城样板”";
const UNI = "聊城大学第四届西部计划文化节开幕";
const MARKET = "我市培育“阳光市监”政务公开品牌";
const ARBITRATION = "聊城仲裁委部署2026年服务新举措";

describe("search over the sample edition", () => {
  it.each<[string, SearchParams, string[]]>([
    ["a three-character word", { q: "公积金" }, [HOUSING]],
    ["a reporter's name across two issues", { q: "白文斌", sort: "date" }, [FOOD, TRAINING]],
    ["a coined term in quotes of the text", { q: "税动力" }, [TAX]],
    ["a department alias as a filter", { q: "", department: "市市场监管局" }, [MARKET]],
    ["a department alias typed in the box", { q: "市市场监管局" }, [MARKET]],
    ["traditional characters", { q: "檢驗檢測", sort: "date" }, [FOOD, TRAINING]],
    ["a quoted phrase", { q: "\"你点我检\"" }, [FOOD]],
    ["an exclusion", { q: "仲裁 -税务" }, [ARBITRATION]],
    ["full-width digits", { q: "２０２６ 仲裁" }, [ARBITRATION]],
  ])("should find %s", (_name, params, expected) => {
    expect(titles(params)).toEqual(expected);
  });

  it("should find every article containing 法院, title and head hits first", () => {
    const found = titles({ q: "法院" });
    expect([...found].sort()).toEqual([COURT, LAW, UNI].sort());
    // The court article has 法院 in its label (head column), ranked above body-only hits.
    expect(found[0]).toBe(COURT);
  });

  it("should find single characters", () => {
    const found = titles({ q: "税" });
    expect(found).toContain(TAX);
    expect(found.every((t) => typeof t === "string")).toBe(true);
  });

  it("should mark every match in an HTML-safe snippet and count facets", () => {
    const res = searchArticles(t.db(), { q: "公积金" });
    expect(res.results[0]?.snippet).toContain("<mark>公积金</mark>");
    expect(res.results[0]?.snippet).not.toMatch(/<(?!\/?mark>)/);
    expect(res.facets.category).toEqual([{ value: "public-service", count: 1 }]);
    expect(res.facets.year).toEqual([{ value: "2026", count: 1 }]);
  });

  it("should filter by date range and hide drafts", () => {
    expect(titles({ q: "白文斌", from: "2026-01-01" })).toEqual([FOOD]);
    t.db().prepare("UPDATE Article SET published = 0 WHERE title = ?").run(FOOD);
    expect(titles({ q: "白文斌" })).toEqual([TRAINING]);
    expect(searchArticles(t.db(), { q: "白文斌", includeDrafts: true }).total).toBe(2);
    t.db().prepare("UPDATE Article SET published = 1 WHERE title = ?").run(FOOD);
  });
});
