/**
 * The parser's doubtful article boundaries (boundary-doubt warnings) once an editor decides: a
 * split at the doubted subhead settles it, an unrelated edit leaves it for review.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { applyEdits, lineRef, sourceLines } from "@/lib/corrections";
import { decode, parsePage } from "@/lib/parser";

const FILE = path.join(import.meta.dirname, "../../fixtures/pages/seg-13-feature-subheads-kept.txt");

describe("boundary-doubt after corrections", () => {
  const bytes = fs.readFileSync(FILE);
  const raw = decode(bytes).text;
  const parse = parsePage(bytes);
  const lines = sourceLines(raw);
  const doubt = parse.warnings.find((w) => w.code === "boundary-doubt");

  it("should start from a doubt the parser resolved as a subhead", () => {
    expect(doubt?.message).toContain("按小标题处理");
  });

  it("should drop the doubt once an editor splits the article there", () => {
    const at = doubt!.lines[0]!;
    const out = applyEdits(parse, raw, [{ op: "split-article", at: [lineRef(lines, at)] }]);
    expect(out.outcomes[0]?.status).toBe("applied");
    expect(out.page.warnings.some((w) => w.code === "boundary-doubt")).toBe(false);
  });

  it("should keep it while the edits leave that boundary alone", () => {
    const first = parse.articles[0]!;
    const out = applyEdits(parse, raw, [{ op: "set-article", article: lineRef(lines, first.headLines[0]!), set: { title: "另拟的标题" } }]);
    expect(out.outcomes[0]?.status).toBe("applied");
    expect(out.page.warnings.filter((w) => w.code === "boundary-doubt")).toEqual([doubt]);
  });
});
