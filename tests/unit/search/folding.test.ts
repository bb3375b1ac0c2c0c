/**
 * What people type and what PDF extraction leaves (issue 17): full-width separators, Kangxi and CJK
 * radicals, spaces that are layout, numbers beside Chinese characters, too many words. Each case
 * is checked against the real article_fts table (its migration, in memory) and the highlighter, so
 * the index, the query parser and the marks agree.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { findMatches, highlightHtml } from "@/lib/search/highlight";
import { buildIndexRow } from "@/lib/search/indexer";
import { MAX_TERMS, parseQuery } from "@/lib/search/query-parser";
import { foldLookalikes } from "@/lib/text/fold";
import { parsePage } from "@/lib/parser";

const migrations = path.join(import.meta.dirname, "../../../prisma/migrations");
const latest = fs.readdirSync(migrations).filter((d) => d.endsWith("_search_fourgrams"))[0]!;
const db = new Database(":memory:");
db.exec(fs.readFileSync(path.join(migrations, latest, "migration.sql"), "utf8"));
afterAll(() => db.close());
const columns = ["title", "label", "kicker", "subtitle", "body", "meta", "title3", "head3", "body3", "meta3", "title4", "head4", "body4", "meta4"] as const;
const insert = db.prepare(`INSERT INTO article_fts (rowid, ${columns.join(", ")}) VALUES (?, ${columns.map(() => "?").join(", ")})`);
const matchIds = db.prepare("SELECT rowid FROM article_fts WHERE article_fts MATCH ? ORDER BY rowid").pluck();

/** Indexes the texts (text i is row i + 1, as a title or as a body) and returns a search over them. */
function corpus(texts: readonly string[], as: "title" | "body" = "body"): (q: string) => string[] {
  db.exec("INSERT INTO article_fts (article_fts) VALUES ('delete-all')");
  texts.forEach((t, i) => {
    const row = buildIndexRow({ title: as === "title" ? t : "标题", label: null, kicker: null, subtitle: null, plainText: as === "body" ? t : "", meta: [] });
    insert.run(i + 1, ...columns.map((c) => row[c]));
  });
  return (q) => {
    const { match } = parseQuery(q);
    return match ? (matchIds.all(match) as number[]).map((id) => texts[id - 1]!) : [];
  };
}

const marked = (text: string, q: string) => highlightHtml(text, q).match(/<mark>[^<]*<\/mark>/g) ?? [];

describe("full-width separators", () => {
  it.each(["，", "；", "！", "？", ",", "、"])("should read 小麦%s一体化 as two words, both required", (sep) => {
    const find = corpus(["小麦收购与玉米一体化", "小麦收购", "玉米一体化"]);
    const { terms } = parseQuery(`小麦${sep}一体化`);
    expect(terms.map((t) => t.raw)).toEqual(["小麦", "一体化"]);
    expect(find(`小麦${sep}一体化`)).toEqual(["小麦收购与玉米一体化"]);
  });
});

describe("Kangxi radicals and other look-alikes", () => {
  const pdf = "本报讯 6⽉3⽇,市⼈民法院召开会议。⻔诊楼⻢上开放。";

  it("should index an article extracted with radicals as the characters they stand for", () => {
    const find = corpus([pdf, "民法典宣传"]);
    expect(find("6月3日")).toEqual([pdf]);
    expect(find("人民法院")).toEqual([pdf]);
    expect(find("门诊")).toEqual([pdf]);
    expect(find("马上")).toEqual([pdf]);
  });

  it("should fold radicals typed in a query, not drop them", () => {
    const find = corpus(["市人民法院", "民法典宣传"]);
    expect(parseQuery("⼈民").match).toBe('"人民"');
    expect(find("⼈民")).toEqual(["市人民法院"]);
    expect(find("⽉⽇")).toEqual([]);
  });

  it("should mark the matches in the text as extracted", () => {
    expect(highlightHtml(pdf, "人民法院")).toContain("<mark>⼈民法院</mark>");
    expect(highlightHtml("市人民法院", "⼈民")).toBe("市<mark>人民</mark>法院");
  });

  it("should fold only look-alikes in the parser's input, and store what was meant", () => {
    expect(foldLookalikes("６⽉３⽇，⻓江\u3000\uf900")).toBe("６月３日，长江\u3000\u8c48");
    const page = parsePage("要闻\n\n市⼈民法院开展普法活动\n\n本报讯(记者 张三)6⽉3⽇,市⼈民法院开展普法活动。\n");
    const text = JSON.stringify(page.articles);
    expect(text).toContain("6月3日");
    expect(text).toContain("人民法院");
    expect(text).not.toMatch(/[\u2e80-\u2fdf]/);
  });
});

