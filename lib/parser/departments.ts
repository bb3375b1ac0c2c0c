/**
 * Departments: the bodies an article is about, normalised to canonical full names through the
 * gazetteer in data/departments.json ("市市场监管局" → "聊城市市场监督管理局"). Bodies the gazetteer
 * does not list but that look like one (a place, then a name ending in 局 / 中心 / 委员会 / 法院 /
 * 检察院 / 大学) are kept as found.
 */
import gazetteer from "./data/departments.json";
import { Lexicon } from "./lexicon";
import {
  BARE_PREFIX_AFTER,
  BODY_ENDINGS,
  hasLabelForm,
  isNotBody,
  NOT_CITY_BEFORE,
  NOT_COUNTY_BEFORE,
  NOT_DISTRICT_BEFORE,
  NOT_PLACE_BEFORE_END,
  NOT_PLACE_FIRST,
  NOT_TOWN_DISTRICT,
  OFFICIAL_AFTER,
  OFFICIAL_FIRST,
  ORG_PREFIX,
  PLACE_END,
  PLACE_PREFIXES,
  SOURCE_BEFORE,
  isCjk,
} from "./rules";

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
const BY_NAME = new Map<string, GazetteerEntry>();
for (const e of ENTRIES) BY_NAME.set(e.name, e);
for (const e of ENTRIES) for (const a of e.aliases) if (!BY_NAME.has(a)) BY_NAME.set(a, e);

/** Every name and alias, scanned for in one pass. */
const NAMES = new Lexicon<GazetteerEntry>(BY_NAME.entries());

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

const PLACE_KIND = "县市区";
/** This paper's own places: listed in the gazetteer, or one of its known name prefixes ("聊城市"). */
const isOwnPlace = (place: string) => BY_NAME.has(place) || (PLACE_PREFIXES as readonly string[]).includes(place);
const startsWithPlace = (text: string) => PLACE_PREFIXES.some((p) => p.length > 1 && text.startsWith(p));

const SHI = 0x5e02; // 市
const XIAN = 0x53bf; // 县
const QU = 0x533a; // 区
const CHANG = 0x573a; // 场
const CHENG = 0x57ce; // 城

/**
 * Length of the place name that starts at `at` by its shape, or 0: one to three ideographs and
 * 省/市/县/区/旗 ("德州市", "齐河县", "任城区", "莘县"), the shortest that fits ("德州市市场…" is
 * "德州市"). The gazetteer lists only this paper's places; pages from other papers name theirs,
 * and their labels and bodies must be read the same way. Words with those endings ("城市", "社区",
 * "市场", "农业大县", "行政区") and determiners ("全市", "我县") are not places.
 */
export function placeLength(text: string, at: number): number {
  const c0 = text.charCodeAt(at);
  if (!isCjk(c0) || NOT_PLACE_FIRST[c0] === 1) return 0;
  for (let k = 1; k <= 3; k++) {
    const end = at + k;
    if (end >= text.length) return 0;
    const c = text.charCodeAt(end);
    if (PLACE_END[c] === 1) {
      const before = text.charCodeAt(end - 1);
      let ok: boolean;
      if (NOT_PLACE_BEFORE_END[before] === 1) ok = false;
      else if (c === XIAN) ok = NOT_COUNTY_BEFORE[before] !== 1;
      else if (k === 1) ok = false; // two characters: only "X县"
      else if (before === CHENG && (c === SHI || c === QU)) ok = k === 2 && NOT_TOWN_DISTRICT[c0] !== 1;
      else if (c === SHI) ok = NOT_CITY_BEFORE[before] !== 1 && text.charCodeAt(end + 1) !== CHANG;
      else if (c === QU) ok = NOT_DISTRICT_BEFORE[before] !== 1;
      else ok = true;
      if (ok) return k + 1;
    }
    if (!isCjk(c)) return 0;
  }
  return 0;
}

