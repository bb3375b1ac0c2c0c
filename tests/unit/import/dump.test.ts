import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { dumpDatabase } from "@/lib/import/dump";
import { createTestDatabase, type TestDatabase } from "../support/db-fixture";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(() => t.cleanup());

describe("dumpDatabase", () => {
  it("should not depend on insertion order, and should see every change", () => {
    const db = t.db();
    const insert = db.prepare(`INSERT INTO Person (id, name) VALUES (?, ?)`);
    insert.run(2, "乙");
    insert.run(1, "甲");
    const first = dumpDatabase(db, { exclude: ["_prisma_migrations"] });
    expect(first).toMatch(/== Person \(id, name\): 2 rows\n\[1,"甲"\]\n\[2,"乙"\]/);
    db.prepare(`UPDATE Person SET name = '丙' WHERE id = 2`).run();
    expect(dumpDatabase(db, { exclude: ["_prisma_migrations"] })).not.toBe(first);
  });

  it("should dump FTS5 shadow tables but not the virtual table", () => {
    const db = t.db();
    db.exec(`CREATE VIRTUAL TABLE scratch_fts USING fts5(body)`);
    db.prepare(`INSERT INTO scratch_fts (body) VALUES ('聊城')`).run();
    const dump = dumpDatabase(db);
    expect(dump).toMatch(/== scratch_fts_data/);
    expect(dump).not.toMatch(/== scratch_fts \(/);
    expect(dump).toMatch(/"hex":/);
  });
});
