import gazetteer from "./data/departments.json";

export interface GazetteerEntry {
  name: string;
  kind: string;
  aliases: string[];
}

const ENTRIES: GazetteerEntry[] = gazetteer.departments;
const BY_NAME = new Map<string, GazetteerEntry>();
for (const e of ENTRIES) {
  BY_NAME.set(e.name, e);
  for (const a of e.aliases) if (!BY_NAME.has(a)) BY_NAME.set(a, e);
}
// Names grouped by their first two characters (packed into a number), longest first, so scanning a
// text costs one Map lookup per character instead of a 250-way regex alternation over it.
const BY_PREFIX = new Map<number, string[]>();
for (const name of [...BY_NAME.keys()].sort((a, b) => b.length - a.length)) {
  const key = name.charCodeAt(0) * 65536 + name.charCodeAt(1);
  const list = BY_PREFIX.get(key) ?? [];
  list.push(name);
  BY_PREFIX.set(key, list);
}

const FIRST_CHAR = new Uint8Array(65536);
for (const name of BY_NAME.keys()) FIRST_CHAR[name.charCodeAt(0)] = 1;

/** Gazetteer names in a text, longest match at each position, non-overlapping. */
function matchNames(text: string): { name: string; index: number }[] {
  const out: { name: string; index: number }[] = [];
  for (let i = 0; i + 1 < text.length; i++) {
    if (FIRST_CHAR[text.charCodeAt(i)] === 0) continue;
    const candidates = BY_PREFIX.get(text.charCodeAt(i) * 65536 + text.charCodeAt(i + 1));
    if (!candidates) continue;
    for (const name of candidates) {
      if (text.startsWith(name, i)) {
        out.push({ name, index: i });
        i += name.length - 1;
        break;
      }
    }
  }
  return out;
}

const PLACE_PREFIX = "(?:聊城市|聊城|山东省|东昌府区|茌平区|临清市|阳谷县|莘县|东阿县|冠县|高唐县|市|县|区)";
/** An unknown body in text: a place prefix, then a name ending like a body (…局, …中心, …法院 …). */
const UNKNOWN_BODY = new RegExp(
  `${PLACE_PREFIX}[\\u4e00-\\u9fff]{1,10}?(?:人民法院|人民检察院|委员会|管理局|服务局|税务局|中心|大学|学院|法院|检察院|局)`,
  "gu",
);
const NOT_BODY = /(?:大局|全局|格局|布局|困局|结局|开局|中心城区|为中心)$/u;
const LABEL_SHAPE = /^[\u4e00-\u9fff]{2,16}$/u;
const LABEL_SUFFIX = /(?:市|县|区|镇|乡|街道|局|中心|委员会|委|院|法院|检察院|大学|学院|系统|公司|集团|协会|办公室|办|厅|所|站|队|部|团|会|联|社区|村)$/u;

/** The gazetteer entry for a name or alias, or null. */
export function lookupDepartment(name: string): GazetteerEntry | null {
  return BY_NAME.get(name.trim()) ?? null;
}

/** Every gazetteer entry (canonical name, kind, aliases). */
export function listGazetteer(): readonly GazetteerEntry[] {
  return ENTRIES;
}

/** A label line above a headline names a place or body: "临清市", "东昌府区人民法院", "聊城税务系统". */
export function isLabelLike(text: string): boolean {
  if (lookupDepartment(text)) return true;
  return LABEL_SHAPE.test(text) && LABEL_SUFFIX.test(text) && [...text].length <= 14;
}

/** Canonical name for a body as printed (unknown names are kept as found). */
export function canonicalDepartment(name: string): string {
  return lookupDepartment(name)?.name ?? name;
}

// A body whose head is quoted ("市司法局党组书记、局长杨国强表示") is what the article is about.
const OFFICIAL_AFTER = /^(?:党组书记|党委书记|局长|副局长|主任|副主任|院长|副院长|检察长|庭长|负责人|书记|主席|校长|相关负责人)/u;
const PLACE_KINDS = new Set(["县市区"]);
const GENERIC = new Set(["聊城市人民政府"]);

/** Bodies named in a text, canonical, with prominence (mentions, +2 where an official speaks). */
export function findBodies(text: string): Map<string, number> {
  const found = new Map<string, number>();
  const covered: [number, number][] = [];
  for (const m of matchNames(text)) {
    const canon = BY_NAME.get(m.name)?.name ?? m.name;
    const start = m.index;
    const end = start + m.name.length;
    // "记者从市人社局获悉": the body the news comes from.
    const source = /从$/u.test(text.slice(Math.max(0, start - 1), start)) ? 3 : 0;
    const bonus = (OFFICIAL_AFTER.test(text.slice(end, end + 8)) ? 2 : 0) + source;
    found.set(canon, (found.get(canon) ?? 0) + 1 + bonus);
    covered.push([start, end]);
  }
  for (const m of text.matchAll(UNKNOWN_BODY)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (covered.some(([a, b]) => start < b && end > a)) continue;
    if (NOT_BODY.test(m[0])) continue;
    found.set(m[0], (found.get(m[0]) ?? 0) + 1);
  }
  return found;
}

/**
 * The bodies an article is about, canonical, primary first: the label, else the body named in the
 * subtitle, else the most prominent body in title and text (title mentions weigh most).
 */
export function resolveDepartments(parts: { label: string | null; title: string; subtitle: string | null; text: string }): string[] {
  const scores = new Map<string, number>();
  const bump = (name: string, by: number) => scores.set(name, (scores.get(name) ?? 0) + by);
  let primary: string | null = null;
  if (parts.label && isLabelLike(parts.label)) primary = canonicalDepartment(parts.label);
  if (!primary && parts.subtitle) {
    const inSub = [...findBodies(parts.subtitle).keys()][0];
    if (inSub) primary = inSub;
  }
  for (const [name, n] of findBodies(parts.title)) bump(name, 5 * n);
  for (const [name, n] of findBodies(parts.text)) bump(name, n);
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]).map(([n]) => n);
  // Places and the city government are the setting of most stories, rarely their subject.
  const isSetting = (n: string) => GENERIC.has(n) || PLACE_KINDS.has(lookupDepartment(n)?.kind ?? "");
  if (!primary) primary = ranked.find((n) => !isSetting(n)) ?? ranked[0] ?? null;
  if (!primary) return [];
  return [primary, ...ranked.filter((n) => n !== primary)];
}
