/**
 * Corrections in the store: the edit log, the page readers see re-materialised from it in the
 * same transaction (articles, stable public ids, redirects, search index, 更正 marks), the 409
 * version check, undo and redo, and edits surviving a re-import (stale where the file changed).
 */
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Edit } from "@/lib/corrections";
import { importEdition, readInputs } from "@/lib/import";
import { searchArticles } from "@/lib/search/query";
import { createTestDatabase, type TestDatabase } from "../support/db-fixture";

let t: TestDatabase;
let store: typeof import("@/lib/db/corrections");
const DATE = "2026-04-08";
const who = { id: 1, name: "李编辑" };

beforeAll(async () => {
  t = await createTestDatabase();
  importEdition(t.db(), readInputs(["data/sample"]), { publish: true });
  process.env.DATABASE_URL = t.url;
  store = await import("@/lib/db/corrections");
});

afterAll(() => t.cleanup());

const articles = () =>
  t.db().prepare(`SELECT publicId, title, "order", correctedAt, anchorLine FROM Article WHERE issueDate = ? AND pageNumber = 1 ORDER BY "order"`).all(DATE) as {
    publicId: string;
    title: string;
    order: number;
    correctedAt: string | null;
    anchorLine: number | null;
  }[];
const byId = (id: string) => articles().find((a) => a.publicId === id);
const version = () => store.listEdits(DATE, 1)!.version;
const raw = () => (t.db().prepare(`SELECT rawText FROM Page WHERE number = 1 AND issueId = (SELECT id FROM Issue WHERE date = ?)`).get(DATE) as { rawText: string }).rawText;
const lineText = (no: number) => raw().split(/\r\n|\r|\n/)[no - 1]!.trim();
const ref = (no: number) => ({ line: no, text: lineText(no) });
const found = (q: string) => searchArticles(t.db(), { q }).results.map((r) => r.publicId);

