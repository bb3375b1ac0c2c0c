/**
 * Every reader query, planned at archive scale: the data layer's functions (lib/db/*) run over a
 * generated archive with the SQL they send captured at the driver adapter, and each statement is
 * asked for SQLite's `EXPLAIN QUERY PLAN` with the very arguments it was sent. A plan that reads a
 * table growing with the archive from end to end (`SCAN Article`, not `SEARCH … USING INDEX`) fails
 * the test — that is what once held the server for a minute on one person page — unless the query
 * needs every row by nature (the sitemap lists every article) and says so below.
 *
 * The plans are the ones production gets: planned without statistics (no ANALYZE, no sqlite_stat1).
 * Measured here: after `ANALYZE` (or `PRAGMA optimize`) SQLite judges the Page table the smaller
 * side of PUBLISHED_ARTICLE's join and drives nine of these queries from a scan of every page
 * (a department's list, an article's related articles, a person …); its default guesses pick the
 * indexes. So nothing here runs ANALYZE, and the test checks that an import leaves no statistics.
 * next/cache is stubbed as in tests/unit/site/reader-queries.test.ts.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { importEdition, readInputs } from "@/lib/import";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { openSqlite, type SqliteDb } from "@/lib/db/sqlite";
import { searchArticles, type SearchParams } from "@/lib/search/query";
import { createTestDatabase, type TestDatabase } from "../support/db-fixture";
import { generateEdition } from "../../../bench/lib/generate-edition";

vi.mock("next/cache", () => ({ cacheLife: () => undefined, cacheTag: () => undefined }));

interface Sent {
  sql: string;
  args: unknown[];
  /** The connection it ran on, when not the Prisma client's (its functions, e.g. search_keep, are there). */
  on?: SqliteDb;
}
const sent: Sent[] = [];

// The reader modules' one client, built over an adapter that records each statement it is sent.
vi.mock("@/lib/db/client", () => {
  const factory = new PrismaBetterSqlite3({ url: process.env.QUERY_PLAN_DB!, timeout: 5000 });
  const record = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(t, key) {
        const value = Reflect.get(t, key) as unknown;
        if (typeof value !== "function") return value;
        if (key === "queryRaw" || key === "executeRaw") {
          return (q: Sent) => {
            sent.push({ sql: q.sql, args: q.args });
            return (value as (q: Sent) => unknown).call(t, q);
          };
        }
        if (key === "startTransaction") return async (...a: unknown[]) => record((await (value as (...a: unknown[]) => Promise<object>).apply(t, a)) as object);
        return (value as (...a: unknown[]) => unknown).bind(t);
      },
    });
  const adapter = { provider: factory.provider, adapterName: factory.adapterName, connect: async () => record(await factory.connect()) };
  return { db: new PrismaClient({ adapter: adapter as unknown as PrismaBetterSqlite3 }) };
});

/** Tables that grow with the archive: reading one whole is a cost that grows without bound. */
const ARCHIVE_TABLES = ["Article", "ArticleByline", "ArticleDepartment", "Page", "Ad", "ArticleRedirect", "PageEdit", "Issue"];

/**
 * Whole-table reads that are the point of the query (each is cached, and tagged to be refreshed
 * on publishing). Keyed by a fragment of the SQL and the table it may scan.
 */
const INHERENT: { why: string; sql: RegExp; table: string }[] = [
  { why: "the issue list is every issue, with its count of published pages", sql: /_aggr_count_pages/, table: "Page" },
  // Search's article facts (lib/search/facts.ts): read whole once per change of the edition, by design.
  ...["Article", "Page", "ArticleDepartment"].map((table) => ({ why: "search's article facts", sql: /^\s*SELECT json_group_array\((id|articleId)\), json_group_array/, table })),
];

const ISSUES = 60;

let t: TestDatabase;
let sample: { publicId: string; departmentIds: number[]; category: string; person: string; slug: string; date: string };