/** Whether a word may start at `p`: the start of the text, after a non-ideograph, or after "从/在/由/和…". */
function atWordStart(text: string, p: number): boolean {
  if (p === 0) return true;
  const before = text.charCodeAt(p - 1);
  return !isCjk(before) || BARE_PREFIX_AFTER[before] === 1;
}

/** The place a head line (label, kicker, title) opens with, by its shape ("巨野县“一村一品”…" → "巨野县"). */
export function leadingPlace(text: string | null): string | null {
  if (!text) return null;
  const n = placeLength(text, 0);
  return n > 0 ? text.slice(0, n) : null;
}

/**
 * Whether a short line names a place or body, as a label above a headline does: "临清市",
 * "东昌府区人民法院", "聊城税务系统", "齐河县人民法院". Gazetteer names qualify; other lines must
 * look like a name (ideographs only, ending like a place or body) and be short or start with a
 * place (a listed one, or any by its shape).
 */
export function isLabelLike(text: string): boolean {
  if (BY_NAME.has(text)) return true;
  if (text.length > 14 || !hasLabelForm(text)) return false;
  return text.length <= 6 || namesPlaceFirst(text);
}

/**
 * Whether a head line is a label by what the article says, where its shape alone does not tell (a
 * place the shape rules cannot vouch for: "枣林区" reads like "林区", a forest): a name of ideographs
 * with a place or body ending that the article's opening text repeats word for word ("枣林区行政审批
 * 服务局" over "…枣林区行政审批服务局推出…"). An article names its label's body or place; a title or
 * kicker it does not repeat so. `opening` is that text, or the article's lines with the first at `from`.
 */
export function isLabelNamedIn(text: string, opening: string | readonly OpeningLine[], from = 0): boolean {
  if (text.length < 3 || text.length > 14 || !hasLabelForm(text)) return false;
  if (typeof opening === "string") return opening.includes(text);
  // The lines themselves, one by one (a name is never split across paragraphs): no joined copy.
  let taken = 0;
  for (let k = from; k < opening.length && taken < OPENING_PARAGRAPHS; k++) {
    const t = opening[k] as OpeningLine;
    if (t.kind !== "text" && t.kind !== "dateline") continue;
    if (t.text.includes(text)) return true;
    taken++;
  }
  return false;
}

/** A line of an article's text as the segmenter holds it (a token: its kind and text). */
interface OpeningLine {
  kind: string;
  text: string;
}
/** Paragraphs of an article's opening text in which its label is looked for. */
const OPENING_PARAGRAPHS = 3;

/**
 * Whether a name opens with a place: a listed one, one by its shape, or one after a national
 * body's prefix ("国网宁阳县供电公司").
 */
function namesPlaceFirst(text: string): boolean {
  if (startsWithPlace(text) || placeLength(text, 0) > 0) return true;
  const org = ORG_PREFIX.exec(text);
  return org !== null && placeLength(text, org[0].length) > 0;
}

/**
 * Whether a line names a place or body so plainly that it can only be a label, never a subhead:
 * a gazetteer name, or a name that opens with a place ("肥城市", "齐河县人民法院"). An article
 * that has neither dateline nor byline is still found by such a label over its title.
 */
export function isPlainLabel(text: string): boolean {
  if (BY_NAME.has(text)) return true;
  return text.length <= 14 && hasLabelForm(text) && namesPlaceFirst(text);
}

/** A body found in a text: how prominent it is there, where it first appears. */
export interface Found {
  score: number;
  first: number;
}
/** Bodies found in an article, canonical name → prominence. */
export type FoundBodies = Map<string, Found>;

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

/**
 * Adds the bodies named in `text` to `into`, with their prominence: each mention counts 1, a
 * mention followed by an official speaking for it ("市司法局党组书记、局长杨国强表示") 2 more, the
 * body the news comes from ("记者从市人社局获悉") 3 more — all multiplied by `weight` (head lines
 * weigh more). `matches` are the gazetteer names a scan found in `text` (longest first at each
 * position), and `endings` the positions of the last characters of body endings (see
 * `bodyEndingMarks`) that scan found; names found by no scan are looked up here.
 */
