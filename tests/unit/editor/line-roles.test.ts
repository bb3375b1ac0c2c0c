/**
 * The desk's raw-text view: every raw line gets one role and the article it belongs to. Driven by
 * real parser output on the fixture pages, with the raw text built as the import stores it
 * (Page.rawText: the bytes decoded again, lib/import/materialise.ts), so the line numbers the
 * parser recorded are checked against the text the desk actually shows.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lineRoles, rawLines, ROLE_LABELS, type LineRole, type RawLine } from "@/lib/editor/line-roles";
import { decodeRawText } from "@/lib/import/materialise";
import { decode, parsePage, type ParsedPage } from "@/lib/parser";
import { splitLines } from "@/lib/parser/lines";

const DIR = path.join(import.meta.dirname, "../../fixtures/pages");
const FIXTURES = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith(".txt"))
  .map((f) => f.replace(/\.txt$/, ""))
  .sort();

/** Roles a head line can take (a line of an article's head, not of its body). */
const HEAD_ROLES: readonly LineRole[] = ["label", "kicker", "title", "subtitle", "byline", "head"];

describe("lineRoles on every fixture page", () => {
  it("should have fixtures to run on", () => {
    expect(FIXTURES.length).toBeGreaterThanOrEqual(20);
  });

  it.each(FIXTURES)("%s: should give every raw line exactly one role, numbered like the parser", (name) => {
    const { page, rawText, parsedText } = fixture(name);
    const lines = lineRoles(rawText, page);
    const parserLines = splitLines(parsedText);
    // One entry per line the parser numbered, 1…n in order, each with a role the desk can name.
    expect(lines.map((l) => l.no)).toEqual(parserLines.map((l) => l.no));
    for (const l of lines) expect(Object.keys(ROLE_LABELS)).toContain(l.role);
    // Blank exactly where the parser saw a blank line; the parser claims every other line, so
    // nothing may be left unassigned.
    expect(lines.filter((l) => l.role === "blank").map((l) => l.no)).toEqual(parserLines.filter((l) => l.text === "").map((l) => l.no));
    expect(lines.filter((l) => l.role === "unassigned")).toEqual([]);
  });

  it.each(FIXTURES)("%s: should give each line the role of the place the parser put it", (name) => {
    const { page, rawText } = fixture(name);
    const lines = lineRoles(rawText, page);
    const claimed = claims(page);
    for (const l of lines) {
      if (l.role === "blank") {
        expect(claimed.has(l.no), `line ${l.no} is blank but claimed`).toBe(false);
        continue;
      }
      const c = claimed.get(l.no);
      expect(c, `line ${l.no} (${l.text}) is not claimed by the parse`).toBeDefined();
      if (!c) continue;
      expect(l.article, `line ${l.no}`).toBe(c.article);
      if (c.place === "head") expect(HEAD_ROLES, `line ${l.no}`).toContain(l.role);
      else expect(l.role, `line ${l.no}`).toBe(c.place);
    }
  });

  it.each(FIXTURES)("%s: should name every head line on the fixture pages (no bare 标题区)", (name) => {
    // The head roles are found by matching text against the article's fields; on real pages each
    // head line matches one of them.
    const { page, rawText } = fixture(name);
    expect(lineRoles(rawText, page).filter((l) => l.role === "head")).toEqual([]);
  });
});

