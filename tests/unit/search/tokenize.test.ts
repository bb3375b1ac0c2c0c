/**
 * The tokens the index stores and the FTS5 expressions queries compile to must agree: these tests
 * pin both sides (lib/search/tokenize.ts, lib/search/query-parser.ts, lib/search/highlight.ts).
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildIndexRow } from "@/lib/search/indexer";
import { highlightHtml, makeSnippet } from "@/lib/search/highlight";
import { parseQuery } from "@/lib/search/query-parser";
import { BARRIER, gramString, normalize, simplify, tokenString, toUnits } from "@/lib/search/tokenize";

describe("normalize", () => {
  it.each([
    ["ＰＰＴ搶單,小組", "ppt 抢单 小组"],
    ["２０２６年", "2026 年"],
    ["檢驗檢測", "检验检测"],
    ["“你点我检”!", "你点我检"],
    ["AbC-12", "abc 12"],
  ])("should fold %s to %s", (input, expected) => {
    expect(normalize(input)).toBe(expected);
  });

  it("should turn traditional, Taiwan and Hong Kong forms into simplified ones", () => {
    expect(simplify("稅務 法院 羣眾 衞生 綫")).toBe("税务 法院 群众 卫生 线");
  });

  it("should leave simplified text alone", () => {
    const text = "聊城市住房公积金管理中心召开2026年全市住房公积金工作总结";
    expect(simplify(text)).toBe(text);
  });
});

describe("index tokens", () => {
  it("should index a CJK run as its overlapping bigrams, then its last character", () => {
    expect(tokenString("公积金")).toBe("公积 积金 金");
  });

  it("should index a one-character run as itself", () => {
    expect(tokenString("东、西")).toBe("东 西");
  });

  it("should not form bigrams across punctuation", () => {
    expect(tokenString("税务,法院")).toBe("税务 务 法院 院");
  });

  it("should index Latin words and numbers lower-cased, full-width folded", () => {
    expect(tokenString("PPT抢单 ２０２６年")).toBe("ppt 抢单 单 2026 年");
  });

  it("should make every character the start of a token, so a single character is a prefix query", () => {
    const text = "聊城市住房公积金管理中心,纳税人";
    const tokens = tokenString(text).split(" ");
    for (const ch of text.replace(/,/g, "")) expect(tokens.some((t) => t.startsWith(ch))).toBe(true);
  });

  it("should keep paragraphs apart in the body", () => {
    expect(tokenString("第一段\n第二段", true)).toBe(`第一 一段 段 ${BARRIER} 第二 二段 段`);
  });

  it("should index each run of three or more characters as its trigrams, runs kept apart", () => {
    expect(gramString("公积金中心", 3)).toBe("公积金 积金中 金中心");
    expect(gramString("税务,法院", 3)).toBe("");
    // A number touching Chinese characters is characters of their run (so "26年" finds 2026年).
    expect(gramString("住房公积金、2026年全市税务局", 3)).toBe(`住房公 房公积 公积金 ${BARRIER} 202 026 26年 6年全 年全市 全市税 市税务 税务局`);
    expect(gramString("住房公积金、2026 年全市", 3)).toBe(`住房公 房公积 公积金 ${BARRIER} 年全市`);
    expect(gramString("檢驗檢測", 3)).toBe("檢驗檢 驗檢測");
  });

  it("should index each run of four or more characters as its four-grams, runs kept apart", () => {
    expect(gramString("公积金中心", 4)).toBe("公积金中 积金中心");
    expect(gramString("公积金,法院", 4)).toBe("");
    expect(gramString("住房公积金、2026年全市税务局", 4)).toBe(`住房公积 房公积金 ${BARRIER} 2026 026年 26年全 6年全市 年全市税 全市税务 市税务局`);
    expect(gramString("PPT2026年全市", 4)).toBe("");
  });

  it("should fill every column of an article's row", () => {
    const row = buildIndexRow({
      title: "精准培训",
      label: "聊城市检验检测中心",
      kicker: null,
      subtitle: null,
      plainText: "第一段。\n第二段",
      meta: ["市检验检测中心", "白文斌"],
    });
    const tokens = (column: string) => column.split(" ");
    expect(tokens(row.title)).toEqual(expect.arrayContaining(["精准", "准培", "培训", "训"]));
    expect(row.kicker).toBe("");
    // Paragraphs and meta values are kept apart by a token no query produces.
    expect(row.body).toContain(`第一 一段 段 ${BARRIER} 第二 二段 段`);
    expect(row.meta).toContain(`中心 心 ${BARRIER} 白文`);
    expect(row.title3).toBe("精准培 准培训");
    expect(row.head3).toContain("聊城市");
    expect(row.body3).toBe(`第一段 ${BARRIER} 第二段`);
    expect(row.meta3).toContain(`检测中 测中心 ${BARRIER} 白文斌`);
    expect(row.title4).toBe("精准培训");
    expect(row.head4).toContain("聊城市检");
    expect(row.body4).toBe("");
    expect(row.meta4).toBe("市检验检 检验检测 验检测中 检测中心");
    // Dictionary words (jieba) of the head and lead, a ranking signal.
    expect([...Object.values(row)].join(" ").split(" ")).toContain("培训");
  });
});

describe("query expressions", () => {
  it("should turn a two-character term into its bigram, a three-character one into its trigram, a longer one into a phrase of its four-grams", () => {
    expect(parseQuery("法院").match).toBe('"法院"');
    expect(parseQuery("公积金").match).toBe('"公积金"');
    expect(parseQuery("市场监管").match).toBe('"市场监管"');
    expect(parseQuery("市场监管局").match).toBe('"市场监管 场监管局"');
  });

  it("should find a Chinese string in a text exactly when the text contains it, through bigrams, trigrams or four-grams", () => {
    // The real table (its migration) in memory, one row per text; a small alphabet makes matches and near misses common.
    const migrations = path.join(import.meta.dirname, "../../../prisma/migrations");
    const latest = fs.readdirSync(migrations).filter((d) => d.endsWith("_search_fourgrams"))[0]!;
    const db = new Database(":memory:");
    db.exec(fs.readFileSync(path.join(migrations, latest, "migration.sql"), "utf8"));
    const columns = ["title", "label", "kicker", "subtitle", "body", "meta", "title3", "head3", "body3", "meta3", "title4", "head4", "body4", "meta4"] as const;
    const insert = db.prepare(`INSERT INTO article_fts (rowid, ${columns.join(", ")}) VALUES (?, ${columns.map(() => "?").join(", ")})`);
    const find = db.prepare("SELECT rowid FROM article_fts WHERE article_fts MATCH ? ORDER BY rowid").pluck();
    const text = fc.string({ unit: fc.constantFrom("公", "积", "金", "中", "心", ",", "\n", "A", " "), maxLength: 40 });
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 8 }), fc.string({ unit: fc.constantFrom("公", "积", "金", "中", "心"), minLength: 2, maxLength: 6 }), (texts, q) => {
        db.exec("INSERT INTO article_fts (article_fts) VALUES ('delete-all')");
        texts.forEach((t, i) => {
          const row = buildIndexRow({ title: t, label: null, kicker: null, subtitle: null, plainText: "", meta: [] });
          insert.run(i + 1, ...columns.map((c) => row[c]));
        });
        // A space between two Chinese characters is layout: the string may run across it.
        const expected = texts.flatMap((t, i) => (t.replace(/(?<=[公积金中心]) +(?=[公积金中心])/g, "").includes(q) ? [i + 1] : []));
        expect(find.all(parseQuery(q).match!)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
    db.close();
  });

  it("should look a single character up as a prefix of the tokens", () => {
    expect(parseQuery("税").match).toMatch(/"税" \*/);
  });

  it("should AND several terms and NOT the excluded ones", () => {
    const { match, terms, excluded } = parseQuery("仲裁 法治 -税务");
    expect(terms.map((t) => t.raw)).toEqual(["仲裁", "法治"]);
    expect(excluded.map((t) => t.raw)).toEqual(["税务"]);
    expect(match).toMatch(/"仲裁".* AND .*"法治".*\) NOT .*"税务"/);
  });

  it("should keep a quoted phrase as one term, punctuation inside ignored", () => {
    const { terms, match } = parseQuery("“潮头攻坚 实干争先”");
    expect(terms).toHaveLength(1);
    expect(terms[0]!.phrase).toBe(true);
    expect(match).toContain('"潮头 头攻 攻坚 坚 实干 干争 争先"');
  });

  it("should search the simplified and the typed form of a traditional term", () => {
    const { match } = parseQuery("稅務");
    expect(match).toContain('"税务"');
    expect(match).toContain('"稅務"');
  });

  it("should treat FTS5 syntax as text", () => {
    const { match } = parseQuery('a" OR b NEAR(');
    expect(match).not.toBeNull();
    expect(match).not.toMatch(/^a" OR/);
  });

  it("should give no expression for punctuation only", () => {
    expect(parseQuery(" ,。!").match).toBeNull();
  });
});