describe("corrections in the store", () => {
  it("should correct a title in place: same public id, marked 更正, found by search under the new title", () => {
    const before = articles();
    expect(before[1]).toMatchObject({ publicId: "20260408-01-02", anchorLine: 46 });
    const result = store.saveEdit(DATE, 1, 0, { op: "set-article", article: ref(46), set: { title: "聊城仲裁委员会部署全年服务新举措" } }, who);
    expect(result).toMatchObject({ ok: true, version: 1, published: true, changedIds: ["20260408-01-02"] });
    const after = articles();
    expect(after.map((a) => a.publicId)).toEqual(before.map((a) => a.publicId));
    expect(after[1]!.title).toBe("聊城仲裁委员会部署全年服务新举措");
    expect(after[1]!.correctedAt).not.toBeNull();
    expect(after[0]!.correctedAt).toBeNull();
    expect(found("全年服务新举措")).toEqual(["20260408-01-02"]);
  });

  it("should refuse a save based on an old version with 409-style conflict naming who changed what", () => {
    const result = store.saveEdit(DATE, 1, 0, { op: "set-line", line: ref(14), role: "subhead" }, { id: 2, name: "王编辑" });
    expect(result).toMatchObject({ ok: false, conflict: { version: 1, since: [{ actor: "李编辑", edit: { op: "set-article" } }] } });
    expect(version()).toBe(1);
  });

  it("should split an article at a block under a new id and keep every other address", () => {
    const before = articles().map((a) => a.publicId);
    const result = store.saveEdit(DATE, 1, version(), { op: "split-article", at: [ref(18), ref(20)], title: "拆出的新稿件" }, who);
    expect(result).toMatchObject({ ok: true });
    const after = articles();
    expect(after).toHaveLength(before.length + 1);
    // The new article sits second in reading order but takes a number no address used before.
    expect(after[1]!.title).toBe("拆出的新稿件");
    expect(before).not.toContain(after[1]!.publicId);
    expect(after.filter((a) => a.title !== "拆出的新稿件").map((a) => a.publicId)).toEqual(before);
  });

  it("should redirect the address of an article merged into another", () => {
    const result = store.saveEdit(DATE, 1, version(), { op: "merge-articles", into: ref(46), from: ref(58) }, who);
    expect(result).toMatchObject({ ok: true });
    expect(articles().map((a) => a.publicId)).not.toContain("20260408-01-03");
    const redirect = t.db().prepare(`SELECT toPublicId FROM ArticleRedirect WHERE fromPublicId = ?`).get("20260408-01-03");
    expect(redirect).toEqual({ toPublicId: "20260408-01-02" });
  });

  it("should undo and redo, the address coming back with its article", () => {
    expect(store.undoEdit(DATE, 1, version(), who)).toMatchObject({ ok: true });
    expect(articles().map((a) => a.publicId)).toContain("20260408-01-03");
    expect(t.db().prepare(`SELECT count(*) AS n FROM ArticleRedirect WHERE fromPublicId = ?`).get("20260408-01-03")).toEqual({ n: 0 });
    expect(store.redoEdit(DATE, 1, version())).toMatchObject({ ok: true });
    expect(articles().map((a) => a.publicId)).not.toContain("20260408-01-03");
    expect(store.undoEdit(DATE, 1, version(), who)).toMatchObject({ ok: true });
    expect(store.listEdits(DATE, 1)!.entries.map((e) => e.state)).toEqual(["active", "active", "undone"]);
  });

  it("should refuse an edit that does not fit the page, writing nothing", () => {
    const v = version();
    const result = store.saveEdit(DATE, 1, v, { op: "set-line", line: { line: 46, text: "不是这一行的文字" }, role: "subhead" }, who);
    expect(result).toMatchObject({ ok: false, refused: expect.stringMatching(/第46行/) });
    expect(version()).toBe(v);
  });

  it("should keep every edit through a re-parse of the same bytes", () => {
    const report = importEdition(t.db(), readInputs(["data/sample"]), { reparse: true });
    expect(report.pages.every((p) => p.outcome === "unchanged" || p.outcome === "reparsed")).toBe(true);
    expect(byId("20260408-01-02")!.title).toBe("聊城仲裁委员会部署全年服务新举措");
    expect(articles().some((a) => a.title === "拆出的新稿件")).toBe(true);
  });

  it("should mark stale, not drop, the edits whose lines a changed file no longer holds", () => {
    const dir = path.join(t.dir, "changed");
    fs.mkdirSync(dir);
    const file = path.join(dir, "2026-04-08_01.txt");
    // Line 46 (the corrected article's title) reads differently in the new file.
    const lines = fs.readFileSync("data/sample/2026-04-08_01.txt", "utf8").split("\n");
    lines[45] = "聊城仲裁委部署二〇二六年服务新举措";
    fs.writeFileSync(file, lines.join("\n"));
    const report = importEdition(t.db(), readInputs([file]), {});
    expect(report.pages[0]!.outcome).toBe("replaced");
    const log = store.listEdits(DATE, 1)!.entries;
    expect(log).toHaveLength(3);
    expect(log[0]!.staleReason).toMatch(/第46行/);
    expect(log[1]!.staleReason).toBeNull();
    // What readers see: the new file's title, the split still applied.
    expect(byId("20260408-01-02")!.title).toBe("聊城仲裁委部署二〇二六年服务新举措");
    expect(articles().some((a) => a.title === "拆出的新稿件")).toBe(true);
    // The editor judges the title fix still right for the reworded line: applied again to it.
    expect(store.reapplyEdit(DATE, 1, version(), 2)).toMatchObject({ ok: false, refused: expect.stringMatching(/没有失效/) });
    expect(store.reapplyEdit(DATE, 1, version(), 1)).toMatchObject({ ok: true });
    expect(byId("20260408-01-02")!.title).toBe("聊城仲裁委员会部署全年服务新举措");
    expect(store.listEdits(DATE, 1)!.entries[0]).toMatchObject({ staleReason: null, edit: { article: { line: 46, text: "聊城仲裁委部署二〇二六年服务新举措" } } });
    // Or drops it: the page reads as the new file says.
    expect(store.discardEdit(DATE, 1, version(), 1, who)).toMatchObject({ ok: true });
    expect(byId("20260408-01-02")!.title).toBe("聊城仲裁委部署二〇二六年服务新举措");
    expect(store.listEdits(DATE, 1)!.entries[0]!.state).toBe("discarded");
    // Redo never brings back a discarded edit.
    expect(store.redoEdit(DATE, 1, version())).toMatchObject({ ok: true });
    expect(store.listEdits(DATE, 1)!.entries.map((e) => e.state)).toEqual(["discarded", "active", "active"]);
  });
});

