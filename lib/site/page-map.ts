/**
 * The page map (版面示意图): a schematic of a page, drawn from what the text files tell — each
 * article's length and headline decks, the page's photo captions and ads — and not the printed
 * page, whose geometry the files do not carry. Pure geometry in a 1000 × 1414 viewBox (A-series
 * proportion): the most prominent article (`pickLead`) across the top as the banner, the others in
 * reading order in columns below it, each block's area growing with its length; a photo caption is
 * its own block beside or under its article, and the ads stand in a strip at the foot of the page
 * (the files say where an ad is in the text, not where it is on paper; the foot is where a page's
 * ads mostly stand).
 *
 * A real page image can come later: components/page-map.tsx takes an `underlay` (the image and
 * blocks measured on it) and then draws those blocks instead of this layout.
 */
export const MAP_WIDTH = 1000;
export const MAP_HEIGHT = 1414;
export const MASTHEAD = 90;
const GAP = 12;

/** An article as the map needs it, in the order of the file (reading order). */
export interface MapArticle {
  id: string;
  title: string;
  charCount: number;
  label?: string | null;
  kicker?: string | null;
  subtitle?: string | null;
  /** The photo captions (图片说明) printed with the article, in order: one picture block each. */
  captions?: string[];
}

/** A public-service ad (广告) on the page: its lines as printed. */
export interface MapAd {
  id: string;
  lines: string[];
}

