/**
 * Properties of `applyEdits` over random sequences of edits generated from the real fixture pages
 * (each edit built from the page as the edits before it left it, the way an editor makes them):
 * it never throws, it is deterministic, nothing is lost (every non-blank source line is claimed
 * exactly once), and the same log applied to a re-parse of the same text gives the same page.
 * A changed line makes every edit that names it stale, and still loses nothing.
 */
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anchorLine, applyEdits, lineRef, sourceLines, type Edit } from "@/lib/corrections";
import { rederivedForTest } from "@/lib/corrections/apply";
import type { Line } from "@/lib/parser/lines";
import { decode, parsePage, type ParsedPage } from "@/lib/parser";

const DIRS = ["../../fixtures/pages", "../../fixtures/corrections"].map((d) => path.join(import.meta.dirname, d));
const pages = DIRS.flatMap((dir) =>
  fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => ({ name: f, text: decode(fs.readFileSync(path.join(dir, f))).text })),
);

/** Every line number an element of the page claims, with repeats, sorted. */
function claimedLines(p: ParsedPage): number[] {
  return [
    ...p.headerLines,
    ...p.articles.flatMap((a) => [...a.headLines, ...a.blocks.flatMap((b) => b.sourceLines)]),
    ...p.ads.flatMap((a) => a.sourceLines),
    ...p.orphans.flatMap((o) => o.sourceLines),
  ].sort((a, b) => a - b);
}

/** The oracle, independent of the parser: numbers of lines with anything but white space. */
function nonBlankLines(text: string): number[] {
  return text
    .split(/\r\n|\r|\n/u)
    .map((l, i) => (l.replace(/^\s+|\s+$/gu, "") ? i + 1 : 0))
    .filter((n) => n > 0);
}

/** What must hold of any effective page, whatever the edits. */
function checkPage(text: string, p: ParsedPage): void {
  expect(claimedLines(p)).toEqual(nonBlankLines(text));
  const lines = sourceLines(text);
  for (const a of p.articles) {
    expect(a.title.length, "title").toBeGreaterThan(0);
    expect(a.headLines).toEqual([...a.headLines].sort((x, y) => x - y));
    expect(a.headLines.length + a.blocks.length).toBeGreaterThan(0);
    for (const b of a.blocks) {
      expect(b.sourceLines.length).toBeGreaterThan(0);
      // A block's text is its lines' text: a paragraph's run on, a subhead's or caption's keep their breaks.
      expect(b.text).toBe(b.sourceLines.map((n) => lines[n - 1]?.text).join(b.type === "paragraph" ? "" : "\n"));
    }
  }
  for (const o of p.orphans) expect(p.warnings.some((w) => (w.code === "orphan" || w.code === "unplaced") && w.lines.join() === o.sourceLines.join())).toBe(true);
  for (const w of p.warnings) expect(w.message).toMatch(/[\u4e00-\u9fff]/u);
}

const ROLES = ["paragraph", "subhead", "caption", "title", "kicker", "label", "ad", "header"] as const;
const CATEGORIES = ["public-service", "courts", "food-safety", "agriculture", "education", "economy", "other"] as const;
const OPS = ["set-article", "set-line", "split-block", "join-blocks", "move-block", "split-article", "merge-articles", "adopt-orphan", "review-warning"] as const;

type Choice = [op: number, a: number, b: number, c: number];

/** One edit an editor could make on page `p` now, picked by the random numbers; null if none fits. */
function editFor(p: ParsedPage, lines: readonly Line[], [op, a, b, c]: Choice): Edit | null {
  const ref = (no: number) => lineRef(lines, no);
  const refs = (nos: readonly number[]) => nos.map(ref);
  const pick = <T,>(xs: readonly T[], k: number): T | undefined => xs[k % Math.max(xs.length, 1)];
  const arts = p.articles;
  const artRef = (k: number) => {
    const x = pick(arts, k);
    const n = x ? anchorLine(x) : null;
    return n === null ? null : ref(n);
  };
  const blocks = arts.flatMap((x, i) => x.blocks.map((bl, j) => ({ bl, i, j })));
  switch (OPS[op % OPS.length]) {
    case "set-article": {
      const art = artRef(a);
      if (!art) return null;
      const sets = [
        { title: `更正后的标题${b % 7}` },
        { kicker: b % 2 ? null : `更正后的引题${b % 5}` },
        { label: c % 2 ? null : "东昌府区" },
        { subtitle: null },
        { bylines: [{ name: "张三", role: "reporter" as const }] },
        { category: pick(CATEGORIES, b) },
        { departments: ["聊城市市场监督管理局"] },
      ];
      return { op: "set-article", article: art, set: pick(sets, c) as Extract<Edit, { op: "set-article" }>["set"] };
    }
    case "set-line": {
      const nonBlank = lines.filter((l) => l.text !== "");
      const l = pick(nonBlank, a);
      if (!l) return null;
      const art = c % 3 === 0 ? artRef(b) : null;
      return { op: "set-line", line: ref(l.no), role: pick(ROLES, b) as (typeof ROLES)[number], ...(art ? { article: art } : {}) };
    }
    case "split-block": {
      const multi = blocks.filter((x) => x.bl.sourceLines.length > 1);
      const x = pick(multi, a);
      return x ? { op: "split-block", block: refs(x.bl.sourceLines) } : null;
    }
    case "join-blocks": {
      const x = pick(blocks, a);
      const same = blocks.filter((y) => x && y.i === x.i && y.j !== x.j);
      const y = pick(same, b);
      return x && y ? { op: "join-blocks", first: refs(x.bl.sourceLines), second: refs(y.bl.sourceLines) } : null;
    }
    case "move-block": {
      const x = pick(blocks, a);
      const to = artRef(b);
      if (!x || !to) return null;
      const target = arts[b % arts.length];
      const before = c % 2 && target?.blocks[c % target.blocks.length] ? refs(target.blocks[c % target.blocks.length]!.sourceLines) : undefined;
      return { op: "move-block", block: refs(x.bl.sourceLines), to, ...(before ? { before } : {}) };
    }
    case "split-article": {
      const x = pick(
        blocks.filter((y) => y.j > 0),
        a,
      );
      return x ? { op: "split-article", at: refs(x.bl.sourceLines), ...(b % 2 ? { title: "拆分后的新标题" } : {}) } : null;
    }
    case "merge-articles": {
      const into = artRef(a);
      const from = artRef(b);
      return into && from ? { op: "merge-articles", into, from } : null;
    }
    case "adopt-orphan": {
      const o = pick(p.orphans, a);
      if (!o) return null;
      const into = b % 2 ? artRef(c) : null;
      return {
        op: "adopt-orphan",
        orphan: refs(o.sourceLines),
        ...(into ? { into } : {}),
        as: pick(["paragraph", "subhead", "caption"] as const, c),
        ...(c % 3 === 0 ? { title: "孤立文字的新标题" } : {}),
      };
    }
    case "review-warning": {
      const w = pick(p.warnings, a);
      return w ? { op: "review-warning", code: w.code, lines: refs(w.lines) } : null;
    }
    default:
      return null;
  }
}