describe("undoing every correction", () => {
  it("should give back exactly the page as imported: the same rows, ids, text and search index", async () => {
    const u = await createTestDatabase();
    try {
      importEdition(u.db(), readInputs(["data/sample"]), { publish: true });
      const snapshot = () => ({
        articles: u.db().prepare(`SELECT publicId, "order", title, kicker, label, subtitle, blocks, plainText, category FROM Article ORDER BY publicId`).all(),
        ads: u.db().prepare(`SELECT pageId, "order", lines FROM Ad ORDER BY pageId, "order"`).all(),
        redirects: u.db().prepare(`SELECT * FROM ArticleRedirect`).all(),
        hits: searchArticles(u.db(), { q: "仲裁" }).results.map((r) => r.publicId),
      });
      const before = snapshot();
      // The same module instance writes to DATABASE_URL: point it at this database for the test.
      const { openSqlite } = await import("@/lib/db/sqlite");
      const g = globalThis as unknown as { importDb?: ReturnType<typeof openSqlite> };
      const saved = g.importDb;
      g.importDb = u.db();
      try {
        const r = (no: number) => ({ line: no, text: (u.db().prepare(`SELECT rawText FROM Page WHERE number = 1 AND issueId = (SELECT id FROM Issue WHERE date = ?)`).get(DATE) as { rawText: string }).rawText.split("\n")[no - 1]!.trim() });
        const edits: Edit[] = [
          { op: "set-article", article: r(46), set: { title: "仲裁委新举措" } },
          { op: "merge-articles", into: r(46), from: r(58) },
          { op: "split-article", at: [r(18), r(20)] },
          { op: "set-line", line: r(50), role: "subhead" },
        ];
        let v = 0;
        for (const e of edits) {
          const res = store.saveEdit(DATE, 1, v, e, who);
          expect(res, e.op).toMatchObject({ ok: true });
          v = (res as { version: number }).version;
        }
        expect(snapshot()).not.toEqual(before);
        for (let i = 0; i < edits.length; i++) {
          const res = store.undoEdit(DATE, 1, v, who);
          expect(res).toMatchObject({ ok: true });
          v = (res as { version: number }).version;
        }
        const after = snapshot();
        expect({ ...after, redirects: [] }).toEqual(before);
        // The one trace: the address the split article had (someone may have linked it) now
        // leads to the article its text went back to.
        expect(after.redirects).toEqual([expect.objectContaining({ fromPublicId: "20260408-01-07", toPublicId: "20260408-01-01" })]);
      } finally {
        g.importDb = saved;
      }
    } finally {
      u.cleanup();
    }
  });
});

describe("undoing any sequence of corrections", () => {
  it("should give back the page as imported, for random sessions of edits on every fixture page", async () => {
    const { session } = await import("./support/sessions");
    const { openSqlite } = await import("@/lib/db/sqlite");
    const g = globalThis as unknown as { importDb?: ReturnType<typeof openSqlite> };
    const saved = g.importDb;
    try {
      await fc.assert(
        fc.asyncProperty(session, async ({ name, file, edits }) => {
          const u = await createTestDatabase();
          try {
            importEdition(u.db(), readInputs([file], { date: "2026-05-01", page: 1 }), { publish: true });
            g.importDb = u.db();
            const snapshot = () => ({
              articles: u.db().prepare(`SELECT publicId, "order", title, kicker, label, subtitle, blocks, category FROM Article ORDER BY publicId`).all(),
              ads: u.db().prepare(`SELECT "order", lines FROM Ad ORDER BY "order"`).all(),
              warnings: u.db().prepare(`SELECT warnings FROM Page`).pluck().get(),
            });
            const before = snapshot();
            let v = 0;
            let applied = 0;
            for (const e of edits) {
              const res = store.saveEdit("2026-05-01", 1, v, e, who);
              if (res.ok) {
                v = res.version;
                applied++;
              } else expect(res, `${name}: ${e.op}`).toMatchObject({ refused: expect.any(String) });
            }
            for (let i = 0; i < applied; i++) {
              const res = store.undoEdit("2026-05-01", 1, v, who);
              expect(res.ok, name).toBe(true);
              v = (res as { version: number }).version;
            }
            expect(snapshot(), name).toEqual(before);
          } finally {
            g.importDb = saved;
            u.cleanup();
          }
        }),
        { numRuns: 30 },
      );
    } finally {
      g.importDb = saved;
    }
  }, 120_000);
});
