/**
 * Properties of `applyEdits` over random sequences of edits generated from the real fixture pages
 * (each edit built from the page as the edits before it left it, the way an editor makes them):
 * it never throws, it is deterministic, nothing is lost (every non-blank source line is claimed
 * exactly once), and the same log applied to a re-parse of the same text gives the same page.
 * A changed line makes every edit that names it stale, and still loses nothing.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { claimedLines, nonBlankLines } from "../support/page-lines";
import { applyEdits, lineRef, sourceLines, type Edit } from "@/lib/corrections";
import { rederivedForTest } from "@/lib/corrections/apply";
import { parsePage, type ParsedPage } from "@/lib/parser";
import { pages, session } from "./support/sessions";


/** What must hold of any effective page, whatever the edits. */
function checkPage(text: string, p: ParsedPage): void {
  expect(claimedLines(p)).toEqual(nonBlankLines(text));
  const lines = sourceLines(text);
  for (const a of p.articles) {
    expect(a.title.length, "title").toBeGreaterThan(0);
    expect(a.headLines).toEqual([...a.headLines].sort((x, y) => x - y));
    expect(a.headLines.length + a.blocks.length).toBeGreaterThan(0);
    for (const b of a.blocks) {
      expect(b.sourceLines.length).toBeGreaterThan(0);
      // A block's text is its lines' text: a paragraph's run on, a subhead's or caption's keep their breaks.
      expect(b.text).toBe(b.sourceLines.map((n) => lines[n - 1]?.text).join(b.type === "paragraph" ? "" : "\n"));
    }
  }
  for (const o of p.orphans) expect(p.warnings.some((w) => (w.code === "orphan" || w.code === "unplaced") && w.lines.join() === o.sourceLines.join())).toBe(true);
  for (const w of p.warnings) expect(w.message).toMatch(/[\u4e00-\u9fff]/u);
}

describe("corrections properties", () => {
  it("should read every unedited fixture article again exactly as the parser read it", () => {
    // So an edit changes only what it touches: an article's fields derived again after an edit
    // follow the parser's own rules, and a page with no effective edit is the parse itself.
    for (const { name, text } of pages) {
      const parse = parsePage(text);
      expect(rederivedForTest(parse, text), name).toEqual(parse);
      const reviews: Edit[] = parse.warnings.map((w) => ({ op: "review-warning", code: w.code, lines: w.lines.map((n) => lineRef(sourceLines(text), n)) }));
      const out = applyEdits(parse, text, reviews);
      expect(out.page, name).toEqual(parse);
      expect(out.outcomes.every((o) => o.status === "applied"), name).toBe(true);
    }
  });

  it("should never throw, lose nothing and report every edit", () => {
    fc.assert(
      fc.property(session, ({ text, parse, edits }) => {
        const out = applyEdits(parse, text, edits);
        expect(out.outcomes.map((o) => o.edit)).toEqual(edits);
        for (const o of out.outcomes) {
          if (o.status === "stale") expect(o.reason).toMatch(/[\u4e00-\u9fff]/u);
          expect(o.reason ?? "").not.toMatch(/出错|格式无效/u);
        }
        checkPage(text, out.page);
      }),
      { numRuns: 200 },
    );
  });

  it("should be deterministic and leave the parse untouched", () => {
    fc.assert(
      fc.property(session, ({ text, parse, edits }) => {
        const before = JSON.stringify(parse);
        const first = JSON.stringify(applyEdits(parse, text, edits));
        applyEdits(parsePage(pages[0]?.text ?? ""), pages[0]?.text ?? "", []); // other work between must not leak
        expect(JSON.stringify(applyEdits(parse, text, edits))).toBe(first);
        expect(JSON.stringify(parse)).toBe(before);
      }),
      { numRuns: 100 },
    );
  });

  it("should give the same page when the log is applied to a re-parse of the same text", () => {
    fc.assert(
      fc.property(session, ({ text, parse, edits }) => {
        const out = applyEdits(parse, text, edits);
        const again = applyEdits(parsePage(text), text, edits);
        expect(again.page).toEqual(out.page);
        expect(again.outcomes.map((o) => o.status)).toEqual(out.outcomes.map((o) => o.status));
      }),
      { numRuns: 100 },
    );
  });

  it("should mark every edit naming a changed line stale, and still lose nothing", () => {
    fc.assert(
      fc.property(session, fc.nat(), ({ text, edits }, k) => {
        const named = [...new Set(edits.flatMap((e) => JSON.stringify(e).match(/"line":\d+/gu) ?? []).map((s) => Number(s.slice(7))))];
        fc.pre(named.length > 0);
        const target = named[k % named.length] as number;
        // The file changed on that line (a re-import of edited bytes): its text is no longer the same.
        const ls = text.split(/\r\n|\r|\n/u);
        ls[target - 1] = `${ls[target - 1] ?? ""}改`;
        const changed = ls.join("\n");
        const out = applyEdits(parsePage(changed), changed, edits);
        out.outcomes.forEach((o) => {
          if (JSON.stringify(o.edit).includes(`"line":${target},`)) expect(o.status, JSON.stringify(o.edit)).toBe("stale");
        });
        checkPage(changed, out.page);
      }),
      { numRuns: 100 },
    );
  });
});
