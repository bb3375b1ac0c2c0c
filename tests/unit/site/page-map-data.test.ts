/**
 * What the page map gets from the data layer (lib/db/pages.ts, lib/db/articles.ts): a page's
 * articles with their photo captions and its ads, for the page view and for each article's small
 * map, from the sample edition. cacheTag/cacheLife are stubbed as in reader-queries.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { importEdition, readInputs } from "@/lib/import";
import { createTestDatabase, type TestDatabase } from "../support/db-fixture";

vi.mock("next/cache", () => ({ cacheLife: () => undefined, cacheTag: () => undefined }));

let t: TestDatabase;
let pages: typeof import("@/lib/db/pages");
let articles: typeof import("@/lib/db/articles");

beforeAll(async () => {
  t = await createTestDatabase();
  importEdition(t.db(), readInputs(["data/sample"]), { publish: true });
  process.env.DATABASE_URL = t.url;
  [pages, articles] = await Promise.all([import("@/lib/db/pages"), import("@/lib/db/articles")]);
}, 120_000);

afterAll(async () => {
  const { db } = await import("@/lib/db/client");
  await db.$disconnect();
  t.cleanup();
});

describe("the page map's data", () => {
  it("should give a page's ads with their lines as printed", async () => {
    const view = await pages.getPage("2026-04-08", 1);
    expect(view?.ads).toEqual([{ id: "ad-1", lines: ["聊城日报 公益广告", "深化移风易俗 倡树文明新风"] }]);
    expect(view?.articles.every((a) => a.captions.length === 0)).toBe(true);
  });

  it("should give each article its captions' texts, and none to an article without a photo", async () => {
    const view = await pages.getPage("2025-12-27", 1);
    expect(view?.ads).toEqual([]);
    expect(view?.articles.map((a) => [a.publicId, a.captions])).toEqual([
      ["20251227-01-01", []],
      ["20251227-01-02", []],
      ["20251227-01-03", []],
      ["20251227-01-04", []],
      ["20251227-01-05", []],
      ["20251227-01-06", []],
      ["20251227-01-07", ["东昌府区人民法院庭审法官叮嘱提醒"]],
    ]);
  });

  it("should give an article its page as the page view has it", async () => {
    const a = await articles.getArticle("20260408-01-03");
    const view = await pages.getPage("2026-04-08", 1);
    expect(a?.pageMap).toEqual({ articles: view?.articles, ads: view?.ads });
  });
});