export function collectBodies(
  text: string,
  weight: number,
  into: FoundBodies,
  offset = 0,
  matches?: readonly NameMatch[],
  endings?: readonly number[],
): void {
  if (text.length < 2) return;
  let found: readonly NameMatch[] | undefined = matches;
  if (!found) {
    const scanned: NameMatch[] = [];
    NAMES.scan(text, (term, entry, at) => scanned.push({ term, entry, at }));
    found = scanned;
  }
  // Spans of the names kept, as (start, end, 1 if a place else 0) triples.
  const spans: number[] = [];
  let coveredUntil = 0;
  // Longest match at each position, no overlaps.
  for (const m of found) {
    if (m.at < coveredUntil) continue;
    // An alias that leaves its place implicit ("市城管局", "县…"): standing on its own it is kept as
    // printed for now, since on another paper's page "市民政局" is that city's (see mergeShortForms);
    // inside a longer name it must follow a listed place of this paper ("聊城市城管局"), else it is
    // part of another city's body ("市城市管理局" inside "潍坊市城市管理局").
    const bare = isBareStart(m.term) && m.term !== m.entry.name;
    const standsAlone = bare && atWordStart(text, m.at);
    if (bare && !standsAlone && !knownPlaceEndsAt(text, m.at + 1)) continue;
    coveredUntil = m.at + m.term.length;
    spans.push(m.at, coveredUntil, m.entry.kind === PLACE_KIND ? 1 : 0);
    noteBody(text, standsAlone ? m.term : m.entry.name, m.at, coveredUntil, weight, offset, into);
  }
  findUnknownBodies(text, spans, weight, offset, into, endings);
}

/**
 * Counts one mention of a body at [start, end) of `text` into `into`: 1, 2 more when an official
 * speaks for it, 3 more when the news comes from it; times `weight`. (A plain function rather than
 * a closure per text: this runs for every name in every article.)
 */
function noteBody(text: string, name: string, start: number, end: number, weight: number, offset: number, into: FoundBodies): void {
  let s = 1;
  if (OFFICIAL_FIRST[text.charCodeAt(end)] === 1 && OFFICIAL_AFTER.test(text.slice(end, end + 6))) s += 2;
  if (start > 0 && SOURCE_BEFORE[text.charCodeAt(start - 1)] === 1) s += 3;
  const f = into.get(name);
  if (f) f.score += s * weight;
  else into.set(name, { score: s * weight, first: offset + start });
}

/**
 * Bodies the gazetteer does not list: a place prefix, a short name, a body ending. Only where an
 * ending's last character stands (局, 心, 会, 院, 学) is there a closer look: at `endings` if a
 * scan found them, else found here with one native search.
 */
function findUnknownBodies(text: string, known: readonly number[], weight: number, offset: number, into: FoundBodies, endings?: readonly number[]): void {
  if (endings) {
    for (const at of endings) findUnknownBodyAt(text, at + 1, known, weight, offset, into);
    return;
  }
  // (`test` rather than `exec`: no match object per hit; the match is one code unit.)
  ENDING_LAST.lastIndex = 0;
  while (ENDING_LAST.test(text)) findUnknownBodyAt(text, ENDING_LAST.lastIndex, known, weight, offset, into);
}

/** Whether a name starts with a bare 市/县/区, its place left implicit ("市人社局", "县农业农村局"). */
function isBareStart(name: string): boolean {
  const c = name.charCodeAt(0);
  return c === SHI || c === XIAN || c === QU;
}

/** Whether one of this paper's listed places ("聊城市", "东昌府区") ends at `end` (exclusive). */
function knownPlaceEndsAt(text: string, end: number): boolean {
  return PLACE_PREFIXES.some((p) => p.length > 1 && end >= p.length && text.startsWith(p, end - p.length));
}