describe("lineRoles: head lines", () => {
  it("should tell label, kicker, title and byline apart in a four-part head", () => {
    const lines = rolesOf("rizhao-masthead-three-line-head-caption-credit-strays");
    expect(pick(lines, 7, 8, 9, 11)).toEqual([
      [7, "label", 0, "日照市东港区"],
      [8, "kicker", 0, "聚焦“一老一小” 办好民生实事"],
      [9, "title", 0, "社区幸福食堂开进居民楼"],
      [11, "byline", 0, "■ 本报记者 曹 阳"],
    ]);
  });

  it("should take the ——line for the subtitle and the ■ line for the byline", () => {
    const lines = rolesOf("seed-2025-12-27");
    expect(pick(lines, 66, 68, 70)).toEqual([
      [66, "title", 6, "打造法治山东实践“聊城样板”"],
      [68, "subtitle", 6, "——聊城行政争议预防化解工作走笔"],
      [70, "byline", 6, "■ 文图 王军豪 赵晓翠 张丽芳 梅小勇"],
    ]);
    // A label in the same page's earlier articles.
    expect(pick(lines, 5, 6)).toEqual([
      [5, "label", 0, "聊城市工业和信息化局"],
      [6, "title", 0, "围绕产业需求培养年轻干部"],
    ]);
  });

  it("should mark both lines of a two-line title as title, and a two-line byline as byline", () => {
    const lines = rolesOf("wennan-feature-subheads-captions-notebook-box");
    expect(pick(lines, 4, 5, 7, 9, 10)).toEqual([
      [4, "title", 0, "让数据多跑路"],
      [5, "title", 0, "让群众少跑腿"],
      [7, "subtitle", 0, "——汶南市深化“一网通办”改革纪实"],
      [9, "byline", 0, "■ 本报记者 罗青禾 钟一鸣"],
      [10, "byline", 0, "本报通讯员 庞书瑶"],
    ]);
    // The 记者手记 box is a second article whose kicker is its own line.
    expect(pick(lines, 57, 59)).toEqual([
      [57, "kicker", 1, "记者手记"],
      [59, "title", 1, "改革就是要把难处留给自己"],
    ]);
  });

  it("should find a kicker and a label on the same page in different articles", () => {
    const lines = rolesOf("dezhou-a02-labels-spaced-names");
    expect(pick(lines, 3, 5, 15, 16, 18, 19)).toEqual([
      [3, "label", 0, "齐河县人民法院"],
      [5, "title", 0, "巡回法庭开进黄河滩区"],
      [15, "kicker", 1, "聚焦民生实事 温暖万家灯火"],
      [16, "title", 1, "全市清洁取暖改造惠及12.6万户"],
      [18, "byline", 1, "■ 本报记者 王 刚"],
      [19, "byline", 1, "本报通讯员 李晓燕 孙 蕾"],
    ]);
  });

  it("should read the head of a titled feature with subtitle and byline", () => {
    const lines = rolesOf("titles-subheads");
    expect(pick(lines, 3, 5, 7, 27)).toEqual([
      [3, "title", 0, "“家门口”的养老服务,老人满意吗?"],
      [5, "subtitle", 0, "——东昌府区社区养老服务中心运营见闻"],
      [7, "byline", 0, "■ 本报记者 赵敏"],
      [27, "title", 1, "春耕正当时!"],
    ]);
  });

  // Was a bug (lib/editor/line-roles.ts:67): a label line is only called a label when its text does not
  // also occur in the title (`has(a.label) && !has(a.title)`, and `has` matches either way round).
  // Labels are very often the place the title starts with (临清市 / 临清市打造…), so the label line
  // is shown as 标题. The parser reads the head right (label 临清市); only the desk's view is wrong.
  it("should call a label line a label even when the title begins with the same words", () => {
    const text = page(["一线微观察", "", "临清市", "", "临清市打造“15分钟健身圈”", "", ...BODY]);
    const parsed = parsePage(text);
    expect(parsed.articles[0]?.label).toBe("临清市");
    expect(pick(lineRoles(text, parsed), 3, 5)).toEqual([
      [3, "label", 0, "临清市"],
      [5, "title", 0, "临清市打造“15分钟健身圈”"],
    ]);
  });

  // Was a bug (lib/editor/line-roles.ts:61, headRole/squash): the parser folds look-alike characters
  // (Kangxi radical ⼈ U+2F08 → 人, lib/text/fold.ts) but Page.rawText keeps what was printed, and
  // headRole compares the raw line with the folded fields without folding it. A title extracted
  // from a PDF with a radical in it is then shown as 标题区 ("head") instead of 标题.
  it("should recognise a title whose raw line holds a look-alike character the parser folded", () => {
    const text = page(["一线微观察", "", "全市\u2f08社系统开展春季招聘", "", ...BODY]);
    const parsed = parsePage(text);
    expect(parsed.articles[0]?.title).toBe("全市人社系统开展春季招聘");
    expect(lineRoles(text, parsed)[2]).toMatchObject({ role: "title", article: 0 });
  });
});

