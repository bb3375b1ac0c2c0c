import type { MapPageArticle, PageAd } from "@/lib/db/pages";
import { layoutPageMap, MAP_HEIGHT, MAP_WIDTH, type MapBlock, MASTHEAD, wrapTitle } from "@/lib/site/page-map";

type MapArticleInput = Pick<MapPageArticle, "publicId" | "title" | "charCount"> &
  Partial<Pick<MapPageArticle, "label" | "kicker" | "subtitle" | "captions">>;

interface Props {
  /** The page's articles in reading order (the file's); captions drawn when given. */
  articles: MapArticleInput[];
  ads?: PageAd[];
  pageLabel: string;
  /** The accessible name; by default "<page>版面示意图". */
  label?: string;
  /** Thumbnails are pictures only; the full map links every block to its article. */
  interactive?: boolean;
  /** Unique per document when several maps share a page (the patterns' ids). */
  idPrefix?: string;
  /** The article the map stands beside: its block is marked and is not a link. */
  current?: string;
  /** Blocks without their text (a small map, where titles could not be read): names stay for screen readers and as tooltips. */
  compact?: boolean;
  /** The id of the note saying what the map is (a schematic). */
  describedBy?: string;
  /**
   * Room for a real page image: the scan, with the blocks measured on it. Blocks laid out from
   * character counts would not line up with a scan, so the two come together; the map then draws
   * the image under outlined blocks and is no longer a schematic. No page has a scan yet.
   */
  underlay?: { href: string; blocks: MapBlock[] };
}

const LINE_STEP = 26;
const NOTE_SIZE = 30;

/**
 * The page map (版面示意图): a schematic of the page drawn from the text (lib/site/page-map.ts) —
 * the most prominent article across the top, the others in reading order in columns, each sized by
 * its length, its title set as a headline over grey "body text" lines; photo captions and ads as
 * muted blocks of their own. Unlike image maps, every article block is a real link with an
 * accessible name; captions and ads are named pictures, not links. Each block carries
 * `data-map-ref` (its article), which ties it to the page's article list (lib/site/html/islands/page-map.ts).
 */
export function PageMap({ articles, ads = [], pageLabel, label, interactive = true, idPrefix = "page-map", current, compact = false, describedBy, underlay }: Props) {
  const blocks =
    underlay?.blocks ??
    layoutPageMap(
      articles.map((a) => ({ id: a.publicId, title: a.title, charCount: a.charCount, label: a.label, kicker: a.kicker, subtitle: a.subtitle, captions: a.captions })),
      ads,
    );
  const linesId = `${idPrefix}-lines`;
  const photoId = `${idPrefix}-photo`;
  const name = label ?? (interactive ? `${pageLabel}${underlay ? "版面图" : "版面示意图"}` : `${pageLabel}版面示意图(缩略)`);
  return (
    <svg
      viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
      role={interactive ? "group" : "img"}
      aria-label={name}
      aria-describedby={describedBy}
      className={`h-auto w-full rounded border border-rule bg-card shadow-sm${compact ? " page-map-compact" : ""}${underlay ? " page-map-over-image" : ""}`}
    >
      <defs>
        <pattern id={linesId} width="40" height={LINE_STEP} patternUnits="userSpaceOnUse">
          <rect x="0" y="0" width="40" height="8" className="fill-rule" />
        </pattern>
        <pattern id={photoId} width="28" height="28" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect x="0" y="0" width="10" height="28" className="fill-rule" />
        </pattern>
      </defs>
      {underlay ? <image href={underlay.href} x="0" y="0" width={MAP_WIDTH} height={MAP_HEIGHT} preserveAspectRatio="none" /> : null}
      <rect x="12" y="12" width={MAP_WIDTH - 24} height={MASTHEAD - 24} className="fill-accent" />
      {compact ? null : (
        <text x={MAP_WIDTH / 2} y="58" textAnchor="middle" className="fill-accent-ink font-serif" fontSize="40" fontWeight="700" aria-hidden="true">
          {pageLabel}
        </text>
      )}
      {blocks.map((b) => {
        const isCurrent = b.articleId !== null && b.articleId === current;
        const body =
          b.kind === "article" ? (
            <ArticleShape b={b} linesId={linesId} compact={compact} current={b.id === current} />
          ) : (
            <NoteShape b={b} photoId={photoId} compact={compact} />
          );
        const tip = compact ? <title>{b.kind === "article" ? b.text : noteName(b)}</title> : null;
        if (!interactive) return <g key={b.id}>{body}</g>;
        if (b.kind !== "article") {
          return (
            <g key={b.id} role="img" aria-label={noteName(b)} data-map-ref={b.articleId ?? undefined} className={`page-map-note${isCurrent ? " page-map-of-current" : ""}`}>
              {tip}
              {body}
            </g>
          );
        }
        if (isCurrent) {
          return (
            <g key={b.id} role="img" aria-label={`本文:${b.text}`} className="page-map-here">
              {tip}
              {body}
            </g>
          );
        }
        return (
          <a key={b.id} href={`/articles/${b.id}`} aria-label={b.text} data-map-ref={b.id} className="page-map-link">
            {tip}
            {body}
          </a>
        );
      })}
    </svg>
  );
}