/**
 * Characters right after 中心 that make it part of a longer name of something else: a school, a
 * hospital, a part of town ("石桥镇中心小学", "镇中心卫生院", "中心城区", "理论学习中心组").
 */
const NOT_CENTRE_AFTER = new Set([..."小中校幼医卫城街路村广组"].map((c) => c.charCodeAt(0)));
const JU = 0x5c40; // 局

/**
 * Start of a college's name ("澄州职业技术学院"), which may open with a place the shape rules do not
 * know: two to ten ideographs back to where a clause starts (the text's start, punctuation, or a
 * word such as 从/在/与); or -1. Never after a figure ("6个产业学院": a count, not a name).
 */
function collegeStart(text: string, endingStart: number): number {
  for (let p = endingStart - 1; p >= 0 && p >= endingStart - 10; p--) {
    if (!isCjk(text.charCodeAt(p))) return -1;
    if (p > endingStart - 2) continue;
    if (p === 0) return 0;
    const before = text.charCodeAt(p - 1);
    if (isCjk(before) ? BARE_PREFIX_AFTER[before] === 1 : !isAsciiOrDigit(before)) return p;
    if (!isCjk(before)) return -1;
  }
  return -1;
}
/** Letters and figures (half and full width): what a count or a code is written with. */
const isAsciiOrDigit = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xff10 && c <= 0xff19);

/** Characters right before 大学 that make it a verb phrase ("考上大学", "读大学"), not a name. */
const NOT_UNIVERSITY_BEFORE = new Set([..."上读念进考入办"].map((c) => c.charCodeAt(0)));
/** Characters right after 大学 that make another word ("大学生", "大学城", "大学路"). */
const NOT_UNIVERSITY_AFTER = new Set([..."生城路"].map((c) => c.charCodeAt(0)));

/**
 * Start of a university's name ("曲阜师范大学"), which needs no place in front: the word start
 * nearest before 大学, two to eight characters back; or -1.
 */
function universityStart(text: string, endingStart: number): number {
  if (NOT_UNIVERSITY_BEFORE.has(text.charCodeAt(endingStart - 1)) || NOT_UNIVERSITY_AFTER.has(text.charCodeAt(endingStart + 2))) return -1;
  for (let p = endingStart - 2; p >= 0 && p >= endingStart - 8; p--) {
    if (!isCjk(text.charCodeAt(p))) return -1;
    if (atWordStart(text, p)) return p;
  }
  return -1;
}

/**
 * Start of a customs house's name ("蓝溪海关", "青岛海关"), a city's name without its 市: the word
 * start two to four characters before 海关; or -1.
 */
function customsStart(text: string, endingStart: number): number {
  for (let p = endingStart - 2; p >= 0 && p >= endingStart - 4; p--) {
    if (!isCjk(text.charCodeAt(p))) return -1;
    if (atWordStart(text, p)) return p;
  }
  return -1;
}

/** The body, if any, whose ending's last character is at `end` − 1 (the longest ending that makes a name). */
function findUnknownBodyAt(text: string, end: number, known: readonly number[], weight: number, offset: number, into: FoundBodies): void {
  for (const ending of ENDINGS_BY_LAST[ENDING_LIST_OF[text.charCodeAt(end - 1)] as number] as readonly string[]) {
    const endingStart = end - ending.length;
    if (endingStart < 1 || !text.startsWith(ending, endingStart)) continue;
    // "…中心小学" is a school, not a centre; the second 局 of "…服务局局长" is the title's.
    if (ending === "中心" && NOT_CENTRE_AFTER.has(text.charCodeAt(end))) continue;
    if (ending === "局" && text.charCodeAt(endingStart - 1) === JU) continue;
    let start = placeStart(text, endingStart);
    if (start < 0 && ending === "大学") start = universityStart(text, endingStart);
    if (start < 0 && ending === "学院") start = collegeStart(text, endingStart);
    if (start < 0 && ending === "海关") start = customsStart(text, endingStart);
    if (start < 0) continue;
    // A listed place inside it is fine ("茌平区" in "茌平区工业和信息化局"); any other listed name
    // overlapping it means the match is wrong ("阳谷县人民检察院联合县水利局").
    let overlaps = false;
    for (let k = 0; k < known.length; k += 3) {
      const ks = known[k] as number;
      const ke = known[k + 1] as number;
      const inside = ks >= start && ke <= end && !(ks === start && ke === end);
      if (start < ke && end > ks && !(inside && known[k + 2] === 1)) {
        overlaps = true;
        break;
      }
    }
    if (overlaps) continue;
    const name = text.slice(start, end);
    // "蒙阴县野店镇的冷链物流中心" runs across a phrase: no body's name has 的 or 了 in it.
    if (isNotBody(name) || name.includes("的") || name.includes("了")) continue;
    noteBody(text, name, start, end, weight, offset, into);
    return; // the longest ending that makes a name ("人民法院" before "法院")
  }
}

