import { layoutPageMap, MAP_HEIGHT, MAP_WIDTH, wrapTitle } from "@/lib/site/page-map";

interface Props {
  articles: { publicId: string; title: string; charCount: number }[];
  pageLabel: string;
  /** Thumbnails are pictures only; the full map links every block to its article. */
  interactive?: boolean;
}

/**
 * The page map (版面图): the page drawn as a newspaper page, each article a block in reading order
 * sized by its length. Unlike image maps, every block is a real link with an accessible name.
 */
export function PageMap({ articles, pageLabel, interactive = true }: Props) {
  const blocks = layoutPageMap(articles.map((a) => ({ id: a.publicId, title: a.title, charCount: a.charCount })));
  return (
    <svg
      viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
      role={interactive ? "group" : "img"}
      aria-label={interactive ? `${pageLabel}版面图` : `${pageLabel}版面缩略图`}
      className="h-auto w-full rounded border border-rule bg-card shadow-sm"
    >
      <rect x="12" y="12" width={MAP_WIDTH - 24} height="66" className="fill-accent" />
      <text x={MAP_WIDTH / 2} y="58" textAnchor="middle" className="fill-accent-ink font-serif" fontSize="40" fontWeight="700">
        {pageLabel}
      </text>
      {blocks.map((b) => {
        const fontSize = b.width > 600 ? 44 : 32;
        const perLine = Math.max(4, Math.floor((b.width - 32) / fontSize));
        const maxLines = Math.max(1, Math.min(4, Math.floor((b.height - 24) / (fontSize * 1.3))));
        const lines = wrapTitle(b.title, perLine, maxLines);
        const body = (
          <>
            <rect x={b.x} y={b.y} width={b.width} height={Math.max(b.height, 10)} rx="6" className="page-map-block" />
            <text x={b.x + 16} y={b.y + 16 + fontSize} fontSize={fontSize} className="fill-ink font-serif" fontWeight="700" aria-hidden="true">
              {lines.map((l, i) => (
                <tspan key={i} x={b.x + 16} dy={i === 0 ? 0 : fontSize * 1.3}>
                  {l}
                </tspan>
              ))}
            </text>
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
