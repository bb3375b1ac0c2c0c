import { layoutPageMap, MAP_HEIGHT, MAP_WIDTH, wrapTitle } from "@/lib/site/page-map";

interface Props {
  articles: { publicId: string; title: string; charCount: number }[];
  pageLabel: string;
  /** Thumbnails are pictures only; the full map links every block to its article. */
  interactive?: boolean;
  /** Unique per document when several maps share a page (the pattern's id). */
  idPrefix?: string;
}

const LINE_STEP = 26;

/**
 * The page map (版面图): the page drawn as a newspaper page, each article a block in reading order
 * sized by its length, its title set as a headline over grey "body text" lines. Unlike image maps,
 * every block is a real link with an accessible name.
 */
export function PageMap({ articles, pageLabel, interactive = true, idPrefix = "page-map" }: Props) {
  const blocks = layoutPageMap(articles.map((a) => ({ id: a.publicId, title: a.title, charCount: a.charCount })));
  const patternId = `${idPrefix}-lines`;
  return (
    <svg
      viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
      role={interactive ? "group" : "img"}
      aria-label={interactive ? `${pageLabel}版面图` : `${pageLabel}版面缩略图`}
      className="h-auto w-full rounded border border-rule bg-card shadow-sm"
    >
      <defs>
        <pattern id={patternId} width="40" height={LINE_STEP} patternUnits="userSpaceOnUse">
          <rect x="0" y="0" width="40" height="8" className="fill-rule" />
        </pattern>
      </defs>
      <rect x="12" y="12" width={MAP_WIDTH - 24} height="66" className="fill-accent" />
      <text x={MAP_WIDTH / 2} y="58" textAnchor="middle" className="fill-accent-ink font-serif" fontSize="40" fontWeight="700" aria-hidden="true">
        {pageLabel}
      </text>
      {blocks.map((b) => {
        const height = Math.max(b.height, 10);
        const fontSize = b.width > 600 ? 48 : 38;
        const lineHeight = fontSize * 1.25;
        const perLine = Math.max(4, Math.floor((b.width - 32) / fontSize));
        const maxLines = Math.max(1, Math.min(4, Math.floor((height - 24) / lineHeight)));
        const lines = wrapTitle(b.title, perLine, maxLines);
        // "Body text" lines start on the pattern's grid and end on a whole line, never cut.
        const textTop = Math.ceil((b.y + 20 + lines.length * lineHeight + 12) / LINE_STEP) * LINE_STEP;
        const bodyHeight = Math.floor((b.y + height - 12 - textTop) / LINE_STEP) * LINE_STEP - (LINE_STEP - 8);
        const body = (
          <>
            <rect x={b.x} y={b.y} width={b.width} height={height} rx="6" className="page-map-block" />
            <text x={b.x + 16} y={b.y + 12 + fontSize} fontSize={fontSize} className="fill-ink font-serif" fontWeight="700" aria-hidden="true">
              {lines.map((l, i) => (
                <tspan key={i} x={b.x + 16} dy={i === 0 ? 0 : lineHeight}>
                  {l}
                </tspan>
              ))}
            </text>
            {bodyHeight > 0 ? (
              <rect x={b.x + 16} y={textTop} width={b.width - 32} height={bodyHeight} fill={`url(#${patternId})`} className="page-map-lines" />
            ) : null}
          </>
        );
        return interactive ? (
          <a key={b.id} href={`/articles/${b.id}`} aria-label={b.title} className="page-map-link">
            {body}
          </a>
        ) : (
          <g key={b.id}>{body}</g>
        );
      })}
    </svg>
  );
}