describe("spaces between Chinese characters", () => {
  const title = "潮头攻坚 实干争先";

  it("should find a headline typed without the space between its halves", () => {
    const find = corpus([title, "潮头攻坚", "实干争先"], "title");
    expect(find("潮头攻坚实干争先")).toEqual([title]);
    expect(find("攻坚实干")).toEqual([title]);
    expect(find("坚实")).toEqual([title]);
    expect(marked(title, "攻坚实干")).toEqual(["<mark>攻坚 实干</mark>"]);
  });

  it("should find a quoted phrase with a space in text written together, and as before with punctuation between", () => {
    const find = corpus(["玉米一体化", "玉米 一体化", "玉米,一体化", "一体化玉米"]);
    expect(find('"玉米 一体化"')).toEqual(["玉米一体化", "玉米 一体化", "玉米,一体化"]);
    // Unquoted, the space still separates words.
    expect(find("玉米 一体化")).toEqual(["玉米一体化", "玉米 一体化", "玉米,一体化", "一体化玉米"]);
  });

  it("should keep spaces between Latin words and across line breaks", () => {
    const find = corpus(["big data", "bigdata", "第一段\n第二段"]);
    expect(find("bigdata")).toEqual(["bigdata"]);
    expect(find("段第")).toEqual([]);
  });
});

describe("numbers beside Chinese characters", () => {
  const texts = ["累计办理5334笔", "2026年全市", "6月13日", "6月3日", "16日上午", "6日上午", "12026", "2026"];

  it("should find digits and Chinese of three or more characters inside longer numbers", () => {
    const find = corpus(texts);
    expect(find("34笔")).toEqual(["累计办理5334笔"]);
    expect(find("26年")).toEqual(["2026年全市"]);
    expect(find("6月3日")).toEqual(["6月3日"]);
    expect(find("月13日")).toEqual(["6月13日"]);
    expect(marked("累计办理5334笔", "34笔")).toEqual(["<mark>34笔</mark>"]);
  });

  it("should match a number with a single character beside it, or a number alone, as a whole number", () => {
    const find = corpus(texts);
    expect(find("6日")).toEqual(["6日上午"]);
    expect(find("2026")).toEqual(["2026年全市", "2026"]);
    expect(marked("16日上午", "6日")).toEqual([]);
  });

  it("should find a term of digits and Chinese exactly when the text contains it, and mark it there", () => {
    const text = fc.string({ unit: fc.constantFrom("年", "月", "1", "2", ",", "\n"), maxLength: 30 });
    const query = fc
      .string({ unit: fc.constantFrom("年", "月", "1", "2"), minLength: 3, maxLength: 6 })
      .filter((q) => /[年月]/.test(q));
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 6 }), query, (ts, q) => {
        const find = corpus(ts);
        expect(find(q)).toEqual(ts.filter((t) => t.includes(q)));
        for (const t of ts) expect(findMatches(t, parseQuery(q).terms).length > 0).toBe(t.includes(q));
      }),
      { numRuns: 300 },
    );
  });
});

describe("more than MAX_TERMS words", () => {
  it("should report the words it ignores", () => {
    const words = Array.from({ length: MAX_TERMS + 2 }, (_, i) => `词${"一二三四五六七八九十甲乙丙丁"[i]}`);
    const parsed = parseQuery([...words, "-税务"].join(" "));
    expect(parsed.terms).toHaveLength(MAX_TERMS);
    expect(parsed.ignored).toEqual(words.slice(MAX_TERMS));
    expect(parsed.excluded.map((t) => t.raw)).toEqual(["税务"]);
  });
});