/** The last characters of the body endings ("局心会院学"), for a scan that finds them along with names. */
export function bodyEndingMarks(): string {
  return ENDING_MARKS;
}
const ENDING_MARKS = [...new Set(BODY_ENDINGS.map((e) => e.charAt(e.length - 1)))].join("");
/** Last characters of the body endings, as one character class. */
const ENDING_LAST = new RegExp(`[${ENDING_MARKS}]`, "gu");

/**
 * Lists of strings by a character, as a code unit → list number table (0: none) and the lists, in
 * the order given: a typed-array read per character instead of a map lookup.
 */
function byChar(items: readonly string[], key: (s: string) => number): { index: Uint8Array; lists: string[][] } {
  const index = new Uint8Array(65536);
  const lists: string[][] = [[]];
  for (const s of items) {
    const c = key(s);
    if (index[c] === 0) {
      index[c] = lists.length;
      lists.push([]);
    }
    lists[index[c] as number]!.push(s);
  }
  return { index, lists };
}

/** The body endings by their last character, longest first as in BODY_ENDINGS. */
const { index: ENDING_LIST_OF, lists: ENDINGS_BY_LAST } = byChar(BODY_ENDINGS, (e) => e.charCodeAt(e.length - 1));

/** Place prefixes by their first character, longest first. */
const { index: PREFIX_LIST_OF, lists: PREFIXES_BY_FIRST } = byChar(
  [...PLACE_PREFIXES].sort((a, b) => b.length - a.length),
  (p) => p.charCodeAt(0),
);

/** Start of the nearest place prefix before a body ending (a short run of ideographs), or -1. */
function placeStart(text: string, endingStart: number): number {
  // The name between prefix and ending: one to twelve ideographs, nothing else.
  for (let p = endingStart - 1; p >= 0 && p >= endingStart - 14; p--) {
    if (!isCjk(text.charCodeAt(p))) return -1;
    if (p > endingStart - 2) continue;
    const list = PREFIX_LIST_OF[text.charCodeAt(p)] as number;
    if (list !== 0) {
      const prefixes = PREFIXES_BY_FIRST[list] as readonly string[];
      for (const prefix of prefixes) {
        if (p + prefix.length > endingStart - 1 || !text.startsWith(prefix, p)) continue;
        // A bare "市/县/区" must stand at a word boundary ("从市某局", not "政区划法院").
        if (prefix.length === 1 && !atWordStart(text, p)) continue;
        return p;
      }
    }
    // Another paper's place, by its shape, where a word starts ("从德州市…", ",齐河县…").
    if (atWordStart(text, p)) {
      const len = placeLength(text, p);
      if (len > 0 && p + len <= endingStart - 1) return p;
    }
  }
  return -1;
}

/** Bodies that set the scene of most stories rather than being their subject. */
const SETTING = new Set(["聊城市人民政府"]);
/** Places set the scene; so does the city government. (A place of another paper is one by its shape.) */
const isSetting = (name: string) => {
  const entry = BY_NAME.get(name);
  return SETTING.has(name) || entry?.kind === PLACE_KIND || (entry === undefined && placeLength(name, 0) === name.length);
};

