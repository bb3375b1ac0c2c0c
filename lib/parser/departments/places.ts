/**
 * Place grammar: where a place name starts and ends by its shape ("德州市", "齐河县", "莘县"), whether
 * a place is this paper's own, names that leave their place implicit ("市人社局"), the place a head
 * line opens with, and what a whole page says about whose it is (`PageHome`). Labels, bodies and
 * ranking all read places the same way, so the rules live once here, just above the gazetteer they
 * consult for this paper's listed places.
 */
import { isListed } from "./gazetteer";
import { paper } from "../profile";
import {
  BARE_PREFIX_AFTER,
  NOT_CITY_BEFORE,
  NOT_COUNTY_BEFORE,
  NOT_DISTRICT_BEFORE,
  NOT_PLACE_BEFORE_END,
  NOT_PLACE_FIRST,
  NOT_TOWN_DISTRICT,
  PLACE_END,
  isCjk,
} from "../rules";

/** This paper's own places: listed in the gazetteer, or one of its profile's place prefixes ("聊城市"). */
export const isOwnPlace = (place: string) => isListed(place) || paper().placePrefixes.includes(place);
/** Whether a text opens with one of this paper's named places ("聊城市…", "东昌府区…"; not a bare "市"). */
export const startsWithPlace = (text: string) => paper().placePrefixes.some((p) => p.length > 1 && text.startsWith(p));

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
export function atWordStart(text: string, p: number): boolean {
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

/** Whether a name starts with a bare 市/县/区, its place left implicit ("市人社局", "县农业农村局"). */
export function isBareStart(name: string): boolean {
  const c = name.charCodeAt(0);
  return c === SHI || c === XIAN || c === QU;
}

/** Whether one of this paper's listed places ("聊城市", "东昌府区") ends at `end` (exclusive). */
export function knownPlaceEndsAt(text: string, end: number): boolean {
  return paper().placePrefixes.some((p) => p.length > 1 && end >= p.length && text.startsWith(p, end - p.length));
}

/** The place an article's kicker or title opens with ("巨野县“一村一品”…" → "巨野县"), or null. */
export function headPlaceOf(kicker: string | null, title: string): string | null {
  return leadingPlace(kicker) ?? leadingPlace(title);
}


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
    this.own ??= paper().ownPlaceNames.some((p) => this.text.includes(p));
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
export function mostNamedPlace(text: string, only = 0): string | null {
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
