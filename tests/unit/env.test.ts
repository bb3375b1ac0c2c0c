import { describe, expect, it } from "vitest";
import { sqlitePathFromUrl } from "@/lib/db/sqlite-path";
import { readEnv } from "@/lib/env-schema";

describe("readEnv", () => {
  it("should take the defaults for an empty environment", () => {
    const r = readEnv({});
    expect(r.ok && r.env.DATABASE_URL).toBe("file:./data/edition.db");
    expect(r.ok && r.env.PAPER).toBe("liaocheng");
    // Unset: the paper's profile says the name and the pages per weekday (lib/paper).
    expect(r.ok && r.env.EXPECTED_PAGES).toBeUndefined();
    expect(r.ok && r.env.SITE_NAME).toBeUndefined();
  });
  it("should refuse a database URL that is not a SQLite file, saying which setting and why", () => {
    const r = readEnv({ DATABASE_URL: "postgresql://editor@db.example/edition" });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems).toEqual([expect.stringMatching(/^DATABASE_URL: must be a SQLite file URL .*postgres/)]);
  });
  it("should list every bad setting at once", () => {
    const r = readEnv({ SITE_URL: "not a url", PAPER: "../etc", EXPECTED_PAGES: "0" });
    expect(!r.ok && r.problems.map((p) => p.split(":")[0])).toEqual(["SITE_URL", "PAPER", "EXPECTED_PAGES"]);
  });
});

describe("sqlitePathFromUrl", () => {
  it("should resolve a relative file URL against the working directory and drop the query", () => {
    expect(sqlitePathFromUrl("file:./data/x.db?mode=ro")).toBe(`${process.cwd()}/data/x.db`);
    expect(sqlitePathFromUrl("file:/tmp/a.db")).toBe("/tmp/a.db");
  });
  it("should refuse any other URL instead of reading it as a path", () => {
    expect(() => sqlitePathFromUrl("postgresql://u@h/db")).toThrow(/DATABASE_URL "postgresql:\/\/u@h\/db" must be a SQLite file URL/);
  });
});
