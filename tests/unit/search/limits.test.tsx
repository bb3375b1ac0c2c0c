/**
 * The edges of a search (issue 17): the last page a sort order reaches, too many words, parameters
 * only an in-process caller can send, look-alike characters through a real import, and the CLI's
 * exclusions. A scratch database holds the sample edition plus, for paging, an archive of more
 * articles than relevance ranks (RANK_WINDOW).
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SearchResults } from "@/app/search/search-results";
import { importEdition, readInputs } from "@/lib/import";
import { ensureSearchIndex, hasCurrentTokens, reindexAll } from "@/lib/search/indexer";
import { renderToHtml } from "@/lib/site/html/render";
import { MAX_TERMS } from "@/lib/search/query-parser";
import { RANK_WINDOW, searchArticles } from "@/lib/search/query";
import { searchParamsSchema } from "@/lib/validations/search";
import { createTestDatabase, type TestDatabase } from "../support/db-fixture";

const ROOT = path.join(import.meta.dirname, "../../..");

/** Articles of the paging archive: PER_DAY a day, enough days that relevance cannot reach them all. */
const PER_DAY = 100;
const DAYS = RANK_WINDOW / PER_DAY + 3;

let t: TestDatabase;
let archive: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  importEdition(t.db(), readInputs(["data/sample"]), { publish: true });

  archive = await createTestDatabase();
  const db = archive.db();
  const now = new Date().toISOString();
  db.transaction(() => {
    const issue = db.prepare("INSERT INTO Issue (id, date, number, status, publishedAt, updatedAt) VALUES (?, ?, ?, 'published', ?, ?)");
    const page = db.prepare("INSERT INTO Page (id, issueId, number, name, sourceFile, sourceSha256, rawText, parsed, status, updatedAt) VALUES (?, ?, 1, '要闻', ?, '', '', '{}', 'published', ?)");
    const article = db.prepare(
      `INSERT INTO Article (id, publicId, pageId, issueId, issueDate, pageNumber, "order", title, category, blocks, plainText, charCount, published, updatedAt)
       VALUES (?, ?, ?, ?, ?, 1, ?, ?, 'courts', '[]', ?, 20, 1, ?)`,
    );
    for (let d = 1; d <= DAYS; d++) {
      const date = new Date(Date.UTC(2026, 0, d)).toISOString().slice(0, 10);
      issue.run(d, date, d, now, now);
      page.run(d, d, `${date}_01.txt`, now);
      for (let k = 1; k <= PER_DAY; k++) {
        const id = (d - 1) * PER_DAY + k;
        // Varying lengths, so BM25 orders them.
        article.run(id, `a${id}`, d, d, date, k, `第${id}号稿件`, `法院${"审理".repeat(1 + (id % 7))}案件。`, now);
      }
    }
  })();
  reindexAll(db);
});
afterAll(() => {
  t.cleanup();
  archive.cleanup();
});

describe("the last page", () => {
  it("should count only the pages relevance order fills, and say that date order reaches the rest", async () => {
    const first = searchArticles(archive.db(), { q: "法院" });
    expect(first.total).toBe(DAYS * PER_DAY);
    expect(first.reachable).toBe(RANK_WINDOW);
    expect(first.pageCount).toBe(RANK_WINDOW / first.pageSize);
    const last = searchArticles(archive.db(), { q: "法院", page: first.pageCount });
    expect(last.results).toHaveLength(first.pageSize);
    expect(searchArticles(archive.db(), { q: "法院", page: first.pageCount + 1 }).results).toEqual([]);

    const html = await renderToHtml(<SearchResults q={searchParamsSchema.parse({ q: "法院" })} res={first} />);
    expect(html).toContain(`第 1 / ${first.pageCount} 页`);
    expect(html).toContain('href="/search?q=%E6%B3%95%E9%99%A2&amp;sort=date"');
  });

  it("should reach every match by date", () => {
    const byDate = searchArticles(archive.db(), { q: "法院", sort: "date" });
    expect(byDate.reachable).toBe(byDate.total);
    expect(byDate.pageCount).toBe(Math.ceil(byDate.total / byDate.pageSize));
    expect(searchArticles(archive.db(), { q: "法院", sort: "date", page: byDate.pageCount }).results.length).toBeGreaterThan(0);
  });

  it("should link the last page, not an empty one, when asked for a page past it", async () => {
    const res = searchArticles(archive.db(), { q: "法院", page: 215 });
    expect(res.results).toEqual([]);
    const html = await renderToHtml(<SearchResults q={searchParamsSchema.parse({ q: "法院", page: "215" })} res={res} />);
    expect(html).toContain(`href="/search?q=%E6%B3%95%E9%99%A2&amp;page=${res.pageCount}"`);
    expect(html).not.toContain("第 215 /");
  });
});

