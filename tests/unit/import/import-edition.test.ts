import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import iconv from "iconv-lite";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generateEdition } from "@/bench/lib/generate-edition";
import { dumpDatabase } from "@/lib/import/dump";
import { ImportError } from "@/lib/import/errors";
import { importEditionWith, type ImportDependencies, type ImportOptions } from "@/lib/import/import-edition";
import { readInputs } from "@/lib/import/read-inputs";
import { paper } from "@/lib/paper";
import { loadPaperProfile } from "@/lib/paper/load";
import { parsePage } from "@/lib/parser";
import { EditionWriter, type IssueState } from "@/lib/import/write-edition";
import { createTestDatabase, type TestDatabase } from "../support/db-fixture";
import { SAMPLE_DIR, samplePage, writeDir } from "./support/files";
import { createRecordingIndexer, testDependencies } from "./support/dependencies";

let t: TestDatabase;
let deps: ImportDependencies;
beforeEach(async () => {
  t = await createTestDatabase();
  deps = testDependencies();
});
afterEach(() => t.cleanup());

const NOW = new Date("2026-04-08T06:00:00Z");
const LATER = new Date("2026-04-09T06:00:00Z");

function run(paths: string[], options: ImportOptions & { date?: string; page?: number } = {}) {
  const { date, page, ...rest } = options;
  return importEditionWith(deps, t.db(), readInputs(paths, { date, page }), { now: NOW, ...rest });
}

function refusal(fn: () => unknown): ImportError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ImportError);
    return err as ImportError;
  }
  throw new Error("expected the import to be refused");
}

const count = (table: string) => t.db().prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number;

/** A page in the sample layout whose articles are `titles`, each with its own paragraph. */
function page(name: string, titles: string[], reporter = "王小明"): string {
  const articles = titles.map(
    (title) =>
      `${title}\n\n本报讯(记者 ${reporter})4月7日,${title}的消息传来,这是一段足够长的正文段落,用来确认导入把稿件完整地存进数据库里面。\n\n第二段也是正文,讲述${title}的更多细节,同样长到不会被当成标题或者小标题来处理的程度。\n`,
  );
  return `\n\n${name}\n\n${articles.join("\n")}`;
}

