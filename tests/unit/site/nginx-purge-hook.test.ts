/**
 * scripts/nginx-purge-hook.mjs over a hand-made nginx cache directory: files laid out as nginx
 * writes them (levels of subdirectories, a binary header, then "KEY: …"). The browser test
 * (tests/e2e/nginx.spec.ts) runs it against a real nginx.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cacheKeyOf, createPurgeHook, purge } from "../../../scripts/nginx-purge-hook.mjs";

let dir: string;
const KEYS = ["/", "/articles/20260408-01-01", "/articles/20260408-01-01?hl=%E6%B3%95%E9%99%A2", "/articles/20260408-01-02", "/issues", "/issues?month=2026-04", "/people/张三", "/search?q=法院"];

function write(key: string, i: number): string {
  const sub = path.join(dir, String(i % 3), String(i));
  fs.mkdirSync(sub, { recursive: true });
  const file = path.join(sub, `entry${i}`);
  // A binary header with a newline in it, as nginx's has, before the key line.
  fs.writeFileSync(file, Buffer.concat([Buffer.from([5, 0, 10, 0, 255, 10, 1]), Buffer.from(`\nKEY: ${key}\nHTTP/1.1 200 OK\r\n\r\n<html>`)]));
  return file;
}

function left(): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) e.isDirectory() ? walk(path.join(d, e.name)) : out.push(cacheKeyOf(path.join(d, e.name))!);
  };
  walk(dir);
  return out.filter((k) => k !== null).sort();
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "epaper-nginx-cache-"));
  KEYS.forEach(write);
  // nginx's temporary files have no key yet.
  fs.writeFileSync(path.join(dir, "0000000001"), "partial");
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("nginx purge hook", () => {
  it("should read the key nginx wrote", () => {
    expect(cacheKeyOf(write("/issues/2026-04-08", 99))).toBe("/issues/2026-04-08");
    expect(cacheKeyOf(path.join(dir, "0000000001"))).toBeNull();
    expect(cacheKeyOf(path.join(dir, "missing"))).toBeNull();
  });

  it("should purge an address with every query string of it, and nothing else", () => {
    expect(purge(dir, { urls: ["/articles/20260408-01-01"], prefixes: [] })).toBe(2);
    expect(left()).toEqual([...KEYS].filter((k) => !k.startsWith("/articles/20260408-01-01")).sort());
  });

  it("should purge by prefix, matching decoded keys with encoded prefixes", () => {
    expect(purge(dir, { urls: ["/"], prefixes: ["/issues", `/people/${encodeURIComponent("张")}`] })).toBe(4);
    expect(left()).toEqual(["/articles/20260408-01-01", "/articles/20260408-01-01?hl=%E6%B3%95%E9%99%A2", "/articles/20260408-01-02", "/search?q=法院"]);
    expect(purge(dir, { urls: [], prefixes: ["/"] })).toBe(4);
    expect(left()).toEqual([]);
  });

  it("should answer a POST with what it purged, and refuse anything else clearly", async () => {
    const server = createPurgeHook(dir);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      const ok = await fetch(base, { method: "POST", body: JSON.stringify({ urls: ["/issues"], prefixes: [], tags: ["issues"] }) });
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({ purged: 2 });
      const bad = await fetch(base, { method: "POST", body: JSON.stringify({ urls: "/issues" }) });
      expect(bad.status).toBe(400);
      expect((await bad.json()).error).toMatch(/urls must be an array of paths/);
      expect((await fetch(base, { method: "POST", body: "{" })).status).toBe(400);
      expect((await fetch(base)).status).toBe(405);
      expect(left()).toHaveLength(KEYS.length - 2);
    } finally {
      server.close();
    }
  });
});
