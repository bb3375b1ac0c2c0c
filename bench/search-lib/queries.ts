/**
 * The benchmark's fixed mix of queries, drawn deterministically from the words of the sample
 * edition (jieba over its titles and paragraphs), so they hit the synthetic archive as a reader's
 * would: common and rare words, some that are not there at all.
 *
 *   350 two-character words        100 three-character words     200 four-character strings
 *   150 multi-word (2–3 words, some with an exclusion)
 *   200 with filters (department by name or alias, category, a year or a 90-day range; some two)
 *   every 8th query sorted by date, the rest by relevance
 */
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict";
import type { SearchParams } from "../../lib/search/query";
import { CATEGORIES, createRandom, pick, type Pool } from "./corpus";

export type QueryKind = "two-character" | "three-character" | "four-character" | "multi-word" | "filtered";

export interface BenchQuery {
  kind: QueryKind;
  params: SearchParams;
  /** The positive words, for the naive and trigram comparisons. */
  words: string[];
}

/** Words readers look for that the sample never prints: searches that find nothing. */
const ABSENT = ["火箭", "潜艇", "熊猫", "冰川", "沙漠", "芯片研发", "量子通信", "足球联赛"];

export function buildQueries(pool: Pool, range: { firstDate: string; lastDate: string }, count = 1000, seed = 7): BenchQuery[] {
  const random = createRandom(seed);
  const texts = [...pool.articles.map((a) => a.title), ...pool.paragraphs];
  const jieba = Jieba.withDict(dict);
  const words = [...new Set(texts.flatMap((t) => jieba.cut(t, false)))].filter((w) => /^[\u4e00-\u9fff]+$/.test(w)).sort();
  const byLength = (n: number) => words.filter((w) => w.length === n);
  const two = [...byLength(2), ...ABSENT.filter((w) => w.length === 2)];
  const three = byLength(3);
  // Four-character strings: dictionary words, and stretches of titles and paragraphs that cross words.
  const four = [...byLength(4), ...ABSENT.filter((w) => w.length === 4)];
  for (const t of texts) {
    const han = t.replace(/[^\u4e00-\u9fff]+/g, "");
    for (let k = 0; k < 3 && han.length >= 4; k++) {
      const at = Math.floor(random() * (han.length - 3));
      four.push(han.slice(at, at + 4));
    }
  }
  const firstYear = Number(range.firstDate.slice(0, 4));
  const lastYear = Number(range.lastDate.slice(0, 4));
  const span = (Date.parse(range.lastDate) - Date.parse(range.firstDate)) / 86_400_000;
  const dayAfter = (n: number) => new Date(Date.parse(range.firstDate) + n * 86_400_000).toISOString().slice(0, 10);

  const multi = (): string[] => {
    const n = 2 + Math.floor(random() * 2);
    return Array.from({ length: n }, () => pick(random, random() < 0.7 ? two : three));
  };
  const out: BenchQuery[] = [];
  const add = (kind: QueryKind, q: string[], extra: Partial<SearchParams> = {}, exclude?: string) => {
    const i = out.length;
    out.push({
      kind,
      params: { q: [...q, ...(exclude ? [`-${exclude}`] : [])].join(" "), sort: i % 8 === 7 ? "date" : "relevance", ...extra },
      words: q,
    });
  };
  const kinds: [QueryKind, number][] = [
    ["two-character", Math.round(count * 0.35)],
    ["three-character", Math.round(count * 0.1)],
    ["four-character", Math.round(count * 0.2)],
    ["multi-word", Math.round(count * 0.15)],
  ];
  kinds.push(["filtered", count - kinds.reduce((n, [, k]) => n + k, 0)]);
  const plan = kinds.flatMap(([kind, n]) => Array.from({ length: n }, () => kind));
  // Interleave the kinds, as a query log would.
  for (let i = plan.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [plan[i], plan[j]] = [plan[j]!, plan[i]!];
  }
  for (const kind of plan) {
    if (kind === "two-character") add(kind, [pick(random, two)]);
    else if (kind === "three-character") add(kind, [pick(random, three)]);
    else if (kind === "four-character") add(kind, [pick(random, four)]);
    else if (kind === "multi-word") add(kind, multi(), {}, random() < 0.15 ? pick(random, two) : undefined);
    else {
      const r = random();
      const q = r < 0.5 ? [pick(random, two)] : r < 0.75 ? [pick(random, four)] : multi();
      const filters: Partial<SearchParams> = {};
      const f = random();
      if (f < 0.4 || f > 0.9) {
        const d = pick(random, pool.departments.slice(0, 40));
        filters.department = random() < 0.5 || d.aliases.length === 0 ? d.name : pick(random, d.aliases);
      }
      if ((f >= 0.4 && f < 0.7) || f > 0.95) filters.category = pick(random, CATEGORIES);
      if (f >= 0.7) {
        if (random() < 0.5) {
          const y = firstYear + Math.floor(random() * (lastYear - firstYear + 1));
          Object.assign(filters, { from: `${y}-01-01`, to: `${y}-12-31` });
        } else {
          const start = Math.floor(random() * Math.max(1, span - 90));
          Object.assign(filters, { from: dayAfter(start), to: dayAfter(start + 90) });
        }
      }
      add(kind, q, filters);
    }
  }
  return out;
}
