import type { Byline, BylineRole } from "./types";

const ROLE_WORDS: [RegExp, BylineRole][] = [
  [/^(?:文\/图|文图|文·图|图\/文|图文)$/u, "writer-photographer"],
  [/^(?:本报记者|记者|见习记者|特约记者|首席记者|融媒记者)$/u, "reporter"],
  [/^(?:本报通讯员|通讯员|特约通讯员)$/u, "correspondent"],
  [/^(?:摄影|摄|图片|图)$/u, "photographer"],
  [/^(?:作者|撰稿|文|实习生|笔者)$/u, "contributor"],
];
/** Role words glued to a name ("记者张三") are split off first. */
const GLUED = /^(本报记者|本报通讯员|见习记者|特约记者|通讯员|记者|文\/图|文图|摄影)([\u4e00-\u9fff·]{2,4})$/u;
const NAME = /^[\u4e00-\u9fff·]{2,5}$/u;

function roleOf(word: string): BylineRole | null {
  for (const [re, role] of ROLE_WORDS) if (re.test(word)) return role;
  return null;
}

/**
 * Reads "本报记者 A B 本报通讯员 C", "文图 A B", "记者 A 通讯员 B、C", "A" into people with roles.
 * Names with no role word before them are contributors. Returns null when the text holds anything
 * that is neither a role word nor a name, so sentences are never mistaken for bylines.
 */
export function parseBylineText(text: string, defaultRole: BylineRole = "contributor"): Byline[] | null {
  const words = text
    .replace(/^[■□●◆▲]\s*/u, "")
    .replace(/[::]/gu, " ")
    .split(/[\s\u3000、,,]+/u)
    .filter(Boolean);
  if (words.length === 0) return null;
  const out: Byline[] = [];
  let role: BylineRole = defaultRole;
  let sawRole = false;
  for (const raw of words) {
    const glued = GLUED.exec(raw);
    const parts = glued ? [glued[1] ?? "", glued[2] ?? ""] : [raw];
    for (const w of parts) {
      const r = roleOf(w);
      if (r) {
        role = r;
        sawRole = true;
        continue;
      }
      if (!NAME.test(w)) return null;
      if (!out.some((b) => b.name === w)) out.push({ name: w, role });
    }
  }
  if (out.length === 0) return null;
  // Trailing "摄" ("张三 摄") makes everyone before it a photographer.
  if (/[\s]摄$/u.test(text.trim()) && !sawRole) return out.map((b) => ({ ...b, role: "photographer" }));
  return out;
}

/** A head line that is a byline: "■ …" with names, or one starting with a role word. */
export function parseBylineLine(text: string): Byline[] | null {
  const bullet = /^[■□●◆▲]/u.test(text);
  const startsWithRole = /^(?:本报记者|本报通讯员|特约记者|见习记者|记者|通讯员|文\/图|文图|图\/文|摄影)[\s\u3000::]/u.test(text);
  if (!bullet && !startsWithRole) return null;
  return parseBylineText(text);
}

/** People in the dateline's brackets: "记者 A 通讯员 B C" or just "A" (a contributor). */
export function parseDatelinePeople(inner: string): Byline[] {
  return parseBylineText(inner) ?? [];
}

/** "记者 张三 摄" / "(张三 摄)" at the end of a caption. */
export function parsePhotoCredit(caption: string): Byline[] {
  const m = /[((]?\s*((?:本报)?(?:记者|通讯员|见习记者)?\s*[\u4e00-\u9fff·]{2,4}(?:[\s、][\u4e00-\u9fff·]{2,4})*)\s*摄\s*[))]?$/u.exec(caption);
  if (!m) return [];
  const names = (m[1] ?? "").replace(/^(?:本报)?(?:记者|通讯员|见习记者)\s*/u, "");
  return (parseBylineText(names) ?? []).map((b) => ({ name: b.name, role: "photographer" as const }));
}