/**
 * The bodies an article is about, canonical, primary first: the label (a place label gives way to
 * that place's own body named in the text: "临清市" → "临清市农业农村局"), else the body named in
 * the subtitle, else the most prominent body in head and text. Places and the city government
 * follow only when they are prominent (named twice, or in the head).
 *
 * @param found bodies in head and text, weighted (see `collectBodies`)
 * @param inSubtitle bodies in the subtitle alone
 * @param headPlace the place the article's kicker or title opens with, if any (see `leadingPlace`)
 * @param text the article's text, to find the place it names most when nothing else says
 * @param page the whole page, to tell whose place a gazetteer alias leaves implicit (see `PageHome`)
 */
export function resolveDepartments(
  label: string | null,
  found: FoundBodies,
  inSubtitle: FoundBodies | null,
  headPlace: string | null = null,
  text = "",
  page: PageHome | null = null,
): string[] {
  mergeShortForms(found, label, headPlace, text, page);
  if (inSubtitle) mergeShortForms(inSubtitle, label, headPlace, text, page);
  let primary: string | null = null;
  const ranked = rank(found);
  if (label) {
    const entry = BY_NAME.get(label);
    if (entry || isLabelLike(label) || isLabelNamedIn(label, text)) {
      primary = entry?.name ?? label;
      if (!entry || entry.kind === PLACE_KIND) {
        // "临清市" over a story about 临清市农业农村局: the body is the more exact answer.
        const place = primary;
        const own = ranked.find((n) => n !== place && n.startsWith(place) && !isSetting(n));
        if (own) primary = own;
      }
    }
  }
  if (!primary && inSubtitle) primary = rank(inSubtitle).find((n) => !isSetting(n)) ?? null;
  if (!primary) primary = ranked.find((n) => !isSetting(n)) ?? ranked[0] ?? null;
  if (!primary) return [];
  const main = primary;
  const rest = ranked.filter((n) => n !== main && (!isSetting(n) || (found.get(n)?.score ?? 0) >= 2));
  const canonicalLabel = label ? canonicalDepartment(label) : null;
  const labelFirst =
    canonicalLabel !== null &&
    canonicalLabel !== main &&
    !rest.includes(canonicalLabel) &&
    (BY_NAME.has(label ?? "") || isLabelLike(label ?? "") || isLabelNamedIn(label ?? "", text));
  // Primary first, then the label's body, then the rest: built in order rather than unshifted.
  const out = [main];
  if (labelFirst) out.push(canonicalLabel);
  for (let k = 0; k < rest.length && out.length < 10; k++) out.push(rest[k] as string);
  return out;
}

/**
 * The departments of an article from its parts, scanning each (for callers without a shared scan).
 */
export function departmentsOf(parts: { label: string | null; kicker: string | null; title: string; subtitle: string | null; text: string }): string[] {
  const found: FoundBodies = new Map();
  if (parts.kicker) collectBodies(parts.kicker, 3, found, -3000);
  collectBodies(parts.title, 5, found, -2000);
  let inSubtitle: FoundBodies | null = null;
  if (parts.subtitle) {
    inSubtitle = new Map();
    collectBodies(parts.subtitle, 1, inSubtitle, -1000);
    for (const [n, f] of inSubtitle) found.set(n, { score: (found.get(n)?.score ?? 0) + 3 * f.score, first: Math.min(found.get(n)?.first ?? 0, f.first) });
  }
  collectBodies(parts.text, 1, found, 0);
  const place = headPlaceOf(parts.kicker, parts.title);
  notePlace(found, place, 5, -2000);
  return resolveDepartments(parts.label, found, inSubtitle, place, parts.text);
}

/** The place an article's kicker or title opens with ("巨野县“一村一品”…" → "巨野县"), or null. */
export function headPlaceOf(kicker: string | null, title: string): string | null {
  return leadingPlace(kicker) ?? leadingPlace(title);
}

