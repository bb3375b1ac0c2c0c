/**
 * Fixture triples: tests/fixtures/corrections/<case>.txt (the page), <case>.edits.json (the edit
 * log, with the parse options) and <case>.expected.json (the effective page, every edit's outcome
 * and which article continues which), driven as a table. The whole page is compared, so an edit
 * that changes anything it should not (a warning left behind, a field re-derived differently) fails.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { applyEdits, articleIdentity, EditSchema, type ArticleIdentity, type Edit } from "@/lib/corrections";
import { decode, parsePage, type ParsedPage, type ParseOptions } from "@/lib/parser";

const DIR = path.join(import.meta.dirname, "../../fixtures/corrections");
const cases = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith(".expected.json"))
  .map((f) => f.replace(/\.expected\.json$/, ""))
  .sort();

interface EditsFile {
  note?: string;
  options?: ParseOptions;
  edits: Edit[];
}
interface Expected {
  page: ParsedPage;
  outcomes: { status: "applied" | "stale"; reason?: string }[];
  identity: ArticleIdentity;
}

const load = (name: string) => {
  const bytes = fs.readFileSync(path.join(DIR, `${name}.txt`));
  const log = JSON.parse(fs.readFileSync(path.join(DIR, `${name}.edits.json`), "utf8")) as EditsFile;
  const expected = JSON.parse(fs.readFileSync(path.join(DIR, `${name}.expected.json`), "utf8")) as Expected;
  return { bytes, log, expected };
};

describe("correction fixtures", () => {
  it("should cover every operation and a stale edit", () => {
    const ops = new Set(cases.flatMap((c) => load(c).log.edits.map((e) => e.op)));
    expect([...ops].sort()).toEqual(EditSchema.options.map((o) => o.shape.op.value).sort());
    expect(cases.some((c) => load(c).expected.outcomes.some((o) => o.status === "stale" && /文字已改变/u.test(o.reason ?? "")))).toBe(true);
  });
});

describe.each(cases)("correction fixture %s", (name) => {
  const { bytes, log, expected } = load(name);
  const parse = parsePage(bytes, log.options ?? {});
  const raw = decode(bytes).text;
  const out = applyEdits(parse, raw, log.edits);

  it("should hold valid edits", () => {
    for (const e of log.edits) expect(EditSchema.safeParse(e).success, JSON.stringify(e)).toBe(true);
  });

  it("should report each edit applied or stale, with the reason", () => {
    expect(out.outcomes.map((o) => o.edit)).toEqual(log.edits);
    expect(out.outcomes.map(({ status, reason }) => (reason === undefined ? { status } : { status, reason }))).toEqual(expected.outcomes);
  });

  it("should give the expected effective page", () => {
    expect(out.page.articles.map((a) => a.title)).toEqual(expected.page.articles.map((a) => a.title));
    expected.page.articles.forEach((e, i) => expect(out.page.articles[i], e.title).toEqual(e));
    expect(out.page).toEqual(expected.page);
  });

  it("should map the articles before to the articles after", () => {
    expect(articleIdentity(parse, out.page)).toEqual(expected.identity);
  });

  it("should leave the parse itself untouched", () => {
    expect(parse).toEqual(parsePage(bytes, log.options ?? {}));
  });
});
