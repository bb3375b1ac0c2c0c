/**
 * The fixture corpus's scoreboard: how close the parser's reading of a page is to the expected
 * parse written by hand, as counts that add up over pages (so totals are precision and recall over
 * the whole corpus, not an average of averages). A heuristic change is judged by whether the
 * totals rise; `npm run -s parse:score` prints them (scripts/parse-score.ts).
 *
 * Pure: an expected parse and the parser's output in, counts out. What is counted:
 * - **boundaries**: an article is identified by its first body line; a boundary is right when both
 *   sides start an article there.
 * - **heads**: label, kicker, title and subtitle of the articles paired by their body lines (the
 *   expected article and the parsed one sharing most lines); a field is right when equal.
 * - **bylines**: (name, role) pairs of paired articles.
 * - **categories** and **departments** (the primary one: any of its acceptable names) of paired
 *   articles; an expected article with no partner counts as missed in every measure.
 * - **characters**: "nothing lost" character by character — every non-blank character of the raw
 *   lines a block, ad or orphan claims is in its text (as a multiset, whitespace aside), and no
 *   character appears there that its lines do not have. Head lines are left out: their role words
 *   ("本报记者", "■") are meant to go.
 */
import type { ParsedPage } from "./types";

/** An expected parse, as the fixture files hold it (departments: lists of acceptable names). */
export interface ExpectedPage {
  articles: {
    label: string | null;
    kicker: string | null;
    title: string;
    subtitle: string | null;
    bylines: { name: string; role: string }[];
    category: string;
    departments: string[][];
    blocks: { sourceLines: number[] }[];
  }[];
}

/** Right, found (what the parser gave) and wanted (what the expected parse has), for one measure. */
export interface Tally {
  right: number;
  found: number;
  wanted: number;
}

export interface PageScore {
  boundaries: Tally;
  heads: Tally;
  bylines: Tally;
  categories: Tally;
  departments: Tally;
  /** Characters of claimed lines missing from the text claiming them, and characters added there. */
  characters: { checked: number; lost: number; added: number };
}

export const MEASURES = ["boundaries", "heads", "bylines", "categories", "departments"] as const;

const tally = (): Tally => ({ right: 0, found: 0, wanted: 0 });

export function emptyScore(): PageScore {
  return { boundaries: tally(), heads: tally(), bylines: tally(), categories: tally(), departments: tally(), characters: { checked: 0, lost: 0, added: 0 } };
}

/** Adds `b` into `a` (totals over pages). */
export function addScore(a: PageScore, b: PageScore): PageScore {
  for (const m of MEASURES) {
    a[m].right += b[m].right;
    a[m].found += b[m].found;
    a[m].wanted += b[m].wanted;
  }
  a.characters.checked += b.characters.checked;
  a.characters.lost += b.characters.lost;
  a.characters.added += b.characters.added;
  return a;
}

export const precision = (t: Tally): number => (t.found === 0 ? 1 : t.right / t.found);
export const recall = (t: Tally): number => (t.wanted === 0 ? 1 : t.right / t.wanted);

const bodyLines = (blocks: readonly { sourceLines: readonly number[] }[]): number[] => blocks.flatMap((b) => b.sourceLines);
const firstLine = (blocks: readonly { sourceLines: readonly number[] }[]): number | null => {
  const lines = bodyLines(blocks);
  return lines.length ? Math.min(...lines) : null;
};

/**
 * Pairs each expected article with the parsed article sharing most of its body lines (each parsed
 * article used once, the largest overlaps first, so a merged pair of articles gets one partner).
 */
function pairArticles(expected: ExpectedPage["articles"], parsed: ParsedPage["articles"]): Map<number, number> {
  const candidates: { e: number; p: number; shared: number }[] = [];
  expected.forEach((ea, e) => {
    const mine = new Set(bodyLines(ea.blocks));
    parsed.forEach((pa, p) => {
      const shared = bodyLines(pa.blocks).filter((n) => mine.has(n)).length;
      if (shared > 0) candidates.push({ e, p, shared });
    });
  });
  candidates.sort((a, b) => b.shared - a.shared || a.e - b.e || a.p - b.p);
  const pairs = new Map<number, number>();
  const used = new Set<number>();
  for (const c of candidates) {
    if (pairs.has(c.e) || used.has(c.p)) continue;
    pairs.set(c.e, c.p);
    used.add(c.p);
  }
  return pairs;
}

