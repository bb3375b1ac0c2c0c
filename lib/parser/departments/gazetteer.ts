/**
 * The gazetteer (the `departments` of the paper's profile, data/papers/<id>.json) as the department
 * finder reads it: every canonical name and alias mapped to its entry, one lexicon over all of them
 * for a single-pass scan, and the lookups the rest of the parser and the site use ("市市场监管局" →
 * "聊城市市场监督管理局" for 聊城日报). It sits at the bottom of the department modules: it knows
 * nothing about place grammar, labels or ranking, only what the profile lists, so every layer above
 * can ask it without a cycle. Inside a parse it reads the page's profile (`paper()`); the site asks
 * with the configured profile.
 */
import { compileProfile, paper, PLACE_KIND, type GazetteerEntry, type PaperProfile } from "../profile";

export { PLACE_KIND, type GazetteerEntry };

/** The current paper's entry for a canonical name or an alias, as written (no trimming). */
export const entryOf = (name: string): GazetteerEntry | undefined => paper().byName.get(name);
/** Whether the current paper's gazetteer lists a name or alias. */
export const isListed = (name: string): boolean => paper().byName.has(name);
/** The current paper's county-level places. */
export const countyPlaces = (): readonly string[] => paper().countyPlaces;

const gazetteerOf = (profile?: PaperProfile) => (profile ? compileProfile(profile) : paper());

/** The gazetteer entry for a canonical name or an alias ("市人社局"), or null. */
export function lookupDepartment(name: string, profile?: PaperProfile): GazetteerEntry | null {
  return gazetteerOf(profile).byName.get(name.trim()) ?? null;
}

/** Every gazetteer entry (canonical name, kind, aliases), in the profile's order. */
export function listGazetteer(profile?: PaperProfile): readonly GazetteerEntry[] {
  return gazetteerOf(profile).entries;
}

/** Canonical name for a body as printed; unknown names are kept as found. */
export function canonicalDepartment(name: string): string {
  return entryOf(name)?.name ?? name;
}

/** A gazetteer name found in a text (from a lexicon scan). */
export interface NameMatch {
  term: string;
  entry: GazetteerEntry;
  at: number;
}

/** Every gazetteer name and alias with its entry, for scanners that look for several tables at once. */
export function gazetteerNames(): Iterable<readonly [string, GazetteerEntry]> {
  return paper().byName.entries();
}

/** Scans a text for every gazetteer name and alias. */
export function scanNames(text: string, visit: (term: string, entry: GazetteerEntry, at: number) => void): void {
  paper().names.scan(text, visit);
}
