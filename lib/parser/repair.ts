import type { DraftArticle } from "./assemble";
import type { ParseWarning } from "./types";

const isCjk = (c: number) => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);

/**
 * Distinct CJK bigrams of a text — the "terms" topic similarity is judged on — packed into numbers
 * (two UTF-16 code units) so no string is allocated per bigram: this runs over every paragraph.
 */
function bigrams(text: string): Set<number> {
  const out = new Set<number>();
  let prev = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isCjk(c)) {
      if (prev >= 0) out.add(prev * 65536 + c);
      prev = c;
    } else prev = -1;
  }
  return out;
}

const pack = (w: string) => w.charCodeAt(0) * 65536 + w.charCodeAt(1);
// Bigrams so common in news text that they say nothing about the topic.
const STOP = new Set(
  "工作 我们 进行 开展 推动 推进 实现 发展 提升 服务 建设 相关 通过 以及 一个 全市 我市 记者 今年 目前 持续 不断 群众 积极 有效 加强 聊城 城市 市民"
    .split(" ")
    .map(pack),
);

const headOf = (a: DraftArticle) => bigrams(`${a.label ?? ""}${a.kicker ?? ""}${a.title}${a.subtitle ?? ""}`);

/**
 * Cheap first look, so ordinary pages skip the full comparison: does any article end with a
 * paragraph that shares more of another article's headline terms than of its own?
 */
function hasSuspects(articles: DraftArticle[]): boolean {
  const heads = articles.map(headOf);
  for (let ai = 0; ai < articles.length; ai++) {
    const paras = (articles[ai] as DraftArticle).blocks.filter((b) => b.type === "paragraph");
    if (paras.length < 3) continue;
    const last = paras[paras.length - 1];
    if (!last) continue;
    const terms = bigrams(last.text);
    const hits = (h: Set<number>) => {
      let n = 0;
      for (const t of h) if (!STOP.has(t) && terms.has(t)) n++;
      return n;
    };
    const own = hits(heads[ai] as Set<number>);
    for (let oi = 0; oi < articles.length; oi++) {
      if (oi !== ai && hits(heads[oi] as Set<number>) >= Math.max(2, own + 1)) return true;
    }
  }
  return false;
}

/**
 * Moves paragraphs printed after a different article (column flow) back to the article they belong
 * to. Only a run at the tail of an article is considered, and only when every paragraph in it is
 * clearly more about another article (shared rare terms, weighted by how few articles use them)
 * than about its own. Moved paragraphs go to the end of their article, flagged `relocated`.
 */
export function relocateStrays(articles: DraftArticle[], warnings: ParseWarning[]): void {
  if (articles.length < 2) return;
  if (!hasSuspects(articles)) return;
  const paraTerms = articles.map((a) => a.blocks.map((b) => (b.type === "paragraph" ? bigrams(b.text) : new Set<number>())));
  const headTerms = articles.map(headOf);
  // Document frequency of each bigram over articles.
  const df = new Map<number, number>();
  articles.forEach((_, ai) => {
    const all = new Set<number>(headTerms[ai]);
    for (const s of paraTerms[ai] ?? []) for (const t of s) all.add(t);
    for (const t of all) df.set(t, (df.get(t) ?? 0) + 1);
  });
  const n = articles.length;
  const idf = (t: number) => (STOP.has(t) ? 0 : Math.log((n + 1) / (df.get(t) ?? 1)));

  // For each article: in how many of its paragraphs each term occurs, so "the article without
  // these paragraphs" is a subtraction rather than a rebuilt set.
  const blockCounts = paraTerms.map((sets) => {
    const m = new Map<number, number>();
    for (const set of sets) for (const t of set) m.set(t, (m.get(t) ?? 0) + 1);
    return m;
  });

  /** How much paragraph `terms` shares with article `ai`, leaving out some of its blocks. */
  const affinity = (terms: Set<number>, ai: number, exclude: readonly number[]) => {
    const head = headTerms[ai] as Set<number>;
    const counts = blockCounts[ai] as Map<number, number>;
    const sets = paraTerms[ai] ?? [];
    let score = 0;
    for (const t of terms) {
      const w = idf(t);
      if (w === 0) continue;
      let c = counts.get(t) ?? 0;
      if (c > 0) for (const bi of exclude) if (sets[bi]?.has(t)) c--;
      // The headline carries the topic: shared head terms count double.
      if (head.has(t)) score += 2 * w;
      else if (c > 0) score += w;
    }
    return score;
  };

  const moves: { from: number; blockIdx: number[]; to: number }[] = [];
  articles.forEach((a, ai) => {
    const paraIdx = a.blocks.map((b, i) => (b.type === "paragraph" ? i : -1)).filter((i) => i >= 0);
    if (paraIdx.length < 3) return;
    const maxRun = Math.floor(paraIdx.length / 2);
    let run: number[] = [];
    let target = -1;
    for (let k = paraIdx.length - 1; k >= 1 && run.length < maxRun; k--) {
      const bi = paraIdx[k] as number;
      const terms = paraTerms[ai]?.[bi] ?? new Set<number>();
      const own = affinity(terms, ai, [...run, bi]);
      let best = -1;
      let bestScore = 0;
      for (let oi = 0; oi < n; oi++) {
        if (oi === ai) continue;
        const s = affinity(terms, oi, []);
        if (s > bestScore) {
          bestScore = s;
          best = oi;
        }
      }
      const clear = best >= 0 && bestScore >= 6 && bestScore > 2 * own + 2;
      if (!clear || (target >= 0 && best !== target)) break;
      target = best;
      run.unshift(bi);
    }
    // A stray run sits at the very end of its host (after it, only captions may follow).
    if (run.length && target >= 0) {
      const last = run[run.length - 1] as number;
      const after = a.blocks.slice(last + 1);
      if (after.every((b) => b.type === "caption")) moves.push({ from: ai, blockIdx: run, to: target });
    }
    run = [];
  });

  for (const m of moves) {
    const from = articles[m.from] as DraftArticle;
    const to = articles[m.to] as DraftArticle;
    const moved = m.blockIdx.map((i) => from.blocks[i]).filter((b): b is NonNullable<typeof b> => Boolean(b));
    from.blocks = from.blocks.filter((_, i) => !m.blockIdx.includes(i));
    // Insert before the target's trailing captions.
    let at = to.blocks.length;
    while (at > 0 && to.blocks[at - 1]?.type === "caption") at--;
    for (const b of moved) {
      b.flags = b.flags.filter((f) => f !== "start-missing" && f !== "end-missing");
      b.flags.push("relocated");
    }
    to.blocks.splice(at, 0, ...moved);
    const lines = moved.flatMap((b) => b.sourceLines);
    warnings.push({
      code: "relocated",
      message: `第${lines.join("、")}行印在《${from.title}》之后,按内容判断属于《${to.title}》,已移回该稿件,请核对。`,
      lines,
    });
  }
}