beforeAll(async () => {
  t = await createTestDatabase();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "epaper-plans-"));
  const edition = generateEdition({ dir, issues: ISSUES });
  importEdition(t.db(), readInputs(edition.files), { publish: true });
  fs.rmSync(dir, { recursive: true, force: true });
  const one = <T>(sql: string) => t.db().prepare(sql).get() as T;
  const a = one<{ id: number; publicId: string; category: string }>("SELECT id, publicId, category FROM Article WHERE published = 1 ORDER BY id LIMIT 1 OFFSET 100");
  sample = {
    publicId: a.publicId,
    category: a.category,
    departmentIds: (t.db().prepare("SELECT departmentId FROM ArticleDepartment WHERE articleId = ?").pluck().all(a.id) as number[]),
    // The most prolific byline and the department with most articles: the pages that cost most.
    person: one<{ name: string }>("SELECT p.name FROM Person p JOIN ArticleByline b ON b.personId = p.id GROUP BY p.id ORDER BY count(*) DESC LIMIT 1").name,
    slug: one<{ slug: string }>("SELECT d.slug FROM Department d JOIN ArticleDepartment x ON x.departmentId = d.id GROUP BY d.id ORDER BY count(*) DESC LIMIT 1").slug,
    date: one<{ date: string }>("SELECT date FROM Issue ORDER BY date LIMIT 1 OFFSET 30").date,
  };
  process.env.QUERY_PLAN_DB = t.file;
  process.env.DATABASE_URL = t.url;
}, 300_000);

afterAll(async () => {
  const { db } = await import("@/lib/db/client");
  await db.$disconnect();
  t.cleanup();
});

/** better-sqlite3 binds numbers, strings, bigints, buffers and null. */
function bindable(v: unknown): unknown {
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v instanceof Date) return v.toISOString();
  if (v === undefined) return null;
  if (v instanceof Uint8Array) return Buffer.from(v);
  return v;
}

/** The plan lines of `s` that read an archive table from end to end. */
function fullScans(s: Sent): string[] {
  const plan = (s.on ?? t.db()).prepare(`EXPLAIN QUERY PLAN ${s.sql}`).all(...s.args.map(bindable)) as { detail: string }[];
  // Plans name a joined table by its alias (Prisma's j0, j1 …).
  const alias = new Map([...s.sql.matchAll(/`(?:main`\.`)?(\w+)` AS `(\w+)`/g)].map((m) => [m[2]!, m[1]!]));
  return plan
    .map((r) => r.detail)
    .filter((d) => {
      // "SCAN x", and "SCAN x USING [COVERING] INDEX i" (every row still, in the index's order);
      // never "SEARCH x USING … (col=?)", which reads only the rows asked for.
      const m = /^SCAN (?:main\.)?(\w+)(?: AS \w+)?(?: USING (?:COVERING )?INDEX \S+)?$/.exec(d);
      if (!m) return false;
      const table = alias.get(m[1]!) ?? m[1]!;
      return ARCHIVE_TABLES.includes(table) && !INHERENT.some((e) => e.table === table && e.sql.test(s.sql));
    });
}

async function plansOf(run: () => Promise<unknown>): Promise<{ statements: number; scans: { sql: string; lines: string[] }[] }> {
  sent.length = 0;
  await run();
  const statements = sent.filter((s) => /^\s*SELECT/i.test(s.sql));
  return {
    statements: statements.length,
    scans: statements.map((s) => ({ sql: s.sql, lines: fullScans(s) })).filter((x) => x.lines.length > 0),
  };
}

/**
 * A better-sqlite3 connection that records each statement it runs with its arguments (search's SQL
 * goes there, not through Prisma). Statement methods that return the statement keep the recording.
 */
