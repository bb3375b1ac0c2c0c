import { BULLETS, BYLINE_NOISE, DATELINE, NAME_SEPARATOR, NOT_A_NAME, PERSON_NAME, PHOTO_CREDIT, ROLE_FIRST, ROLE_WORDS, SURNAMES } from "./rules";
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

/** A single ideograph: half of a two-character name printed with a space in it ("王 刚"). */
const isOneIdeograph = (w: string) => w.length === 1 && PERSON_NAME.test(`${w}${w}`);

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
const TRAILING_PHOTO = /(?:^|[\s\uff0f/])摄$/u;
const LEADING_SLASH = /^[\uff0f/]/u;

/**
 * Reads "本报记者 A B 本报通讯员 C", "文图 A B", "记者 A 通讯员 B、C", "记者A" or "A" into people with
 * roles; names are split on spaces and 、. A name with no role word before it is a `contributor`.
 * Returns null when the text holds anything that is neither a role word nor a name, so sentences
 * are never mistaken for bylines.
 *
 * @param text byline text, with or without a leading bullet ("■")
 */
export function parseBylineText(text: string): Byline[] | null {
  let t = text;
  if (t.length > 0 && BULLETS[t.charCodeAt(0)] === 1) t = t.slice(1);
  t = t.replace(COLONS, " ").trim();
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
  // The words between runs of NAME_SEPARATORS, split by hand: a sentence is rejected at its first
  // word that is not a name, without splitting the rest.
  const n = t.length;
  for (let i = 0; i < n; ) {
    while (i < n && NAME_SEPARATOR[t.charCodeAt(i)] === 1) i++;
    if (i === n) break;
    const from = i;
    while (i < n && NAME_SEPARATOR[t.charCodeAt(i)] !== 1) i++;
    let w = t.slice(from, i);
    if (BYLINE_NOISE.has(w)) continue;
    // Two-character names are often set with a space so they line up with three-character ones
    // ("本报记者 王 刚"): two single ideographs in a row are one name.
    if (isOneIdeograph(w)) {
      let j = i;
      while (j < n && NAME_SEPARATOR[t.charCodeAt(j)] === 1) j++;
      let k = j;
      while (k < n && NAME_SEPARATOR[t.charCodeAt(k)] !== 1) k++;
      const next = t.slice(j, k);
      if (isOneIdeograph(next) && !leadingRole(next)) {
        w += next;
        i = k;
      }
    }
    // Role words may be glued to the name ("记者张三") or stand alone.
    const r = leadingRole(w);
    if (r) {
      role = r.role;
      sawRole = true;
      w = w.slice(r.length).replace(LEADING_SLASH, "");
      // "摄影报道": a role word and a word that names no one.
      if (w === "" || BYLINE_NOISE.has(w)) continue;
    }
    if (!PERSON_NAME.test(w) || NOT_A_NAME.has(w)) return null;
    // Without a role word to vouch for it, a name must look like one: a family name, 2–4 characters.
    if (!sawRole && !looksLikePersonName(w)) return null;
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
  if (!bullet && (ROLE_FIRST[text.charCodeAt(0)] !== 1 || !leadingRole(text))) return null;
  return parseBylineText(text);
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

/**
 * The people in a dateline's brackets: "本报讯(记者 A 通讯员 B C)" → reporter A, correspondents
 * B and C; "本报讯(A)" → contributor A; "本报讯 …" (no brackets) → nobody.
 */
export function parseDateline(lead: string): Byline[] {
  const inner = DATELINE.exec(lead)?.[1];
  if (!inner) return [];
  return parseBylineText(inner) ?? [];
}

/** "记者 张三 摄" / "(张三 李四 摄)" closing a caption: the photographers. */
export function parsePhotoCredit(caption: string): Byline[] {
  const m = PHOTO_CREDIT.exec(caption);
  if (!m) return [];
  const people = parseBylineText(m[1] ?? "");
  return (people ?? []).map((b) => ({ name: b.name, role: "photographer" as const }));
}