export interface MapBlock {
  kind: "article" | "caption" | "ad";
  /** Unique on the page: the article's public id, `<article>-c<n>` for a caption, the ad's id. */
  id: string;
  /** The article a block belongs to (its own id, or the caption's article); null for an ad. */
  articleId: string | null;
  /** The title, the caption, or the ad's lines joined. */
  text: string;
  /** The banner: the page's most prominent article. */
  lead: boolean;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Points for what makes an article a page's lead (头条). The article with the most points takes
 * the banner; a tie goes to the one earlier in the file.
 */
export const PROMINENCE_WEIGHTS = {
  /** Times the article's length as a share of the page's longest: a lead runs longest. */
  length: 4,
  /** A kicker (引题) present: a headline of several decks is set for a lead. */
  kicker: 1.5,
  /** A subtitle (副题) present: the same. */
  subtitle: 1.5,
  /** A label (the department/place line) present: briefs carry one as often, so it weighs little. */
  label: 0.5,
  /** Times 1 for the first in the file down to 0 for the last: files mostly, not always, start with the lead. */
  position: 1,
} as const;

/** Each article's prominence points (PROMINENCE_WEIGHTS), in the order given. */
export function prominenceScores(articles: readonly MapArticle[]): number[] {
  const W = PROMINENCE_WEIGHTS;
  const longest = Math.max(1, ...articles.map((a) => a.charCount));
  const last = Math.max(1, articles.length - 1);
  return articles.map(
    (a, i) =>
      W.length * (a.charCount / longest) +
      (a.kicker ? W.kicker : 0) +
      (a.subtitle ? W.subtitle : 0) +
      (a.label ? W.label : 0) +
      W.position * (articles.length === 1 ? 1 : 1 - i / last),
  );
}

/** The index of the page's most prominent article (the banner), or -1 when there is none. */
export function pickLead(articles: readonly MapArticle[]): number {
  const scores = prominenceScores(articles);
  let best = -1;
  // Strictly greater: on a tie the earlier article keeps the banner.
  scores.forEach((s, i) => {
    if (best < 0 || s > scores[best]! + 1e-9) best = i;
  });
  return best;
}

/** Very short items still get a block one can read a title in. */
const weight = (chars: number) => Math.max(chars, 300);
/** A photo takes about the room of a short article. */
const CAPTION_WEIGHT = 300;
/** The banner's share of the page's article area, whatever its length. */
const LEAD_SHARE = { min: 0.16, max: 0.4 };
/** The banner's photos stand at its right, in this share of its width. */
const LEAD_PHOTO_SHARE = 0.34;
/** One row of ads, as a share of the page below the masthead; ads stand up to three in a row. */
const AD_ROW_SHARE = 0.09;
const ADS_PER_ROW = 3;
/** The least room a block gets in a column (about one line of a title), where there is room. */
const MIN_PIECE = 60;

interface Unit {
  article: MapArticle;
  captions: string[];
  weight: number;
}

const unitOf = (article: MapArticle): Unit => {
  const captions = article.captions ?? [];
  return { article, captions, weight: weight(article.charCount) + CAPTION_WEIGHT * captions.length };
};

/** Splits `length` among `weights`, each part at least `floor` where there is room for that. */
function split(length: number, weights: number[], floor: number): number[] {
  const f = Math.min(floor, length / weights.length / 2);
  const sum = weights.reduce((s, w) => s + w, 0);
  return weights.map((w) => f + (length - f * weights.length) * (w / sum));
}

const articleBlock = (a: MapArticle, lead: boolean, x: number, y: number, width: number, height: number): MapBlock => ({
  kind: "article",
  id: a.id,
  articleId: a.id,
  text: a.title,
  lead,
  x,
  y,
  width,
  height,
});

const captionBlock = (a: MapArticle, i: number, text: string, x: number, y: number, width: number, height: number): MapBlock => ({
  kind: "caption",
  id: `${a.id}-c${i + 1}`,
  articleId: a.id,
  text,
  lead: false,
  x,
  y,
  width,
  height,
});

/**
 * Lays out a page's articles (in the file's order, with their captions) and its ads. Blocks come
 * in the order a reader's eye and keyboard take them: the banner and its photos, then the columns
 * left to right, top to bottom, then the ads.
 */
export function layoutPageMap(articles: readonly MapArticle[], ads: readonly MapAd[] = []): MapBlock[] {
  return layoutBlocks(articles, ads).map(snapToUnits);
}

/**
 * A block with its edges on whole units of the map's 1000-wide grid (far finer than a screen
 * shows it): the coordinates are printed into every page, and "210.03784162578836" costs the
 * document more than the block's title does. Edges, not sizes, are rounded, so neighbouring
 * blocks keep the exact gap between them.
 */
function snapToUnits(b: MapBlock): MapBlock {
  const x = Math.round(b.x);
  const y = Math.round(b.y);
  return { ...b, x, y, width: Math.round(b.x + b.width) - x, height: Math.round(b.y + b.height) - y };
}

function layoutBlocks(articles: readonly MapArticle[], ads: readonly MapAd[]): MapBlock[] {
  const top = MASTHEAD + GAP;
  // Each block leaves a gap after it, the last one the page's bottom margin.
  const usable = MAP_HEIGHT - top;
  const blocks: MapBlock[] = [];

  // Ads at the foot; alone on a page they take all of it.
  const adRows = Math.ceil(ads.length / ADS_PER_ROW);
  const adHeight = articles.length === 0 ? usable : Math.min(0.3, adRows * AD_ROW_SHARE) * usable;
  const articleBottom = top + usable - adHeight;
  if (ads.length > 0) {
    const rowHeight = adHeight / adRows;
    for (let r = 0; r < adRows; r++) {
      const row = ads.slice(r * ADS_PER_ROW, (r + 1) * ADS_PER_ROW);
      const width = (MAP_WIDTH - GAP * (row.length + 1)) / row.length;
      row.forEach((ad, i) => {
        blocks.push({
          kind: "ad",
          id: ad.id,
          articleId: null,
          text: ad.lines.join(" "),
          lead: false,
          x: GAP + i * (width + GAP),
          y: articleBottom + r * rowHeight,
          width,
          height: rowHeight - GAP,
        });
      });
    }
  }
  if (articles.length === 0) return blocks;

  const leadIndex = pickLead(articles);
  const lead = unitOf(articles[leadIndex]!);
  const rest = articles.filter((_, i) => i !== leadIndex).map(unitOf);
  const articleArea = articleBottom - top;
  const total = rest.reduce((s, u) => s + u.weight, lead.weight);
  const leadHeight = rest.length === 0 ? articleArea : Math.min(LEAD_SHARE.max, Math.max(LEAD_SHARE.min, lead.weight / total)) * articleArea;

  // The banner, its photos at its right.
  const fullWidth = MAP_WIDTH - 2 * GAP;
  const photoWidth = lead.captions.length ? fullWidth * LEAD_PHOTO_SHARE : 0;
  const leadBlocks: MapBlock[] = [articleBlock(lead.article, true, GAP, top, fullWidth - (photoWidth ? photoWidth + GAP : 0), leadHeight - GAP)];
  if (lead.captions.length) {
    const each = leadHeight / lead.captions.length;
    lead.captions.forEach((c, i) => {
      leadBlocks.push(captionBlock(lead.article, i, c, GAP + fullWidth - photoWidth, top + i * each, photoWidth, each - GAP));
    });
  }
  blocks.unshift(...leadBlocks);
  if (rest.length === 0) return blocks;

  const cols = rest.length <= 2 ? rest.length : 3;
  const colWidth = (MAP_WIDTH - GAP * (cols + 1)) / cols;
  const restTop = top + leadHeight;
  const restHeight = articleBottom - restTop;
  const perCol = rest.reduce((s, u) => s + u.weight, 0) / cols;
  // Fill columns in reading order: move on when a column is full enough, or when the units left
  // are only enough for one in each column left.
  const columns: Unit[][] = Array.from({ length: cols }, () => []);
  let c = 0;
  let filled = 0;
  rest.forEach((u, i) => {
    const remainingUnits = rest.length - i;
    const remainingCols = cols - c - 1;
    if (columns[c]!.length > 0 && c < cols - 1 && (filled + u.weight / 2 > perCol || remainingUnits <= remainingCols)) {
      c++;
      filled = 0;
    }
    columns[c]!.push(u);
    filled += u.weight;
  });
  const columnBlocks = columns.flatMap((col, ci) => {
    const x = GAP + ci * (colWidth + GAP);
    // An article and its photos stand together, the photos under the text.
    const pieces = col.flatMap((u) => [
      { unit: u, caption: -1, weight: weight(u.article.charCount) },
      ...u.captions.map((_, k) => ({ unit: u, caption: k, weight: CAPTION_WEIGHT })),
    ]);
    const heights = split(restHeight, pieces.map((p) => p.weight), MIN_PIECE);
    let y = restTop;
    return pieces.map((p, k) => {
      const h = heights[k]!;
      const block =
        p.caption < 0
          ? articleBlock(p.unit.article, false, x, y, colWidth, h - GAP)
          : captionBlock(p.unit.article, p.caption, p.unit.captions[p.caption]!, x, y, colWidth, h - GAP);
      y += h;
      return block;
    });
  });
  // Columns go before the ads, which were laid out first.
  blocks.splice(leadBlocks.length, 0, ...columnBlocks);
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
