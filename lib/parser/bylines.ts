import {
  BULLETS,
  BYLINE_NOISE,
  DATELINE,
  LAYOUT_SPACE,
  NAME_SEPARATOR,
  NOT_A_NAME,
  isPersonName,
  PHOTO_CREDIT,
  POSTFIX_ROLES,
  ROLE_FIRST,
  ROLE_WORDS,
  SURNAMES,
  WIRE_DATELINE,
  mayOpenDateline,
} from "./rules";
import type { Byline, BylineRole } from "./types";

/**
 * A bare name: a common family name first, two or three characters, or four with a compound
 * family name ("欧阳晓明"), or a "·" name. Four characters after a single family name are almost
 * always a phrase: "■ 高位推动", "■ 智慧助餐" are bulleted subheads, not people.
 */
function looksLikePersonName(w: string): boolean {
  if (w.includes("·")) return true;
  if (w.length < 2 || w.length > 4) return false;
  if (w.length === 4) return SURNAMES.has(w.slice(0, 2));
  return SURNAMES.has(w.charAt(0)) || (w.length >= 3 && SURNAMES.has(w.slice(0, 2)));
}

/**
 * A single ideograph: half of a two-character name printed with a space in it ("王 刚") — one that
 * PERSON_NAME (isPersonName) would take doubled, i.e. one in U+4E00–U+9FFF (read directly, no regex).
 */
const isOneIdeograph = (w: string) => w.length === 1 && w.charCodeAt(0) >= 0x4e00 && w.charCodeAt(0) <= 0x9fff;

/** The role words by their first character, in ROLE_WORDS order (so still longest first). */
const ROLES_BY_FIRST = new Map<number, (typeof ROLE_WORDS)[number][]>();
for (const entry of ROLE_WORDS) {
  const c = entry[0].charCodeAt(0);
  ROLES_BY_FIRST.set(c, [...(ROLES_BY_FIRST.get(c) ?? []), entry]);
}

/** The role word a text starts with, longest first ("本报记者" before "记者"). */
function leadingRole(word: string): { role: BylineRole; length: number } | null {
  const candidates = ROLE_FIRST[word.charCodeAt(0)] === 1 ? ROLES_BY_FIRST.get(word.charCodeAt(0)) : undefined;
  if (candidates) for (const [w, role] of candidates) if (word.startsWith(w)) return { role, length: w.length };
  return null;
}

// Compiled once (a regex literal in a function body is a new object on every call).
const COLONS = /[\uff1a:]/gu;
/** Whether a text has a colon (full or half width), so COLONS has anything to replace. */
const hasColon = (t: string) => t.includes("\uff1a") || t.includes(":");
const TRAILING_PHOTO = /(?:^|[\s\uff0f/])摄$/u;
const LEADING_SLASH = /^[\uff0f/]/u;

// The word after position `i` of `t` is t.slice(wordStart(t, i), wordEnd(t, wordStart(t, i)))
// (both ends `t.length` when there is none). Two functions returning numbers rather than one
// returning a pair: no array per word.
/** Where the word after position `i` of `t` starts: past the separators. */
function wordStart(t: string, i: number): number {
  const n = t.length;
  let j = i;
  while (j < n && NAME_SEPARATOR[t.charCodeAt(j)] === 1) j++;
  return j;
}
/** Where the word starting at `j` ends: at the next separator. */
function wordEnd(t: string, j: number): number {
  const n = t.length;
  let k = j;
  while (k < n && NAME_SEPARATOR[t.charCodeAt(k)] !== 1) k++;
  return k;
}

/**
 * A second role word right after the first ("文/本报记者 张三", "图/本报通讯员 李四"): the credit
 * for this article (photographs, words and photographs) says more than a staff title does; a staff
 * title says more than a bare 文.
 */
function combineRoles(first: BylineRole, second: BylineRole): BylineRole {
  return first === "photographer" || first === "writer-photographer" ? first : second;
}

/**
 * Reads "本报记者 A B 本报通讯员 C", "文图 A B", "记者 A 通讯员 B、C", "记者A", "文/A 图/B", "A B 文/图"
 * or "A" into people with roles; names are split on spaces and 、. A role word applies to the names
 * after it; a credit after names printed without one ("A B 文/图") applies to those names. A name
 * with no role word at all is a `contributor`. Returns null when the text holds anything that is
 * neither a role word nor a name, so sentences are never mistaken for bylines.
 *
 * @param text byline text, with or without a leading bullet ("■")
 */