describe("lineRoles: body, ads, orphans and page header", () => {
  it("should give a block's source lines the block's type and article", () => {
    const lines = rolesOf("titles-subheads");
    expect(pick(lines, 9, 13, 14, 29)).toEqual([
      [9, "paragraph", 0, expect.stringMatching(/^“在这里吃饭/)],
      [13, "subhead", 0, "助餐服务"],
      [14, "subhead", 0, "让老人吃得舒心"],
      [29, "paragraph", 1, expect.stringMatching(/^本报讯\(记者 王春雨\)/)],
    ]);
  });

  it("should mark captions, including the credit line under a caption", () => {
    const photos = rolesOf("photo-captions");
    expect(pick(photos, 9, 15, 23).map(([no, role, article]) => [no, role, article])).toEqual([
      [9, "caption", 0],
      [15, "caption", 0],
      [23, "caption", 1],
    ]);
    const rizhao = rolesOf("rizhao-masthead-three-line-head-caption-credit-strays");
    expect(pick(rizhao, 22, 23)).toEqual([
      [22, "caption", 0, "秦楼街道幸福食堂工作人员为老人送餐。"],
      [23, "caption", 0, "记者 曹阳 摄"],
    ]);
  });

  it("should give both parts of a joined paragraph the same article", () => {
    // Lines 20 and 25 are one paragraph split by a column break (and a caption between them).
    const lines = rolesOf("rizhao-masthead-three-line-head-caption-credit-strays");
    expect(pick(lines, 20, 25).map(([no, role, article]) => [no, role, article])).toEqual([
      [20, "paragraph", 0],
      [25, "paragraph", 0],
    ]);
  });

  it("should give relocated strays the article the parser moved them to, not the one printed above them", () => {
    // Lines 19 and 21 are printed under the second article but belong to the first.
    const lines = rolesOf("relocated-strays");
    expect(pick(lines, 11, 17, 19, 21).map(([no, role, article]) => [no, role, article])).toEqual([
      [11, "title", 1],
      [17, "paragraph", 1],
      [19, "paragraph", 0],
      [21, "paragraph", 0],
    ]);
  });

  it("should mark ads and orphans with no article", () => {
    const lines = rolesOf("leading-orphan-ads");
    expect(pick(lines, 1, 3, 5, 6, 7, 15, 17)).toEqual([
      [1, "orphan", null, "(上接第一版)"],
      [3, "orphan", null, expect.stringMatching(/^也要看到/)],
      [5, "ad", null, "聊城日报 公益广告"],
      [6, "ad", null, "文明聊城 你我共建"],
      [7, "ad", null, "讲文明 树新风"],
      [15, "ad", null, "聊城日报 公益广告"],
      [17, "ad", null, "珍爱生命 文明出行"],
    ]);
    expect(pick(lines, 9)).toEqual([[9, "title", 0, "临清市打造“15分钟健身圈”"]]);
  });

  it("should mark the page header lines, with no article", () => {
    const lines = rolesOf("rizhao-masthead-three-line-head-caption-credit-strays");
    expect(pick(lines, 1, 2, 3, 4, 5)).toEqual([
      [1, "header", null, "日照日报"],
      [2, "header", null, "2025年12月6日 星期六"],
      [3, "header", null, "第08版"],
      [4, "blank", null, ""],
      [5, "orphan", null, "等多个领域,为全市经济社会高质量发展提供了有力支撑。"],
    ]);
  });

  it("should keep blank lines blank with no article, even inside an article", () => {
    const lines = rolesOf("seed-2025-12-27");
    expect(pick(lines, 1, 2, 67, 103, 104, 105).map(([no, role, article]) => [no, role, article])).toEqual([
      [1, "blank", null],
      [2, "blank", null],
      [67, "blank", null],
      [103, "blank", null],
      [104, "blank", null],
      [105, "blank", null],
    ]);
  });
});