/**
 * Counts a place the head opens with among the bodies, as a listed place named there would be —
 * unless the gazetteer lists it (then the scan has counted it already).
 */
export function notePlace(found: FoundBodies, place: string | null, score: number, first: number): void {
  if (!place || isOwnPlace(place)) return;
  const f = found.get(place);
  if (f) f.score += score;
  else found.set(place, { score, first });
}

const COUNTY_PLACES = ENTRIES.filter((e) => e.kind === PLACE_KIND).map((e) => e.name);

/**
 * "县农业农村局" in a story about 高唐县 is 高唐县农业农村局: a body named with a bare "县/区/市"
 * prefix (its place left implicit) is merged into the same body named in full, in this order:
 * - a body found in the article whose name ends the same way ("德州市住房和城乡建设局" beside
 *   "市住房和城乡建设局"): the article itself says which place it means;
 * - the body of the article's place: the place its label names, or that its head opens with
 *   ("巨野县“一村一品”…"), or else the listed place it names most (if that body's full name is
 *   listed or was found too). A gazetteer alias is only moved to another paper's place;
 * - for a gazetteer alias ("市人社局"), its canonical name — on this paper's page (`page` names one of
 *   its places); on another paper's page the body of the place that page names most, else the alias
 *   stays as printed.
 */
function mergeShortForms(found: FoundBodies, label: string | null, headPlace: string | null, text: string, page: PageHome | null): void {
  let any = false;
  for (const name of found.keys()) {
    if (isBareStart(name)) {
      any = true;
      break;
    }
  }
  if (!any) return;
  let place: string | null = null;
  if (label) place = COUNTY_PLACES.find((p) => label.startsWith(p) || BY_NAME.get(label)?.name.startsWith(p)) ?? null;
  // The label or head states the place outright; a place only inferred from mentions must be confirmed.
  if (!place) place = leadingPlace(label) ?? headPlace;
  const sure = place !== null;
  if (!place) {
    let best = 0;
    for (const [name, f] of found) if (BY_NAME.get(name)?.kind === PLACE_KIND && f.score > best) [place, best] = [name, f.score];
  }
  const foreign = place !== null && !isOwnPlace(place);
  // Failing all that, another paper's place the text names again and again ("蒙阴县…", "蒙阴县…")
  // is the article's own — for bodies the gazetteer does not know; an alias keeps its canonical name.
  let inferred: string | null | undefined;
  // The names to merge and their counts, taken before the map changes under the loop (only these:
  // a copy of every entry would be thrown away for the rest).
  const bareNames: string[] = [];
  const bareCounts: Found[] = [];
  for (const [name, f] of found) {
    if (name.length < 3 || !isBareStart(name)) continue;
    bareNames.push(name);
    bareCounts.push(f);
  }
  for (let b = 0; b < bareNames.length; b++) {
    const name = bareNames[b] as string;
    const f = bareCounts[b] as Found;
    const entry = BY_NAME.get(name);
    if (entry && entry.name === name) continue; // a canonical name that starts so ("市…" is none today)
    const tail = name.slice(1);
    let target: string | null = null;
    for (const other of found.keys()) {
      if (other.length > name.length && !isBareStart(other) && other.endsWith(tail) && other.charCodeAt(other.length - name.length) === name.charCodeAt(0)) {
        target = other;
        break;
      }
    }
    if (!target && place && place.charCodeAt(place.length - 1) === name.charCodeAt(0) && (!entry || foreign)) {
      const full = place + tail;
      target = BY_NAME.get(full)?.name ?? (found.has(full) || sure ? full : null);
    }
    if (!target && !place && !entry && text) {
      if (inferred === undefined) inferred = mostNamedPlace(text);
      if (inferred && inferred.charCodeAt(inferred.length - 1) === name.charCodeAt(0)) target = inferred + tail;
    }
    // A gazetteer alias with nothing in the article to place it is this paper's body only on this
    // paper's page; on another paper's it is the body of the place that page names most, or else
    // stays as printed ("市统计局" on a page that names no city at all).
    if (!target && entry) target = page === null || page.namesOwnPlace() ? entry.name : page.placeEndingIn(name.charCodeAt(0)) + tail;
    if (!target || target === name || target === tail) continue;
    const g = found.get(target);
    found.set(target, { score: (g?.score ?? 0) + f.score, first: Math.min(g?.first ?? f.first, f.first) });
    found.delete(name);
  }
}

