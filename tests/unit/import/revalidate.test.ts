import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { requestRevalidation } from "@/lib/import/revalidate";

let server: http.Server | undefined;
afterEach(() => server?.close());

function listen(handler: http.RequestListener): Promise<string> {
  server = http.createServer(handler);
  return new Promise((resolve) => server!.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server!.address() as AddressInfo).port}`)));
}

describe("requestRevalidation", () => {
  it("should POST the changed dates with the token", async () => {
    const seen: { method?: string; url?: string; token?: string; body: string }[] = [];
    const url = await listen((req, res) => {
      let body = "";
      req.on("data", (d: Buffer) => (body += d.toString()));
      req.on("end", () => {
        seen.push({ method: req.method, url: req.url, token: req.headers["x-revalidate-token"] as string, body });
        res.end("{}");
      });
    });
    expect(await requestRevalidation({ siteUrl: url, token: "s3cret", dates: ["2026-04-08"] })).toBe("sent");
    expect(seen).toEqual([{ method: "POST", url: "/api/revalidate", token: "s3cret", body: '{"dates":["2026-04-08"]}' }]);
  });

  it("should skip without a token or without changes, and never throw", async () => {
    expect(await requestRevalidation({ siteUrl: "http://127.0.0.1:9", token: undefined, dates: ["2026-04-08"] })).toBe("skipped");
    expect(await requestRevalidation({ siteUrl: "http://127.0.0.1:9", token: "x", dates: [] })).toBe("skipped");
    expect(await requestRevalidation({ siteUrl: "http://127.0.0.1:9", token: "x", dates: ["2026-04-08"] })).toBe("unreachable");
  });

  it("should give up on a server that does not answer within the timeout", async () => {
    const url = await listen(() => undefined);
    const started = Date.now();
    expect(await requestRevalidation({ siteUrl: url, token: "x", dates: ["2026-04-08"], timeoutMs: 200 })).toBe("unreachable");
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("should report a refusal (wrong token) without failing", async () => {
    const url = await listen((_req, res) => {
      res.statusCode = 401;
      res.end();
    });
    expect(await requestRevalidation({ siteUrl: url, token: "wrong", dates: ["2026-04-08"] })).toBe("refused");
  });
});
