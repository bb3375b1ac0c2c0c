/**
 * The staff titles bylines were printed with ("本报记者", "本报通讯员", "首席记者"). The parser keeps
 * each person's role (reporter, correspondent, …) but not the words the paper printed before the
 * names, so "■ 本报记者 姜小皓" and "本报讯(记者 马永伟)" both store a reporter; readers should see
 * the first as printed. Read again from the article's own byline lines. Pure.
 */
import { parseBylineLine, parseClosingByline } from "./bylines";
import type { Line } from "./lines";
import { ROLE_WORDS } from "./rules";

/** Staff titles only: a credit such as 文图 or 摄影 is shown by its role's label (文/图, 摄影). */
const TITLES = ROLE_WORDS.filter(([, role]) => role === "reporter" || role === "correspondent");

/** Where a name is printed in a byline line, also when a two-character name is set with a space ("王 刚"). */
function nameAt(text: string, name: string): number {
  const i = text.indexOf(name);
  if (i >= 0 || name.length !== 2) return i;
  return text.search(new RegExp(`${name[0]}[\\s\\u3000]+${name[1]}`, "u"));
}

/** The staff title printed last before position `at` (the longest of those ending nearest), or null. */
function titleBefore(text: string, at: number): (typeof TITLES)[number] | null {
  let best: (typeof TITLES)[number] | null = null;
  let bestEnd = -1;
  for (const t of TITLES) {
    const start = text.lastIndexOf(t[0], at - t[0].length);
    if (start < 0) continue;
    const end = start + t[0].length;
    if (end > bestEnd || (end === bestEnd && t[0].length > (best?.[0].length ?? 0))) {
      best = t;
      bestEnd = end;
    }
  }
  return best;
}

/**
 * The printed title of each byline, in their order (null where none was printed or it says no
 * more than the role's label would): from the byline lines among `lines`, the article's head and
 * closing lines. A title counts only for a person of that line with the same role, so bylines an
 * editor typed differently keep their role's label.
 */
export function printedTitles(lines: readonly string[], bylines: readonly { name: string; role: string }[]): (string | null)[] {
  const found = new Map<string, string>();
  for (const text of lines) {
    const people = parseBylineLine(text) ?? parseClosingByline(text);
    for (const p of people ?? []) {
      const at = nameAt(text, p.name);
      const title = at < 0 ? null : titleBefore(text, at);
      if (title && title[1] === p.role && !found.has(`${p.name}\u0000${p.role}`)) found.set(`${p.name}\u0000${p.role}`, title[0]);
    }
  }
  return bylines.map((b) => {
    const t = found.get(`${b.name}\u0000${b.role}`) ?? null;
    return t === "记者" || t === "通讯员" ? null : t;
  });
}

/**
 * The lines an article's bylines may be printed on: its head (from its first line up to its first
 * body line) and the first line after its body (a closing "(本报通讯员 …)").
 *
 * @param lines the page's source lines (as lib/corrections sourceLines numbers them)
 * @param anchorLine the article's first line
 * @param bodyLines the source lines of its blocks
 */
export function bylineLinesOf(lines: readonly Line[], anchorLine: number | null, bodyLines: readonly number[]): string[] {
  if (anchorLine === null || bodyLines.length === 0) return [];
  const first = Math.min(...bodyLines);
  const last = Math.max(...bodyLines);
  const out: string[] = [];
  for (let no = anchorLine; no < first; no++) {
    const t = lines[no - 1]?.text;
    if (t) out.push(t);
  }
  for (let no = last + 1; no <= lines.length; no++) {
    const t = lines[no - 1]?.text;
    if (!t) continue;
    out.push(t);
    break;
  }
  return out;
}
