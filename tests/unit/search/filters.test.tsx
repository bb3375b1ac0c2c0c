/**
 * The search page's edges of issue 16 over the sample edition: a query over the length limit is
 * cut (the page) or refused (the API's schema), a query of exclusions only says why it finds
 * nothing, and each facet counts what choosing its values would give (its own filter left out),
 * so the page offers only values with results, plus the one chosen.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SearchForm } from "@/app/search/search-form";
import { SearchResults } from "@/app/search/search-results";
import { importEdition, readInputs } from "@/lib/import";
import { countActiveFilters, formFacets, offeredValues, wholeYear } from "@/lib/search/filter-options";
import { countPublished, searchArticles, type SearchParams } from "@/lib/search/query";
import { renderToHtml } from "@/lib/site/html/render";
import { cutQuery, MAX_QUERY_LENGTH, searchParamsSchema } from "@/lib/validations/search";
import { createTestDatabase, type TestDatabase } from "../support/db-fixture";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  importEdition(t.db(), readInputs(["data/sample"]), { publish: true });
});
afterAll(() => t.cleanup());

const search = (p: SearchParams) => searchArticles(t.db(), p);
const counts = (facets: { value: string; count: number }[]) => Object.fromEntries(facets.map((f) => [f.value, f.count]));

describe("a query over the length limit", () => {
  it("should keep a query within the limit as it is", () => {
    expect(cutQuery("法院")).toEqual({ q: "法院", cut: false });
    expect(cutQuery("法".repeat(MAX_QUERY_LENGTH))).toEqual({ q: "法".repeat(MAX_QUERY_LENGTH), cut: false });
    // Spaces around a pasted text are not cut text.
    expect(cutQuery(`  ${"法".repeat(MAX_QUERY_LENGTH)}  `)).toEqual({ q: "法".repeat(MAX_QUERY_LENGTH), cut: false });
  });

  it("should keep the first 200 characters, counting a character outside the BMP once", () => {
    expect(cutQuery("法".repeat(MAX_QUERY_LENGTH + 1))).toEqual({ q: "法".repeat(MAX_QUERY_LENGTH), cut: true });
    const astral = "𠀋".repeat(MAX_QUERY_LENGTH + 5);
    const { q, cut } = cutQuery(astral);
    expect(cut).toBe(true);
    expect([...q]).toHaveLength(MAX_QUERY_LENGTH);
    expect(q).toBe("𠀋".repeat(MAX_QUERY_LENGTH));
    expect(searchParamsSchema.safeParse({ q }).success).toBe(true);
  });

  it("should refuse a longer query in the shared schema, saying how long it was", () => {
    const res = searchParamsSchema.safeParse({ q: "法".repeat(230) });
    expect(res.success).toBe(false);
    expect(res.error?.issues[0]?.message).toBe("检索词最长 200 字(收到 230 字),请缩短后再检索");
  });

  it("should say so on the page, under the box that holds what was searched", async () => {
    const q = searchParamsSchema.parse({ q: cutQuery("法院 ".repeat(120)).q });
    const html = await renderToHtml(<SearchForm q={q} departments={[]} department={undefined} cut />);
    expect(html).toContain('aria-describedby="q-cut q-help"');
    expect(html).toContain('<p id="q-cut" role="note"');
    expect(html).toContain("检索词超过200字,已截取前200字检索。");
    expect(await renderToHtml(<SearchForm q={q} departments={[]} department={undefined} />)).not.toContain("q-cut");
  });
});

describe("a query of exclusions only", () => {
  it("should name the excluded words, as typed, when nothing else narrows the search", () => {
    const res = search({ q: '-法院 -"税务局"' });
    expect(res.total).toBe(0);
    expect(res.excludedOnly).toEqual(["-法院", '-"税务局"']);
  });

  it("should not be flagged with a word to look for or a filter", () => {
    expect(search({ q: "仲裁 -税务" }).excludedOnly).toBeUndefined();
    expect(search({ q: "" }).excludedOnly).toBeUndefined();
    const filtered = search({ q: "-法院", category: "courts" });
    expect(filtered.excludedOnly).toBeUndefined();
    expect(filtered.results.map((r) => r.title)).toEqual(["聊城仲裁委部署2026年服务新举措"]);
  });

  it("should tell the reader why, instead of “没有找到相关稿件”", async () => {
    const q = searchParamsSchema.parse({ q: "-法院" });
    const html = await renderToHtml(<SearchResults q={q} res={search(q)} />);
    expect(html).toContain("只有排除词(-法院)时无法检索,请再输入至少一个要查找的词。");
    expect(html).not.toContain("没有找到相关稿件");
  });
});

describe("facets", () => {
  it("should count over the results when no filter is chosen", () => {
    const res = search({ q: "法院" });
    expect(counts(res.facets.category)).toEqual({ courts: 2, education: 1 });
    expect(counts(res.facets.year)).toEqual({ "2026": 2, "2025": 1 });
  });

  it("should leave each facet's own filter out, so the other values stay offered", () => {
    const res = search({ q: "法院", category: "courts" });
    expect(res.total).toBe(2);
    expect(counts(res.facets.category)).toEqual({ courts: 2, education: 1 });
    // The other facets count the results, with the category.
    expect(counts(res.facets.year)).toEqual({ "2026": 1, "2025": 1 });
    expect(res.facets.department.map((d) => d.value)).not.toContain("聊城大学");

    const year = search({ q: "法院", from: "2025-01-01", to: "2025-12-31" });
    expect(year.total).toBe(1);
    expect(counts(year.facets.year)).toEqual({ "2026": 2, "2025": 1 });
    expect(counts(year.facets.category)).toEqual({ courts: 1 });

    const department = search({ q: "法院", department: "聊城大学" });
    expect(department.total).toBe(1);
    expect(counts(department.facets.department)).toMatchObject({ 东昌府区人民法院: 2, 聊城大学: 1 });
    expect(counts(department.facets.category)).toEqual({ education: 1 });
  });

  it("should still count the other values when the chosen one has no results", () => {
    const res = search({ q: "法院", category: "agriculture" });
    expect(res.total).toBe(0);
    expect(counts(res.facets.category)).toEqual({ courts: 2, education: 1 });
    expect(res.facets.department).toEqual([]);
    expect(res.facets.year).toEqual([]);
  });

  it("should list every department with results", () => {
    const res = search({ q: "", from: "2000-01-01" });
    expect(res.facets.department.length).toBe(countPublished(t.db()).department.length);
    expect(res.facets.department.every((d) => d.count > 0)).toBe(true);
  });

  it("should give what the form offers before a search: only categories published articles have", () => {
    const published = countPublished(t.db());
    expect(counts(published.category)).toEqual({ "public-service": 6, courts: 3, "food-safety": 2, agriculture: 1, education: 1 });
    expect(published.department.find((d) => d.value === "聊城市检验检测中心")?.count).toBe(2);
  });
});

describe("the values offered", () => {
  const facets = [
    { value: "a", label: "A", count: 3 },
    { value: "b", label: "B", count: 2 },
    { value: "c", label: "C", count: 1 },
  ];

  it("should add the chosen value without results last, with 0", () => {
    expect(offeredValues(facets, "z", (v) => v.toUpperCase()).at(-1)).toEqual({ value: "z", label: "Z", count: 0 });
    expect(offeredValues(facets, "b")).toEqual(facets);
    expect(offeredValues(facets, undefined)).toEqual(facets);
  });

  it("should keep the chosen value, with its count, past a limit", () => {
    expect(offeredValues(facets, "c", undefined, 1)).toEqual([facets[0], facets[2]]);
    expect(offeredValues(facets, undefined, undefined, 2)).toEqual(facets.slice(0, 2));
  });

  it("should count the filters set, dates as one", () => {
    expect(countActiveFilters({})).toBe(0);
    expect(countActiveFilters({ department: "x", from: "2026-01-01", to: "2026-02-01" })).toBe(2);
    expect(countActiveFilters({ category: "courts", to: "2026-02-01", pageName: "要闻", person: "白文斌" })).toBe(4);
  });

  it("should know a whole year from other ranges", () => {
    expect(wholeYear({ from: "2025-01-01", to: "2025-12-31" })).toBe("2025");
    expect(wholeYear({ from: "2025-01-01", to: "2026-12-31" })).toBeNull();
    expect(wholeYear({ from: "2025-01-02", to: "2025-12-31" })).toBeNull();
    expect(wholeYear({ from: "2025-01-01" })).toBeNull();
  });

  it("should offer the search's facets when it counted them, and every published article's otherwise", () => {
    const published = countPublished(t.db());
    const found = search({ q: "法院" });
    expect(formFacets(found, published).category).toBe(found.facets.category);
    expect(formFacets(null, published)).toBe(published);
    expect(formFacets(search({ q: "-法院" }), published)).toBe(published);
    expect(formFacets(search({ q: "法院", department: "没有这个部门" }), published)).toBe(published);
  });

  it("should write only the offered options in the form's selects, the chosen one selected", async () => {
    const q = searchParamsSchema.parse({ q: "法院", category: "agriculture" });
    const res = search(q);
    const facets = formFacets(res, countPublished(t.db()));
    const html = await renderToHtml(
      <SearchForm q={q} departments={facets.department.map((d) => ({ name: d.value, count: d.count }))} categories={facets.category} department={undefined} />,
    );
    const options = [...html.matchAll(/<option value="([^"]*)"[^>]*>([^<]*)/g)].map((m) => m[2]);
    expect(options).toEqual(["全部分类", "法治(2)", "教育(1)", "农业农村(0)", "按相关度", "按日期(新的在前)"]);
    expect(html).toContain('<option value="agriculture" selected>');
    // No department gives results with this category: no select for it.
    expect(html).not.toContain('id="department"');
    expect(html).toContain("(已选 1 项)");
  });
});
