/**
 * Chinese typesetting of printed text for the reader's pages. Display only: the stored text, the
 * search index, citations and the 原文 view keep exactly what was printed. Pure.
 */
import { escapeHtml, unescapeHtml } from "@/lib/text/escape";

/** The half-width marks that Chinese text sets full-width, and their full-width forms. */
const FULL_WIDTH: Record<string, string> = { ",": "\uff0c", ":": "\uff1a", ";": "\uff1b", "(": "\uff08", ")": "\uff09", "?": "\uff1f", "!": "\uff01" };
const HALF_WIDTH = /[,:;()?!]/;

/** Quotes that both Chinese and Latin text use: they say nothing about the script, so a neighbour is looked for past them. */
const QUOTES = new Set(["\u201c", "\u201d", "\u2018", "\u2019", '"', "'"]);

/**
 * Chinese text: ideographs, CJK punctuation (、。《》), full-width forms (,:), the em dash and the
 * ellipsis as Chinese sets them (——, ……).
 */
function isChinese(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const cp = ch.codePointAt(0) as number;
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x3000 && cp <= 0x303f) ||
    (cp >= 0xff00 && cp <= 0xffef) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x3ffff) ||
    cp === 0x2014 ||
    cp === 0x2026
  );
}

/** A web or mail address, where every mark is the address's own; trailing sentence marks are not part of it. */
const ADDRESS = /(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[!-~]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/giu;

function addressSpans(chars: readonly string[]): boolean[] {
  const inside = new Array<boolean>(chars.length).fill(false);
  const text = chars.join("");
  // Code unit offsets of the regex → code point indices of `chars`.
  const index: number[] = [];
  chars.forEach((c, i) => {
    for (let k = 0; k < c.length; k++) index.push(i);
  });
  for (const m of text.matchAll(ADDRESS)) {
    let url = m[0];
    // The sentence's marks after it are not the address's; a ")" is, when the address opened it.
    for (let c = url.at(-1); c !== undefined && ",:;?!.()".includes(c); c = url.at(-1)) {
      if (c === ")" && url.split("(").length > url.split(")").length - 1) break;
      url = url.slice(0, -1);
    }
    if (url === "") continue;
    const from = index[m.index] as number;
    const to = index[m.index + url.length - 1] as number;
    for (let i = from; i <= to; i++) inside[i] = true;
  }
  return inside;
}

/**
 * The text with the half-width `,:;()?!` that stand in Chinese text set full-width, as the
 * paper's print shows them: a mark is converted where a neighbour (past quotes and other such
 * marks) is Chinese. Numbers ("3,000", "8:30", "2:1"), Latin text ("Hello, world") and addresses
 * (URLs, mail) keep theirs. A pair of round brackets is converted together or not at all.
 */
export function fullWidthPunctuation(text: string): string {
  if (!HALF_WIDTH.test(text)) return text;
  const chars = Array.from(text);
  const address = addressSpans(chars);
  const skippable = (c: string | undefined) => c !== undefined && (QUOTES.has(c) || FULL_WIDTH[c] !== undefined);
  const neighbour = (i: number, step: 1 | -1) => {
    let k = i + step;
    while (skippable(chars[k])) k += step;
    return chars[k];
  };
  const convert = chars.map((c, i) => FULL_WIDTH[c] !== undefined && !address[i] && (isChinese(neighbour(i, -1)) || isChinese(neighbour(i, 1))));
  // Brackets match up: "(1)加强" converts its "(" with its ")", "(APP)" inside Chinese both.
  const open: number[] = [];
  chars.forEach((c, i) => {
    if (address[i]) return;
    if (c === "(") open.push(i);
    else if (c === ")" && open.length) {
      const o = open.pop() as number;
      const both = convert[o] === true || convert[i] === true;
      convert[o] = both;
      convert[i] = both;
    }
  });
  return chars.map((c, i) => (convert[i] ? (FULL_WIDTH[c] as string) : c)).join("");
}

/** A piece of a head: text that may break anywhere Chinese may, or a run to keep on one line. */
export type HeadPiece = { text: string; keep: boolean };

/**
 * Short runs a headline must not break inside: a subtitle's opening dash with its first character
 * (a line never starts "——" alone nor ends on it), a quoted name or phrase (“聊城样板”, 《民法典》),
 * and a date or a number with its unit (2026年4月8日, 4月, 3.5%).
 */
const KEEP_TOGETHER = /^\u2014{1,2}[^\u2014\s]|[\u201c\u300c][^\u201c\u201d\u300c\u300d]{1,8}[\u201d\u300d]|《[^《》]{1,10}》|\d+(?:[.,:]\d+)*(?:年(?:\d+月(?:\d+日)?)?|月(?:\d+日)?|日|号|%)?/gu;

/** Chinese words by the dictionary of the runtime's ICU (Node's full ICU): 打造|法治|山东|实践. */
const WORDS = new Intl.Segmenter("zh", { granularity: "word" });

/**
 * A headline split into runs to keep on one line and the text between them, so the page can set
 * each run unbreakable and a head breaks only between words: the runs of KEEP_TOGETHER, and every
 * word of two or more characters the segmenter finds in the rest. On a phone
 * "打造法治山东实践“聊城样板”" then wraps "打造法治山东 / 实践“聊城样板”", never "实/践" or "聊城样/板". Where
 * the dictionary knows no word (single characters) the text may break as Chinese always may. The
 * pieces join to the text exactly.
 */
export function headPieces(text: string): HeadPiece[] {
  const out: HeadPiece[] = [];
  const free = (t: string) => {
    for (const seg of WORDS.segment(t)) {
      const keep = seg.isWordLike === true && Array.from(seg.segment).length >= 2 && !/^[\x00-\x7f]+$/u.test(seg.segment);
      const prev = out.at(-1);
      if (!keep && prev && !prev.keep) prev.text += seg.segment;
      else out.push({ text: seg.segment, keep });
    }
  };
  let last = 0;
  for (const m of text.matchAll(KEEP_TOGETHER)) {
    // A lone digit or short number cannot break anyway: nothing to keep.
    if (m[0].length < 2 || /^\d+$/u.test(m[0])) continue;
    if (m.index > last) free(text.slice(last, m.index));
    out.push({ text: m[0], keep: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) free(text.slice(last));
  return out;
}

/**
 * fullWidthPunctuation for escaped text with only <mark> added (search titles and snippets, made
 * once for the page and the JSON API, which stays as printed). The marks are taken out, the text
 * unescaped and converted as one string, so a comma beside a mark still sees its Chinese
 * neighbour, then cut back at the same places: the conversion keeps every offset.
 */
export function fullWidthPunctuationMarked(html: string): string {
  const parts = html.split(/(<\/?mark>)/);
  const texts = parts.filter((_, i) => i % 2 === 0).map(unescapeHtml);
  const converted = fullWidthPunctuation(texts.join(""));
  let at = 0;
  return parts
    .map((p, i) => {
      if (i % 2 === 1) return p;
      const plain = texts[i / 2] as string;
      const out = converted.slice(at, at + plain.length);
      at += plain.length;
      return escapeHtml(out);
    })
    .join("");
}
