import { describe, expect, it, vi } from "vitest";
import { htmlResponse, serveHtml } from "@/lib/site/http";

const request = (headers: Record<string, string> = {}) => new Request("http://localhost/issues/2026-04-08?x=1", { headers });
const fallback = { notFound: async () => "<p>404</p>", failed: async (retry: string) => `<p>500 ${retry}</p>` };

describe("htmlResponse", () => {
  it("should answer HTML with a weak ETag of its text, and 304 when the browser already has it", async () => {
    const first = htmlResponse(request(), "<p>版面</p>");
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(first.headers.get("cache-control")).toBe("public, max-age=0, must-revalidate");
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^W\/"[0-9a-z]+-[0-9a-z]+"$/);
    expect(await first.text()).toBe("<p>版面</p>");

    const again = htmlResponse(request({ "if-none-match": etag }), "<p>版面</p>");
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expect(await again.text()).toBe("");
    // Another text, another tag: the browser gets the new page.
    expect(htmlResponse(request({ "if-none-match": etag }), "<p>版面2</p>").status).toBe(200);
  });

  it("should never answer 304 for an error status, so a 404 or 500 is not kept as if it were the page", () => {
    const etag = htmlResponse(request(), "x").headers.get("etag")!;
    expect(htmlResponse(request({ "if-none-match": etag }), "x", 404).status).toBe(404);
  });
});

describe("serveHtml", () => {
  it("should answer with the document and its status, or the 404 document when there is none", async () => {
    const ok = await serveHtml(request(), async () => ({ html: "<p>ok</p>", status: 400 }), fallback);
    expect([ok.status, await ok.text()]).toEqual([400, "<p>ok</p>"]);
    const missing = await serveHtml(request(), async () => null, fallback);
    expect([missing.status, await missing.text()]).toEqual([404, "<p>404</p>"]);
  });

  it("should log a failure and answer the failure document with the address to retry, never the error's details", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const res = await serveHtml(request(), async () => Promise.reject(new Error("SQLITE_BUSY")), fallback);
    expect([res.status, await res.text()]).toEqual([500, "<p>500 /issues/2026-04-08?x=1</p>"]);
    // A 404 document that fails to render is a failure too.
    const broken = await serveHtml(request(), async () => null, { ...fallback, notFound: async () => Promise.reject(new Error("x")) });
    expect(broken.status).toBe(500);
    expect(logged).toHaveBeenCalledTimes(2);
    expect(String(logged.mock.calls[0]![0])).toBe("GET /issues/2026-04-08 failed:");
    logged.mockRestore();
  });
});