export function parseBylineText(text: string): Byline[] | null {
  let t = text;
  if (t.length > 0 && BULLETS[t.charCodeAt(0)] === 1) t = t.slice(1);
  if (hasColon(t)) t = t.replace(COLONS, " ");
  t = t.trim();
  if (t === "") return null;
  // "张三 摄" / "张三/摄": the names before a trailing 摄 are photographers.
  let trailingPhoto = false;
  const photo = t.charCodeAt(t.length - 1) === 0x6444 /* 摄 */ ? TRAILING_PHOTO.exec(t) : null;
  if (photo) {
    trailingPhoto = true;
    t = t.slice(0, photo.index).trim();
  }
  const out: Byline[] = [];
  let role: BylineRole = "contributor";
  let sawRole = trailingPhoto;
  // The role was set by a word with no name after it yet: a second role word combines with it.
  let roleOpen = false;
  // The first of the names read since the last role word: a credit after them is theirs.
  let group = 0;
  // The words between runs of NAME_SEPARATORS, split by hand: a sentence is rejected at its first
  // word that is not a name, without splitting the rest.
  const n = t.length;
  for (let i = 0; i < n; ) {
    const from = wordStart(t, i);
    if (from === n) break;
    const to = wordEnd(t, from);
    i = to;
    let w = t.slice(from, to);
    if (BYLINE_NOISE.has(w)) continue;
    // Two-character names are often set with a space so they line up with three-character ones
    // ("本报记者 王 刚"): two single ideographs in a row are one name.
    if (isOneIdeograph(w) && !POSTFIX_ROLES.has(w)) {
      const j = wordStart(t, i);
      const k = wordEnd(t, j);
      const next = t.slice(j, k);
      if (isOneIdeograph(next) && !leadingRole(next) && !POSTFIX_ROLES.has(next)) {
        w += next;
        i = k;
      }
    }
    const credit = POSTFIX_ROLES.get(w);
    if (credit !== undefined) {
      // After names with no role word of their own, and last or before another role word: a
      // credit for those names ("张三 李四 文/图 王五 摄影"); otherwise it opens the names after it.
      const j = wordStart(t, i);
      const next = t.slice(j, wordEnd(t, j));
      if (out.length > group && (next === "" || leadingRole(next) !== null || POSTFIX_ROLES.has(next))) {
        for (let p = group; p < out.length; p++) (out[p] as Byline).role = credit;
        group = out.length;
        role = "contributor";
        roleOpen = false;
        sawRole = true;
        continue;
      }
      role = roleOpen ? combineRoles(role, credit) : credit;
      roleOpen = true;
      sawRole = true;
      group = out.length;
      continue;
    }
    // Role words may be glued to the name ("记者张三", "文/本报记者张三") or stand alone.
    for (let r = leadingRole(w); r; r = w === "" ? null : leadingRole(w)) {
      role = roleOpen ? combineRoles(role, r.role) : r.role;
      roleOpen = true;
      sawRole = true;
      group = out.length;
      w = w.slice(r.length);
      if (w.charCodeAt(0) === 0xff0f || w.charCodeAt(0) === 0x2f) w = w.replace(LEADING_SLASH, "");
    }
    // "摄影报道": a role word and a word that names no one.
    if (w === "" || BYLINE_NOISE.has(w)) continue;
    if (!isPersonName(w) || NOT_A_NAME.has(w)) return null;
    // Without a role word to vouch for it, a name must look like one: a family name, 2–4 characters.
    if (!sawRole && !looksLikePersonName(w)) return null;
    roleOpen = false;
    const finalRole: BylineRole = trailingPhoto && role === "contributor" ? "photographer" : role;
    if (!out.some((b) => b.name === w && b.role === finalRole)) out.push({ name: w, role: finalRole });
  }
  return out.length > 0 ? out : null;
}

/**
 * A byline line in an article head: "■ 本报记者 A", "本报通讯员 B C", "■ 文图 A B C". It must open
 * with a bullet or a role word, and hold nothing but role words and names.
 */
export function parseBylineLine(text: string): Byline[] | null {
  if (text.length === 0 || text.length > 60) return null;
  // "记者 王刚 摄" on a line of its own is a photo's credit (a caption), not the article's byline.
  if (text.charCodeAt(text.length - 1) === 0x6444 /* 摄 */ && TRAILING_PHOTO.test(text)) return null;
  const bullet = BULLETS[text.charCodeAt(0)] === 1;
  if (!bullet && (ROLE_FIRST[text.charCodeAt(0)] !== 1 || !leadingRole(text)) && !endsWithCredit(text)) return null;
  return parseBylineText(text);
}

/** The last characters of the words-and-pictures credits ("文/图", "图文"…). */
const CREDIT_LAST = new Set([...POSTFIX_ROLES].filter(([, role]) => role === "writer-photographer").map(([w]) => w.charCodeAt(w.length - 1)));

/**
 * Whether a line ends in a words-and-pictures credit after its names ("张伟 刘洋 文/图"): a byline
 * with its role word last. (A trailing 摄 makes a photo's credit instead, a caption's.)
 */
function endsWithCredit(text: string): boolean {
  // The credit's last character first: most short lines end otherwise, and need no word cut out.
  if (!CREDIT_LAST.has(text.charCodeAt(text.length - 1))) return false;
  let i = text.length;
  while (i > 0 && NAME_SEPARATOR[text.charCodeAt(i - 1)] !== 1) i--;
  return i > 0 && POSTFIX_ROLES.get(text.slice(i)) === "writer-photographer";
}

