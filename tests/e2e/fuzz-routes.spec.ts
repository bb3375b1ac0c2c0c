/**
 * Every reader route's parameters, generated (fast-check) against the production server: random
 * Unicode, valid and undecodable percent-encodings, NUL and controls, FTS5 syntax, very long
 * values, out-of-range numbers and dates. Each address must get an answer below 500 within the
 * request's time bound (a clear 4xx or a correct page), and none may change what is published.
 */
import fc from "fast-check";
import { expect, test } from "@playwright/test";

/** A path segment or a query value as a hostile client might send it (already percent-encoded where it must be). */
const value = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }).map(encodeURIComponent),
  fc.string({ unit: "grapheme", maxLength: 20 }).map(encodeURIComponent),
  fc.constantFrom(
    "%FF%FE",
    "%E8%81",
    "%",
    "%%",
    "%2",
    "%00",
    "%0A%0D",
    "..%2F..%2Fetc%2Fpasswd",
    "%C0%AF",
    "%ED%A0%80",
    encodeURIComponent('"聊城'),
    encodeURIComponent("NEAR(聊城 法院, 2)"),
    encodeURIComponent("title:聊城"),
    encodeURIComponent("聊城*"),
    encodeURIComponent("^法院 OR AND NOT"),
    encodeURIComponent("-法院"),
    encodeURIComponent("{}[]()<>"),
    encodeURIComponent("<img src=x onerror=alert(1)>"),
    "-1",
    "0",
    "1e9",
    "99999999999999999999",
    "NaN",
    "2026-02-30",
    "2026-13-01",
    "0000-00-00",
    "20260408-01-99",
    "20260408-00-01",
  ),
  fc.integer({ min: 1, max: 8 }).map((n) => encodeURIComponent("聊城法院".repeat(n * 50))),
);

const route = fc.oneof(
  value.map((v) => `/articles/${v}`),
  value.map((v) => `/api/articles/${v}`),
  value.map((v) => `/issues/${v}`),
  fc.tuple(fc.constantFrom("2026-04-08", "2025-12-27"), value).map(([d, v]) => `/issues/${d}/${v}`),
  value.map((v) => `/issues?month=${v}`),
  fc.tuple(value, value).map(([d, p]) => `/issues/go?date=${d}&page=${p}`),
  value.map((v) => `/departments/${v}`),
  fc.tuple(fc.constantFrom("departments", "categories"), value).map(([kind, v]) => `/${kind}?page=${v}`),
  value.map((v) => `/categories/${v}`),
  value.map((v) => `/people/${v}`),
  fc.tuple(value, value, value).map(([q, page, from]) => `/search?q=${q}&page=${page}&from=${from}`),
  fc.tuple(value, value).map(([q, sort]) => `/search?q=${q}&sort=${sort}&department=${q}`),
  fc.tuple(value, value).map(([q, size]) => `/api/search?q=${q}&pageSize=${size}`),
  value.map((v) => `/feed.xml?department=${v}`),
);

test("should answer every generated address below 500 and leave the edition unchanged", async ({ request }, info) => {
  test.skip(info.project.name !== "desktop", "one run of the addresses is enough");
  test.setTimeout(300_000);
  const before = await (await request.get("/api/issues")).text();
  const failures: string[] = [];
  const statuses = new Map<number, number>();
  const samples = fc.sample(route, { numRuns: 400, seed: 20261205 });
  for (const url of samples) {
    const res = await request.get(url, { maxRedirects: 0, timeout: 10_000 }).catch((err: Error) => err);
    if (res instanceof Error) failures.push(`${url.slice(0, 120)}: ${res.message.split("\n")[0]}`);
    else {
      statuses.set(res.status(), (statuses.get(res.status()) ?? 0) + 1);
      if (res.status() >= 500) failures.push(`${url.slice(0, 120)}: HTTP ${res.status()}`);
    }
  }
  expect(failures).toEqual([]);
  // The addresses reach real pages as well as refusals (not every one a 404 of the router).
  const seen = [...statuses.keys()];
  info.annotations.push({ type: "statuses", description: JSON.stringify(Object.fromEntries(statuses)) });
  expect(seen.some((s) => s === 200), JSON.stringify([...statuses])).toBe(true);
  expect(seen.some((s) => s === 400), JSON.stringify([...statuses])).toBe(true);
  expect(seen.some((s) => s === 404), JSON.stringify([...statuses])).toBe(true);
  expect(await (await request.get("/api/issues")).text()).toBe(before);
});
