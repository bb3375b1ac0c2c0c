/**
 * Gaps in the printed text: paragraphs the parser found beginning or ending mid-sentence
 * (`start-missing`, `end-missing`, lib/parser/repair.ts markDamage). Readers are shown where text
 * is missing until an editor has dealt with the paragraph. Pure.
 *
 * An editor deals with it in one of two ways, and both must take the mark off the reader's page:
 * - fixes it: joining the two halves (the edit log's join-blocks) or cutting the block anew drops
 *   the flag in the effective parse itself (lib/corrections/apply.ts), so nothing is left to do;
 * - accepts it: marks the warning reviewed at the desk (Page.reviewedWarnings, keyed
 *   `code@lines` as lib/editor/warnings.ts warningKey) or by a `review-warning` edit. Neither
 *   changes the parse (the desk still lists the warning, marked reviewed), so the reader's view
 *   of the article (lib/db/articles.ts) drops the flags of reviewed warnings here.
 */
import type { Block, BlockFlag } from "@/lib/parser/types";

const GAP_FLAGS = ["start-missing", "end-missing"] as const satisfies readonly BlockFlag[];

/** A warning's key as the desk gives it (lib/editor/warnings.ts warningKey). */
const warningKey = (code: string, lines: readonly number[]) => `${code}@${lines.join(",")}`;
const gapKey = (code: (typeof GAP_FLAGS)[number], b: Block) => warningKey(code, b.sourceLines);

/**
 * The blocks as readers get them: a `start-missing` or `end-missing` flag whose warning an editor
 * reviewed is gone. Blocks without such a flag are returned as they are.
 *
 * @param reviewed warning keys (`code@lines`) marked reviewed
 */
export function settleReviewedGaps(blocks: readonly Block[], reviewed: Iterable<string>): Block[] {
  const done = new Set(reviewed);
  if (done.size === 0) return [...blocks];
  return blocks.map((b) => {
    const drop = GAP_FLAGS.filter((f) => b.flags.includes(f) && done.has(gapKey(f, b)));
    return drop.length ? { ...b, flags: b.flags.filter((f) => !(drop as BlockFlag[]).includes(f)) } : b;
  });
}

/** The warning keys a page's reviewed marks (Page.reviewedWarnings JSON) name; nothing when it is malformed. */
export function reviewedKeysOf(json: string): string[] {
  try {
    const marks = JSON.parse(json) as unknown;
    return Array.isArray(marks) ? marks.flatMap((m: { key?: unknown } | null) => (typeof m?.key === "string" ? [m.key] : [])) : [];
  } catch {
    return [];
  }
}

/** The warning keys of `review-warning` edits (PageEdit.edit JSON, active and not stale). */
export function reviewEditKeys(edits: readonly string[]): string[] {
  const out: string[] = [];
  for (const json of edits) {
    try {
      const e = JSON.parse(json) as { op?: unknown; code?: unknown; lines?: unknown };
      if (e.op !== "review-warning" || typeof e.code !== "string" || !Array.isArray(e.lines)) continue;
      out.push(warningKey(e.code, e.lines.map((l: { line?: unknown }) => Number(l?.line))));
    } catch {
      // A row that is not JSON reviews nothing.
    }
  }
  return out;
}

/** Where a paragraph's printed text is incomplete: before its first words, after its last. */
export function gapsOf(b: Block): { before: boolean; after: boolean } {
  if (b.type !== "paragraph") return { before: false, after: false };
  return { before: b.flags.includes("start-missing"), after: b.flags.includes("end-missing") };
}
