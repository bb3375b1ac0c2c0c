/** Whole-page snapshots from before the edit log become edits; what cannot is kept and listed. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importEdition, readInputs } from "@/lib/import";
import { convertLegacyCorrections } from "@/lib/import/legacy-corrections";
import type { ParsedPage } from "@/lib/parser/types";
import { createTestDatabase, type TestDatabase } from "../support/db-fixture";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  importEdition(t.db(), readInputs(["data/sample"]), { publish: true });
});
afterAll(() => t.cleanup());

describe("converting old correction snapshots", () => {
  it("should turn changed article fields into edits, list what it cannot convert, and do it once", () => {
    const db = t.db();
    const page = db.prepare(`SELECT p.id, p.parsed FROM Page p JOIN Issue i ON i.id = p.issueId WHERE i.date = '2026-04-08'`).get() as { id: number; parsed: string };
    const snapshot = JSON.parse(page.parsed) as ParsedPage;
    snapshot.articles[1]!.title = "仲裁委员会部署新举措(旧版更正)";
    snapshot.articles[2]!.category = "public-service";
    // A structural change the old snapshot made: the last article's paragraphs rewritten.
    snapshot.articles[5]!.blocks[0]!.text = "改写过的段落";
    db.prepare(`INSERT INTO LegacyCorrection (pageId, snapshot, correctedAt, correctedBy) VALUES (?, ?, '2026-04-08T09:00:00.000+00:00', '编辑甲')`).run(page.id, JSON.stringify(snapshot));

    const printed = convertLegacyCorrections(db);
    expect(printed).toHaveLength(1);
    expect(printed[0]).toMatch(/into 2 edit\(s\); to redo at the desk: 第6篇/);
    const edits = db.prepare(`SELECT seq, actor, edit FROM PageEdit WHERE pageId = ? ORDER BY seq`).all(page.id) as { seq: number; actor: string; edit: string }[];
    expect(edits.map((e) => [e.seq, e.actor, JSON.parse(e.edit).op, Object.keys(JSON.parse(e.edit).set)])).toEqual([
      [1, "编辑甲", "set-article", ["title"]],
      [2, "编辑甲", "set-article", ["category"]],
    ]);
    expect(db.prepare(`SELECT title FROM Article WHERE publicId = '20260408-01-02'`).pluck().get()).toBe("仲裁委员会部署新举措(旧版更正)");
    expect(db.prepare(`SELECT category FROM Article WHERE publicId = '20260408-01-03'`).pluck().get()).toBe("public-service");
    const notes = JSON.parse(db.prepare(`SELECT unconverted FROM LegacyCorrection WHERE pageId = ?`).pluck().get(page.id) as string) as string[];
    expect(notes).toEqual([expect.stringMatching(/^第6篇《.*》的正文段落有改动/)]);
    // Again: nothing to do.
    expect(convertLegacyCorrections(db)).toEqual([]);
    expect(db.prepare(`SELECT count(*) FROM PageEdit`).pluck().get()).toBe(2);
  });
});
