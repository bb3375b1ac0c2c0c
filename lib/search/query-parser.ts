/**
 * The search box's language, compiled to an FTS5 MATCH expression over all the columns written by
 * lib/search/indexer.ts (head fields, body, and departments/people/category/page in meta):
 *
 *   公积金            articles containing "公积金" (an exact phrase of its bigrams)
 *   小麦 玉米         both (several words mean all of them; so do 、,;。!? between words, full-width or not)
 *   "潮头攻坚 实干争先"  a phrase: the words in this order, punctuation between them ignored (a space
 *                     between Chinese characters also finds them written together: "玉米一体化")
 *   仲裁 -税务        exclusion
 *   税                a single character
 *
 * Quotes may be "…", “…”, 「…」 or 『…』. Traditional characters are looked up as typed and in
 * simplified form; full-width letters and digits match half-width ones, Kangxi radicals the
 * characters they look like (lib/search/tokenize.ts).
 */
import { gramChars, simplify, toUnits, type Unit } from "@/lib/search/tokenize";

export interface QueryTerm {
  /** The term as typed (trimmed, without quotes or "-"). */
  raw: string;
  /** Unit sequences to look for: the simplified form, then the typed form when it differs. */
  variants: Unit[][];
  /** Typed in quotes. */
  phrase: boolean;
}

export interface ParsedQuery {
  /** Terms every result contains. */
  terms: QueryTerm[];
  /** Terms no result contains. */
  excluded: QueryTerm[];
  /** FTS5 MATCH expression, or null when there is nothing positive to look for. */
  match: string | null;
  /** FTS5 expression matching any excluded term, or null without exclusions. */
  exclude: string | null;
  /**
   * Terms beyond MAX_TERMS, as typed ("-" before excluded ones), which the search ignored: the
   * reader is told (a dropped word could have changed every result).
   */
  ignored: string[];
}

/**
 * At most this many terms of each kind are used; the rest are ignored and reported (`ignored`).
 * Each term is one more phrase for FTS5 to intersect and one more pattern for every snippet.
 */
export const MAX_TERMS = 12;

const QUOTES: Record<string, string> = { '"': '"', "“": "”", "「": "」", "『": "』", "＂": "＂" };
/**
 * Between words of an unquoted term these separate words like a space: each in its ASCII and
 * full-width form (a Chinese keyboard types "，"), and the half-width ideographic comma and stop.
 */
const WORD_SEPARATORS = /[,，、､;；。｡!！?？]+/u;

