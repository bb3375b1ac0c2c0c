/**
 * The highlighter's shortcuts must not change what it finds (lib/search/highlight.ts): matches
 * looked up with indexOf agree with splitting the whole text into units, and the snippet's window
 * is the one a check of every window against every match would choose.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findMatches, makeSnippet, renderMarked, SNIPPET_CHARS } from "@/lib/search/highlight";
import { parseQuery, type QueryTerm } from "@/lib/search/query-parser";
import { toUnits } from "@/lib/search/tokenize";

// Few distinct characters, so that queries match often; with separators, line breaks, Latin words,
// full-width forms, characters that fold into Chinese ones (U+F900 → 豈 U+8C48, ㊀ → 一) and one
// outside the BMP.
const PIECES = ["法", "院", "一", "聊", "城", "市", "税", "务", "，", "。", " ", "\n", "PPT", "ppt", "2026", "２０２６", "年", "\uf900", "\u3280", "“", "”", "、", "\u{20000}"];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 120 }).map((xs) => xs.join(""));
const query = fc.array(fc.constantFrom(...PIECES.filter((p) => p.trim() && !"，。、“”".includes(p))), { minLength: 1, maxLength: 4 }).map((xs) => xs.join(""));
const queries = fc.array(query, { minLength: 1, maxLength: 3 }).map((qs) => qs.join(" "));

/** The snippet as computed before the window search was made linear: every window, every match. */
function referenceSnippet(s: string, terms: readonly QueryTerm[], width = SNIPPET_CHARS): string {
  const matches = findMatches(s, terms, toUnits(s)).slice(0, 300);
  let start = 0;
  if (matches.length > 0) {
    let best = { start: 0, distinct: -1, count: -1 };
    for (const m of matches) {
      const from = Math.max(0, m.start - 20);
      const inside = matches.filter((x) => x.start >= from && x.end <= from + width);
      const distinct = new Set(inside.map((x) => x.term)).size;
      if (distinct > best.distinct || (distinct === best.distinct && inside.length > best.count)) best = { start: from, distinct, count: inside.length };
    }
    start = best.start;
    const first = matches.find((m) => m.start >= start)!.start;
    const boundary = Math.max(s.lastIndexOf("。", first - 1), s.lastIndexOf("\n", first - 1));
    if (boundary >= start) start = boundary + 1;
  }
  const end = Math.min(s.length, start + width);
  const body = renderMarked(s, matches, start, end, true).trim();
  return `${start > 0 && s[start - 1] !== "\n" ? "…" : ""}${body}${end < s.length ? "…" : ""}`;
}

describe("findMatches", () => {
  it("should find the same matches with indexOf as by splitting the whole text", () => {
    fc.assert(
      fc.property(text, queries, (s, q) => {
        const { terms } = parseQuery(q);
        expect(findMatches(s, terms)).toEqual(findMatches(s, terms, toUnits(s)));
      }),
      { numRuns: 2000 },
    );
  });

  it("should find a query's characters where the text has their compatibility forms", () => {
    expect(findMatches("\uf900有此理", parseQuery("\u8c48").terms)).toEqual([{ start: 0, end: 1, term: 0 }]);
    expect(findMatches("第\u3280名", parseQuery("一").terms)).toEqual([{ start: 1, end: 2, term: 0 }]);
  });
});

describe("makeSnippet", () => {
  it("should choose the window a check of every window against every match chooses", () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 8 }), queries, fc.integer({ min: 10, max: 80 }), (parts, q, width) => {
        const s = parts.join("");
        const { terms } = parseQuery(q);
        expect(makeSnippet(s, terms, width)).toBe(referenceSnippet(s, terms, width));
      }),
      { numRuns: 1000 },
    );
  });
});

describe("toUnits from an offset", () => {
  it("should give the units of the whole text from there, runs related alike", () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.integer({ min: 1, max: 6 }), (s, pick, limit) => {
        const all = toUnits(s);
        if (all.length === 0) return;
        const k = pick % all.length;
        const part = toUnits(s, all[k]!.start, limit);
        const whole = all.slice(k, k + limit);
        expect(part.map((u) => [u.text, u.start, u.end])).toEqual(whole.map((u) => [u.text, u.start, u.end]));
        const sameRun = (us: typeof all) => us.slice(1).map((u, i) => u.run === us[i]!.run);
        expect(sameRun(part)).toEqual(sameRun(whole));
        expect(part.slice(1).map((u) => u.afterBreak)).toEqual(whole.slice(1).map((u) => u.afterBreak));
      }),
      { numRuns: 2000 },
    );
  });
});
