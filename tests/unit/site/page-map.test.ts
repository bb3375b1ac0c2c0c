import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { layoutPageMap, MAP_HEIGHT, MAP_WIDTH, wrapTitle } from "@/lib/site/page-map";

const item = (i: number, charCount: number) => ({ id: `a${i}`, title: `稿件${i}`, charCount });

describe("layoutPageMap", () => {
  it("should return nothing for an empty page", () => {
    expect(layoutPageMap([])).toEqual([]);
  });
  it("should give a lone article the whole page", () => {
    const [b] = layoutPageMap([item(1, 1000)]);
    expect(b?.width).toBeGreaterThan(MAP_WIDTH * 0.9);
  });
  it("should keep every block inside the page, in reading order, with area growing with length", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6000 }), { minLength: 1, maxLength: 14 }), (counts) => {
        const items = counts.map((c, i) => item(i, c));
        const blocks = layoutPageMap(items);
        expect(blocks.map((b) => b.id)).toEqual(items.map((a) => a.id));
        for (const b of blocks) {
          expect(b.x).toBeGreaterThanOrEqual(0);
          expect(b.y).toBeGreaterThanOrEqual(0);
          expect(b.x + b.width).toBeLessThanOrEqual(MAP_WIDTH + 0.001);
          expect(b.y + b.height).toBeLessThanOrEqual(MAP_HEIGHT + 0.001);
          expect(b.height).toBeGreaterThan(0);
        }
      }),
    );
  });
  it("should use two or three columns below the lead", () => {
    const blocks = layoutPageMap([1, 2, 3, 4, 5, 6].map((i) => item(i, 800)));
    const xs = new Set(blocks.slice(1).map((b) => Math.round(b.x)));
    expect(xs.size).toBeGreaterThanOrEqual(2);
    expect(xs.size).toBeLessThanOrEqual(3);
  });
  it("should draw a longer article in a column as a taller block", () => {
    const blocks = layoutPageMap([item(0, 1000), item(1, 3000), item(2, 600), item(3, 600), item(4, 600)]);
    const sameCol = blocks.slice(1).filter((b) => Math.round(b.x) === Math.round(blocks[1]!.x));
    if (sameCol.length > 1) expect(sameCol[0]!.height).toBeGreaterThan(sameCol[1]!.height);
  });
});

describe("wrapTitle", () => {
  it("should wrap by characters and end a cut title with an ellipsis", () => {
    expect(wrapTitle("一二三四五六七", 3, 5)).toEqual(["一二三", "四五六", "七"]);
    expect(wrapTitle("一二三四五六七", 3, 2)).toEqual(["一二三", "四五…"]);
  });
  it("should keep runs of digits whole and closing punctuation on the line before", () => {
    expect(wrapTitle("聊城仲裁委部署2026年服务新举措", 8, 4)).toEqual(["聊城仲裁委部署", "2026年服务新", "举措"]);
    expect(wrapTitle("聊城首期“你点我检”完成", 5, 4)).toEqual(["聊城首期“", "你点我检”", "完成"]);
  });
});
