/**
 * Malformed addresses never answer 500. Two halves: (1) what Next cannot even route (a segment
 * whose percent-encoding does not decode) is caught in front of routing, by lib/site/bad-address.ts
 * behind the proxy matcher compiled here with Next's own matcher code; (2) every dynamic reader and
 * API route, called as Next calls it with hostile segment text, answers 4xx, never 5xx.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { importEdition, readInputs } from "@/lib/import";
import { badAddressResponse, findUndecodableSegment } from "@/lib/site/bad-address";
import { createTestDatabase, type TestDatabase } from "../support/db-fixture";

vi.mock("next/cache", () => ({ cacheLife: () => undefined, cacheTag: () => undefined }));

const require = createRequire(import.meta.url);

/** The proxy matcher lib/site/bad-address.ts asks proxy.ts to use, compiled the way Next compiles it. */
function proxyMatcher(): (pathname: string) => boolean {
  const { getMiddlewareMatchers } = require("next/dist/build/analysis/get-page-static-info") as {
    getMiddlewareMatchers: (m: string[], config: object) => unknown[];
  };
  const { getMiddlewareRouteMatcher } = require("next/dist/shared/lib/router/utils/middleware-route-matcher") as {
    getMiddlewareRouteMatcher: (m: unknown[]) => (p: string, req: object, q: object) => boolean;
  };
  const match = getMiddlewareRouteMatcher(getMiddlewareMatchers(["/editor/:path*", "/(.*%.*)"], {}));
  return (p) => match(p, { headers: {} }, {});
}

describe("findUndecodableSegment", () => {
  it("should name the segment that decodeURIComponent cannot decode", () => {
    expect(findUndecodableSegment("/articles/%FF%FE")).toBe("%FF%FE");
    expect(findUndecodableSegment("/people/%E5%BC")).toBe("%E5%BC"); // 张 cut short
    expect(findUndecodableSegment("/departments/100%")).toBe("100%");
    expect(findUndecodableSegment("/issues/%zz/1")).toBe("%zz");
    expect(findUndecodableSegment("/api/articles/%C0%AF")).toBe("%C0%AF"); // overlong "/"
    expect(findUndecodableSegment("/articles/%ED%A0%80")).toBe("%ED%A0%80"); // a UTF-16 surrogate
  });

  it("should pass well-formed addresses, encoded Chinese included", () => {
    for (const p of ["/", "/articles/20260408-01-01", `/people/${encodeURIComponent("张三")}`, "/departments/%25", "/search"]) {
      expect(findUndecodableSegment(p), p).toBeNull();
    }
  });

  it("should agree with decodeURIComponent on every segment of any path", () => {
    const segment = fc.stringMatching(/^(?:%[0-9A-Fa-f]{0,2}|[a-z0-9%-]){0,12}$/);
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 4 }), (segments) => {
        const p = `/${segments.join("/")}`;
        const decodable = segments.every((s) => {
          try {
            decodeURIComponent(s);
            return true;
          } catch {
            return false;
          }
        });
        expect(findUndecodableSegment(p) === null).toBe(decodable);
      }),
    );
    fc.assert(fc.property(fc.string({ unit: "grapheme" }), (s) => findUndecodableSegment(`/people/${encodeURIComponent(s)}`) === null));
  });
});

describe("badAddressResponse", () => {
  it("should answer the JSON API with a 400 that names the segment, and leave pages to the site's 404 document", async () => {
    const api = badAddressResponse("/api/articles/%FF%FE");
    expect(api).toBeInstanceOf(Response);
    const res = api as Response;
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toContain("%FF%FE");
    expect(badAddressResponse("/articles/%FF%FE")).toBe("document");
    expect(badAddressResponse("/articles/20260408-01-01")).toBeNull();
    expect(badAddressResponse(`/people/${encodeURIComponent("张三")}`)).toBeNull();
  });

  it("should be reached, through the proxy matcher, by every path holding a % and by no other reader path", () => {
    const matches = proxyMatcher();
    for (const p of ["/articles/%FF%FE", "/people/%E5%BC", "/%", "/issues/%zz/1", "/api/issues/%FF", "/editor", "/editor/issues/2026-04-08"]) {
      expect(matches(p), p).toBe(true);
    }
    for (const p of ["/", "/articles/20260408-01-01", "/issues/2026-04-08/1", "/search", "/feed.xml", "/api/search"]) {
      expect(matches(p), p).toBe(false);
    }
  });
});

