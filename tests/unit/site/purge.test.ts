/**
 * The purge hook (lib/site/purge.ts, lib/site/purge-runner.ts): each change's stale addresses,
 * sent in order, a failed send retried before anything newer.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cacheTagEvent, tagsToRevalidate } from "@/lib/edition/cache-tags";
import { purgeList, readerCacheControl } from "@/lib/site/purge";
import { createTestDatabase, type TestDatabase } from "../support/db-fixture";

describe("purgeList", () => {
  it("should name an issue's documents and the cross-issue prefixes for a publish", () => {
    const list = purgeList(tagsToRevalidate({ dates: ["2026-04-08"] }), [{ date: "2026-04-08", pages: [1, 2], articles: ["20260408-01-01", "20260408-02-01"] }]);
    expect(list.urls).toEqual(
      ["/", "/api/articles/20260408-01-01", "/api/articles/20260408-02-01", "/api/issues/2026-04-08", "/articles/20260408-01-01", "/articles/20260408-02-01", "/issues/2026-04-08", "/issues/2026-04-08/1", "/issues/2026-04-08/2"].sort(),
    );
    expect(list.prefixes).toContain("/search");
    expect(list.prefixes).toContain("/feed.xml");
  });

  it("should name only an article for its own tag, and everything for the reader tag", () => {
    expect(purgeList(["article:20260408-01-03"], [])).toEqual({ urls: ["/api/articles/20260408-01-03", "/articles/20260408-01-03"], prefixes: [] });
    expect(purgeList(["reader"], [])).toEqual({ urls: [], prefixes: ["/"] });
  });

  it("should let shared caches keep documents only with a purge hook", () => {
    expect(readerCacheControl(false)).toBe("public, max-age=0, must-revalidate");
    expect(readerCacheControl(true)).toMatch(/s-maxage=\d+/);
  });
});

describe("purge runner", () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase();
    vi.stubEnv("DATABASE_URL", t.url);
    vi.resetModules();
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    t.cleanup();
  });

  const write = (tags: string[]) => {
    const row = cacheTagEvent(tags);
    t.db().prepare("INSERT INTO CacheTagEvent (tags, durations, at) VALUES (?, ?, ?)").run(row.tags, row.durations, new Date().toISOString());
  };

  it("should send each new change once, in order, and retry a failed one before later ones", async () => {
    const { createPurgeRunner } = await import("@/lib/site/purge-runner");
    write(["article:20260408-01-01"]); // before the runner started: not its business
    const sent: string[][] = [];
    let fail = false;
    const post = vi.fn(async (_url: string | URL | Request, init?: RequestInit) => {
      if (fail) return new Response("busy", { status: 503 });
      sent.push((JSON.parse(String(init?.body)) as { tags: string[] }).tags);
      return new Response(null, { status: 204 });
    }) as unknown as typeof fetch;
    const runner = createPurgeRunner("http://cdn.test/purge", post);
    expect(await runner.runOnce()).toBe(0);
    write(["article:20260408-01-02"]);
    write(["article:20260408-01-03"]);
    fail = true;
    await expect(runner.runOnce()).rejects.toThrow(/503/);
    fail = false;
    expect(await runner.runOnce()).toBe(2);
    expect(sent).toEqual([["article:20260408-01-02"], ["article:20260408-01-03"]]);
    expect(await runner.runOnce()).toBe(0);
  });
});
