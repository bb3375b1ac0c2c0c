/**
 * The primary category from the transparent weighted rule table in data/categories.json. The
 * matched terms are returned as evidence so editors can see why an article landed where it did.
 */
import table from "./data/categories.json";
import { Lexicon } from "./lexicon";
import type { CategorySlug } from "./types";

interface CategoryRule {
  label: string;
  terms: Record<string, number>;
}
const RULES = table.categories as Record<CategorySlug, CategoryRule>;
/** Categories in the data file's order (ties go to the earlier one). */
const SLUGS = Object.keys(RULES) as CategorySlug[];

/** Chinese names of the categories (slug → 政务与公共服务, 法治, …), for the site. */
export const CATEGORY_LABELS: Readonly<Record<CategorySlug, string>> = Object.freeze(
  Object.fromEntries(SLUGS.map((s) => [s, RULES[s].label])) as Record<CategorySlug, string>,
);

/** The head-text factor from the rule table: head lines count this many times. */
export const TITLE_FACTOR: number = table.titleFactor;

/** One rule-table term: its number, and the categories it speaks for with their weights. */
export interface TermRule {
  id: number;
  term: string;
  /** weight per category, in SLUGS order (0: none) */
  weights: Float64Array;
  /** the categories with a weight (most terms speak for one), so counting skips the others */
  weighted: Int32Array;
}

const TERMS = new Map<string, TermRule>();
SLUGS.forEach((slug, si) => {
  for (const [term, weight] of Object.entries(RULES[slug].terms)) {
    let rule = TERMS.get(term);
    if (!rule) {
      rule = { id: TERMS.size, term, weights: new Float64Array(SLUGS.length), weighted: new Int32Array(0) };
      TERMS.set(term, rule);
    }
    rule.weights[si] = weight;
  }
});
const RULE_LIST = [...TERMS.values()];
for (const rule of RULE_LIST) rule.weighted = Int32Array.from(SLUGS.keys()).filter((s) => rule.weights[s] !== 0);
const LEXICON = new Lexicon(TERMS.entries());

/** Every rule-table term, for scanners that look for several tables at once. */
export function categoryTerms(): Iterable<readonly [string, TermRule]> {
  return TERMS.entries();
}

/**
 * The weighted term counts of one article. Counts live in one scratch array shared by all tallies
 * (with the list of terms touched), so a tally costs no map and no allocation per hit; a tally is
 * read by `decideCategory`, which also resets it. One article at a time.
 */
export interface CategoryTally {
  scores: Float64Array;
  touched: number[];
}

const COUNTS = new Float64Array(RULE_LIST.length);
/** The terms counted by the latest tally, so a new one clears only those (not the whole table). */
let lastTouched: number[] = [];

export function newTally(): CategoryTally {
  // Normally already cleared by `decideCategory`; this covers a tally that was never decided.
  for (const id of lastTouched) COUNTS[id] = 0;
  const tally: CategoryTally = { scores: new Float64Array(SLUGS.length), touched: [] };
  lastTouched = tally.touched;
  return tally;
}

/** Adds one occurrence of a rule-table term (found by some scan), counting `factor` times. */
export function countTerm(rule: TermRule, factor: number, tally: CategoryTally): void {
  if (COUNTS[rule.id] === 0) tally.touched.push(rule.id);
  COUNTS[rule.id]! += factor;
  const w = rule.weights;
  const weighted = rule.weighted;
  for (let k = 0; k < weighted.length; k++) {
    const s = weighted[k] as number;
    tally.scores[s]! += (w[s] as number) * factor;
  }
}

/** Adds the rule-table terms found in `text`, each occurrence counting `factor` times. */
export function countTerms(text: string, factor: number, tally: CategoryTally): void {
  LEXICON.scan(text, (_, rule) => countTerm(rule, factor, tally));
}

/** The winning category and its evidence (matched terms, strongest contribution first). */
export function decideCategory(tally: CategoryTally): { category: CategorySlug; evidence: string[] } {
  let best = -1;
  let bestScore = 0;
  for (let s = 0; s < tally.scores.length; s++) {
    if ((tally.scores[s] as number) > bestScore) {
      bestScore = tally.scores[s] as number;
      best = s;
    }
  }
  // The strongest `maxEvidence` terms, kept in order as they are found (no sort of every term).
  const terms: string[] = [];
  const weights: number[] = [];
  if (best >= 0 && bestScore >= table.minScore) {
    for (const id of tally.touched) {
      const rule = RULE_LIST[id] as TermRule;
      const w = rule.weights[best] as number;
      if (w > 0) keepStrongest(terms, weights, rule.term, w * (COUNTS[id] as number), table.maxEvidence);
    }
  }
  for (const id of tally.touched) COUNTS[id] = 0;
  tally.touched.length = 0;
  const slug = SLUGS[best];
  if (slug === undefined || bestScore < table.minScore) return { category: "other", evidence: [] };
  return { category: slug, evidence: terms };
}

/**
 * Inserts a term into a short list ordered strongest first (ties: by term), keeping at most `max`.
 * Terms are distinct, so the order is total and the list equals the head of a full sort.
 */
function keepStrongest(terms: string[], weights: number[], term: string, w: number, max: number): void {
  let at = terms.length;
  while (at > 0) {
    const v = weights[at - 1] as number;
    if (v > w || (v === w && (terms[at - 1] as string) < term)) break;
    at--;
  }
  if (at >= max) return;
  // Shift the weaker ones down (the last falls off a full list) and put the term in its place.
  let k = Math.min(terms.length, max - 1);
  for (; k > at; k--) {
    terms[k] = terms[k - 1] as string;
    weights[k] = weights[k - 1] as number;
  }
  terms[at] = term;
  weights[at] = w;
}

/**
 * Categorises an article: head text (label, kicker, title, subtitle) counts `titleFactor` times,
 * the body once.
 */
export function categorize(head: string, body: string): { category: CategorySlug; evidence: string[] } {
  const tally = newTally();
  countTerms(head, TITLE_FACTOR, tally);
  countTerms(body, 1, tally);
  return decideCategory(tally);
}
