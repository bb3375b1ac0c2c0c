/**
 * The shared "use cache" handler (lib/cache/edition-cache-handler.mjs): a change written to
 * CacheTagEvent by anyone (here: as the import CLI writes it, with its own connection) expires
 * the tags in this process at the next refresh — at once, for the very read that follows — and a
 * revalidation in this process is written there for the others.
 */
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cacheTagEvent } from "@/lib/edition/cache-tags";
import { createTestDatabase, type TestDatabase } from "../support/db-fixture";

const require = createRequire(import.meta.url);
const { areTagsExpired } = require("next/dist/server/lib/incremental-cache/tags-manifest.external.js") as {
  areTagsExpired: (tags: string[], timestamp: number) => boolean;
};


let t: TestDatabase;
let handler: (typeof import("@/lib/cache/edition-cache-handler.mjs"))["default"];
const perfNow = () => performance.timeOrigin + performance.now();

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  handler = (await import("@/lib/cache/edition-cache-handler.mjs")).default;
  // The first refresh opens the log and starts at its newest row.
  await handler.refreshTags();
});
afterAll(() => t.cleanup());

function writeEvent(tags: string[]) {
  const row = cacheTagEvent(tags);
  t.db().prepare("INSERT INTO CacheTagEvent (tags, durations, at) VALUES (?, ?, ?)").run(row.tags, row.durations, new Date().toISOString());
}

describe("edition cache handler", () => {
  it("should expire another process's tags for the read right after the refresh", async () => {
    for (let i = 0; i < 50; i++) {
      const tag = `issue:2026-04-${String((i % 28) + 1).padStart(2, "0")}-${i}`;
      const made = perfNow() - 5; // an entry cached a little before the change
      writeEvent([tag, "issues"]);
      await handler.refreshTags();
      expect(areTagsExpired([tag], made)).toBe(true);
    }
  });

  it("should not expire entries of tags nobody changed, nor apply an event twice", async () => {
    const made = perfNow() - 5;
    await handler.refreshTags();
    expect(areTagsExpired(["issue:1999-01-01"], made)).toBe(false);
    // An entry made after the refresh stays fresh until the next change.
    const later = perfNow() + 1;
    await handler.refreshTags();
    expect(areTagsExpired(["issues"], later)).toBe(false);
  });

  it("should write this process's revalidations for the others", async () => {
    const before = t.db().prepare("SELECT count(*) FROM CacheTagEvent").pluck().get() as number;
    await handler.updateTags(["article:20260408-01-01"], { expire: 0 });
    const last = t.db().prepare("SELECT tags, durations FROM CacheTagEvent ORDER BY id DESC LIMIT 1").get() as { tags: string; durations: string };
    expect(t.db().prepare("SELECT count(*) FROM CacheTagEvent").pluck().get()).toBe(before + 1);
    expect(JSON.parse(last.tags)).toEqual(["article:20260408-01-01"]);
    expect(JSON.parse(last.durations)).toEqual({ expire: 0 });
  });
});
