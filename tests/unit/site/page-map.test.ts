import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  layoutPageMap,
  MAP_HEIGHT,
  MAP_WIDTH,
  MASTHEAD,
  type MapArticle,
  pickLead,
  prominenceScores,
  PROMINENCE_WEIGHTS,
  wrapTitle,
} from "@/lib/site/page-map";

const item = (i: number, charCount: number, more: Partial<MapArticle> = {}): MapArticle => ({ id: `a${i}`, title: `稿件${i}`, charCount, ...more });
const overlap = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width - 0.001 && b.x < a.x + a.width - 0.001 && a.y < b.y + b.height - 0.001 && b.y < a.y + a.height - 0.001;

describe("pickLead", () => {
  it("should find no lead on an empty page", () => {
    expect(pickLead([])).toBe(-1);
  });
  it("should give the banner to a long article with a subtitle printed last in the file (2025-12-27)", () => {
    // The sample issue's page: six short items, then the feature "打造法治山东实践“聊城样板”".
    const page = [614, 721, 622, 327, 356, 328].map((c, i) => item(i, c, { label: i % 2 ? null : "聊城市某局" }));
    page.push(item(6, 2034, { subtitle: "聊城行政争议预防化解工作走笔" }));
    expect(pickLead(page)).toBe(6);
  });
  it("should let headline decks outweigh a little more length", () => {
    const plain = item(0, 1000);
    const decked = item(1, 900, { kicker: "引题", subtitle: "副题" });
    expect(pickLead([plain, decked])).toBe(1);
    // Without its decks the same article loses to the longer one before it.
    expect(pickLead([plain, item(1, 900)])).toBe(0);
  });
  it("should count a kicker, a subtitle and a label by their weights", () => {
    const [bare, kicker, subtitle, label] = prominenceScores([
      item(0, 500),
      item(1, 500, { kicker: "k" }),
      item(2, 500, { subtitle: "s" }),
      item(3, 500, { label: "l" }),
    ]);
    const step = PROMINENCE_WEIGHTS.position / 3;
    expect(kicker! - (bare! - step)).toBeCloseTo(PROMINENCE_WEIGHTS.kicker);
    expect(subtitle! - (bare! - 2 * step)).toBeCloseTo(PROMINENCE_WEIGHTS.subtitle);
    expect(label! - (bare! - 3 * step)).toBeCloseTo(PROMINENCE_WEIGHTS.label);
  });
  it("should prefer the earlier of two equal articles", () => {
    expect(pickLead([item(0, 800), item(1, 800), item(2, 800)])).toBe(0);
    // Position is a weak cue: a clearly longer article later still wins.
    expect(pickLead([item(0, 800), item(1, 800), item(2, 1400)])).toBe(2);
  });
  it("should always pick one of the articles, the one with the most points", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ c: fc.nat(6000), k: fc.boolean(), s: fc.boolean(), l: fc.boolean() }), { minLength: 1, maxLength: 14 }), (specs) => {
        const page = specs.map((s, i) => item(i, s.c, { kicker: s.k ? "k" : null, subtitle: s.s ? "s" : null, label: s.l ? "l" : null }));
        const lead = pickLead(page);
        const scores = prominenceScores(page);
        expect(scores[lead]).toBe(Math.max(...scores));
      }),
    );
  });
});