/** Every route handler under app/ (the desk's aside) whose path has a dynamic segment. */
function dynamicRoutes(): { file: string; params: string[] }[] {
  const out: { file: string; params: string[] }[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory() && full === path.resolve("app/editor")) continue;
      if (e.isDirectory()) walk(full);
      else if (/^route\.tsx?$/.test(e.name)) {
        const params = path
          .relative("app", dir)
          .split(path.sep)
          .filter((s) => s.startsWith("["))
          .map((s) => s.slice(1, -1));
        if (params.length) out.push({ file: full, params });
      }
    }
  };
  walk(path.resolve("app"));
  return out;
}

/**
 * What a segment can arrive as once Next has decoded it (or, for the undecodable ones the proxy
 * catches, as literal text): each must get a 4xx, never a 5xx or a thrown error.
 */
const HOSTILE = ["%FF%FE", "%", "%E5%BC", "\u0000", "\ud800", "..", "__proto__", "constructor", "toString", " ", "x".repeat(10_000), "2026-02-30", "20260408-01-01'--", "<script>", "张".repeat(65)];

describe("dynamic routes given hostile segments", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    importEdition(t.db(), readInputs(["data/sample"]), { publish: true });
    process.env.DATABASE_URL = t.url;
  });
  afterAll(async () => {
    const { db } = await import("@/lib/db/client");
    await db.$disconnect();
    t.cleanup();
  });

  it("should find the reader's dynamic routes and the JSON API's", () => {
    const files = dynamicRoutes().map((r) => path.relative(process.cwd(), r.file));
    for (const f of ["app/articles/[id]/route.tsx", "app/issues/[date]/route.tsx", "app/issues/[date]/[page]/route.tsx", "app/people/[name]/route.tsx", "app/api/articles/[id]/route.ts", "app/api/issues/[date]/route.ts"]) {
      expect(files).toContain(f);
    }
  });

  it("should answer 4xx for every hostile value of every segment, with the site's 404 page for reader pages", async () => {
    const failures: string[] = [];
    for (const route of dynamicRoutes()) {
      const mod = (await import(/* @vite-ignore */ route.file)) as {
        GET: (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
      };
      for (const value of HOSTILE) {
        for (const param of route.params) {
          const params = Object.fromEntries(route.params.map((p) => [p, p === param ? value : p === "date" ? "2026-04-08" : p === "page" ? "1" : "x"]));
          const label = `${path.relative(process.cwd(), route.file)} ${param}=${JSON.stringify(value.slice(0, 20))}`;
          let res: Response;
          try {
            res = await mod.GET(new Request("http://localhost:3000/x?page=1"), { params: Promise.resolve(params) });
          } catch (err) {
            failures.push(`${label}: threw ${(err as Error).message}`);
            continue;
          }
          if (res.status < 400 || res.status >= 500) {
            // A moved article may redirect; nothing else may succeed or fail on the server's side.
            if (!(res.status === 301 && route.file.endsWith("articles/[id]/route.tsx"))) failures.push(`${label}: ${res.status}`);
          } else if (res.headers.get("content-type")?.startsWith("text/html")) {
            const body = await res.text();
            if (!body.includes("找不到这一页")) failures.push(`${label}: ${res.status} without the 404 document`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  }, 60_000);

  it("should answer 404 for a list page past the last one, and 200 for the last", async () => {
    const db = t.db();
    const person = db.prepare("SELECT p.name FROM Person p JOIN ArticleByline b ON b.personId = p.id LIMIT 1").pluck().get() as string;
    const department = db.prepare("SELECT d.slug FROM Department d JOIN ArticleDepartment ad ON ad.departmentId = d.id LIMIT 1").pluck().get() as string;
    const cases: [string, Record<string, string>, string][] = [
      ["app/people/[name]/route.tsx", { name: encodeURIComponent(person) }, ""],
      ["app/departments/[slug]/route.tsx", { slug: encodeURIComponent(department) }, ""],
      ["app/categories/[slug]/route.tsx", { slug: "courts" }, ""],
      ["app/search/route.tsx", {}, `q=${encodeURIComponent("聊城")}&`],
    ];
    for (const [file, params, query] of cases) {
      const mod = (await import(/* @vite-ignore */ path.resolve(file))) as {
        GET: (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
      };
      const get = (page: number) => mod.GET(new Request(`http://localhost:3000/x?${query}page=${page}`), { params: Promise.resolve(params) });
      expect((await get(1)).status, `${file} page 1`).toBe(200);
      // Search refuses pages past its own bound (400) before counting; 90 is within it.
      const past = await get(90);
      expect(past.status, `${file} page 90`).toBe(404);
      if (file === "app/search/route.tsx") expect(await past.text()).toContain("没有第 90 页");
    }
  });
});
