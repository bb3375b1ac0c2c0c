import { fullWidthPunctuation, headPieces } from "@/lib/site/typeset";

/**
 * A head (title, kicker, subtitle, label, a list's title) as set for reading: Chinese punctuation
 * full-width, and words, quotations, dates and numbers kept whole on one line (lib/site/typeset.ts),
 * so a phone never breaks "实/践" or "聊城样/板"; the element's `text-balance` evens out its lines.
 */
export function HeadText({ text }: { text: string }) {
  return headPieces(fullWidthPunctuation(text)).map((p, i) =>
    p.keep ? (
      <span key={i} className="whitespace-nowrap">
        {p.text}
      </span>
    ) : (
      p.text
    ),
  );
}