function recording(db: SqliteDb): SqliteDb {
  const CHAIN = new Set(["pluck", "raw", "expand", "safeIntegers", "bind"]);
  const RUN = new Set(["get", "all", "iterate", "run"]);
  const wrap = (st: object, sql: string): object => {
    const proxy: object = new Proxy(st, {
      get(target, key) {
        const value = Reflect.get(target, key) as unknown;
        if (typeof value !== "function") return value;
        const fn = value as (...a: unknown[]) => unknown;
        if (CHAIN.has(key as string)) return (...a: unknown[]) => (fn.apply(target, a), proxy);
        if (RUN.has(key as string)) return (...a: unknown[]) => (sent.push({ sql, args: a, on: db }), fn.apply(target, a));
        return fn.bind(target);
      },
    });
    return proxy;
  };
  return new Proxy(db, {
    get(target, key) {
      const value = Reflect.get(target, key) as unknown;
      if (key === "prepare") return (sql: string) => wrap(target.prepare(sql), sql);
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

describe("reader queries at archive scale", () => {
  const cases: [string, () => Promise<unknown>][] = [
    ["an article", async () => (await import("@/lib/db/articles")).loadArticle(sample.publicId, (await import("@/lib/db/issues")).READER_SCOPE)],
    ["an article's related articles", async () => (await import("@/lib/db/articles")).listRelatedArticles(sample.publicId, sample.departmentIds, sample.category)],
    ["an old address's redirect", async () => (await import("@/lib/db/articles")).getArticleRedirect("20250101-01-99")],
    ["a category's list, page 3", async () => (await import("@/lib/db/articles")).listArticlesByCategory(sample.category, 3)],
    ["a department's list, page 3", async () => (await import("@/lib/db/articles")).listArticlesByDepartment(sample.slug, 3)],
    ["a person's list, page 2", async () => (await import("@/lib/db/articles")).listArticlesByPerson(sample.person, 2)],
    ["a person", async () => (await import("@/lib/db/people")).getPerson(sample.person)],
    ["a department", async () => (await import("@/lib/db/departments")).getDepartment(sample.slug)],
    ["the departments index", async () => (await import("@/lib/db/departments")).listDepartmentsByKind()],
    ["the category counts", async () => (await import("@/lib/db/categories")).listCategoryCounts()],
    ["the issue list", async () => (await import("@/lib/db/issues")).listPublishedIssues()],
    ["the latest issue", async () => (await import("@/lib/db/issues")).getLatestIssueDate()],
    ["an issue", async () => (await import("@/lib/db/issues")).getIssue(sample.date)],
    ["an issue's overview", async () => (await import("@/lib/db/issues")).getIssueOverview(sample.date)],
    ["the nearest issue to a day without one", async () => (await import("@/lib/db/issues")).findNearestIssue("2025-06-15")],
    ["a page", async () => (await import("@/lib/db/pages")).getPage(sample.date, 2)],
    ["the latest front page", async () => (await import("@/lib/db/pages")).getLatestFrontPage()],
    ["the feed", async () => (await import("@/lib/db/feeds")).listFeedItems()],
    ["a category's feed", async () => (await import("@/lib/db/feeds")).listFeedItems({ category: sample.category })],
    ["a department's feed", async () => (await import("@/lib/db/feeds")).listFeedItems({ departmentSlug: sample.slug })],
    ["the sitemap's articles", async () => (await import("@/lib/db/feeds")).listSitemapArticles()],
    ["the sitemap's pages", async () => (await import("@/lib/db/pages")).listPublishedPages()],
  ];

  it.each(cases)("%s: no full scan of an archive table", async (_name, run) => {
    const { statements, scans } = await plansOf(run);
    // The capture works: every case sends at least one SELECT.
    expect(statements).toBeGreaterThan(0);
    expect(scans).toEqual([]);
  });

  const searches: [string, Omit<SearchParams, "includeDrafts">][] = [
    ["a common word", { q: "服务" }],
    ["two words, by date, page 2", { q: "服务 群众", sort: "date", page: 2 }],
    ["a phrase with an exclusion", { q: '"食品安全" -学校' }],
    ["a word in a department", { q: "服务", department: "__DEPT__" }],
    ["a person's articles", { q: "", person: "__PERSON__" }],
    ["a category and dates, no word", { q: "", category: "__CAT__", from: "2025-01-10", to: "2025-02-10" }],
  ];
  let searchDb: SqliteDb | null = null;
  afterAll(() => searchDb?.close());

  it.each(searches)("search, %s: no full scan of an archive table", async (_name, params) => {
    // The search workers' own connection, as lib/db/search-worker.ts opens it.
    searchDb ??= recording(openSqlite(t.url));
    const p = { ...params };
    if (p.department) p.department = sample.slug;
    if (p.person) p.person = sample.person;
    if (p.category) p.category = sample.category;
    const { statements, scans } = await plansOf(async () => searchArticles(searchDb!, { ...p, includeDrafts: false }));
    expect(statements).toBeGreaterThan(0);
    expect(scans).toEqual([]);
  });

  it("should plan as production does: an import leaves no planner statistics", () => {
    expect(t.db().prepare("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'").pluck().get()).toBe(0);
  });

  it("should see a full scan when a query has one (the check can fail)", () => {
    expect(fullScans({ sql: "SELECT count(*) FROM Article WHERE length(title) > ?", args: [3] })).toEqual([expect.stringMatching(/^SCAN Article/)]);
    expect(fullScans({ sql: "SELECT id FROM Article WHERE publicId = ?", args: [sample.publicId] })).toEqual([]);
  });
});
