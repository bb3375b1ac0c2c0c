import type { DraftArticle } from "./assemble";
import { CJK_RUN } from "./rules";
import type { ParseWarning } from "./types";

/** Distinct CJK bigrams of a text: the "terms" topic similarity is judged on. */
function bigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(CJK_RUN)) {
    const run = m[0];
    for (let i = 0; i + 1 < run.length; i++) out.add(run.slice(i, i + 2));
  }
  return out;
}

// Bigrams so common in news text that they say nothing about the topic.
const STOP = new Set("工作 我们 进行 开展 推动 推进 实现 发展 提升 服务 建设 相关 通过 以及 一个 全市 我市 记者 今年 目前 持续 进一步 不断 群众 积极 有效 加强 聊城 城市 市民".split(" ").flatMap((w) => (w.length === 2 ? [w] : [])));

/**
 * Moves paragraphs printed after a different article (column flow) back to the article they belong
 * to. Only a run at the tail of an article is considered, and only when every paragraph in it is
 * clearly more about another article (shared rare terms, weighted by how few articles use them)
 * than about its own. Moved paragraphs go to the end of their article, flagged `relocated`.
 */
export function relocateStrays(articles: DraftArticle[], warnings: ParseWarning[]): void {
  if (articles.length < 2) return;
  const paraTerms = articles.map((a) => a.blocks.map((b) => (b.type === "paragraph" ? bigrams(b.text) : new Set<string>())));
  const headTerms = articles.map((a) => bigrams(`${a.label ?? ""}${a.kicker ?? ""}${a.title}${a.subtitle ?? ""}`));
  // Document frequency of each bigram over articles.
  const df = new Map<string, number>();
  articles.forEach((_, ai) => {
    const all = new Set<string>(headTerms[ai]);
    for (const s of paraTerms[ai] ?? []) for (const t of s) all.add(t);
    for (const t of all) df.set(t, (df.get(t) ?? 0) + 1);
  });
  const n = articles.length;
  const idf = (t: string) => (STOP.has(t) ? 0 : Math.log((n + 1) / (df.get(t) ?? 1)));

  /** How much paragraph `terms` shares with article `ai`, leaving out some of its blocks. */
  const affinity = (terms: Set<string>, ai: number, exclude: Set<number>) => {
    const pool = new Set<string>(headTerms[ai]);
    paraTerms[ai]?.forEach((s, bi) => {
      if (!exclude.has(bi)) for (const t of s) pool.add(t);
    });
    let score = 0;
    for (const t of terms) if (pool.has(t)) score += idf(t);
    // The headline carries the topic: shared head terms count double.
    for (const t of terms) if (headTerms[ai]?.has(t)) score += idf(t);
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
      const terms = paraTerms[ai]?.[bi] ?? new Set<string>();
      const exclude = new Set([...run, bi]);
      const own = affinity(terms, ai, exclude);
      let best = -1;
      let bestScore = 0;
      for (let oi = 0; oi < n; oi++) {
        if (oi === ai) continue;
        const s = affinity(terms, oi, new Set());
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
