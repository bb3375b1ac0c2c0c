import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { applyMigrations, diffMigrationsToSchema, loadMigrationList } from "@/lib/db/migrations";

function scratchFile(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "epaper-mig-"));
  return path.join(dir, name);
}

describe("migrations", () => {
  it("should agree with schema.prisma (run `npm run db:migration:new -- <name>` when this fails)", async () => {
    const sql = await diffMigrationsToSchema(scratchFile("diff.db"));
    expect(sql).toBe("");
  });

  it("should keep Prisma's folder layout", () => {
    const list = loadMigrationList();
    expect(list.lockfile.content).toMatch(/provider = "sqlite"/);
    expect(list.migrationDirectories.length).toBeGreaterThan(0);
    for (const dir of list.migrationDirectories) {
      expect(dir.path).toMatch(/^\d{14}_[a-z0-9_]+$/);
      expect(dir.migrationFile.content.tag).toBe("ok");
    }
  });

  it("should apply every migration once and record it in _prisma_migrations", async () => {
    const file = scratchFile("apply.db");
    const first = await applyMigrations(file);
    expect(first).toEqual(loadMigrationList().migrationDirectories.map((d) => d.path));
    expect(await applyMigrations(file)).toEqual([]);
    const db = new Database(file, { readonly: true });
    const rows = db.prepare("SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name").all() as {
      migration_name: string;
      finished_at: string | null;
    }[];
    db.close();
    expect(rows.map((r) => r.migration_name)).toEqual(first);
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
  });
});
