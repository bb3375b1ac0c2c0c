/**
 * Gaps in the printed text as readers see them: the parser's start-missing / end-missing flags
 * reach the reader's article until an editor accepts the paragraph (the desk's reviewed mark, or a
 * review-warning edit) or fixes it (joining it to its other half).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { importEdition, readInputs } from "@/lib/import";
import type { Block } from "@/lib/parser/types";
import { gapsOf, reviewEditKeys, reviewedKeysOf, settleReviewedGaps } from "@/lib/corrections/gaps";
import { createTestDatabase, type TestDatabase } from "../support/db-fixture";

vi.mock("next/cache", () => ({ cacheLife: () => undefined, cacheTag: () => undefined }));

const para = (lines: number[], flags: Block["flags"]): Block => ({ type: "paragraph", text: "文字", sourceLines: lines, flags });

describe("settleReviewedGaps", () => {
  it("should drop the flag of a reviewed gap and keep every other flag", () => {
    const blocks = [para([10], ["start-missing"]), para([12, 13], ["joined", "start-missing", "end-missing"]), para([14], ["end-missing"])];
    const out = settleReviewedGaps(blocks, ["start-missing@12,13", "end-missing@10", "orphan@14"]);
    expect(out.map((b) => b.flags)).toEqual([["start-missing"], ["joined", "end-missing"], ["end-missing"]]);
    // The parse it came from is not changed.
    expect(blocks[1]?.flags).toEqual(["joined", "start-missing", "end-missing"]);
  });

  it("should read the desk's marks and the log's review edits as warning keys", () => {
    expect(reviewedKeysOf('[{"key":"end-missing@14","by":"李编辑","at":"2026-04-08T00:00:00Z"}]')).toEqual(["end-missing@14"]);
    expect(reviewedKeysOf("not json")).toEqual([]);
    const edits = [
      JSON.stringify({ op: "review-warning", code: "start-missing", lines: [{ line: 12, text: "堂”学习平台" }] }),
      JSON.stringify({ op: "set-line", line: { line: 3, text: "x" }, role: "paragraph" }),
      "{",
    ];
    expect(reviewEditKeys(edits)).toEqual(["start-missing@12"]);
  });

  it("should say where a paragraph's text is missing, and never for a subhead or caption", () => {
    expect(gapsOf(para([1], ["start-missing", "end-missing"]))).toEqual({ before: true, after: true });
    expect(gapsOf(para([1], ["joined"]))).toEqual({ before: false, after: false });
    expect(gapsOf({ type: "caption", text: "图", sourceLines: [2], flags: ["end-missing"] })).toEqual({ before: false, after: false });
  });
});

describe("the reader's article", () => {
  const DATE = "2025-12-27";
  const ID = "20251227-01-01";
  let t: TestDatabase;
  let articles: typeof import("@/lib/db/articles");
  let desk: typeof import("@/lib/db/desk");
  let store: typeof import("@/lib/db/corrections");
  const who = { id: 1, name: "李编辑" };

  beforeAll(async () => {
    t = await createTestDatabase();
    importEdition(t.db(), readInputs(["data/sample"]), { publish: true });
    process.env.DATABASE_URL = t.url;
    [articles, desk, store] = await Promise.all([import("@/lib/db/articles"), import("@/lib/db/desk"), import("@/lib/db/corrections")]);
  }, 120_000);

  afterAll(async () => {
    const { db } = await import("@/lib/db/client");
    await db.$disconnect();
    t.cleanup();
  });

  const flagsAt = async (line: number) => (await articles.getArticle(ID))?.blocks.find((b) => b.sourceLines.includes(line))?.flags ?? null;
  const rawLine = (no: number) => {
    const raw = (t.db().prepare(`SELECT rawText FROM Page WHERE issueId = (SELECT id FROM Issue WHERE date = ?)`).get(DATE) as { rawText: string }).rawText;
    return { line: no, text: raw.split(/\r\n|\r|\n/)[no - 1]!.trim() };
  };
  const pageWarnings = () =>
    (JSON.parse((t.db().prepare(`SELECT warnings FROM Page WHERE issueId = (SELECT id FROM Issue WHERE date = ?)`).get(DATE) as { warnings: string }).warnings) as { code: string; lines: number[] }[]).map(
      (w) => `${w.code}@${w.lines.join(",")}`,
    );

  it("should carry the parser's gaps (the sample's “…真正让干得好” and “堂”学习平台…”)", async () => {
    const a = await articles.getArticle(ID);
    expect(a?.blocks.find((b) => b.text.endsWith("真正让干得好"))?.flags).toContain("end-missing");
    expect(a?.blocks.find((b) => b.text.startsWith("堂”学习平台"))?.flags).toContain("start-missing");
    expect(await flagsAt(10)).toContain("start-missing");
  });

  it("should drop a gap once its warning is marked reviewed at the desk, and tell the caches", async () => {
    const events = () => (t.db().prepare(`SELECT count(*) AS n FROM CacheTagEvent WHERE tags LIKE ?`).get(`%issue:${DATE}%`) as { n: number }).n;
    const before = events();
    expect(await desk.writeReviewMarks(DATE, 1, JSON.stringify([{ key: "end-missing@14", by: who.name, at: new Date().toISOString() }]))).toBe(true);
    expect(await flagsAt(14)).not.toContain("end-missing");
    expect(await flagsAt(10)).toContain("start-missing");
    expect(events()).toBe(before + 1);
    // The desk still lists the warning, marked reviewed: only the reader's view changes.
    expect(pageWarnings()).toContain("end-missing@14");
  });

  it("should drop a gap reviewed through the edit log", async () => {
    const res = store.saveEdit(DATE, 1, store.listEdits(DATE, 1)!.version, { op: "review-warning", code: "start-missing", lines: [rawLine(12)] }, who);
    expect(res).toMatchObject({ ok: true });
    expect(await flagsAt(12)).toEqual([]);
    expect(await flagsAt(10)).toContain("start-missing");
  });

  it("should drop a gap an editor fixed by joining the paragraph to its other half", async () => {
    const res = store.saveEdit(DATE, 1, store.listEdits(DATE, 1)!.version, { op: "join-blocks", first: [rawLine(8)], second: [rawLine(10)] }, who);
    expect(res).toMatchObject({ ok: true });
    expect(await flagsAt(10)).not.toContain("start-missing");
    expect(pageWarnings()).not.toContain("start-missing@10");
  });
});
