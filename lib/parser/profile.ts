/**
 * The paper profile: what the parser knows about one paper rather than about Chinese newspapers in
 * general — its city and the names it goes by, its county-level places, the bodies of its gazetteer
 * with their aliases, the government that names a story's setting, and how many pages an issue has.
 * A profile is data (data/papers/<id>.json, validated by `PaperProfileSchema`), handed to
 * `parsePage(bytes, { profile })`; another city daily is another file, not a code change.
 *
 * The parser's stages read the profile of the page being parsed through `paper()`: `parsePage`
 * makes a profile current for the duration of one synchronous parse (`withProfile`) and restores
 * the previous one after, so the stages need no extra parameter and stay pure functions of the
 * page and its profile. What the stages derive from a profile (lookup maps, lexicons) is built once
 * per profile object and kept beside it (`perProfile`).
 */
import { z } from "zod";
import liaocheng from "../../data/papers/liaocheng.json";
import { Lexicon } from "./lexicon";

/** One body of the gazetteer: canonical full name, kind, and the other ways pages print it. */
const DepartmentSchema = z.strictObject({
  name: z.string().trim().min(2, "部门名称至少两个字"),
  /** "政府部门", "法院", "检察院", "事业单位", "高校", "县市区", "群团组织", "党委部门", "仲裁机构", … */
  kind: z.string().trim().min(1),
  aliases: z.array(z.string().trim().min(2, "别名至少两个字")).default([]),
});

const ID = /^[a-z0-9][a-z0-9-]{0,40}$/;
const WEEKDAY = /^[0-6]$/;

export const PaperProfileSchema = z
  .strictObject({
    $comment: z.string().optional(),
    /** The file's name without .json: lower-case letters, digits and hyphens. */
    id: z.string().regex(ID, "id 只能用小写字母、数字和连字符"),
    /** The paper's name as its masthead prints it ("聊城日报"): the site's name, feeds, citations. */
    name: z.string().trim().min(2),
    /** The city the paper is of, with its 市 ("聊城市"). */
    city: z.string().trim().min(2),
    /** Names the city goes by without its ending ("聊城"): a page naming one is this paper's own. */
    shortNames: z.array(z.string().trim().min(2)).default([]),
    /** The province ("山东省"): a body's name may start with it. */
    province: z.string().trim().min(2).nullable().default(null),
    /** Short names of zones a body's name may start with ("高新区", "经开区"). */
    extraPlaces: z.array(z.string().trim().min(2)).default([]),
    /** Bodies that name a story's setting rather than its subject ("聊城市人民政府"). */
    government: z.array(z.string().trim().min(2)).default([]),
    /** Pages a regular issue has, by weekday (0 = Sunday) where it differs: the desk names missing ones. */
    pages: z
      .strictObject({
        default: z.number().int().min(1).max(99),
        byWeekday: z.record(z.string().regex(WEEKDAY, "星期用 0(周日)到 6 表示"), z.number().int().min(1).max(99)).default({}),
      })
      .default({ default: 8, byWeekday: {} }),
    departments: z.array(DepartmentSchema),
  })
  .superRefine((p, ctx) => {
    // One name, one body: an alias listed twice would make a department's canonical name depend on
    // the file's order.
    const seen = new Map<string, string>();
    p.departments.forEach((d, i) => {
      for (const [j, n] of [d.name, ...d.aliases].entries()) {
        const other = seen.get(n);
        if (other !== undefined && other !== d.name) {
          ctx.addIssue({ code: "custom", path: ["departments", i, j === 0 ? "name" : "aliases"], message: `“${n}”已属于“${other}”` });
        }
        seen.set(n, d.name);
      }
    });
  });

export type PaperProfile = z.infer<typeof PaperProfileSchema>;

/** One body in the gazetteer. `name` is the canonical name (also as `canonical`). */
export interface GazetteerEntry {
  canonical: string;
  name: string;
  kind: string;
  aliases: readonly string[];
}

/** The kind of the gazetteer's county-level places ("东昌府区", "莘县"). */
export const PLACE_KIND = "县市区";