/** Counts of characters (whitespace aside) in `text`. */
function charCounts(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const ch of text) if (!/\s/u.test(ch)) m.set(ch, (m.get(ch) ?? 0) + 1);
  return m;
}

/** How many characters of `want` are missing from `have`, and how many `have` has beyond it. */
function charDifference(want: Map<string, number>, have: Map<string, number>): { checked: number; lost: number; added: number } {
  let checked = 0;
  let lost = 0;
  let added = 0;
  for (const [ch, n] of want) {
    checked += n;
    lost += Math.max(0, n - (have.get(ch) ?? 0));
  }
  for (const [ch, n] of have) added += Math.max(0, n - (want.get(ch) ?? 0));
  return { checked, lost, added };
}

/**
 * The score of one page. `lines`: the page's decoded lines (index 0 is line 1), the text the
 * parser read, for the character check.
 */
export function scorePage(expected: ExpectedPage, parsed: ParsedPage, lines: readonly string[]): PageScore {
  const score = emptyScore();

  const wantStarts = new Set(expected.articles.map((a) => firstLine(a.blocks)).filter((n): n is number => n !== null));
  const foundStarts = new Set(parsed.articles.map((a) => firstLine(a.blocks)).filter((n): n is number => n !== null));
  score.boundaries = { right: [...foundStarts].filter((n) => wantStarts.has(n)).length, found: foundStarts.size, wanted: wantStarts.size };

  const pairs = pairArticles(expected.articles, parsed.articles);
  const pairedParsed = new Set(pairs.values());
  // Parsed articles with no expected partner add to what was found in every measure.
  parsed.articles.forEach((pa, p) => {
    if (pairedParsed.has(p)) return;
    score.heads.found += [pa.label, pa.kicker, pa.title, pa.subtitle].filter((f) => f !== null).length;
    score.bylines.found += pa.bylines.length;
    score.categories.found += 1;
    score.departments.found += pa.departments.length ? 1 : 0;
  });
  expected.articles.forEach((ea, e) => {
    const p = pairs.get(e);
    const pa = p === undefined ? undefined : parsed.articles[p];
    const wantHeads = [ea.label, ea.kicker, ea.title, ea.subtitle];
    score.heads.wanted += wantHeads.filter((f) => f !== null).length;
    score.bylines.wanted += ea.bylines.length;
    score.categories.wanted += 1;
    score.departments.wanted += ea.departments.length ? 1 : 0;
    if (!pa) return;
    const gotHeads = [pa.label, pa.kicker, pa.title, pa.subtitle];
    score.heads.found += gotHeads.filter((f) => f !== null).length;
    score.heads.right += gotHeads.filter((f, i) => f !== null && f === wantHeads[i]).length;
    score.bylines.found += pa.bylines.length;
    const wantBylines = ea.bylines.map((b) => `${b.role}:${b.name}`);
    for (const b of pa.bylines) {
      const i = wantBylines.indexOf(`${b.role}:${b.name}`);
      if (i === -1) continue;
      wantBylines.splice(i, 1);
      score.bylines.right += 1;
    }
    score.categories.found += 1;
    if (pa.category === ea.category) score.categories.right += 1;
    if (pa.departments.length) score.departments.found += 1;
    const primary = pa.departments[0];
    if (ea.departments.length && primary !== undefined && ea.departments[0]!.includes(primary)) score.departments.right += 1;
  });

  const claimed: { lines: readonly number[]; text: string }[] = [
    ...parsed.articles.flatMap((a) => a.blocks.map((b) => ({ lines: b.sourceLines, text: b.text }))),
    ...parsed.ads.map((ad) => ({ lines: ad.sourceLines, text: ad.lines.join("\n") })),
    ...parsed.orphans.map((o) => ({ lines: o.sourceLines, text: o.text })),
  ];
  for (const c of claimed) {
    const raw = c.lines.map((n) => lines[n - 1] ?? "").join("\n");
    const d = charDifference(charCounts(raw), charCounts(c.text));
    score.characters.checked += d.checked;
    score.characters.lost += d.lost;
    score.characters.added += d.added;
  }
  return score;
}
