/**
 * Tokens for Chinese search. Chinese has no spaces and the commonest queries are two characters
 * ("法院", "小麦"), which a trigram index misses; so every run of CJK characters is indexed as its
 * overlapping bigrams (any typed string of 2+ characters becomes an exact phrase of bigrams) and as
 * single characters (single-character queries), plus Latin words and numbers, plus dictionary
 * words from jieba as a ranking signal. Index and query share `normalize`.
 */
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict";
import * as OpenCC from "opencc-js";

let jieba: Jieba | undefined;
const getJieba = () => (jieba ??= Jieba.withDict(dict));

let toSimplified: ((s: string) => string) | undefined;
/** Traditional → simplified (only queries need it: the paper prints simplified characters). */
export function simplify(s: string): string {
  toSimplified ??= OpenCC.Converter({ from: "t", to: "cn" });
  return toSimplified(s);
}

const isCjk = (c: number) => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);

/** Full-width letters and digits → half-width, lower case; punctuation and spaces → one space. */
export function normalize(s: string): string {
  return s.normalize("NFKC").toLowerCase();
}

export interface Pieces {
  /** CJK runs and Latin/number words, in text order. */
  parts: { cjk: boolean; text: string }[];
}

/** Splits normalized text into CJK runs and Latin/number words; everything else separates them. */
export function splitRuns(text: string): { cjk: boolean; text: string }[] {
  const out: { cjk: boolean; text: string }[] = [];
  let cur = "";
  let curCjk = false;
  const flush = () => {
    if (cur) out.push({ cjk: curCjk, text: cur });
    cur = "";
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isCjk(c)) {
      if (!curCjk) flush();
      curCjk = true;
      cur += text[i];
    } else if ((c >= 48 && c <= 57) || (c >= 97 && c <= 122) || c === 46 || c === 37) {
      // digits, a-z, "." inside numbers (8.58), "%"
      if (curCjk) flush();
      curCjk = false;
      if (c === 46 || c === 37) {
        if (cur) flush();
        continue;
      }
      cur += text[i];
    } else flush();
  }
  flush();
  return out;
}

/** Bigram stream (with Latin words in place) of a text: the columns phrases are matched in. */
export function bigramTokens(text: string): string {
  const out: string[] = [];
  for (const p of splitRuns(normalize(text))) {
    if (!p.cjk) out.push(p.text);
    else if (p.text.length === 1) out.push(p.text);
    else for (let i = 0; i + 1 < p.text.length; i++) out.push(p.text.slice(i, i + 2));
  }
  return out.join(" ");
}

/** Every CJK character, for single-character queries. */
export function unigramTokens(text: string): string {
  const out: string[] = [];
  for (const p of splitRuns(normalize(text))) if (p.cjk) for (const ch of p.text) out.push(ch);
  return out.join(" ");
}

/** Dictionary words of 3+ characters (jieba), a ranking signal for longer terms. */
export function wordTokens(text: string): string {
  return getJieba()
    .cut(text, false)
    .filter((w) => w.length >= 3 && isCjk(w.charCodeAt(0)))
    .join(" ");
}
