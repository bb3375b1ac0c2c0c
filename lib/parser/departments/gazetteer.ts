/**
 * The gazetteer (data/departments.json) as the department finder reads it: every canonical name and
 * alias mapped to its entry, one lexicon over all of them for a single-pass scan, and the lookups the
 * rest of the parser and the site use ("市市场监管局" → "聊城市市场监督管理局"). It sits at the bottom
 * of the department modules: it knows nothing about place grammar, labels or ranking, only what the
 * data file lists, so every layer above can ask it without a cycle.
 */
import gazetteer from "../data/departments.json";
import { Lexicon } from "../lexicon";

/** One body in the gazetteer. `name` is the canonical name (also as `canonical`). */
export interface GazetteerEntry {
  canonical: string;
  name: string;
  /** "政府部门", "法院", "检察院", "事业单位", "高校", "县市区", "群团组织", "党委部门", "仲裁机构". */
  kind: string;
  aliases: readonly string[];
}

const ENTRIES: readonly GazetteerEntry[] = gazetteer.departments.map((d) =>
  Object.freeze({ canonical: d.name, name: d.name, kind: d.kind, aliases: Object.freeze([...d.aliases]) }),
);
export const BY_NAME = new Map<string, GazetteerEntry>();
for (const e of ENTRIES) BY_NAME.set(e.name, e);
for (const e of ENTRIES) for (const a of e.aliases) if (!BY_NAME.has(a)) BY_NAME.set(a, e);

/** Every name and alias, scanned for in one pass. */
export const NAMES = new Lexicon<GazetteerEntry>(BY_NAME.entries());

/** The gazetteer entry for a canonical name or an alias ("市人社局"), or null. */
export function lookupDepartment(name: string): GazetteerEntry | null {
  return BY_NAME.get(name.trim()) ?? null;
}

/** Every gazetteer entry (canonical name, kind, aliases), in the data file's order. */
export function listGazetteer(): readonly GazetteerEntry[] {
  return ENTRIES;
}

/** Canonical name for a body as printed; unknown names are kept as found. */
export function canonicalDepartment(name: string): string {
  return BY_NAME.get(name)?.name ?? name;
}

export const PLACE_KIND = "县市区";
export const COUNTY_PLACES = ENTRIES.filter((e) => e.kind === PLACE_KIND).map((e) => e.name);

/** A gazetteer name found in a text (from a lexicon scan). */
export interface NameMatch {
  term: string;
  entry: GazetteerEntry;
  at: number;
}

/** Every gazetteer name and alias with its entry, for scanners that look for several tables at once. */
export function gazetteerNames(): Iterable<readonly [string, GazetteerEntry]> {
  return BY_NAME.entries();
}
