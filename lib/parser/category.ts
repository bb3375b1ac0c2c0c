import table from "./data/categories.json";
import type { CategorySlug } from "./types";

interface CategoryRule {
  label: string;
  terms: Record<string, number>;
}
const RULES = table.categories as Record<CategorySlug, CategoryRule>;
const SLUGS = Object.keys(RULES) as CategorySlug[];

/** Chinese names of the categories, for the site. */
export const CATEGORY_LABELS: Record<CategorySlug, string> = Object.fromEntries(
  SLUGS.map((s) => [s, RULES[s].label]),
) as Record<CategorySlug, string>;

const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const ALL_TERMS = [...new Set(SLUGS.flatMap((s) => Object.keys(RULES[s].terms)))].sort((a, b) => b.length - a.length);
// One pass over the text for all terms (longest first), instead of one search per term.
const TERM_RE = new RegExp(ALL_TERMS.map(escape).join("|"), "gu");
// A term inside a longer matched term still counts ("食品抽检" is also "食品" and "抽检").
const CONTAINED = new Map(ALL_TERMS.map((t) => [t, ALL_TERMS.filter((o) => o !== t && t.includes(o))]));

function countTerms(text: string, weight: number, into: Map<string, number>): void {
  for (const m of text.matchAll(TERM_RE)) {
    into.set(m[0], (into.get(m[0]) ?? 0) + weight);
    for (const inner of CONTAINED.get(m[0]) ?? []) into.set(inner, (into.get(inner) ?? 0) + weight);
  }
}

/**
 * The primary category from the weighted rule table in data/categories.json, with the matched
 * terms (strongest first) as evidence. Head text (title, subtitle, label, kicker) counts
 * `titleFactor` times.
 */
export function categorize(head: string, body: string): { category: CategorySlug; evidence: string[] } {
  const counts = new Map<string, number>();
  countTerms(head, table.titleFactor, counts);
  countTerms(body, 1, counts);
  let best: CategorySlug = "other";
  let bestScore = 0;
  let bestEvidence: string[] = [];
  for (const slug of SLUGS) {
    const contributions: [string, number][] = [];
    let score = 0;
    for (const [term, weight] of Object.entries(RULES[slug].terms)) {
      const n = counts.get(term) ?? 0;
      if (n > 0) {
        score += weight * n;
        contributions.push([term, weight * n]);
      }
    }
    if (score > bestScore) {
      bestScore = score;
      best = slug;
      bestEvidence = contributions.sort((a, b) => b[1] - a[1]).map(([t]) => t);
    }
  }
  if (bestScore < table.minScore) return { category: "other", evidence: [] };
  return { category: best, evidence: bestEvidence.slice(0, 8) };
}
