/**
 * The search box's language: words (all must match), "quoted phrases", -exclusions. Turns it into
 * an FTS5 MATCH expression over the token columns of lib/search/tokenize.ts. Traditional
 * characters and full-width forms are folded first; punctuation separates words.
 */
import { normalize, simplify, splitRuns } from "@/lib/search/tokenize";

export interface ParsedQuery {
  /** Positive terms as typed (folded), for snippets and highlighting. */
  terms: string[];
  excluded: string[];
  /** FTS5 MATCH expression, or null when there is nothing positive to look for. */
  match: string | null;
}

const PHRASE_COLUMNS = "{title head body meta}";

/** One typed term → an FTS5 expression (each CJK run a phrase of its bigrams, or a single character). */
function termExpression(term: string): string | null {
  const parts = splitRuns(normalize(simplify(term)));
  const clauses: string[] = [];
  for (const p of parts) {
    if (!p.cjk) clauses.push(`${PHRASE_COLUMNS} : "${p.text}"`);
    else if (p.text.length === 1) clauses.push(`uni : "${p.text}"`);
    else {
      const grams: string[] = [];
      for (let i = 0; i + 1 < p.text.length; i++) grams.push(p.text.slice(i, i + 2));
      clauses.push(`${PHRASE_COLUMNS} : "${grams.join(" ")}"`);
    }
  }
  if (clauses.length === 0) return null;
  return clauses.length === 1 ? clauses[0]! : `(${clauses.join(" AND ")})`;
}

/** Parses what the reader typed. */
export function parseQuery(input: string): ParsedQuery {
  const terms: string[] = [];
  const excluded: string[] = [];
  const re = /(-?)(?:"([^"]*)"|“([^”]*)”|(\S+))/gu;
  for (const m of input.normalize("NFKC").matchAll(re)) {
    const neg = m[1] === "-";
    const raw = (m[2] ?? m[3] ?? m[4] ?? "").trim();
    if (!raw) continue;
    (neg ? excluded : terms).push(simplify(raw));
  }
  const pos = terms.map(termExpression).filter((x): x is string => x !== null);
  const neg = excluded.map(termExpression).filter((x): x is string => x !== null);
  if (pos.length === 0) return { terms, excluded, match: null };
  let match = pos.join(" AND ");
  for (const n of neg) match = `(${match}) NOT ${n}`;
  return { terms, excluded, match };
}
