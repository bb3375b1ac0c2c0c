/**
 * GET /api/search against the sample edition: the JSON shape, the published-only rule and the 400s
 * for bad parameters (the route handler is called directly, with a scratch database).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { importEdition, readInputs } from "@/lib/import";
import { createTestDatabase, type TestDatabase } from "../support/db-fixture";

// The search is cached with `use cache` (a no-op outside Next); its tags need Next's request scope.
vi.mock("next/cache", () => ({ cacheLife: () => undefined, cacheTag: () => undefined }));

let t: TestDatabase;
let GET: (req: NextRequest) => Response | Promise<Response>;

beforeAll(async () => {
  t = await createTestDatabase();
  importEdition(t.db(), readInputs(["data/sample"]), { publish: true });
  // lib/env reads DATABASE_URL once, when first imported: point it at the scratch database first.
  process.env.DATABASE_URL = t.url;
  ({ GET } = await import("@/app/api/search/route"));
});
afterAll(() => t.cleanup());

async function get(query: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await GET(new NextRequest(`http://localhost/api/search?${new URLSearchParams(query)}`));
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe("GET /api/search", () => {
  it("should return results, total, paging and facets", async () => {
    const { status, body } = await get({ q: "公积金" });
    expect(status).toBe(200);
    expect(body).toMatchObject({ total: 1, page: 1, sort: "relevance" });
    const results = body.results as Record<string, unknown>[];
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({
      publicId: "20260408-01-01",
      title: "潮头攻坚 实干争先",
      issueDate: "2026-04-08",
      pageNumber: 1,
      pageName: "一线微观察",
    });
    expect(Array.isArray(results[0]!.departments)).toBe(true);
    expect(results[0]!.snippet).toContain("<mark>公积金</mark>");
    expect(Object.keys(body.facets as object).sort()).toEqual(["category", "department", "year"]);
  });

  it("should filter by a department alias, a category and dates", async () => {
    expect((await get({ q: "", department: "市市场监管局" })).body.total).toBe(1);
    expect((await get({ q: "白文斌", from: "2026-01-01", to: "2026-12-31" })).body.total).toBe(1);
    expect((await get({ q: "白文斌", sort: "date" })).body.total).toBe(2);
  });

  it("should give an empty result, not an error, for a query without matches", async () => {
    const { status, body } = await get({ q: "不存在的词语组合" });
    expect(status).toBe(200);
    expect(body.total).toBe(0);
  });

  it.each([
    ["a date that is not YYYY-MM-DD", { q: "法院", from: "2026/04/08" }],
    ["an impossible date", { q: "法院", to: "2026-02-30" }],
    ["from after to", { q: "法院", from: "2026-05-01", to: "2026-04-01" }],
    ["a page of 0", { q: "法院", page: "0" }],
    ["a page that is not a number", { q: "法院", page: "two" }],
    ["an unknown sort", { q: "法院", sort: "random" }],
    ["an unknown category", { q: "法院", category: "sports" }],
    ["a query of more than 200 characters", { q: "法".repeat(201) }],
  ])("should answer 400 with an error for %s", async (_name, query) => {
    const { status, body } = await get(query);
    expect(status).toBe(400);
    expect(typeof body.error).toBe("string");
  });

  it("should answer 404 for a page past the last, saying how many there are", async () => {
    const { status, body } = await get({ q: "法院", page: "90" });
    expect(status).toBe(404);
    expect(body).toMatchObject({ pageCount: 1 });
    expect(String(body.error)).toContain("共 1 页");
  });
});
