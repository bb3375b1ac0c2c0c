/**
 * Body finding: the departments named in a text and how prominent each is there — gazetteer names
 * from a lexicon scan (or the caller's shared scan), and bodies the gazetteer does not list found by
 * a place (or a college's, university's or customs house's name) before a body ending (局, 中心,
 * 委员会, 法院, 大学…). It only counts; deciding which body an article is about is the ranking's job
 * above it, and it reads places through the place grammar below it.
 */
import { PLACE_KIND, scanNames, type NameMatch } from "./gazetteer";
import { perProfile } from "../profile";
import { atWordStart, isBareStart, isOwnPlace, knownPlaceEndsAt, placeLength } from "./places";
import { BARE_PREFIX_AFTER, BODY_ENDINGS, isNotBody, OFFICIAL_AFTER, OFFICIAL_FIRST, SOURCE_BEFORE, isCjk } from "../rules";

/** A body found in a text: how prominent it is there, where it first appears. */
export interface Found {
  score: number;
  first: number;
}
/** Bodies found in an article, canonical name → prominence. */
export type FoundBodies = Map<string, Found>;

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
    scanNames(text, (term, entry, at) => scanned.push({ term, entry, at }));
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

/** The paper's place prefixes by their first character, longest first. */
const prefixesByFirst = perProfile((paper) =>
  byChar(
    [...paper.placePrefixes].sort((a, b) => b.length - a.length),
    (p) => p.charCodeAt(0),
  ),
);

/** Start of the nearest place prefix before a body ending (a short run of ideographs), or -1. */
function placeStart(text: string, endingStart: number): number {
  const { index: PREFIX_LIST_OF, lists: PREFIXES_BY_FIRST } = prefixesByFirst();
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
