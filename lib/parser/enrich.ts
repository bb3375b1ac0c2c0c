/**
 * Enrichment of an assembled article: category (with evidence), departments and dateline date.
 * The category terms, the gazetteer names and the body endings that may close an unlisted body's
 * name are found in one scan per text (one combined dictionary), since scanning is the costliest
 * step per byte after decoding.
 */
import type { DraftArticle } from "./assemble";
import { categoryTerms, countTerm, decideCategory, newTally, TITLE_FACTOR, type CategoryTally, type TermRule } from "./category";
import { resolveYear, type MonthDay } from "./dateline";
import {
  bodyEndingMarks,
  collectBodies,
  gazetteerNames,
  headPlaceOf,
  notePlace,
  resolveDepartments,
  type PageHome,
  type FoundBodies,
  type GazetteerEntry,
  type NameMatch,
} from "./departments";
import { Lexicon } from "./lexicon";
import { perProfile } from "./profile";
import type { ParsedArticle } from "./types";

interface Payload {
  rules: TermRule | null;
  entry: GazetteerEntry | null;
}

/** Category terms and this paper's gazetteer names in one dictionary, built once per profile. */
const combined = perProfile(() => {
  const map = new Map<string, Payload>();
  for (const [term, rules] of categoryTerms()) map.set(term, { rules, entry: null });
  for (const [name, entry] of gazetteerNames()) {
    const p = map.get(name);
    if (p) p.entry = entry;
    else map.set(name, { rules: null, entry });
  }
  return new Lexicon(map.entries(), bodyEndingMarks());
});

/**
 * Scans one text: category terms into `tally` (× `factor`) and, with `bodies`, the bodies it
 * names into `bodies` (see `collectBodies` for `weight` and `offset`).
 */
function scan(text: string, factor: number, tally: CategoryTally, bodies: FoundBodies | null = null, weight = 1, offset = 0): void {
  const names: NameMatch[] = [];
  const endings: number[] = [];
  current = { factor, tally, names, endings };
  combined().scan(text, visitTerm, bodies ? visitEnding : undefined);
  if (bodies) collectBodies(text, weight, bodies, offset, names, endings);
}

/**
 * What the scan in progress collects into, read by the two visitors below: module functions
 * rather than two new closures per text scanned (the scans are synchronous, one at a time).
 */
let current: { factor: number; tally: CategoryTally; names: NameMatch[]; endings: number[] };
function visitTerm(term: string, p: Payload, at: number): void {
  if (p.rules) countTerm(p.rules, current.factor, current.tally);
  if (p.entry) current.names.push({ term, entry: p.entry, at });
}
function visitEnding(at: number): void {
  current.endings.push(at);
}

/**
 * Category, departments and dateline date of a draft article (`page`: the whole page, for names
 * that leave their place implicit). Head lines (label, kicker, title, subtitle) count
 * `titleFactor` times for the category and more for departments; captions are left out of both
 * (they describe photos, not the story) unless the article has nothing else.
 */
export function enrichArticle(d: DraftArticle, md: MonthDay | null, issueDate: string | null, page: PageHome | null = null): ParsedArticle {
  const tally = newTally();
  const found: FoundBodies = new Map();
  if (d.label) scan(d.label, TITLE_FACTOR, tally);
  if (d.kicker) scan(d.kicker, TITLE_FACTOR, tally, found, 3, -3000);
  scan(d.title, TITLE_FACTOR, tally, found, 5, -2000);
  // Another paper's place the head opens with ("巨野县…") counts like a listed place named there.
  const headPlace = headPlaceOf(d.kicker, d.title);
  notePlace(found, headPlace, 5, -2000);
  let inSubtitle: FoundBodies | null = null;
  if (d.subtitle) {
    inSubtitle = new Map();
    scan(d.subtitle, TITLE_FACTOR, tally, inSubtitle, 1, -1000);
    for (const [n, f] of inSubtitle) {
      const g = found.get(n);
      found.set(n, { score: (g?.score ?? 0) + 3 * f.score, first: Math.min(g?.first ?? f.first, f.first) });
    }
  }
  // Joined in one go: a flat string, which the character-by-character scans read fastest.
  const parts: string[] = [];
  for (const b of d.blocks) if (b.type !== "caption") parts.push(b.text);
  // A photo-news piece is nothing but captions: there they are the story.
  if (parts.length === 0) for (const b of d.blocks) parts.push(b.text);
  const body = parts.join("\n");
  scan(body, 1, tally, found, 1, 0);
  const { category, evidence } = decideCategory(tally);
  return {
    label: d.label,
    kicker: d.kicker,
    title: d.title,
    subtitle: d.subtitle,
    bylines: d.bylines,
    datelineDate: md && issueDate ? resolveYear(md, issueDate) : null,
    category,
    categoryEvidence: evidence,
    departments: resolveDepartments(d.label, found, inSubtitle, headPlace, body, page),
    blocks: d.blocks,
    headLines: d.headLines,
  };
}
