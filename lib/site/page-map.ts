/**
 * Lays out a page's articles as a newspaper page for the page map (版面图): the first article
 * (the page's lead) across the top, the rest in columns, in reading order, each block's area
 * proportional to its length. Pure geometry, in a 1000 × 1414 viewBox (A-series proportion).
 */
export const MAP_WIDTH = 1000;
export const MAP_HEIGHT = 1414;
const MASTHEAD = 90;
const GAP = 12;

export interface MapItem {
  id: string;
  title: string;
  charCount: number;
}

export interface MapBlock extends MapItem {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function layoutPageMap(items: MapItem[]): MapBlock[] {
  if (items.length === 0) return [];
  const top = MASTHEAD + GAP;
  const usable = MAP_HEIGHT - top - GAP;
  const weight = (c: number) => Math.max(c, 300); // very short items still get a readable block
  const total = items.reduce((s, a) => s + weight(a.charCount), 0);
  const blocks: MapBlock[] = [];
  const [lead, ...rest] = items as [MapItem, ...MapItem[]];
  if (rest.length === 0) {
    return [{ ...lead, x: GAP, y: top, width: MAP_WIDTH - 2 * GAP, height: usable }];
  }
  const leadHeight = Math.min(0.4, Math.max(0.16, weight(lead.charCount) / total)) * usable;
  blocks.push({ ...lead, x: GAP, y: top, width: MAP_WIDTH - 2 * GAP, height: leadHeight - GAP });

  const cols = rest.length <= 2 ? rest.length : 3;
  const colWidth = (MAP_WIDTH - GAP * (cols + 1)) / cols;
  const restTop = top + leadHeight;
  const restHeight = usable - leadHeight;
  const restTotal = rest.reduce((s, a) => s + weight(a.charCount), 0);
  const perCol = restTotal / cols;
  // Fill columns in reading order: move on when a column is full enough.
  const columns: MapItem[][] = Array.from({ length: cols }, () => []);
  let c = 0;
  let filled = 0;
  rest.forEach((a, i) => {
    const remainingItems = rest.length - i;
    const remainingCols = cols - c - 1;
    if (columns[c]!.length > 0 && c < cols - 1 && (filled + weight(a.charCount) / 2 > perCol || remainingItems <= remainingCols)) {
      c++;
      filled = 0;
    }
    columns[c]!.push(a);
    filled += weight(a.charCount);
  });
  columns.forEach((col, ci) => {
    const sum = col.reduce((s, a) => s + weight(a.charCount), 0);
    let y = restTop;
    for (const a of col) {
      const h = (weight(a.charCount) / sum) * restHeight;
      blocks.push({ ...a, x: GAP + ci * (colWidth + GAP), y, width: colWidth, height: h - GAP });
      y += h;
    }
  });
  return blocks;
}

// Characters a Chinese line may not start with (closing quotes and punctuation).
const NO_LINE_START = /^[\u201d\u2019\u300d\u300f\uff09\u3009\u300b\u3011\uff0c\u3002\u3001\uff1b\uff1a\uff01\uff1f,.;:!?)]/u;

/**
 * Breaks a title into lines of about `perLine` characters for SVG text (which does not wrap):
 * runs of Latin letters and digits ("2026", "PDF") stay whole, closing punctuation stays on the
 * line before, and a title cut short ends with "…".
 */
export function wrapTitle(title: string, perLine: number, maxLines: number): string[] {
  const units = title.match(/[A-Za-z0-9.%+\-]+|./gsu) ?? [];
  const lines: string[] = [];
  let line = "";
  const len = (t: string) => [...t].length;
  for (const u of units) {
    if (line && len(line) + len(u) > perLine && !NO_LINE_START.test(u)) {
      lines.push(line);
      line = "";
    }
    // A Latin run longer than a whole line is cut.
    line += len(u) > perLine ? [...u].slice(0, perLine).join("") : u;
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = [...kept[maxLines - 1]!].slice(0, -1).join("") + "…";
  return kept;
}
