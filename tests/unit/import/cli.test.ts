import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { dumpDatabase } from "@/lib/import/dump";
import { createTestDatabase, type TestDatabase } from "../support/db-fixture";
import { runIngest } from "./support/cli";
import { SAMPLE_DIR, samplePage, writeDir } from "./support/files";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(() => t.cleanup());

describe("npm run ingest", () => {
  it("should import and publish the sample, then find it unchanged, with identical database contents", () => {
    const first = runIngest(t.url, [SAMPLE_DIR, "--publish"]);
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/issue\s+page\s+name\s+articles\s+warnings\s+result\s+file/);
    expect(first.stdout).toMatch(/2026-04-08\s+1\s+一线微观察\s+\d+\s+\d+\s+new/);
    expect(first.stdout).toMatch(/Published 2026-04-08, 2025-12-27\./);
    const before = dumpDatabase(t.db());

    const second = runIngest(t.url, [SAMPLE_DIR, "--publish", "--json"]);
    expect(second.status).toBe(0);
    const report = JSON.parse(second.stdout) as { ok: boolean; changed: boolean; pages: { outcome: string }[] };
    expect(report).toMatchObject({ ok: true, changed: false });
    expect(report.pages.map((p) => p.outcome)).toEqual(["unchanged", "unchanged"]);
    expect(dumpDatabase(t.db())).toBe(before);
  });

  it("should exit 1 naming the file and line, and import nothing", () => {
    const dir = writeDir({
      "2026-04-08_01.txt": samplePage("2026-04-08"),
      "2026-04-08_02.txt": Buffer.from([0x41, 0x0a, 0x42, 0x0a, 0, 1, 2, 3, 0, 0, 0xff, 0x13]),
    });
    const before = dumpDatabase(t.db());
    const res = runIngest(t.url, [dir]);
    expect(res.status).toBe(1);
    expect(res.stderr).toContain(`✗ ingest failed: ${path.join(dir, "2026-04-08_02.txt")}:3: binary data`);
    expect(res.stderr).toMatch(/Nothing was imported; the database is as it was\./);
    expect(dumpDatabase(t.db())).toBe(before);

    const json = runIngest(t.url, [dir, "--json"]);
    expect(JSON.parse(json.stdout)).toEqual({
      ok: false,
      error: { code: "binary", file: path.join(dir, "2026-04-08_02.txt"), line: 3, message: expect.stringMatching(/binary/) },
    });
  });

  it("should exit 2 on wrong usage", () => {
    expect(runIngest(t.url, []).status).toBe(2);
    const badDate = runIngest(t.url, [SAMPLE_DIR, "--date", "2026-02-30"]);
    expect(badDate.status).toBe(2);
    expect(badDate.stderr).toMatch(/--date: not a calendar date/);
    expect(runIngest(t.url, [SAMPLE_DIR, "--page", "2", "x.txt"]).stderr).toMatch(/--page names one page/);
    expect(runIngest(t.url, [SAMPLE_DIR, "--publsh"]).status).toBe(2);
  });

  it("should refuse a database that does not exist", () => {
    const res = runIngest(`file:${path.join(t.dir, "missing.db")}`, [SAMPLE_DIR]);
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/npm run db:migrate/);
    expect(fs.existsSync(path.join(t.dir, "missing.db"))).toBe(false);
  });
});