const ftsString = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * One unit sequence → FTS5 expression: a phrase of the index's tokens (lib/search/tokenize.ts).
 * A single Chinese run of three characters gives its trigram, of four or more the phrase of its
 * four-grams (the trigram and four-gram columns).
 * Otherwise: * A CJK run gives its bigrams, followed by its tail (last character) when another run follows,
 * since the text's run must end there too; a word gives itself. A last run of one character is a
 * prefix token (the text's run may go on: "2026年" → "2026 年" *), and a lone character is the
 * prefix query "税" *, which finds it wherever it stands.
 */
export function unitsExpression(units: Unit[]): string | null {
  if (units.length === 0) return null;
  // One Chinese run of three or more characters, the commonest longer query (digits beside its
  // characters included: "34笔", lib/search/tokenize.ts): its trigram, or the phrase of its
  // four-grams, found in those columns (same matches as its bigrams, far shorter doclists; one
  // token, or fewer to line up, where trigrams would need a phrase).
  const only = gramChars(units);
  if (only) {
    const n = only.length === 3 ? 3 : 4;
    const grams: string[] = [];
    for (let k = 0; k + n <= only.length; k++) grams.push(only.slice(k, k + n).map((u) => u.text).join(""));
    return ftsString(grams.join(" "));
  }
  const runs: Unit[][] = [];
  for (const u of units) {
    const last = runs[runs.length - 1];
    if (last && last[0]!.run === u.run) last.push(u);
    else runs.push([u]);
  }
  const tokens: string[] = [];
  let prefix = false;
  runs.forEach((run, i) => {
    const isLast = i === runs.length - 1;
    if (!run[0]!.cjk) tokens.push(run[0]!.text);
    else if (run.length > 1) {
      for (let k = 0; k + 1 < run.length; k++) tokens.push(run[k]!.text + run[k + 1]!.text);
      if (!isLast) tokens.push(run[run.length - 1]!.text);
    } else {
      tokens.push(run[0]!.text);
      prefix = isLast;
    }
  });
  return `${ftsString(tokens.join(" "))}${prefix ? " *" : ""}`;
}

function termExpression(term: QueryTerm): string | null {
  const parts = term.variants.map(unitsExpression).filter((x): x is string => x !== null);
  if (parts.length === 0) return null;
  return parts.length === 1 ? parts[0]! : `(${parts.join(" OR ")})`;
}

/**
 * A phrase's units with every space a break between runs, as it read before spaces between Chinese
 * characters became layout: so "潮头攻坚 实干争先" in quotes still finds "潮头攻坚,实干争先". Null
 * when that changes nothing.
 */
function spacesAsBreaks(s: string): Unit[] | null {
  const pieces = s.split(" ").filter(Boolean);
  if (pieces.length < 2) return null;
  const out: Unit[] = [];
  let run = 0;
  let joined = false;
  for (const piece of pieces) {
    const units = toUnits(piece);
    // Only a space between two Chinese characters reads differently as layout.
    if (out[out.length - 1]?.cjk && units[0]?.cjk) joined = true;
    for (const u of units) out.push({ ...u, run: run + u.run });
    run += units.length ? units[units.length - 1]!.run : 0;
  }
  return joined ? out : null;
}

const unitsKey = (units: Unit[]) => units.map((u) => `${u.run}:${u.text}`).join(" ");

function makeTerm(raw: string, phrase: boolean): QueryTerm | null {
  const simplified = simplify(raw);
  const forms = simplified === raw ? [raw] : [simplified, raw];
  const variants: Unit[][] = [];
  const seen = new Set<string>();
  const add = (units: Unit[] | null) => {
    const key = units && units.length ? unitsKey(units) : "";
    if (key && !seen.has(key)) {
      seen.add(key);
      variants.push(units!);
    }
  };
  for (const form of forms) add(toUnits(form));
  if (phrase) for (const form of forms) add(spacesAsBreaks(form));
  return variants.length ? { raw, variants, phrase } : null;
}

/** Splits what was typed into terms (see the module comment). */
function splitTerms(input: string): { raw: string; phrase: boolean; negative: boolean }[] {
  const out: { raw: string; phrase: boolean; negative: boolean }[] = [];
  const s = input.replace(/[\u3000\s]+/gu, " ");
  let i = 0;
  while (i < s.length) {
    if (s[i] === " ") {
      i++;
      continue;
    }
    let negative = false;
    if ((s[i] === "-" || s[i] === "－") && i + 1 < s.length && s[i + 1] !== " ") {
      negative = true;
      i++;
    }
    const close = QUOTES[s[i]!];
    if (close) {
      const end = s.indexOf(close, i + 1);
      const stop = end < 0 ? s.length : end;
      out.push({ raw: s.slice(i + 1, stop).trim(), phrase: true, negative });
      i = stop + 1;
      continue;
    }
    let end = s.indexOf(" ", i);
    if (end < 0) end = s.length;
    for (const piece of s.slice(i, end).split(WORD_SEPARATORS)) out.push({ raw: piece, phrase: false, negative });
    i = end;
  }
  return out.filter((t) => t.raw.length > 0);
}

/** Parses what the reader typed. Never throws: anything unparseable is ignored. */
export function parseQuery(input: string): ParsedQuery {
  const terms: QueryTerm[] = [];
  const excluded: QueryTerm[] = [];
  const ignored: string[] = [];
  const seen = new Set<string>();
  for (const t of splitTerms(input)) {
    const term = makeTerm(t.raw, t.phrase);
    if (!term) continue;
    const key = `${t.negative ? "-" : "+"}${unitsKey(term.variants[0]!)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const list = t.negative ? excluded : terms;
    if (list.length < MAX_TERMS) list.push(term);
    else ignored.push(`${t.negative ? "-" : ""}${t.phrase ? `"${t.raw}"` : t.raw}`);
  }
  const pos = terms.map(termExpression).filter((x): x is string => x !== null);
  const neg = excluded.map(termExpression).filter((x): x is string => x !== null);
  const exclude = neg.length ? neg.join(" OR ") : null;
  if (pos.length === 0) return { terms, excluded, match: null, exclude, ignored };
  let match = pos.join(" AND ");
  for (const n of neg) match = `(${match}) NOT ${n}`;
  return { terms, excluded, match, exclude, ignored };
}