describe("importEdition", () => {
  it("should import the sample edition: issues, pages, articles with stable public ids, bylines, ads", () => {
    const report = run([SAMPLE_DIR]);
    expect(report.pages.map((p) => [p.date, p.page, p.outcome])).toEqual([
      ["2026-04-08", 1, "new"],
      ["2025-12-27", 1, "new"],
    ]);
    expect(report.changed).toBe(true);
    const db = t.db();
    const issues = db.prepare(`SELECT date, status, publishedAt, createdAt FROM Issue ORDER BY date`).all();
    expect(issues).toEqual([
      { date: "2025-12-27", status: "draft", publishedAt: null, createdAt: "2026-04-08T06:00:00.000+00:00" },
      { date: "2026-04-08", status: "draft", publishedAt: null, createdAt: "2026-04-08T06:00:00.000+00:00" },
    ]);
    const pageRow = db.prepare(`SELECT * FROM Page WHERE sourceFile = '2026-04-08_01.txt'`).get() as Record<string, unknown>;
    expect(pageRow).toMatchObject({ number: 1, name: "一线微观察", encoding: "utf-8", status: "draft" });
    expect(pageRow.rawText).toBe(samplePage("2026-04-08").toString("utf8"));
    expect(pageRow.parseOptions).toBe(`{"issueDate":"2026-04-08","pageNumber":1,"profile":"${paper.stamp}"}`);
    const articles = db.prepare(`SELECT publicId, title, "order", published FROM Article WHERE pageId = ? ORDER BY "order"`).all(pageRow.id);
    expect(articles.length).toBe(report.pages[0]!.articles);
    expect(articles[0]).toEqual({ publicId: "20260408-01-01", title: "潮头攻坚 实干争先", order: 1, published: 0 });
    expect((articles as { publicId: string }[]).map((a) => a.publicId)).toContain("20260408-01-03");
    const bylines = db
      .prepare(
        `SELECT p.name, b.role FROM ArticleByline b JOIN Person p ON p.id = b.personId JOIN Article a ON a.id = b.articleId
          WHERE a.publicId = '20260408-01-01' ORDER BY b."order"`,
      )
      .all();
    expect(bylines).toEqual([
      { name: "姜小皓", role: "reporter" },
      { name: "崔维鹏", role: "correspondent" },
    ]);
    expect(count("Ad")).toBeGreaterThan(0);
    const indexed = (deps.indexer as ReturnType<typeof createRecordingIndexer>).indexed.flat();
    expect(indexed.length).toBe(count("Article"));
    expect(t.db().prepare(`SELECT rowid FROM article_fts ORDER BY rowid`).pluck().all()).toEqual(indexed);
  });

  it("should leave the database byte-identical when the same files are imported again", () => {
    run([SAMPLE_DIR], { publish: true });
    const before = dumpDatabase(t.db());
    const again = run([SAMPLE_DIR], { publish: true, now: LATER });
    expect(again.changed).toBe(false);
    expect(again.pages.map((p) => p.outcome)).toEqual(["unchanged", "unchanged"]);
    expect(again.pages[0]!.articles).toBeGreaterThan(0);
    expect(again.publishedChanges).toEqual([]);
    expect(dumpDatabase(t.db())).toBe(before);
  });

  it("should publish the issues touched, setting publishedAt once and marking articles published", () => {
    run([SAMPLE_DIR]);
    expect(t.db().prepare(`SELECT count(*) FROM Article WHERE published = 1`).pluck().get()).toBe(0);
    const report = run([SAMPLE_DIR], { publish: true, now: LATER });
    expect(report.issues.map((i) => [i.date, i.status, i.published])).toEqual([
      ["2026-04-08", "published", true],
      ["2025-12-27", "published", true],
    ]);
    expect(report.publishedChanges).toEqual(["2025-12-27", "2026-04-08"]);
    const db = t.db();
    expect(db.prepare(`SELECT DISTINCT publishedAt FROM Issue`).pluck().all()).toEqual(["2026-04-09T06:00:00.000+00:00"]);
    expect(db.prepare(`SELECT DISTINCT status FROM Page`).pluck().all()).toEqual(["published"]);
    expect(db.prepare(`SELECT count(*) FROM Article WHERE published = 0`).pluck().get()).toBe(0);
    // A page added later to a published issue is published with it.
    const dir = writeDir({ "2026-04-08_02.txt": page("要闻", ["新增稿件"]) });
    run([dir], { now: new Date("2026-04-10T00:00:00Z") });
    expect(db.prepare(`SELECT published FROM Article WHERE publicId = '20260408-02-01'`).pluck().get()).toBe(1);
    expect(db.prepare(`SELECT publishedAt FROM Issue WHERE date = '2026-04-08'`).pluck().get()).toBe("2026-04-09T06:00:00.000+00:00");
  });

  it("should replace a changed page, keeping public ids and first-import times, and clean up the index and people", () => {
    const dir = writeDir({ "2026-04-08_02.txt": page("要闻", ["甲稿", "乙稿", "丙稿"], "张三") });
    run([dir]);
    const db = t.db();
    const firstIds = db.prepare(`SELECT id FROM Article ORDER BY id`).pluck().all() as number[];
    writeDir({ "2026-04-08_02.txt": page("要闻", ["甲稿改", "乙稿"], "李四") }, dir);
    const indexer = createRecordingIndexer();
    deps = testDependencies({ indexer });
    const report = run([dir], { now: LATER });
    expect(report.pages[0]).toMatchObject({ outcome: "replaced", articles: 2 });
    expect(indexer.removed).toEqual([firstIds]);
    expect(indexer.indexed.flat()).toEqual(db.prepare(`SELECT id FROM Article ORDER BY id`).pluck().all());
    // The search index holds exactly the page's new articles.
    expect(db.prepare(`SELECT rowid FROM article_fts ORDER BY rowid`).pluck().all()).toEqual(indexer.indexed.flat());
    const rows = db.prepare(`SELECT publicId, title, createdAt, updatedAt FROM Article ORDER BY "order"`).all();
    expect(rows).toEqual([
      { publicId: "20260408-02-01", title: "甲稿改", createdAt: "2026-04-08T06:00:00.000+00:00", updatedAt: "2026-04-09T06:00:00.000+00:00" },
      { publicId: "20260408-02-02", title: "乙稿", createdAt: "2026-04-08T06:00:00.000+00:00", updatedAt: "2026-04-09T06:00:00.000+00:00" },
    ]);
    // 张三 lost his last article; nothing refers to him any more.
    expect(db.prepare(`SELECT name FROM Person`).pluck().all()).toEqual(["李四"]);
    expect(db.prepare(`SELECT updatedAt FROM Issue`).pluck().get()).toBe("2026-04-09T06:00:00.000+00:00");
  });

  describe("with editors' corrections (the edit log)", () => {
    /** What the desk does when an editor retitles the first article (lib/db/corrections.ts). */
    function correctTitle(title: string, by = "编辑甲") {
      const db = t.db();
      const page = db.prepare(`SELECT id FROM Page`).get() as { id: number };
      const first = db.prepare(`SELECT anchorLine FROM Article WHERE pageId = ? ORDER BY "order" LIMIT 1`).get(page.id) as { anchorLine: number };
      const raw = (db.prepare(`SELECT rawText FROM Page WHERE id = ?`).get(page.id) as { rawText: string }).rawText;
      const text = raw.split("\n")[first.anchorLine - 1]!.trim();
      const edit = { op: "set-article", article: { line: first.anchorLine, text }, set: { title } };
      db.prepare(`INSERT INTO PageEdit (pageId, seq, basedOn, edit, actor, at, state) VALUES (?, 1, 0, ?, ?, '2026-04-08T08:00:00.000+00:00', 'active')`).run(page.id, JSON.stringify(edit), by);
      db.prepare(`UPDATE Page SET editVersion = 1 WHERE id = ?`).run(page.id);
      const issue = db.prepare(`SELECT id, date, number, status FROM Issue`).get() as IssueState;
      const writer = new EditionWriter(db, deps.indexer, deps.describeDepartment, "2026-04-08T08:00:00.000+00:00");
      db.transaction(() => {
        writer.rematerialise(issue, page.id);
        writer.finish();
      })();
    }
    const titles = () => t.db().prepare(`SELECT title FROM Article ORDER BY "order"`).pluck().all();

    it("should keep the edits when the same file comes again, even with new parse options", () => {
      const dir = writeDir({ "front.txt": page("要闻", ["甲稿", "乙稿"]) });
      run([dir], { date: "2026-04-08", page: undefined });
      correctTitle("甲稿(更正)");
      expect(titles()).toEqual(["甲稿(更正)", "乙稿"]);
      const before = dumpDatabase(t.db());
      expect(run([dir], { date: "2026-04-08", now: LATER }).pages[0]).toMatchObject({ outcome: "unchanged", correction: "kept" });
      expect(dumpDatabase(t.db())).toBe(before);
      // Same bytes, now with a page number given: parsed again, and the edit applied again.
      const report = run([path.join(dir, "front.txt")], { date: "2026-04-08", page: 1, now: LATER });
      expect(report.pages[0]).toMatchObject({ outcome: "reparsed", correction: "kept" });
      expect(titles()).toEqual(["甲稿(更正)", "乙稿"]);
    });

    it("should re-apply the edits to a changed file, marking stale (and saying so) those whose lines changed", () => {
      const dir = writeDir({ "2026-04-08_02.txt": page("要闻", ["甲稿", "乙稿"]) });
      run([dir]);
      correctTitle("甲稿(更正)");
      // The second article changes: the edit on the first still fits.
      writeDir({ "2026-04-08_02.txt": page("要闻", ["甲稿", "乙稿改"]) }, dir);
      expect(run([dir], { now: LATER }).pages[0]).toMatchObject({ outcome: "replaced", correction: "kept" });
      expect(titles()).toEqual(["甲稿(更正)", "乙稿改"]);
      // Now the first article's title line itself changed: the edit no longer fits.
      writeDir({ "2026-04-08_02.txt": page("要闻", ["甲稿新", "乙稿改"]) }, dir);
      const report = run([dir], { now: LATER });
      expect(report.pages[0]).toMatchObject({ outcome: "replaced", correction: "kept" });
      expect(report.notes.join("\n")).toMatch(/1 of the editors' edits no longer fit/);
      expect(titles()).toEqual(["甲稿新", "乙稿改"]);
      expect(t.db().prepare(`SELECT state, staleReason IS NOT NULL AS stale FROM PageEdit`).get()).toEqual({ state: "active", stale: 1 });
    });
  });

  it("should parse unchanged files again with reparse, writing only pages whose parse differs", () => {
    const dir = writeDir({
      "2026-04-08_01.txt": page("要闻", ["甲稿"]),
      "2026-04-08_02.txt": page("综合", ["乙稿"]),
    });
    run([dir]);
    const before = dumpDatabase(t.db());
    expect(run([dir], { reparse: true, now: LATER }).pages.map((p) => p.outcome)).toEqual(["unchanged", "unchanged"]);
    expect(dumpDatabase(t.db())).toBe(before);
    // A parser fix that changes page 2's titles: only page 2 is rewritten.
    const fixed = testDependencies().parse;
    deps = testDependencies({
      parse: (bytes, options) => {
        const parsed = fixed(bytes, options);
        if (options.pageNumber === 2) for (const a of parsed.articles) a.title += "(修订)";
        return parsed;
      },
    });
    const report = run([dir], { reparse: true, now: LATER });
    expect(report.pages.map((p) => p.outcome)).toEqual(["unchanged", "reparsed"]);
    expect(t.db().prepare(`SELECT title FROM Article ORDER BY publicId`).pluck().all()).toEqual(["甲稿", "乙稿(修订)"]);
  });

  it("should parse an unchanged file again once the paper profile changed, then keep it", () => {
    deps = testDependencies({ profileStamp: "liaocheng:old" });
    run([SAMPLE_DIR]);
    const linked = () =>
      t.db().prepare(`SELECT DISTINCT d.name FROM ArticleDepartment ad JOIN Department d ON d.id = ad.departmentId ORDER BY d.name`).pluck().all();
    const before = linked();
    // The same bytes under another profile: 聊城仲裁委员会 is in 聊城日报's gazetteer only.
    const xichuan = loadPaperProfile("xichuan");
    deps = testDependencies({ profileStamp: "xichuan:1", parse: (bytes, options) => parsePage(bytes, { ...options, profile: xichuan }) });
    const report = run([SAMPLE_DIR], { now: LATER });
    expect(report.pages.map((p) => p.outcome)).toEqual(["reparsed", "reparsed"]);
    expect(t.db().prepare(`SELECT DISTINCT parseOptions FROM Page`).pluck().all()).toEqual([
      expect.stringContaining('"profile":"xichuan:1"'),
      expect.stringContaining('"profile":"xichuan:1"'),
    ]);
    expect(before).toContain("聊城仲裁委员会");
    expect(linked()).not.toContain("聊城仲裁委员会");
    expect(run([SAMPLE_DIR], { now: LATER }).pages.map((p) => p.outcome)).toEqual(["unchanged", "unchanged"]);
  });

  it("should refuse two files claiming the same page, naming both, and import nothing", () => {
    const a = writeDir({ "2026-04-08_02.txt": page("要闻", ["甲稿"]) });
    const b = writeDir({ "20260408-02.txt": page("要闻", ["乙稿"]) });
    const err = refusal(() => run([a, b]));
    expect(err.code).toBe("duplicate-page");
    expect(err.message).toContain(path.join(b, "20260408-02.txt"));
    expect(err.message).toContain(path.join(a, "2026-04-08_02.txt"));
    expect(err.message).toMatch(/both claim 2026-04-08 page 2/);
    expect(count("Issue")).toBe(0);
  });

  it("should name the manifest line when a manifest's page collides with another file", () => {
    const a = writeDir({ "2026-04-08_01.txt": page("要闻", ["甲稿"]) });
    const err = refusal(() => run([a, SAMPLE_DIR]));
    expect(err).toMatchObject({ code: "duplicate-page", file: path.join(SAMPLE_DIR, "manifest.json"), line: 5 });
  });

  it("should roll everything back when any page fails, even after others were written", () => {
    run([SAMPLE_DIR]);
    const before = dumpDatabase(t.db());
    const dir = writeDir({
      "2026-05-01_01.txt": page("要闻", ["甲稿"]),
      "2026-05-01_02.txt": page("要闻", ["乙稿"]),
      "2026-05-01_03.txt": page("要闻", ["丙稿"]),
    });
    let calls = 0;
    deps = testDependencies({
      parse: (bytes, options) => {
        if (++calls === 3) throw new Error("boom");
        return testDependencies().parse(bytes, options);
      },
    });
    const err = refusal(() => run([dir]));
    expect(err).toMatchObject({ code: "parse-failed", file: path.join(dir, "2026-05-01_03.txt") });
    expect(dumpDatabase(t.db())).toBe(before);
  });

  it("should roll back when the search index fails", () => {
    const before = dumpDatabase(t.db());
    deps = testDependencies({
      indexer: {
        indexArticles: () => {
          throw new Error("index full");
        },
        removeFromIndex: () => undefined,
      },
    });
    expect(() => run([SAMPLE_DIR])).toThrow(/index full/);
    expect(dumpDatabase(t.db())).toBe(before);
  });

  it("should import a GB18030 page as the same text as its UTF-8 original", () => {
    const utf8 = samplePage("2025-12-27");
    const dir = writeDir({ "2025-12-27_01.txt": iconv.encode(utf8.toString("utf8"), "gb18030") });
    const report = run([dir]);
    expect(report.pages[0]!.articles).toBeGreaterThan(0);
    const row = t.db().prepare(`SELECT rawText, encoding FROM Page`).get() as { rawText: string; encoding: string };
    expect(row.encoding).toBe("gb18030");
    expect(row.rawText).toBe(utf8.toString("utf8"));
    expect(t.db().prepare(`SELECT title FROM Article ORDER BY "order" LIMIT 1`).pluck().get()).toBe("围绕产业需求培养年轻干部");
  });

  it("should report guesses: a date read from the text and pages numbered in file order", () => {
    // The parser dates an issue the day after its latest dateline (4月7日), in the year the text names.
    const dated = (text: string) => text.replace("4月7日", "2026年4月7日");
    const dir = writeDir({
      "a.txt": dated(page("要闻", ["甲稿"])),
      "b.txt": dated(page("综合", ["乙稿"])),
      "c.txt": dated(`\n第03版:经济\n${page("", ["丙稿"])}`),
    });
    const report = run([dir]);
    expect(report.pages.map((p) => [path.basename(p.file), p.date, p.page, p.dateFrom, p.pageFrom])).toEqual([
      ["a.txt", "2026-04-08", 1, "parser", "file-order"],
      ["b.txt", "2026-04-08", 2, "parser", "file-order"],
      ["c.txt", "2026-04-08", 3, "parser", "page-header"],
    ]);
    expect(report.notes.filter((n) => n.includes("inferred from the text"))).toHaveLength(3);
    expect(report.notes.some((n) => n.includes("numbered page 2 of 2026-04-08 by file order"))).toBe(true);
    expect(report.notes.some((n) => n.includes("page number 3 read from the page header"))).toBe(true);
    expect(t.db().prepare(`SELECT parseOptions FROM Page ORDER BY number`).pluck().all()).toEqual(Array(3).fill(`{"profile":"${paper.stamp}"}`));
    expect(run([dir]).changed).toBe(false);
  });

  it("should refuse a page whose date cannot be told", () => {
    const dir = writeDir({
      "front.txt": "\n\n要闻\n\n无日期稿件标题\n\n■ 本报记者 王小明\n\n这是一段足够长的正文段落,用来确认导入把稿件完整地存进数据库里面,没有任何电头日期。\n",
    });
    const err = refusal(() => run([dir]));
    expect(err).toMatchObject({ code: "no-date", file: path.join(dir, "front.txt") });
    expect(err.message).toMatch(/--date/);
  });

  it("should record a manifest's issue number and page name, and update them without re-parsing", () => {
    const manifest = (issueNumber: number, name: string) => ({
      issues: [{ date: "2026-04-08", issueNumber, pages: [{ file: "p1.txt", page: 1, name }] }],
    });
    const dir = writeDir({ "manifest.json": manifest(9001, "要闻"), "p1.txt": page("要闻", ["甲稿"]) });
    run([dir]);
    let parses = 0;
    deps = testDependencies({
      parse: (bytes, options) => {
        parses++;
        return testDependencies().parse(bytes, options);
      },
    });
    writeDir({ "manifest.json": manifest(9002, "头版") }, dir);
    const report = run([dir], { now: LATER });
    expect(parses).toBe(0);
    expect(report.pages[0]).toMatchObject({ outcome: "updated", name: "头版" });
    expect(t.db().prepare(`SELECT i.number, p.name FROM Issue i JOIN Page p ON p.issueId = i.id`).get()).toEqual({
      number: 9002,
      name: "头版",
    });
  });

  it("should store each department once, primary first, with the gazetteer's kind", () => {
    const dir = writeDir({
      "2026-04-08_01.txt": `\n\n要闻\n\n东昌府区人民法院\n\n司法为民暖人心\n\n本报讯(记者 王五)4月7日,东昌府区人民法院审结一起劳务合同纠纷案件,这一段正文足够长,不会被当作标题。\n`,
    });
    deps = testDependencies({ describeDepartment: (name) => ({ kind: name.endsWith("法院") ? "法院" : "其他", aliases: ["东昌府法院"] }) });
    run([dir]);
    expect(t.db().prepare(`SELECT name, slug, kind, aliases FROM Department`).all()).toEqual([
      { name: "东昌府区人民法院", slug: "东昌府区人民法院", kind: "法院", aliases: '["东昌府法院"]' },
    ]);
    expect(t.db().prepare(`SELECT rank FROM ArticleDepartment`).pluck().all()).toEqual([0]);
  });

  it("should hand every article of a large import to the search index, in batches", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "epaper-batch-"));
    try {
      generateEdition({ dir, issues: 30 });
      const indexer = createRecordingIndexer();
      deps = testDependencies({ indexer });
      run([dir]);
      const articles = t.db().prepare(`SELECT id FROM Article ORDER BY id`).pluck().all();
      expect(articles.length).toBeGreaterThan(1000);
      expect(indexer.indexed.length).toBeGreaterThan(1);
      expect(indexer.indexed.flat()).toEqual(articles);
      expect(t.db().prepare(`SELECT rowid FROM article_fts ORDER BY rowid`).pluck().all()).toEqual(articles);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("should refuse nothing to import", () => {
    expect(refusal(() => importEditionWith(deps, t.db(), [])).code).toBe("no-pages");
  });

  it("should report a busy database instead of waiting forever", () => {
    const other = new (t.db().constructor as typeof import("better-sqlite3"))(t.file, { timeout: 0 });
    other.exec("BEGIN IMMEDIATE");
    const db = t.db();
    db.pragma("busy_timeout = 0");
    try {
      expect(refusal(() => run([SAMPLE_DIR])).code).toBe("locked");
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }
    expect(fs.existsSync(t.file)).toBe(true);
  });
});