describe("more than MAX_TERMS words", () => {
  it("should tell the reader which words it ignored", async () => {
    // MAX_TERMS words of the arbitration article's title, then one no article has: it was ignored, so there are results.
    const words = ["聊城", "仲裁", "2026", "服务", "举措", "新", "年", "委", "部署", "仲裁委", "聊城仲裁", "服务新举措"].slice(0, MAX_TERMS);
    const q = [...words, "不存在的词"].join(" ");
    const res = searchArticles(t.db(), { q });
    expect(res.ignoredTerms).toEqual(["不存在的词"]);
    expect(res.total).toBe(1);
    const html = await renderToHtml(<SearchResults q={searchParamsSchema.parse({ q })} res={res} />);
    expect(html).toContain("未参与检索:不存在的词");
  });
});

describe("parameters from in-process callers", () => {
  it("should not throw on a lone surrogate", () => {
    const res = searchArticles(t.db(), { q: "法院\ud800" });
    expect(res.total).toBe(searchArticles(t.db(), { q: "法院" }).total);
    expect(res.results[0]!.url).toContain("%EF%BF%BD");
  });

  it.each([
    ["an impossible date", { from: "2025-13-45" }],
    ["a date that is not a calendar day", { to: "2026-02-30" }],
    ["an unknown sort", { sort: "random" as "date" }],
    ["a page that is not a number", { page: Number.NaN }],
  ])("should throw a RangeError for %s", (_name, extra) => {
    expect(() => searchArticles(t.db(), { q: "法院", ...extra })).toThrow(RangeError);
  });
});

describe("look-alike characters through an import", () => {
  it("should store the characters meant in the articles and keep the printed ones in Page.rawText", async () => {
    const scratch = await createTestDatabase();
    try {
      const dir = path.join(scratch.dir, "pages");
      fs.mkdirSync(dir);
      const printed = "要闻\n\n市⼈民法院开展普法活动\n\n本报讯(记者 张三)6⽉3⽇,市⼈民法院开展普法活动。\n";
      fs.writeFileSync(path.join(dir, "2026-06-04_01.txt"), printed);
      importEdition(scratch.db(), readInputs([dir]), { publish: true });
      const raw = scratch.db().prepare("SELECT rawText FROM Page").pluck().get() as string;
      expect(raw).toContain("6⽉3⽇");
      const stored = (scratch.db().prepare("SELECT title || plainText FROM Article").pluck().all() as string[]).join("\n");
      expect(stored).toContain("6月3日");
      expect(stored).not.toMatch(/[\u2e80-\u2fdf]/);
      expect(searchArticles(scratch.db(), { q: "⼈民法院" }).total).toBe(1);
    } finally {
      scratch.cleanup();
    }
  });
});

describe("an index built by an older tokenizer", () => {
  it("should be rebuilt once by ensureSearchIndex, and its version row found by no search", async () => {
    const scratch = await createTestDatabase();
    try {
      // Imports index article by article and leave the version unset, as an index of before.
      importEdition(scratch.db(), readInputs(["data/sample"]), { publish: true });
      expect(hasCurrentTokens(scratch.db())).toBe(false);
      const articles = scratch.db().prepare("SELECT count(*) FROM Article").pluck().get() as number;
      expect(ensureSearchIndex(scratch.db())).toBe(articles);
      expect(hasCurrentTokens(scratch.db())).toBe(true);
      expect(ensureSearchIndex(scratch.db())).toBe(0);
      expect(searchArticles(scratch.db(), { q: "公积金" }).total).toBe(1);
      expect(searchArticles(scratch.db(), { q: "tokens2" }).total).toBe(0);
    } finally {
      scratch.cleanup();
    }
  });
});

/** Runs the CLI as `npm run search` does (tsx), on a database. */
function cli(url: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "scripts/search.ts", ...args],
      { cwd: ROOT, encoding: "utf8", timeout: 60_000, env: { ...process.env, DATABASE_URL: url } },
      (err, stdout, stderr) => resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe.concurrent("npm run search", () => {
  it("should read -PPT as an excluded word, before or after the query, and words after --", async () => {
    const total = async (...args: string[]) => {
      const r = await cli(t.url, ...args, "--json");
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      return (JSON.parse(r.stdout) as { total: number }).total;
    };
    const all = await total("干部");
    expect(await total("PPT")).toBe(1);
    expect(await total("干部", "-PPT")).toBe(all - 1);
    expect(await total("-PPT", "干部")).toBe(all - 1);
    const r = await cli(t.url, "--json", "--", "干部", "-PPT");
    expect((JSON.parse(r.stdout) as { total: number }).total).toBe(all - 1);
  }, 60_000);
});