describe("layoutPageMap", () => {
  it("should return nothing for an empty page", () => {
    expect(layoutPageMap([])).toEqual([]);
  });
  it("should give a lone article the whole page", () => {
    const [b] = layoutPageMap([item(1, 1000)]);
    expect(b?.width).toBeGreaterThan(MAP_WIDTH * 0.9);
    expect(b?.height).toBeGreaterThan((MAP_HEIGHT - MASTHEAD) * 0.9);
  });
  it("should put the most prominent article across the top, the others after it in the file's order", () => {
    const page = [item(0, 400), item(1, 500), item(2, 2000, { subtitle: "副题" }), item(3, 450)];
    const blocks = layoutPageMap(page);
    expect(blocks.map((b) => b.id)).toEqual(["a2", "a0", "a1", "a3"]);
    const [lead, ...rest] = blocks;
    expect(lead).toMatchObject({ lead: true, kind: "article", text: "稿件2" });
    expect(lead!.width).toBeGreaterThan(MAP_WIDTH * 0.9);
    for (const b of rest) expect(b.y).toBeGreaterThanOrEqual(lead!.y + lead!.height);
    expect(rest.every((b) => !b.lead)).toBe(true);
  });
  it("should put every edge on a whole unit and keep the gaps between neighbours equal", () => {
    const blocks = layoutPageMap([item(0, 2000, { captions: ["照片"] }), item(1, 713), item(2, 1234, { captions: ["说明"] }), item(3, 577), item(4, 901)], [{ id: "ad-1", lines: ["广告"] }]);
    for (const b of blocks) for (const v of [b.x, b.y, b.width, b.height]) expect(Number.isInteger(v), `${b.id}: ${v}`).toBe(true);
    // Blocks one above the other in a column stand the same distance apart.
    const gaps = new Set<number>();
    for (const a of blocks) for (const b of blocks) if (a !== b && a.x === b.x && b.y > a.y && !blocks.some((c) => c.x === a.x && c.y > a.y && c.y < b.y)) gaps.add(b.y - (a.y + a.height));
    expect([...gaps]).toHaveLength(1);
  });
  it("should use two or three columns below the lead", () => {
    const blocks = layoutPageMap([1, 2, 3, 4, 5, 6].map((i) => item(i, 800)));
    const xs = new Set(blocks.slice(1).map((b) => Math.round(b.x)));
    expect(xs.size).toBeGreaterThanOrEqual(2);
    expect(xs.size).toBeLessThanOrEqual(3);
  });
  it("should draw a longer article in a column as a taller block", () => {
    const blocks = layoutPageMap([item(0, 900), item(1, 3000), item(2, 320), item(3, 600), item(4, 600), item(5, 600), item(6, 600)]);
    const lead = blocks.find((b) => b.lead)!;
    const col = blocks.filter((b) => !b.lead && Math.round(b.x) === Math.round(blocks[1]!.x));
    expect(lead.id).toBe("a1");
    expect(col.map((b) => b.id)).toEqual(["a0", "a2"]);
    expect(col[0]!.height).toBeGreaterThan(col[1]!.height * 2);
  });
  it("should draw each caption as its own block under its article, and the lead's beside it", () => {
    const page = [item(0, 2000, { subtitle: "副题", captions: ["头条照片"] }), item(1, 600, { captions: ["法官叮嘱", "庭审现场"] }), item(2, 600)];
    const blocks = layoutPageMap(page);
    const lead = blocks.find((b) => b.id === "a0")!;
    const leadPhoto = blocks.find((b) => b.id === "a0-c1")!;
    expect(leadPhoto).toMatchObject({ kind: "caption", articleId: "a0", text: "头条照片", lead: false });
    expect(leadPhoto.x).toBeGreaterThanOrEqual(lead.x + lead.width);
    expect(leadPhoto.y).toBe(lead.y);
    const a1 = blocks.find((b) => b.id === "a1")!;
    const photos = blocks.filter((b) => b.articleId === "a1" && b.kind === "caption");
    expect(photos.map((b) => b.text)).toEqual(["法官叮嘱", "庭审现场"]);
    for (const p of photos) {
      expect(p.x).toBe(a1.x);
      expect(p.y).toBeGreaterThanOrEqual(a1.y + a1.height);
    }
    // Keyboard order: an article, then its photos.
    expect(blocks.map((b) => b.id)).toEqual(["a0", "a0-c1", "a1", "a1-c1", "a1-c2", "a2"]);
  });
  it("should draw ads as their own blocks in a strip at the foot of the page", () => {
    const blocks = layoutPageMap([item(0, 1200), item(1, 500)], [{ id: "ad-1", lines: ["聊城日报 公益广告", "深化移风易俗 倡树文明新风"] }]);
    const ad = blocks.at(-1)!;
    expect(ad).toMatchObject({ kind: "ad", articleId: null, text: "聊城日报 公益广告 深化移风易俗 倡树文明新风" });
    expect(ad.width).toBeGreaterThan(MAP_WIDTH * 0.9);
    for (const b of blocks.slice(0, -1)) expect(b.y + b.height).toBeLessThanOrEqual(ad.y);
    expect(ad.y + ad.height).toBeGreaterThan(MAP_HEIGHT - 30);
  });
  it("should let ads alone fill a page without articles", () => {
    const blocks = layoutPageMap([], [{ id: "ad-1", lines: ["广告"] }, { id: "ad-2", lines: ["广告"] }]);
    expect(blocks.map((b) => b.kind)).toEqual(["ad", "ad"]);
    expect(blocks[0]!.height).toBeGreaterThan((MAP_HEIGHT - MASTHEAD) * 0.9);
  });
  it("should keep every block inside the page, below the masthead, apart from the others, each once", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ c: fc.nat(6000), photos: fc.nat(2), s: fc.boolean() }), { maxLength: 14 }),
        fc.nat(4),
        (specs, adCount) => {
          const page = specs.map((s, i) => item(i, s.c, { subtitle: s.s ? "s" : null, captions: Array.from({ length: s.photos }, (_, k) => `说明${k}`) }));
          const ads = Array.from({ length: adCount }, (_, i) => ({ id: `ad-${i}`, lines: ["公益广告"] }));
          const blocks = layoutPageMap(page, ads);
          expect(blocks).toHaveLength(page.length + specs.reduce((s, x) => s + x.photos, 0) + adCount);
          expect(new Set(blocks.map((b) => b.id)).size).toBe(blocks.length);
          expect(blocks.filter((b) => b.lead)).toHaveLength(page.length ? 1 : 0);
          for (const b of blocks) {
            expect(b.x).toBeGreaterThanOrEqual(0);
            expect(b.y).toBeGreaterThanOrEqual(MASTHEAD);
            expect(b.x + b.width).toBeLessThanOrEqual(MAP_WIDTH + 0.001);
            expect(b.y + b.height).toBeLessThanOrEqual(MAP_HEIGHT + 0.001);
            expect(b.height).toBeGreaterThan(0);
            expect(b.width).toBeGreaterThan(0);
          }
          for (let i = 0; i < blocks.length; i++) for (let j = i + 1; j < blocks.length; j++) expect(overlap(blocks[i]!, blocks[j]!)).toBe(false);
          // Articles other than the lead come in the file's order.
          const order = blocks.filter((b) => b.kind === "article" && !b.lead).map((b) => Number(b.id.slice(1)));
          expect(order).toEqual([...order].sort((a, b) => a - b));
        },
      ),
    );
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