/** A fixture page and edits made on it one after another. */
const session = fc
  .tuple(fc.integer({ min: 0, max: pages.length - 1 }), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat()), { minLength: 1, maxLength: 10 }))
  .map(([pi, choices]) => {
    const { name, text } = pages[pi] as (typeof pages)[number];
    const parse = parsePage(text);
    const lines = sourceLines(text);
    const edits: Edit[] = [];
    let page = parse;
    for (const ch of choices) {
      const e = editFor(page, lines, ch as Choice);
      if (!e) continue;
      edits.push(e);
      page = applyEdits(parse, text, edits).page;
    }
    return { name, text, parse, edits };
  });

describe("corrections properties", () => {
  it("should read every unedited fixture article again exactly as the parser read it", () => {
    // So an edit changes only what it touches: an article's fields derived again after an edit
    // follow the parser's own rules, and a page with no effective edit is the parse itself.
    for (const { name, text } of pages) {
      const parse = parsePage(text);
      expect(rederivedForTest(parse, text), name).toEqual(parse);
      const reviews: Edit[] = parse.warnings.map((w) => ({ op: "review-warning", code: w.code, lines: w.lines.map((n) => lineRef(sourceLines(text), n)) }));
      const out = applyEdits(parse, text, reviews);
      expect(out.page, name).toEqual(parse);
      expect(out.outcomes.every((o) => o.status === "applied"), name).toBe(true);
    }
  });

  it("should never throw, lose nothing and report every edit", () => {
    fc.assert(
      fc.property(session, ({ text, parse, edits }) => {
        const out = applyEdits(parse, text, edits);
        expect(out.outcomes.map((o) => o.edit)).toEqual(edits);
        for (const o of out.outcomes) {
          if (o.status === "stale") expect(o.reason).toMatch(/[\u4e00-\u9fff]/u);
          expect(o.reason ?? "").not.toMatch(/出错|格式无效/u);
        }
        checkPage(text, out.page);
      }),
      { numRuns: 200 },
    );
  });

  it("should be deterministic and leave the parse untouched", () => {
    fc.assert(
      fc.property(session, ({ text, parse, edits }) => {
        const before = JSON.stringify(parse);
        const first = JSON.stringify(applyEdits(parse, text, edits));
        applyEdits(parsePage(pages[0]?.text ?? ""), pages[0]?.text ?? "", []); // other work between must not leak
        expect(JSON.stringify(applyEdits(parse, text, edits))).toBe(first);
        expect(JSON.stringify(parse)).toBe(before);
      }),
      { numRuns: 100 },
    );
  });

  it("should give the same page when the log is applied to a re-parse of the same text", () => {
    fc.assert(
      fc.property(session, ({ text, parse, edits }) => {
        const out = applyEdits(parse, text, edits);
        const again = applyEdits(parsePage(text), text, edits);
        expect(again.page).toEqual(out.page);
        expect(again.outcomes.map((o) => o.status)).toEqual(out.outcomes.map((o) => o.status));
      }),
      { numRuns: 100 },
    );
  });

  it("should mark every edit naming a changed line stale, and still lose nothing", () => {
    fc.assert(
      fc.property(session, fc.nat(), ({ text, edits }, k) => {
        const named = [...new Set(edits.flatMap((e) => JSON.stringify(e).match(/"line":\d+/gu) ?? []).map((s) => Number(s.slice(7))))];
        fc.pre(named.length > 0);
        const target = named[k % named.length] as number;
        // The file changed on that line (a re-import of edited bytes): its text is no longer the same.
        const ls = text.split(/\r\n|\r|\n/u);
        ls[target - 1] = `${ls[target - 1] ?? ""}改`;
        const changed = ls.join("\n");
        const out = applyEdits(parsePage(changed), changed, edits);
        out.outcomes.forEach((o) => {
          if (JSON.stringify(o.edit).includes(`"line":${target},`)) expect(o.status, JSON.stringify(o.edit)).toBe("stale");
        });
        checkPage(changed, out.page);
      }),
      { numRuns: 100 },
    );
  });
});