/**
 * A byline printed in brackets under an article's last paragraph: "(通讯员 尹晓东)", "(记者 王刚
 * 通讯员 李娜)", "(尹晓东)". A bracketed photo credit "(记者 张三 摄)" is left to the captions.
 */
export function parseClosingByline(text: string): Byline[] | null {
  const n = text.length;
  if (n < 4 || n > 40) return null;
  const open = text.charCodeAt(0);
  const close = text.charCodeAt(n - 1);
  if (!((open === 0xff08 && close === 0xff09) || (open === 0x28 && close === 0x29))) return null;
  const inner = text.slice(1, n - 1).trim();
  if (inner.length === 0 || inner.charCodeAt(inner.length - 1) === 0x6444 /* 摄 */) return null;
  return parseBylineText(inner);
}

/** Most words a dateline's people run to when printed without brackets ("记者 A 通讯员 B C 报道"). */
const MAX_SPACED_WORDS = 10;

/**
 * People printed after a dateline without brackets, from `from`: "本报济南讯 记者 李娜 通讯员 张伟
 * 报道 12月2日,…". They open with a role word (a bare name there could be the lead's first word) and
 * run, word by word, as far as every word is a role word or a name; the lead starts after them.
 */
function spacedPeople(lead: string, from: number): { people: Byline[]; end: number } | null {
  const j0 = wordStart(lead, from);
  if (j0 === lead.length || !leadingRole(lead.slice(j0, wordEnd(lead, j0)))) return null;
  // Word ends, then the longest run of whole words that reads as people.
  const ends: number[] = [];
  for (let i = from; ends.length < MAX_SPACED_WORDS; ) {
    const j = wordStart(lead, i);
    if (j === lead.length) break;
    const k = wordEnd(lead, j);
    ends.push(k);
    i = k;
  }
  for (let w = ends.length; w >= 1; w--) {
    const end = ends[w - 1] as number;
    // The lead follows at once, so the run must stop at a space ("记者 李娜 12月2日", not
    // "记者了解到,…"), and each name must look like one even after a role word.
    if (end < lead.length && LAYOUT_SPACE[lead.charCodeAt(end)] !== 1) continue;
    const people = parseBylineText(lead.slice(from, end));
    if (people && people.every((p) => looksLikePersonName(p.name))) return { people, end };
  }
  return null;
}

/**
 * A dateline's people and where its lead text starts (after the brackets or the people printed
 * without them): "本报讯(记者 A 通讯员 B C)4月1日,…" → reporter A, correspondents B and C;
 * "本报讯(A)…" → contributor A; "本报济南讯 记者 A …" → reporter A; "本报讯 …" → nobody. In a wire
 * agency's dateline ("新华社北京12月3日电(记者 A)", "(A B)") everyone named is the agency's reporter.
 * Null when the text opens with no dateline.
 */
export function readDateline(lead: string): { head: string; people: Byline[]; end: number } | null {
  const m = mayOpenDateline(lead) ? DATELINE.exec(lead) : null;
  if (!m) return null;
  let people: Byline[] = [];
  let end = m[0].length;
  if (m[1] !== undefined) people = parseBylineText(m[1]) ?? [];
  else {
    const spaced = spacedPeople(lead, end);
    if (spaced) ({ people, end } = spaced);
  }
  // (A wire's dateline never starts 本报 or 据本报: no need to ask the regex then.)
  if (people.length > 0 && lead.charCodeAt(lead.charCodeAt(0) === 0x636e /* 据 */ ? 1 : 0) !== 0x672c /* 本 */ && WIRE_DATELINE.test(lead)) {
    people = people.map((p) => (p.role === "contributor" ? { name: p.name, role: "reporter" as const } : p));
  }
  return { head: m[0], people, end };
}

/**
 * `readDateline` without the people: the dateline's head and where its lead text starts. For
 * callers after the date only (see dateline.ts), so the names in its brackets are not read again.
 */
export function readDatelineHead(lead: string): { head: string; end: number } | null {
  const m = mayOpenDateline(lead) ? DATELINE.exec(lead) : null;
  if (!m) return null;
  // Only people printed without brackets move the lead's start (see `readDateline`).
  const spaced = m[1] === undefined ? spacedPeople(lead, m[0].length) : null;
  return { head: m[0], end: spaced ? spaced.end : m[0].length };
}

/** The people in a dateline (see `readDateline`); none when there is no dateline. */
export function parseDateline(lead: string): Byline[] {
  return readDateline(lead)?.people ?? [];
}

/** "记者 张三 摄" / "(张三 李四 摄)" closing a caption: the photographers. */
export function parsePhotoCredit(caption: string): Byline[] {
  const m = PHOTO_CREDIT.exec(caption);
  if (!m) return [];
  const people = parseBylineText(m[1] ?? "");
  return (people ?? []).map((b) => ({ name: b.name, role: "photographer" as const }));
}
