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

function count(text: string, term: string): number {
  let n = 0;
  for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + term.length)) n++;
  return n;
}

/**
 * The primary category from the weighted rule table in data/categories.json, with the matched
 * terms (strongest first) as evidence. Head text (title, subtitle, label, kicker) counts
 * `titleFactor` times.
 */
export function categorize(head: string, body: string): { category: CategorySlug; evidence: string[] } {
  let best: CategorySlug = "other";
  let bestScore = 0;
  let bestEvidence: string[] = [];
  for (const slug of SLUGS) {
    const contributions: [string, number][] = [];
    let score = 0;
    for (const [term, weight] of Object.entries(RULES[slug].terms)) {
      const n = count(head, term) * table.titleFactor + count(body, term);
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