describe("units", () => {
  it("should give offsets into the original text", () => {
    const units = toUnits("聊城 PPT");
    expect(units.map((u) => [u.text, u.start, u.end])).toEqual([
      ["聊", 0, 1],
      ["城", 1, 2],
      ["ppt", 3, 6],
    ]);
  });
});

describe("highlighting", () => {
  it("should mark every match after escaping", () => {
    expect(highlightHtml("<b>公积金</b>与公積金", "公积金")).toBe("&lt;b&gt;<mark>公积金</mark>&lt;/b&gt;与公積金");
  });

  it("should mark a traditional query's matches in simplified text", () => {
    expect(highlightHtml("聊城市检验检测中心", "檢驗檢測")).toBe("聊城市<mark>检验检测</mark>中心");
  });

  it("should not mark excluded terms", () => {
    expect(highlightHtml("仲裁与税务", "仲裁 -税务")).toBe("<mark>仲裁</mark>与税务");
  });

  it("should cut a snippet of about 80 characters around the first match", () => {
    const text = "开头".repeat(100) + "公积金" + "结尾".repeat(100);
    const snippet = makeSnippet(text, parseQuery("公积金").terms);
    expect(snippet).toContain("<mark>公积金</mark>");
    expect(snippet.startsWith("…")).toBe(true);
    expect(snippet.endsWith("…")).toBe(true);
    expect(snippet.replace(/<\/?mark>|…/g, "").length).toBeLessThanOrEqual(80);
  });
});
