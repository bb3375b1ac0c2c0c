/**
 * The issue queries behind 上一期 / 下一期 and the date picker (lib/db/issues.ts), over a scratch
 * database: the sample edition plus issues made from its files on other dates — published ones
 * either side of a weekend, a draft and a published issue whose only page is held back, which
 * must count as days without a paper. next/cache is stubbed as in tests/unit/site/reader-queries.test.ts.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { importEdition, readInputs } from "@/lib/import";
import { createTestDatabase, type TestDatabase } from "../support/db-fixture";

vi.mock("next/cache", () => ({ cacheLife: () => undefined, cacheTag: () => undefined }));

/** Saturday's paper; Monday's page is held back; Sunday (2026-04-05) is a draft; Wednesday is the sample's. */
const SATURDAY = "2026-04-04";
const DRAFT = "2026-04-05";
const HELD = "2026-04-06";

let t: TestDatabase;
let issues: typeof import("@/lib/db/issues");

/** Imports the sample's 2025-12-27 page as the issue of `date`. */
function importCopy(date: string, publish: boolean) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "epaper-nav-"));
  fs.copyFileSync("data/sample/2025-12-27_01.txt", path.join(dir, `${date}_01.txt`));
  importEdition(t.db(), readInputs([dir]), { publish });
  fs.rmSync(dir, { recursive: true });
}

beforeAll(async () => {
  t = await createTestDatabase();
  importEdition(t.db(), readInputs(["data/sample"]), { publish: true });
  importCopy(SATURDAY, true);
  importCopy(DRAFT, false);
  importCopy(HELD, true);
  t.db().prepare(`UPDATE Page SET status = 'held' WHERE issueId = (SELECT id FROM Issue WHERE date = ?)`).run(HELD);
  // lib/db/client.ts reads DATABASE_URL when first imported.
  process.env.DATABASE_URL = t.url;
  issues = await import("@/lib/db/issues");
}, 120_000);

afterAll(async () => {
  const { db } = await import("@/lib/db/client");
  await db.$disconnect();
  t.cleanup();
});

describe("getIssueOverview", () => {
  it("should give an issue with the published issues either side, skipping drafts and held-back issues", async () => {
    expect(await issues.getIssueOverview(SATURDAY)).toMatchObject({ date: SATURDAY, prevIssue: "2025-12-27", nextIssue: "2026-04-08" });
    expect(await issues.getIssueOverview("2026-04-08")).toMatchObject({ prevIssue: SATURDAY, nextIssue: null });
    expect(await issues.getIssueOverview("2025-12-27")).toMatchObject({ prevIssue: null, nextIssue: SATURDAY });
  });

  it("should give nothing for a day without a published issue", async () => {
    for (const date of [DRAFT, HELD, "2026-04-07"]) expect(await issues.getIssueOverview(date)).toBeNull();
  });
});

describe("findNearestIssue", () => {
  it("should lead a day with a published issue to itself", async () => {
    expect(await issues.findNearestIssue("2026-04-08")).toMatchObject({ date: "2026-04-08", kind: "exact" });
    expect(await issues.findNearestIssue(SATURDAY)).toMatchObject({ date: SATURDAY, kind: "exact" });
  });

  it("should treat a draft and a held-back issue as days without a paper", async () => {
    // Sunday: one day after Saturday, three before Wednesday.
    expect(await issues.findNearestIssue(DRAFT)).toEqual({ date: SATURDAY, kind: "between", prevIssue: SATURDAY, nextIssue: "2026-04-08" });
    // Monday: two days from Saturday and from Wednesday — the earlier wins.
    expect(await issues.findNearestIssue(HELD)).toEqual({ date: SATURDAY, kind: "between", prevIssue: SATURDAY, nextIssue: "2026-04-08" });
    expect(await issues.findNearestIssue("2026-04-07")).toMatchObject({ date: "2026-04-08", kind: "between" });
  });

  it("should lead a day before the first issue to the first and after the last to the last", async () => {
    expect(await issues.findNearestIssue("2025-01-01")).toEqual({ date: "2025-12-27", kind: "before-first", prevIssue: null, nextIssue: "2025-12-27" });
    expect(await issues.findNearestIssue("2030-01-01")).toEqual({ date: "2026-04-08", kind: "after-last", prevIssue: "2026-04-08", nextIssue: null });
  });
});
