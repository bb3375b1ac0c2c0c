import fc from "fast-check";
import qrcode from "qrcode-generator";
import { describe, expect, it } from "vitest";
import { QR_QUIET_ZONE, qrPath } from "@/lib/site/qr";

/** The modules a path paints, read back from its commands (the inverse of qrPath's drawing). */
function paint(size: number, d: string): boolean[][] {
  const grid = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  let x = 0;
  let y = 0;
  for (const [, cmd, a, b] of d.matchAll(/([Mmh])([\d.]+)(?: ([\d.]+))?/g)) {
    if (cmd === "M") [x, y] = [Number(a), Number(b)];
    else if (cmd === "m") x += Number(a);
    else {
      // A stroke one module wide along the row's middle covers [x, x+len) of row y - 0.5.
      expect(Number.isInteger(y - 0.5)).toBe(true);
      for (let i = 0; i < Number(a); i++) {
        const row = grid[y - 0.5]!;
        expect(row[x + i], `painted twice at ${x + i},${y}`).toBe(false);
        row[x + i] = true;
      }
      x += Number(a);
    }
  }
  return grid;
}

const URL_ = "https://epaper.lcxw.cn/articles/20260408-01-01";

describe("qrPath", () => {
  it("should paint exactly the library's dark modules, inside the quiet zone", () => {
    const { size, d } = qrPath(URL_);
    const qr = qrcode(0, "M");
    qr.addData(URL_, "Byte");
    qr.make();
    const n = qr.getModuleCount();
    expect(size).toBe(n + 2 * QR_QUIET_ZONE);
    const grid = paint(size, d);
    for (let r = 0; r < size; r++)
      for (let c = 0; c < size; c++) {
        const inside = r >= QR_QUIET_ZONE && c >= QR_QUIET_ZONE && r < size - QR_QUIET_ZONE && c < size - QR_QUIET_ZONE;
        expect(grid[r]![c], `${r},${c}`).toBe(inside && qr.isDark(r - QR_QUIET_ZONE, c - QR_QUIET_ZONE));
      }
  });

  it("should draw the three finder patterns where scanners look for them", () => {
    const { size, d } = qrPath(URL_);
    const grid = paint(size, d);
    const n = size - 2 * QR_QUIET_ZONE;
    for (const [r0, c0] of [[0, 0], [0, n - 7], [n - 7, 0]] as const) {
      for (let r = 0; r < 7; r++)
        for (let c = 0; c < 7; c++) {
          // Dark ring, light ring, dark 3×3 centre.
          const ring = Math.max(Math.abs(r - 3), Math.abs(c - 3));
          expect(grid[QR_QUIET_ZONE + r0 + r]![QR_QUIET_ZONE + c0 + c]).toBe(ring !== 2);
        }
    }
  });

  it("should keep an article's address small: a version 4 symbol (33 modules) in under two kilobytes of path", () => {
    const { size, d } = qrPath(URL_);
    expect(size).toBe(33 + 2 * QR_QUIET_ZONE);
    expect(d.length).toBeLessThan(2000);
  });

  it("should encode non-ASCII text as UTF-8 (three bytes a Chinese character), so it takes a larger symbol than its length in characters", () => {
    // 30 characters: Latin fits version 3-M (up to 42 bytes), Chinese is 90 bytes: version 6-M (up to 106).
    expect(qrPath("a".repeat(30)).size).toBe(29 + 2 * QR_QUIET_ZONE);
    expect(qrPath("聊".repeat(30)).size).toBe(41 + 2 * QR_QUIET_ZONE);
  });

  it("should never throw for an address-length text and paint only inside the symbol", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: "grapheme" }), (text) => {
        const { size, d } = qrPath(text);
        expect(d).toMatch(/^(M\d+ \d+\.5h\d+(m\d+ 0h\d+)*)+$/);
        const grid = paint(size, d);
        expect(grid.slice(0, QR_QUIET_ZONE).flat().some(Boolean)).toBe(false);
        expect(grid.map((row) => row.slice(0, QR_QUIET_ZONE)).flat().some(Boolean)).toBe(false);
      }),
      { numRuns: 50 },
    );
  });
});
