/**
 * The reader's data layer (lib/db/*) over the sample edition plus a draft issue and a page an
 * editor holds back: only published content ever comes out, in the shapes the pages use.
 * `use cache` is a no-op outside Next (the directive is just a string here); cacheTag/cacheLife are
 * stubbed so the queries run directly against a scratch database.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { importEdition, readInputs } from "@/lib/import";
import { createTestDatabase, type TestDatabase } from "../support/db-fixture";

vi.mock("next/cache", () => ({ cacheLife: () => undefined, cacheTag: () => undefined }));

const DRAFT = "2026-05-01";
const HELD = "2026-05-02";

let t: TestDatabase;
let issues: typeof import("@/lib/db/issues");
let pages: typeof import("@/lib/db/pages");
let articles: typeof import("@/lib/db/articles");
let departments: typeof import("@/lib/db/departments");
let categories: typeof import("@/lib/db/categories");
let people: typeof import("@/lib/db/people");
let feeds: typeof import("@/lib/db/feeds");

beforeAll(async () => {
  t = await createTestDatabase();
  importEdition(t.db(), readInputs(["data/sample"]), { publish: true });
  // A draft issue, and a published issue whose only page an editor holds back.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "epaper-reader-"));
  fs.copyFileSync("data/sample/2026-04-08_01.txt", path.join(dir, `${DRAFT}_01.txt`));
  importEdition(t.db(), readInputs([dir]), { publish: false });
  fs.rmSync(dir, { recursive: true });
  const held = fs.mkdtempSync(path.join(os.tmpdir(), "epaper-reader-"));
  fs.copyFileSync("data/sample/2025-12-27_01.txt", path.join(held, `${HELD}_01.txt`));
  importEdition(t.db(), readInputs([held]), { publish: true });
  fs.rmSync(held, { recursive: true });
  t.db().prepare(`UPDATE Page SET status = 'held' WHERE issueId = (SELECT id FROM Issue WHERE date = ?)`).run(HELD);

  // lib/db/client.ts reads DATABASE_URL when first imported.
  process.env.DATABASE_URL = t.url;
  [issues, pages, articles, departments, categories, people, feeds] = await Promise.all([
    import("@/lib/db/issues"),
    import("@/lib/db/pages"),
    import("@/lib/db/articles"),
    import("@/lib/db/departments"),
    import("@/lib/db/categories"),
    import("@/lib/db/people"),
    import("@/lib/db/feeds"),
  ]);
}, 120_000);

afterAll(async () => {
  const { db } = await import("@/lib/db/client");
  await db.$disconnect();
  t.cleanup();
});

describe("issues and pages", () => {
  it("should list only issues readers may see, newest first", async () => {
    expect(await issues.listPublishedIssues()).toEqual([
      { date: "2026-04-08", number: null, pageCount: 1 },
      { date: "2025-12-27", number: null, pageCount: 1 },
    ]);
    expect(await issues.getLatestIssueDate()).toBe("2026-04-08");
  });

  it("should return nothing for a draft issue or one whose pages are all held back", async () => {
    for (const date of [DRAFT, HELD, "2030-01-01"]) {
      expect(await issues.getIssue(date)).toBeNull();
      expect(await pages.getPage(date, 1)).toBeNull();
    }
  });

  it("should give an issue's pages with their articles in reading order", async () => {
    const issue = await issues.getIssue("2026-04-08");
    expect(issue?.pages.map((p) => [p.number, p.name])).toEqual([[1, "一线微观察"]]);
    expect(issue?.pages[0]?.articles.map((a) => a.publicId)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `20260408-01-0${n}`));
  });

  it("should give a page with its neighbouring pages and published issues", async () => {
    const view = await pages.getPage("2025-12-27", 1);
    expect(view).toMatchObject({ issue: { date: "2025-12-27" }, prevPage: null, nextPage: null, prevIssue: null, nextIssue: "2026-04-08" });
    expect(view?.page.rawText).toContain("围绕产业需求培养年轻干部");
    expect(view?.articles).toHaveLength(7);
    expect(await pages.getPage("2026-04-08", 2)).toBeNull();
    expect((await pages.getLatestFrontPage())?.issue.date).toBe("2026-04-08");
    expect(await pages.listPublishedPages()).toEqual([
      { date: "2026-04-08", number: 1 },
      { date: "2025-12-27", number: 1 },
    ]);
  });
});

describe("articles", () => {
  it("should give a published article with bylines, departments and its neighbours in the issue", async () => {
    const a = await articles.getArticle("20260408-01-02");
    expect(a).toMatchObject({
      title: "聊城仲裁委部署2026年服务新举措",
      issueDate: "2026-04-08",
      pageNumber: 1,
      pageName: "一线微观察",
      category: "courts",
      bylines: [{ name: "马永伟", role: "reporter" }],
      prev: { publicId: "20260408-01-01" },
      next: { publicId: "20260408-01-03" },
    });
    expect(a?.departments[0]?.name).toBe("聊城仲裁委员会");
    expect(a?.blocks.length).toBeGreaterThan(0);
    expect(a).not.toHaveProperty("departmentIds");
    const first = await articles.getArticle("20260408-01-01");
    expect(first?.prev).toBeNull();
  });

  it("should relate articles about the same department first, then in the same category, never unpublished ones", async () => {
    const a = await articles.getArticle("20260408-01-03");
    const related = a?.related.map((r) => r.publicId) ?? [];
    // 聊城市检验检测中心 is also the subject of 20251227-01-06.
    expect(related[0]).toBe("20251227-01-06");
    expect(related).not.toContain("20260408-01-03");
    expect(related.every((id) => id.startsWith("2026") || id.startsWith("2025"))).toBe(true);
  });

  it("should return nothing for a draft article, one on a held-back page, or an unknown id", async () => {
    for (const id of [`${DRAFT.replaceAll("-", "")}-01-01`, `${HELD.replaceAll("-", "")}-01-01`, "20300101-01-01"]) {
      expect(await articles.getArticle(id)).toBeNull();
    }
  });

  it("should list articles by department, category and person, newest first, paginated", async () => {
    const court = await articles.listArticlesByCategory("courts", 1);
    expect(court.total).toBe(3);
    expect(court.items.map((i) => i.issueDate)).toEqual([...court.items.map((i) => i.issueDate)].sort().reverse());
    const person = await articles.listArticlesByPerson("白文斌", 1);
    expect(person.items.map((i) => i.publicId)).toEqual(["20260408-01-03", "20251227-01-06"]);
    const dept = await articles.listArticlesByDepartment("聊城大学", 1);
    expect(dept).toMatchObject({ total: 1, page: 1, pageSize: articles.LIST_PAGE_SIZE });
    const publicService = (await categories.listCategoryCounts()).find((c) => c.category === "public-service")?.count ?? 0;
    expect(publicService).toBeGreaterThanOrEqual(4);
    const small = await articles.listArticles({ category: "public-service" }, 2, 3);
    expect(small.items).toHaveLength(Math.min(3, publicService - 3));
    expect(small.total).toBe(publicService);
    expect((await articles.listArticles({ category: "public-service" }, 9, 3)).items).toEqual([]);
  });
});

describe("departments, categories, people, feeds", () => {
  it("should count only published articles and leave out bodies without any", async () => {
    const groups = await departments.listDepartmentsByKind();
    const all = groups.flatMap((g) => g.departments);
    expect(all.find((d) => d.name === "聊城市检验检测中心")?.count).toBe(2);
    expect(all.reduce((s, d) => s + d.count, 0)).toBeGreaterThan(0);
    expect(await departments.getDepartment("聊城大学")).toMatchObject({ name: "聊城大学", kind: "高校", aliases: ["聊大"], count: 1 });
    expect(await departments.getDepartment("没有这个部门")).toBeNull();
    const counts = await categories.listCategoryCounts();
    expect(counts.reduce((s, c) => s + c.count, 0)).toBe(13);
  });

  it("should know people by their published bylines only", async () => {
    expect(await people.getPerson("白文斌")).toEqual({ name: "白文斌", count: 2, roles: ["reporter"] });
    expect(await people.getPerson("nobody")).toBeNull();
  });

  it("should feed and map only published articles", async () => {
    const items = await feeds.listFeedItems();
    expect(items).toHaveLength(13);
    expect(items[0]?.issueDate).toBe("2026-04-08");
    expect(new Set(items.map((i) => i.publicId.slice(0, 8)))).toEqual(new Set(["20260408", "20251227"]));
    expect((await feeds.listFeedItems({ category: "education" })).map((i) => i.title)).toEqual(["聊城大学第四届西部计划文化节开幕"]);
    expect(await feeds.listFeedItems({ departmentSlug: "聊城大学" })).toHaveLength(1);
    expect(await feeds.listSitemapArticles()).toHaveLength(13);
  });
});