describe("lineRoles: line endings", () => {
  it("should number a CRLF page like the parser and keep no CR in the text", () => {
    const { page, rawText } = fixture("fullwidth-crlf-indent-numbered-header");
    expect(rawText).toContain("\r\n");
    const lines = lineRoles(rawText, page);
    expect(lines).toHaveLength(27);
    expect(lines.some((l) => l.text.includes("\r"))).toBe(false);
    expect(pick(lines, 1, 3, 4, 16, 17, 25, 27).map(([no, role, article]) => [no, role, article])).toEqual([
      [1, "header", null],
      [3, "kicker", 0],
      [4, "title", 0],
      [16, "label", 1],
      [17, "title", 1],
      [25, "ad", null],
      [27, "ad", null],
    ]);
  });

  it("should keep the line as printed, indent included", () => {
    // The raw view shows the page as it came in; the parser's text has the indent stripped.
    const lines = rolesOf("fullwidth-crlf-indent-numbered-header");
    expect(lines[5]?.text).toMatch(/^\u3000\u3000本报讯/);
    expect(lines[5]?.role).toBe("paragraph");
  });

  it("should give a CR-only page the same lines and roles as its LF original", () => {
    // Old Mac exports end lines with a bare CR; the parser counts each as a break.
    const lf = fixture("rizhao-masthead-three-line-head-caption-credit-strays").rawText;
    expect(lf).not.toContain("\r");
    const cr = lf.replaceAll("\n", "\r");
    const fromLf = lineRoles(lf, parsePage(lf));
    const fromCr = lineRoles(cr, parsePage(cr));
    expect(fromCr).toEqual(fromLf);
  });

  it("should give a page with mixed line endings the same lines as its LF original", () => {
    const lf = fixture("titles-subheads").rawText;
    // In this order a bare CR is never followed by an LF, which would make the two one break.
    let i = 0;
    const mixed = lf.replace(/\n/g, () => ["\n", "\r", "\r\n"][i++ % 3]!);
    expect(mixed).toMatch(/\r(?!\n)/);
    expect(lineRoles(mixed, parsePage(mixed))).toEqual(lineRoles(lf, parsePage(lf)));
  });

  it("should not add a line for a final newline", () => {
    const body = "春风行动暖人心\n\n本报讯 4月5日,活动举行。";
    const withEnd = lineRoles(`${body}\n`, parsePage(`${body}\n`));
    const without = lineRoles(body, parsePage(body));
    expect(withEnd).toEqual(without);
    expect(withEnd).toHaveLength(3);
  });
});

describe("rawLines", () => {
  it.each([
    ["", [""]],
    ["a", ["a"]],
    ["a\n", ["a"]],
    ["a\r\n", ["a"]],
    ["a\r", ["a"]],
    ["\n", [""]],
    ["a\n\n", ["a", ""]],
    ["a\r\r\n", ["a", ""]],
    ["a\n\rb", ["a", "", "b"]],
    ["a\r\nb\rc\nd", ["a", "b", "c", "d"]],
    ["\u3000\u3000a \n", ["\u3000\u3000a "]],
  ])("should split %j like the parser: %j", (text, expected) => {
    expect(rawLines(text)).toEqual(expected);
    // Same count and numbering as lib/parser/lines.ts, which is what the parse's line numbers mean.
    expect(rawLines(text)).toHaveLength(splitLines(text).length);
  });
});

/** A fixture page parsed from its bytes, with its raw text as the import stores it. */
function fixture(name: string): { page: ParsedPage; rawText: string; parsedText: string } {
  const bytes = fs.readFileSync(path.join(DIR, `${name}.txt`));
  const page = parsePage(bytes);
  return { page, rawText: decodeRawText(bytes, page.encoding), parsedText: decode(bytes).text };
}

function rolesOf(name: string): RawLine[] {
  const { page, rawText } = fixture(name);
  return lineRoles(rawText, page);
}

/** [no, role, article, text] of the given lines, for compact expectations. */
function pick(lines: readonly RawLine[], ...nos: number[]): [number, LineRole, number | null, string][] {
  return nos.map((no) => {
    const l = lines[no - 1];
    if (!l) throw new Error(`no line ${no}`);
    expect(l.no).toBe(no);
    return [l.no, l.role, l.article, l.text];
  });
}

/** Where the parse put each source line: header, an article's head or block, an ad or an orphan. */
function claims(page: ParsedPage): Map<number, { place: "head" | LineRole; article: number | null }> {
  const out = new Map<number, { place: "head" | LineRole; article: number | null }>();
  for (const no of page.headerLines) out.set(no, { place: "header", article: null });
  page.articles.forEach((a, i) => {
    for (const no of a.headLines) out.set(no, { place: "head", article: i });
    for (const b of a.blocks) for (const no of b.sourceLines) out.set(no, { place: b.type, article: i });
  });
  for (const ad of page.ads) for (const no of ad.sourceLines) out.set(no, { place: "ad", article: null });
  for (const o of page.orphans) for (const no of o.sourceLines) out.set(no, { place: "orphan", article: null });
  return out;
}

/** Two dateline paragraphs, enough for the parser to see an article under a title. */
const BODY = [
  "\u3000\u3000本报讯(记者 孟凡)4月5日,记者从临清市教育和体育局获悉,全市新建健身场地30处。",
  "",
  "\u3000\u3000目前,临清市已建成各类体育场地1500余个。",
];

function page(lines: readonly string[]): string {
  return `${lines.join("\n")}\n`;
}