/** Names that show a page is this paper's: its city, and the places the gazetteer lists. */
const OWN_PLACE_NAMES = ["聊城", ...COUNTY_PLACES];

/**
 * What the whole page says about whose it is, for names that leave their place implicit ("市统计局"):
 * read lazily, once per page, and only if an article needs it.
 */
export class PageHome {
  private own: boolean | undefined;
  private readonly places = new Map<number, string>();

  constructor(private readonly text: string) {}

  /** Whether the page names this paper's city or one of its listed places anywhere. */
  namesOwnPlace(): boolean {
    this.own ??= OWN_PLACE_NAMES.some((p) => this.text.includes(p));
    return this.own;
  }

  /**
   * The place ending in `end` (市, 县 or 区) that the page names most, at least twice and more than
   * any other ("西陵市" on 西陵日报's page), or "" when none does.
   */
  placeEndingIn(end: number): string {
    let place = this.places.get(end);
    if (place === undefined) {
      place = mostNamedPlace(this.text, end) ?? "";
      this.places.set(end, place);
    }
    return place;
  }
}

/** Opening quotes and book-title marks: a name right inside them is a brand or a title. */
const QUOTED_BEFORE = new Set([..."\u201c\u2018\u300c\u300e\u300a"].map((c) => c.charCodeAt(0)));

/**
 * The place (by its shape, not one of this paper's) a text names most, if it names it at least
 * twice and more often than any other; null otherwise. Only asked for when an article names a body
 * with its place left implicit and nothing else tells the place. With `only`, places ending in
 * that character (市, 县 or 区) alone.
 */
function mostNamedPlace(text: string, only = 0): string | null {
  const counts = new Map<string, number>();
  for (let e = 1; e < text.length; e++) {
    const c = text.charCodeAt(e);
    if (only !== 0 ? c !== only : c !== XIAN && c !== QU && c !== SHI) continue;
    for (let s = Math.max(0, e - 3); s < e; s++) {
      // Not a name just inside quotes or book-title marks: "“阳光市监”" is a brand, not a city.
      if (!atWordStart(text, s) || QUOTED_BEFORE.has(text.charCodeAt(s - 1)) || placeLength(text, s) !== e - s + 1) continue;
      const name = text.slice(s, e + 1);
      if (!isOwnPlace(name)) counts.set(name, (counts.get(name) ?? 0) + 1);
      break;
    }
  }
  let best: string | null = null;
  let bestCount = 1;
  let tie = false;
  for (const [name, n] of counts) {
    if (n > bestCount) [best, bestCount, tie] = [name, n, false];
    else if (n === bestCount) tie = true;
  }
  return tie ? null : best;
}

/**
 * Names by prominence, ties by first appearance (then in the order found). An article names a
 * handful of bodies, so an insertion sort over the map's own order does, without copying entries.
 */
function rank(found: Map<string, Found>): string[] {
  const names: string[] = [];
  const ranks: Found[] = [];
  for (const [name, f] of found) {
    let at = names.length;
    while (at > 0) {
      const g = ranks[at - 1] as Found;
      if (g.score > f.score || (g.score === f.score && g.first <= f.first)) break;
      at--;
    }
    // Insert at `at`: shift the weaker ones down by hand (cheaper than two splices per name).
    names.push(name);
    ranks.push(f);
    for (let k = names.length - 1; k > at; k--) {
      names[k] = names[k - 1] as string;
      ranks[k] = ranks[k - 1] as Found;
    }
    names[at] = name;
    ranks[at] = f;
  }
  return names;
}
