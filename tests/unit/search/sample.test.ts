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
const FARMING = "农技下沉筑牢夏粮丰收根基";
const INJURY = "聊城建立工伤康复专家库";
const CADRES = "围绕产业需求培养年轻干部";

describe("search over the sample edition", () => {
  it.each<[string, SearchParams, string[]]>([
    ["a three-character word", { q: "公积金" }, [HOUSING]],
    ["a reporter's name across two issues", { q: "白文斌", sort: "date" }, [FOOD, TRAINING]],
    ["a coined term in quotes of the text", { q: "税动力" }, [TAX]],
    ["a department alias as a filter", { q: "", department: "市市场监管局" }, [MARKET]],
    ["a department alias typed in the box", { q: "市市场监管局" }, [MARKET]],
    // Aliases the text never prints (the gazetteer's): found through the department, not the body.
    ["an alias that is not in the text, typed in the box", { q: "市人社局" }, [INJURY]],
    ["an alias that is not in the text, as a filter", { q: "", department: "市工信局" }, [CADRES]],
    ["traditional characters", { q: "檢驗檢測", sort: "date" }, [FOOD, TRAINING]],
    ["a quoted phrase", { q: "\"你点我检\"" }, [FOOD]],
    ["an exclusion", { q: "仲裁 -税务" }, [ARBITRATION]],
    ["full-width digits", { q: "２０２６ 仲裁" }, [ARBITRATION]],
    ["a single character", { q: "税" }, [TAX]],
    ["a single character in one article's body only", { q: "鱼" }, [FOOD]],
    ["several words, all required", { q: "检验检测 小麦粉" }, [FOOD]],
    ["a department filter with a query", { q: "开放日", department: "市市场监管局" }, [MARKET]],
    ["nothing for a word the edition lacks", { q: "高铁" }, []],
  ])("should find %s", (_name, params, expected) => {
    expect(titles(params)).toEqual(expected);
  });

  it("should find every article containing 法院, title and head hits first", () => {
    const found = titles({ q: "法院" });
    expect([...found].sort()).toEqual([COURT, LAW, UNI].sort());
    // The court article has 法院 in its label (head column), ranked above body-only hits.
    expect(found[0]).toBe(COURT);
  });

  it("should find every article containing 培训, the one with it in its title first", () => {
    // grep 培训 data/sample/*.txt: lines of the tax, training, law, housing-fund and farming articles.
    const found = titles({ q: "培训" });
    expect([...found].sort()).toEqual([TAX, TRAINING, LAW, HOUSING, FARMING].sort());
    expect(found[0]).toBe(TRAINING);
  });

  it("should drop the articles an excluded word appears in", () => {
    expect([...titles({ q: "培训 -税务" })].sort()).toEqual([TRAINING, LAW, HOUSING, FARMING].sort());
  });

  it("should keep the order of the words in a quoted phrase", () => {
    expect(titles({ q: "实干争先 潮头攻坚" })).toEqual([HOUSING]);
    expect(titles({ q: "“潮头攻坚 实干争先”" })).toEqual([HOUSING]);
    expect(titles({ q: "“实干争先 潮头攻坚”" })).toEqual([]);
  });

  it("should page through the results", () => {
    const pages = [1, 2, 3].map((page) => searchArticles(t.db(), { q: "培训", pageSize: 2, page }));
    expect(pages.map((p) => p.results.length)).toEqual([2, 2, 1]);
    expect(pages[0]!.total).toBe(5);
    expect(pages[0]!.pageCount).toBe(3);
    const all = pages.flatMap((p) => p.results.map((r) => r.title));
    expect(all).toEqual(titles({ q: "培训" }));
  });

  it("should give no results, not an error, for an unknown department", () => {
    const res = searchArticles(t.db(), { q: "法院", department: "市不存在局" });
    expect(res.total).toBe(0);
    expect(res.unknownDepartment).toBe(true);
  });

  it("should mark every match in an HTML-safe snippet and count facets", () => {
    const res = searchArticles(t.db(), { q: "公积金" });
    expect(res.results[0]?.snippet).toContain("<mark>公积金</mark>");
    expect(res.results[0]?.snippet).not.toMatch(/<(?!\/?mark>)/);
    expect(res.total).toBe(1);
    expect(res.facets.category).toMatchObject([{ value: "public-service", count: 1 }]);
    expect(res.facets.year).toMatchObject([{ value: "2026", count: 1 }]);
  });

  it("should filter by date range and hide drafts", () => {
    expect(titles({ q: "白文斌", from: "2026-01-01" })).toEqual([FOOD]);
    t.db().prepare("UPDATE Article SET published = 0 WHERE title = ?").run(FOOD);
    expect(titles({ q: "白文斌" })).toEqual([TRAINING]);
    expect(searchArticles(t.db(), { q: "白文斌", includeDrafts: true }).total).toBe(2);
    t.db().prepare("UPDATE Article SET published = 1 WHERE title = ?").run(FOOD);
  });
});