/** Bare prefixes any body's name may start with, whatever the paper ("市人社局", "县医院"). */
const BARE_PREFIXES = ["市", "县", "区", "省"] as const;

/** What the stages read from a profile, built once per profile. */
export interface CompiledProfile {
  readonly profile: PaperProfile;
  readonly entries: readonly GazetteerEntry[];
  /** Every canonical name and alias → its entry (the first entry listing it). */
  readonly byName: ReadonlyMap<string, GazetteerEntry>;
  /** Every name and alias, scanned for in one pass. */
  readonly names: Lexicon<GazetteerEntry>;
  /** The gazetteer's county-level places. */
  readonly countyPlaces: readonly string[];
  /** Places a body's name may start with, for bodies the gazetteer does not list (province, city, counties, zones, bare 市/县/区/省). */
  readonly placePrefixes: readonly string[];
  /** Names that show a page is this paper's: the city's short names and its listed places. */
  readonly ownPlaceNames: readonly string[];
  /** Bodies that name the setting, not the subject. */
  readonly setting: ReadonlySet<string>;
  /** Two-character words of this paper found in nearly every story ("聊城"): no evidence of topic. */
  readonly stopBigrams: readonly string[];
}

function compile(profile: PaperProfile): CompiledProfile {
  const entries: GazetteerEntry[] = profile.departments.map((d) =>
    Object.freeze({ canonical: d.name, name: d.name, kind: d.kind, aliases: Object.freeze([...d.aliases]) }),
  );
  const byName = new Map<string, GazetteerEntry>();
  for (const e of entries) byName.set(e.name, e);
  for (const e of entries) for (const a of e.aliases) if (!byName.has(a)) byName.set(a, e);
  const countyPlaces = entries.filter((e) => e.kind === PLACE_KIND).map((e) => e.name);
  const named = [profile.province, profile.city, ...profile.shortNames, ...countyPlaces, ...profile.extraPlaces].filter((p): p is string => !!p);
  const placePrefixes = [...new Set([...named, ...BARE_PREFIXES])];
  const stopBigrams = [...new Set([profile.city, ...profile.shortNames].flatMap((n) => bigrams(n)))];
  return Object.freeze({
    profile,
    entries,
    byName,
    names: new Lexicon<GazetteerEntry>(byName.entries()),
    countyPlaces,
    placePrefixes,
    ownPlaceNames: [...new Set([...profile.shortNames, profile.city, ...countyPlaces])],
    setting: new Set(profile.government),
    stopBigrams,
  });
}

function bigrams(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < s.length; i++) out.push(s.slice(i, i + 2));
  return out;
}

const compiled = new WeakMap<PaperProfile, CompiledProfile>();

/** The compiled form of a profile (built on first use, then kept with it). */
export function compileProfile(profile: PaperProfile): CompiledProfile {
  let c = compiled.get(profile);
  if (!c) compiled.set(profile, (c = compile(profile)));
  return c;
}

/**
 * The profile used when a caller names none: 聊城日报, the paper this installation was first built
 * for. The site and the import always pass the configured paper's profile (lib/paper).
 */
export const DEFAULT_PROFILE: PaperProfile = PaperProfileSchema.parse(liaocheng);

let active: CompiledProfile = compileProfile(DEFAULT_PROFILE);

/** The profile of the page being parsed. */
export function paper(): CompiledProfile {
  return active;
}

/**
 * Runs `fn` with `profile` current. The parser is synchronous, so nothing else runs between the
 * switch and the restore; the restore in `finally` keeps a throwing stage from leaking the profile.
 */
export function withProfile<T>(profile: PaperProfile | undefined, fn: () => T): T {
  const previous = active;
  active = compileProfile(profile ?? DEFAULT_PROFILE);
  try {
    return fn();
  } finally {
    active = previous;
  }
}

/**
 * A value derived from the current profile, built once per profile on first use: `build` runs
 * again only when a page of another paper is parsed.
 */
export function perProfile<T>(build: (p: CompiledProfile) => T): () => T {
  const cache = new WeakMap<CompiledProfile, T>();
  return () => {
    let v = cache.get(active);
    if (v === undefined) cache.set(active, (v = build(active)));
    return v;
  };
}
