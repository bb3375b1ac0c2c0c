/**
 * Random correction sessions on the real fixture pages, for property tests: a page and edits made
 * on it one after another, each built from the page as the edits before it left it, the way an
 * editor makes them (tests/unit/corrections/properties.test.ts, store.test.ts).
 */
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { anchorLine, applyEdits, lineRef, sourceLines, type Edit } from "@/lib/corrections";
import type { Line } from "@/lib/parser/lines";
import { decode, parsePage, type ParsedPage } from "@/lib/parser";

const DIRS = ["../../../fixtures/pages", "../../../fixtures/corrections"].map((d) => path.join(import.meta.dirname, d));
export const pages = DIRS.flatMap((dir) =>
  fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => ({ name: f, file: path.join(dir, f), text: decode(fs.readFileSync(path.join(dir, f))).text })),
);

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
export const session = fc
  .tuple(fc.integer({ min: 0, max: pages.length - 1 }), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat()), { minLength: 1, maxLength: 10 }))
  .map(([pi, choices]) => {
    const { name, text, file } = pages[pi] as (typeof pages)[number];
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
    return { name, file, text, parse, edits };
  });