const noteName = (b: MapBlock) => `${b.kind === "ad" ? "广告" : "图片说明"}:${b.text}`;

function ArticleShape({ b, linesId, compact, current }: { b: MapBlock; linesId: string; compact: boolean; current: boolean }) {
  const fontSize = b.lead ? 52 : b.width > 600 ? 48 : 38;
  const lineHeight = fontSize * 1.25;
  const perLine = Math.max(4, Math.floor((b.width - 32) / fontSize));
  const maxLines = compact ? 0 : Math.max(1, Math.min(4, Math.floor((b.height - 24) / lineHeight)));
  const lines = maxLines ? wrapTitle(b.text, perLine, maxLines) : [];
  // "Body text" lines start on the pattern's grid and end on a whole line, never cut.
  const textTop = Math.ceil((b.y + (lines.length ? 20 + lines.length * lineHeight + 12 : 16)) / LINE_STEP) * LINE_STEP;
  const bodyHeight = Math.floor((b.y + b.height - 12 - textTop) / LINE_STEP) * LINE_STEP - (LINE_STEP - 8);
  const hereSize = Math.round(Math.min(120, b.width / 3, b.height * 0.6));
  return (
    <>
      <rect x={b.x} y={b.y} width={b.width} height={b.height} rx="6" className={`page-map-block${current ? " page-map-current" : ""}`} />
      {lines.length ? (
        <text x={b.x + 16} y={b.y + 12 + fontSize} fontSize={fontSize} className={`${current ? "fill-accent-ink" : "fill-ink"} font-serif`} fontWeight="700" aria-hidden="true">
          <TextLines lines={lines} x={b.x + 16} lineHeight={lineHeight} />
        </text>
      ) : null}
      {current && compact ? (
        <text x={b.x + b.width / 2} y={Math.round(b.y + b.height / 2 + hereSize * 0.36)} textAnchor="middle" fontSize={hereSize} fontWeight="700" className="fill-accent-ink font-sans" aria-hidden="true">
          本文
        </text>
      ) : bodyHeight > 0 ? (
        <rect x={b.x + 16} y={textTop} width={b.width - 32} height={bodyHeight} fill={`url(#${linesId})`} className="page-map-lines" />
      ) : null}
    </>
  );
}

/** Lines of SVG text, one under the other (SVG has no line wrapping of its own). */
function TextLines({ lines, x, lineHeight }: { lines: string[]; x: number; lineHeight: number }) {
  return lines.map((l, i) => (
    <tspan key={i} x={x} dy={i === 0 ? 0 : lineHeight}>
      {l}
    </tspan>
  ));
}

/** A caption (a hatched photo over its text) or an ad (a dashed box), each tagged with what it is. */
function NoteShape({ b, photoId, compact }: { b: MapBlock; photoId: string; compact: boolean }) {
  const tag = b.kind === "ad" ? "广告" : "图片说明";
  const lineHeight = NOTE_SIZE * 1.3;
  const perLine = Math.max(3, Math.floor((b.width - 32) / NOTE_SIZE));
  // The tag's row, then as many lines of the text as fit in the lower half (an ad's: all of it).
  const room = b.kind === "ad" ? b.height - 24 - lineHeight : b.height * 0.5 - lineHeight;
  const maxLines = compact ? 0 : Math.max(0, Math.min(3, Math.floor(room / lineHeight)));
  const lines = maxLines ? wrapTitle(b.text, perLine, maxLines) : [];
  const textHeight = compact ? 0 : lineHeight * (lines.length + 1) + 20;
  const photoHeight = b.kind === "caption" ? b.height - textHeight - 24 : 0;
  const tagY = b.y + 12 + (photoHeight > 0 ? photoHeight + 12 : 0);
  const tagWidth = [...tag].length * NOTE_SIZE + 20;
  return (
    <>
      <rect x={b.x} y={b.y} width={b.width} height={b.height} rx="6" className={`page-map-block ${b.kind === "ad" ? "page-map-ad" : "page-map-caption"}`} />
      {photoHeight > 0 ? <rect x={b.x + 12} y={b.y + 12} width={b.width - 24} height={photoHeight} fill={`url(#${photoId})`} className="page-map-photo" /> : null}
      {compact || b.height < lineHeight + 16 ? null : (
        <g aria-hidden="true" fontSize={NOTE_SIZE}>
          <rect x={b.x + 12} y={tagY} width={tagWidth} height={lineHeight} rx="4" className="fill-muted" />
          <text x={b.x + 22} y={tagY + NOTE_SIZE} className="fill-paper font-sans" fontWeight="700">
            {tag}
          </text>
          {lines.length ? (
            <text x={b.x + 16} y={tagY + lineHeight + NOTE_SIZE + 8} className="fill-muted font-sans">
              <TextLines lines={lines} x={b.x + 16} lineHeight={lineHeight} />
            </text>
          ) : null}
        </g>
      )}
    </>
  );
}
