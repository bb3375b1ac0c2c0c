/**
 * Unit tests of the parser's stages, each on its own: decoding, lines, classification, bylines,
 * datelines and dates, sentence edges, head reading, segmentation, repairs and lookups.
 */
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { parsePage } from "@/lib/parser";
import { assembleArticle, buildBlocks, readHead, type DraftArticle } from "@/lib/parser/assemble";
import { BOUNDARY_CUES, cohesion, opensLikeLead, weighBoundaries } from "@/lib/parser/boundaries";
import { parseBylineLine, parseBylineText, parseClosingByline, parseDateline, parsePhotoCredit } from "@/lib/parser/bylines";
import { categorize } from "@/lib/parser/category";
import { classify, classifyLine, type Token } from "@/lib/parser/classify";
import { datelineMonthDay, inferIssueDate, resolveYear } from "@/lib/parser/dateline";
import { decode } from "@/lib/parser/decode";
import { departmentsOf, isLabelLike, placeLength } from "@/lib/parser/departments";
import { IntMap, Lexicon } from "@/lib/parser/lexicon";
import { splitLines } from "@/lib/parser/lines";
import { markDamage, relocate } from "@/lib/parser/repair";
import { findHeader, segment } from "@/lib/parser/segment";
import {
  endsSentence,
  isBareCredit,
  isBrokenTitleLine,
  isHeadingLike,
  isQuotedHeadline,
  isSubheadLike,
  looksLikeCaption,
  startsFresh,
  startsMidSentence,
} from "@/lib/parser/sentences";
import type { Block, ParseWarning } from "@/lib/parser/types";

const tokens = (text: string) => classify(splitLines(text));
const tok = (text: string, gapBefore = 1) => classifyLine({ no: 1, text, indent: false }, gapBefore);

/** An article of one title line and paragraphs two lines apart, as the relocation tests need. */
const draft = (title: string, paras: string[], first: number): DraftArticle =>
  assembleArticle(
    {
      heads: [classifyLine({ no: first, text: title, indent: false }, 1)],
      subtitle: null,
      bylines: [],
      body: paras.map((p, i) => classifyLine({ no: first + 2 + 2 * i, text: p, indent: false }, 1)),
    },
    { indentedParagraphs: false },
  );

describe("decode", () => {
  const text = "一线微观察\r\n本报讯(记者 张三)4月1日,测试。";
  it.each([
    ["utf-8", Buffer.from(text, "utf8"), "utf-8"],
    ["utf-8 with BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]), "utf-8"],
    ["utf-16le with BOM", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]), "utf-16le"],
    ["utf-16be with BOM", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, "utf16le").swap16()]), "utf-16be"],
    ["gb18030", iconv.encode(text, "gb18030"), "gb18030"],
  ])("should read %s", (_, bytes, encoding) => {
    expect(decode(new Uint8Array(bytes))).toEqual({ text, encoding });
  });

  it("should read GBK bytes as GB18030 (a superset)", () => {
    expect(decode(new Uint8Array(iconv.encode("聊城日报 公益广告", "gbk")))).toEqual({ text: "聊城日报 公益广告", encoding: "gb18030" });
  });

  it("should read UTF-16 without a BOM by its zero bytes", () => {
    expect(decode(new Uint8Array(Buffer.from("要闻\n12345\n", "utf16le"))).encoding).toBe("utf-16le");
  });

  it("should keep half- and full-width punctuation as printed", () => {
    const s = "他说:“好!”(记者 张三)他说:\"好!\"(记者 张三)";
    expect(decode(new Uint8Array(Buffer.from(s, "utf8"))).text).toBe(s);
  });
});

describe("splitLines", () => {
  it("should number lines 1-based and treat CRLF and CR as one break each", () => {
    expect(splitLines("a\r\nb\rc\n\nd").map((l) => [l.no, l.text])).toEqual([
      [1, "a"],
      [2, "b"],
      [3, "c"],
      [4, ""],
      [5, "d"],
    ]);
  });

  it("should drop full-width indent and trailing spaces, and note the indent", () => {
    expect(splitLines("\u3000\u3000正文。 \u3000\t")[0]).toEqual({ no: 1, text: "正文。", indent: true });
    expect(splitLines("正文")[0]?.indent).toBe(false);
    expect(splitLines("\u3000\u3000")[0]).toEqual({ no: 1, text: "", indent: false });
  });

  it("should not open an empty line after a final break", () => {
    expect(splitLines("a\n").length).toBe(1);
    expect(splitLines("").length).toBe(1);
  });
});

describe("classifyLine", () => {
  it.each([
    ["聊城日报 公益广告", "ad-marker"],
    ["——市住房公积金管理中心服务创新与改革实践", "subtitle"],
    ["本报讯(记者 马永伟)4月1日,会议召开。", "dateline"],
    ["本报讯 4月上旬,小麦进入起身拔节关键期", "dateline"],
    ["■ 本报记者 姜小皓", "byline"],
    ["本报通讯员 崔维鹏", "byline"],
    ["■ 文图 王军豪 赵晓翠 张丽芳 梅小勇", "byline"],
    ["潮头攻坚 实干争先", "heading"],
    ["“家门口”的养老服务,老人满意吗?", "heading"],
    ["春耕正当时!", "heading"],
    ["聊城大学党委书记白成林介绍,自", "text"],
    ["最动人的环节是“西部青年说”。五", "text"],
    ["取消“社保缴存满一年”", "heading"],
    ["针对灵活就业人员,取消“社保缴存满一", "text"],
    ["“公积金服务真是暖到了心坎里!”", "text"],
    ["■ 记者手记", "heading"],
    ["本报德州12月3日讯(记者 王刚)记者从德州市应急管理局获悉,检查启动。", "dateline"],
    ["本报济南讯 记者 李娜 12月2日,城际公交开通。", "dateline"],
    ["新华社北京12月3日电(记者 赵明)国家统计局3日发布数据。", "dateline"],
    ["据新华社电 近日,全国各地陆续开展演练。", "dateline"],
    ["新华社记者从国家电网获悉,冬季保供有力。", "text"],
    ["本报记者从市供电公司获悉,线路改造完成。", "text"],
    ["(下转A04版)", "jump"],
    ["（上接第一版）", "jump"],
    ["(转第3版)", "jump"],
    ["(转载)", "heading"],
    ["张伟 刘洋 文/图", "byline"],
  ])("%s → %s", (text, kind) => {
    expect(tok(text).kind).toBe(kind);
  });

  it("should not take 本报通讯员 for a dateline", () => {
    expect(tok("本报通讯员 李四").kind).toBe("byline");
  });
});

/** Full-width punctuation, spelled as escapes so no editor or input method can turn it half-width. */
const FW = { comma: "\uff0c", lp: "\uff08", rp: "\uff09", colon: "\uff1a", semi: "\uff1b", excl: "\uff01", quest: "\uff1f" };

describe("full-width punctuation", () => {
  const { comma, lp, rp, colon, semi, excl, quest } = FW;

  it("should read datelines, sentence ends and headings in full width", () => {
    expect(tok(`本报讯${lp}记者 马永伟${rp}4月1日${comma}会议召开。`).kind).toBe("dateline");
    expect(parseDateline(`本报讯${lp}记者 陈金路 通讯员 韩丽芸、许超${rp}12月26日${comma}……`).map((b) => b.name)).toEqual(["陈金路", "韩丽芸", "许超"]);
    expect(datelineMonthDay(`本报讯${lp}曲立明${rp}4月7日${comma}笔者了解到`)).toEqual({ month: 4, day: 7, year: null });
    expect(endsSentence(`太方便了${excl}`)).toBe(true);
    expect(endsSentence(`一是推行一表申请${semi}`)).toBe(true);
    expect(endsSentence(`该中心团支部获评先进${comma}1名`)).toBe(false);
    expect(isHeadingLike(`“家门口”的养老服务${comma}老人满意吗${quest}`)).toBe(true);
    expect(isHeadingLike(`聊城大学党委书记白成林介绍${comma}自`)).toBe(false);
  });

  it("should see a paragraph's lost start or end in full width", () => {
    expect(startsMidSentence(`${comma}经过一个多月的整改。`)).toBe(true);
    expect(startsMidSentence(`人才${comma}通过公务员招录等方式。`)).toBe(true);
    expect(startsMidSentence(`同时${comma}检查组将随机抽取大宗食品。`)).toBe(false);
    expect(startsMidSentence(`${rp}等部门联合检查。`)).toBe(true);
    expect(startsFresh(`${lp}一${rp}推行一表申请`)).toBe(true);
    const { blocks } = buildBlocks(classify(splitLines(`主要做法包括${colon}\n\n一是推行一表申请${semi}\n\n为重点项目提供全流程、\n\n“保姆式”服务。`)), {
      indentedParagraphs: false,
    });
    expect(blocks.map((b) => b.sourceLines)).toEqual([[1], [3], [5, 7]]);
  });

  it("should read full-width page headers and captions", () => {
    expect(findHeader(tokens(`第03版${colon}要闻\n\n标题`))).toMatchObject({ pageName: "要闻", pageNumber: 3 });
    expect(parsePhotoCredit(`市民在窗口办理业务${lp}记者 张三 摄${rp}`)).toEqual([{ name: "张三", role: "photographer" }]);
    expect(parseBylineLine(`■ 文\uff0f图 王军豪`)).toEqual([{ name: "王军豪", role: "writer-photographer" }]);
  });
});

describe("bylines", () => {
  it("should read role words, names split on spaces and 、, and glued roles", () => {
    expect(parseBylineText("记者 陈金路 通讯员 韩丽芸 许超")).toEqual([
      { name: "陈金路", role: "reporter" },
      { name: "韩丽芸", role: "correspondent" },
      { name: "许超", role: "correspondent" },
    ]);
    expect(parseBylineText("通讯员 刘志刚、孙倩")?.map((b) => b.name)).toEqual(["刘志刚", "孙倩"]);
    expect(parseBylineText("记者刘畅")).toEqual([{ name: "刘畅", role: "reporter" }]);
    expect(parseBylineText("记者 石磊 实习生 何佳")?.[1]).toEqual({ name: "何佳", role: "contributor" });
  });

  it("should make a name without a role a contributor", () => {
    expect(parseDateline("本报讯(曲立明)4月7日,笔者了解到……")).toEqual([{ name: "曲立明", role: "contributor" }]);
    expect(parseDateline("本报讯(通讯员 梅蕾)12月25日,……")).toEqual([{ name: "梅蕾", role: "correspondent" }]);
    expect(parseDateline("本报讯 4月上旬,……")).toEqual([]);
  });

  it("should read 文图 bylines as writer-photographers", () => {
    expect(parseBylineLine("■ 文图 王军豪 赵晓翠")).toEqual([
      { name: "王军豪", role: "writer-photographer" },
      { name: "赵晓翠", role: "writer-photographer" },
    ]);
  });

  it("should refuse sentences, column names and bulleted subheads", () => {
    expect(parseBylineLine("记者从市税务局了解到,今年以来成效明显")).toBeNull();
    expect(parseBylineLine("■ 记者手记")).toBeNull();
    expect(parseBylineLine("■ 聚焦民生")).toBeNull();
    expect(parseBylineLine("■ 张三 欧阳晓明")?.map((b) => b.name)).toEqual(["张三", "欧阳晓明"]);
    expect(parseBylineLine("潮头攻坚 实干争先")).toBeNull();
  });

  it("should read a two-character name set with a space in it as one name", () => {
    expect(parseBylineLine("■ 本报记者 王 刚")).toEqual([{ name: "王刚", role: "reporter" }]);
    expect(parseBylineLine("本报通讯员 李晓燕 孙 蕾")?.map((b) => b.name)).toEqual(["李晓燕", "孙蕾"]);
    expect(parseDateline("本报讯(记者 王 刚 通讯员 李 娜)12月1日,……")).toEqual([
      { name: "王刚", role: "reporter" },
      { name: "李娜", role: "correspondent" },
    ]);
  });

  it("should not take a bulleted four-character phrase for a person", () => {
    expect(parseBylineLine("■ 高位推动")).toBeNull();
    expect(parseBylineLine("■ 智慧助餐")).toBeNull();
    expect(tok("■ 强化保障").kind).toBe("heading");
    expect(parseBylineLine("■ 欧阳晓明")).toEqual([{ name: "欧阳晓明", role: "contributor" }]);
  });

  it("should read a byline printed in brackets under the last paragraph, but not a photo credit", () => {
    expect(parseClosingByline("(通讯员 尹晓东)")).toEqual([{ name: "尹晓东", role: "correspondent" }]);
    expect(parseClosingByline("\uff08记者 王刚 通讯员 李娜\uff09")?.map((b) => b.role)).toEqual(["reporter", "correspondent"]);
    expect(parseClosingByline("(记者 张三 摄)")).toBeNull();
    expect(parseClosingByline("(上接A01版)")).toBeNull();
    expect(parseClosingByline("(完)")).toBeNull();
    expect(tok("(通讯员 尹晓东)")).toMatchObject({ kind: "byline", closing: true });
    expect(tok("■ 本报记者 张三")).toMatchObject({ kind: "byline", closing: false });
  });

  it("should leave a photo credit on a line of its own to the captions, and skip words that name no one", () => {
    expect(parseBylineLine("记者 王刚 摄")).toBeNull();
    expect(tok("记者 王刚 摄").kind).toBe("heading");
    expect(isBareCredit("记者 王刚 摄")).toBe(true);
    expect(isBareCredit("(张三 李四 摄)")).toBe(true);
    expect(isBareCredit("消防指战员在演练中架设水带。 记者 杨光 摄")).toBe(false);
    expect(parseBylineLine("本报记者 张三 摄影报道")).toEqual([{ name: "张三", role: "reporter" }]);
  });

  it("should read credits printed after the names, and 文/ and 图/ before them", () => {
    expect(parseBylineText("张伟 刘洋 文/图")).toEqual([
      { name: "张伟", role: "writer-photographer" },
      { name: "刘洋", role: "writer-photographer" },
    ]);
    // 文 names the writer in no capacity (a contributor, as 作者 does); 图 the photographer.
    expect(parseBylineText("文/赵敏 图/孙浩")).toEqual([
      { name: "赵敏", role: "contributor" },
      { name: "孙浩", role: "photographer" },
    ]);
    // A staff title after 文/ says more; after 图/ the photographs are the credit.
    expect(parseBylineText("文/本报记者 王刚 图/本报通讯员 李娜")).toEqual([
      { name: "王刚", role: "reporter" },
      { name: "李娜", role: "photographer" },
    ]);
    expect(parseBylineText("记者 王刚 文/图")).toEqual([{ name: "王刚", role: "writer-photographer" }]);
    expect(parseBylineText("文:张三 图:李四")?.map((b) => b.role)).toEqual(["contributor", "photographer"]);
    expect(parseBylineText("张三 文 李四 图")?.map((b) => b.role)).toEqual(["contributor", "photographer"]);
    expect(parseBylineText("文/图 赵敏")).toEqual([{ name: "赵敏", role: "writer-photographer" }]);
  });

  it("should read a byline line that ends in its credit, but no phrase that starts with 文 or 图", () => {
    expect(parseBylineLine("张伟 刘洋 文/图")?.map((b) => b.name)).toEqual(["张伟", "刘洋"]);
    expect(parseBylineLine("文/赵敏 图/孙浩")?.map((b) => b.name)).toEqual(["赵敏", "孙浩"]);
    expect(parseBylineLine("■ 文化惠民")).toBeNull();
    expect(parseBylineLine("图片展 开幕")).toBeNull();
    expect(parseBylineLine("春风 化雨 文/图")).toBeNull();
    expect(parseBylineLine("记者 王刚 摄")).toBeNull();
  });

  it("should read the people of datelines with the place and date inside, spaced, and of wire agencies", () => {
    expect(parseDateline("本报德州12月3日讯(记者 王刚)记者从……")).toEqual([{ name: "王刚", role: "reporter" }]);
    expect(parseDateline("本报济南讯 记者 李娜 通讯员 张伟 报道 12月2日,……")).toEqual([
      { name: "李娜", role: "reporter" },
      { name: "张伟", role: "correspondent" },
    ]);
    expect(parseDateline("本报讯 记者 孙 洋 近日,……")).toEqual([{ name: "孙洋", role: "reporter" }]);
    expect(parseDateline("本报讯 (记者 孙洋)3日上午,……")).toEqual([{ name: "孙洋", role: "reporter" }]);
    // The names in a wire dateline are the agency's reporters, with or without the role word.
    expect(parseDateline("新华社北京12月3日电(记者 赵明 钱亮)……")).toEqual([
      { name: "赵明", role: "reporter" },
      { name: "钱亮", role: "reporter" },
    ]);
    expect(parseDateline("新华社北京12月3日电(赵明)……")).toEqual([{ name: "赵明", role: "reporter" }]);
    // Running text after the dateline is no byline: "记者了解到", "记者从…获悉".
    expect(parseDateline("本报讯 记者了解到,全市……")).toEqual([]);
    expect(parseDateline("本报讯 记者从市教育局获悉,……")).toEqual([]);
    expect(parseDateline("本报讯 近日,……")).toEqual([]);
  });

  it("should read photo credits in captions", () => {
    expect(parsePhotoCredit("消防指战员在演练中架设水带。 记者 杨光 摄")).toEqual([{ name: "杨光", role: "photographer" }]);
    expect(parsePhotoCredit("市民在窗口办理业务(张三 李四 摄)")).toEqual([
      { name: "张三", role: "photographer" },
      { name: "李四", role: "photographer" },
    ]);
    expect(parsePhotoCredit("东昌府区人民法院庭审法官叮嘱提醒")).toEqual([]);
  });
});

describe("dates", () => {
  it("should read the dateline's month and day, not a vague or passing one", () => {
    expect(datelineMonthDay("本报讯(记者 马永伟)4月1日,第五届……")).toEqual({ month: 4, day: 1, year: null });
    expect(datelineMonthDay("本报讯(记者 赵琦)4月上旬,小麦进入……")).toBeNull();
    expect(datelineMonthDay("本报讯(记者 X)“太方便了!”12月22日,莘县……")).toEqual({ month: 12, day: 22, year: null });
    expect(datelineMonthDay("本报讯(记者 X)沟通是钥匙。12月25日,记者从……")).toEqual({ month: 12, day: 25, year: null });
    expect(datelineMonthDay("本报讯(记者 X)近日,今年3月1日实施的……")).toBeNull();
    expect(datelineMonthDay("本报讯(记者 X)2025年12月25日,……")).toEqual({ month: 12, day: 25, year: 2025 });
    expect(datelineMonthDay("4月1日,没有电头")).toBeNull();
  });

  it("should read the date inside a dateline, a day alone, and no day after 近日", () => {
    expect(datelineMonthDay("本报德州12月3日讯(记者 王刚)记者从……")).toEqual({ month: 12, day: 3, year: null });
    expect(datelineMonthDay("新华社北京12月3日电(记者 赵明)国家统计局3日发布……")).toEqual({ month: 12, day: 3, year: null });
    expect(datelineMonthDay("新华社北京3日电 ……")).toEqual({ month: null, day: 3, year: null });
    expect(datelineMonthDay("本报济南讯 记者 李娜 报道 12月2日,……")).toEqual({ month: 12, day: 2, year: null });
    expect(datelineMonthDay("本报讯 (记者 孙洋)3日上午,……")).toEqual({ month: null, day: 3, year: null });
    expect(datelineMonthDay("本报讯(记者 孙洋)记者3日从市教育局获悉,……")).toEqual({ month: null, day: 3, year: null });
    expect(datelineMonthDay("本报讯 近日,齐河县推出帮办服务,15日起,企业开办……")).toBeNull();
    expect(datelineMonthDay("本报讯(记者 X)30日内,全市将……")).toBeNull();
    expect(datelineMonthDay("本报讯(记者 X)全市3日召开……")).toBeNull();
  });

  it("should put a day alone in the issue's month, or the month before when it is after the issue's day", () => {
    expect(resolveYear({ month: null, day: 3, year: null }, "2025-12-04")).toBe("2025-12-03");
    expect(resolveYear({ month: null, day: 4, year: null }, "2025-12-04")).toBe("2025-12-04");
    expect(resolveYear({ month: null, day: 28, year: null }, "2025-12-04")).toBe("2025-11-28");
    expect(resolveYear({ month: null, day: 30, year: null }, "2026-01-02")).toBe("2025-12-30");
    expect(resolveYear({ month: null, day: 31, year: null }, "2025-12-04")).toBeNull();
  });

  it("should resolve the year against the issue date across a new year", () => {
    expect(resolveYear({ month: 12, day: 30, year: null }, "2026-01-02")).toBe("2025-12-30");
    expect(resolveYear({ month: 1, day: 1, year: null }, "2026-01-02")).toBe("2026-01-01");
    expect(resolveYear({ month: 4, day: 7, year: null }, "2026-04-08")).toBe("2026-04-07");
    expect(resolveYear({ month: 2, day: 30, year: null }, "2026-04-08")).toBeNull();
  });

  it("should infer the issue date as the day after the latest dateline", () => {
    expect(inferIssueDate([{ month: 4, day: 1, year: null }, { month: 4, day: 7, year: null }], "2026年 2026年 2025年")).toBe("2026-04-08");
    expect(inferIssueDate([{ month: 12, day: 26, year: null }], "2025年")).toBe("2025-12-27");
    expect(inferIssueDate([{ month: 12, day: 31, year: null }], "2025年")).toBe("2026-01-01");
    expect(inferIssueDate([{ month: 12, day: 30, year: null }, { month: 1, day: 1, year: null }], "2025年 2025年 2026年")).toBe("2026-01-02");
    expect(inferIssueDate([], "2026年")).toBeNull();
    expect(inferIssueDate([{ month: 4, day: 1, year: null }], "没有年份")).toBeNull();
    // A day alone names no month: it neither gives nor moves the issue date.
    expect(inferIssueDate([{ month: null, day: 28, year: null }], "2026年")).toBeNull();
    expect(inferIssueDate([{ month: 4, day: 1, year: null }, { month: null, day: 28, year: null }], "2026年")).toBe("2026-04-02");
  });
});

describe("sentence edges", () => {
  it.each([
    ["群众连声称赞。", true],
    ["“公积金服务真是暖到了心坎里!”", true],
    ["他说:“这是好事。”", true],
    ["取消“社保缴存满一年”", false],
    ["该中心团支部获评市直五四红旗团支部,1名", false],
    ["最动人的环节是“西部青年说”。五", false],
    ["增长8.58", false],
    ["全文完。(完)", true],
  ])("endsSentence(%s) = %s", (text, expected) => {
    expect(endsSentence(text)).toBe(expected);
  });

  it.each([
    ["堂”学习平台,邀请各领域专家授课。", true],
    ["人才,通过公务员招录等方式。", true],
    ["清单,真正实现一码在手。", true],
    ["沟通服务生态。这一措施让企业受益。", true],
    ["过25%,行政复议与行政诉讼受案比达2:1。", true],
    ["技术人员已经能够独立完成一系列复杂检测项目。", true],
    [",经过一个多月的整改,隐患消除。", true],
    ["同时,检查组将随机抽取大宗食品。", false],
    ["近5年,全市累计投资100亿元。", false],
    ["合作社负责人朱东杰说,如今合作社新增了生产线。", false],
    ["该公司技术人员已经能够独立完成检测。", false],
    ["本报讯(记者 张三)4月1日,会议召开。", false],
    ["一是推行“一表申请”。", false],
    ["“没想到拖了多年的难题,没打官司就解决了!”近日,张大爷说。", false],
    ["清晨,汶上县南站镇的医保专员来到村民家中。", false],
    ["上午,消防员为师生讲解火灾预防知识。", false],
    ["今冬,邹城市将组织农技人员深入田间地头。", false],
    ["初冬,走进昌乐县宝城街道东村。", false],
    ["企业也能享受到政策红利。", false],
    ["项目建设也按下“快进键”。", false],
  ])("startsMidSentence(%s) = %s", (text, expected) => {
    expect(startsMidSentence(text)).toBe(expected);
  });

  it("should tell a quoted exclamation headline and a title line broken after a comma", () => {
    expect(isQuotedHeadline("“家门口就能办,真方便!”")).toBe(true);
    expect(isQuotedHeadline("“这下放心了?”")).toBe(true);
    expect(isQuotedHeadline("“太方便了!”他说。")).toBe(false);
    expect(isQuotedHeadline("“以前要跑好几趟。”“现在一次办好!”")).toBe(false);
    expect(isBrokenTitleLine("小院经济“热”起来,")).toBe(true);
    expect(isBrokenTitleLine("聊城大学党委书记白成林介绍,自")).toBe(false);
    expect(isBrokenTitleLine("春耕正当时")).toBe(false);
  });

  it("should tell fresh paragraph openers", () => {
    expect(startsFresh("一是推行“一表申请”")).toBe(true);
    expect(startsFresh("同时,检查组将……")).toBe(true);
    expect(startsFresh("同志作为市派第一书记代表")).toBe(false);
  });

  it("should tell heading-like lines, subheads and captions", () => {
    expect(isHeadingLike("铸魂强基,党建引领凝聚发展合力")).toBe(true);
    expect(isHeadingLike("聊城大学党委书记白成林介绍,自")).toBe(false);
    expect(isHeadingLike("这是一个很长很长的句子但是没有标点所以看起来像标题可是它实在太长了超过了四十个字的限制呢")).toBe(false);
    expect(isSubheadLike("深耕主业,在服务大局中彰显作为")).toBe(true);
    expect(isSubheadLike("下一步,该局将继续深化改革,推动更多事项实现")).toBe(false);
    expect(looksLikeCaption("图为游客在运河岸边拍照留念。")).toBe(true);
    expect(looksLikeCaption("消防指战员在演练中架设水带。 记者 杨光 摄")).toBe(true);
    expect(looksLikeCaption("(记者 张三 摄)")).toBe(true);
    expect(looksLikeCaption("摄影展开幕")).toBe(false);
  });
});

describe("head reading", () => {
  const heads = (...lines: [string, number][]) => lines.map(([text, gap], i) => classifyLine({ no: i + 1, text, indent: false }, gap) as Token);

  it("should take a place or body line over the title as its label, with or without a blank line", () => {
    expect(readHead(heads(["临清市", 1], ["农技下沉筑牢夏粮丰收根基", 1]))).toEqual({ label: "临清市", kicker: null, title: "农技下沉筑牢夏粮丰收根基" });
    expect(readHead(heads(["聊城税务系统", 1], ["下沉式沟通激活发展“税动力”", 0])).label).toBe("聊城税务系统");
  });

  it("should read two short halves as one title, even with a list in the first (no kicker of its own)", () => {
    expect(readHead(heads(["节前猪肉、鸡蛋", 1], ["价格稳中有降", 0]))).toEqual({ label: null, kicker: null, title: "节前猪肉、鸡蛋价格稳中有降" });
    // A lead-in over a longer title is still a kicker.
    expect(readHead(heads(["稳就业、保民生", 1], ["我市发放稳岗返还资金2亿元", 0])).kicker).toBe("稳就业、保民生");
  });

  it("should tell a kicker from a title printed over two lines", () => {
    expect(readHead(heads(["坚持人民至上 守护舌尖安全", 1], ["全市校园食品安全专项检查启动", 0]))).toEqual({
      label: null,
      kicker: "坚持人民至上 守护舌尖安全",
      title: "全市校园食品安全专项检查启动",
    });
    expect(readHead(heads(["茌平区铝产业链", 1], ["向高端化迈出新步伐", 0])).title).toBe("茌平区铝产业链向高端化迈出新步伐");
    expect(readHead(heads(["东昌府区", 1], ["坚持人民至上 守护舌尖安全", 0], ["专项检查", 0], ["启动", 0]))).toEqual({
      label: "东昌府区",
      kicker: "坚持人民至上 守护舌尖安全",
      title: "专项检查启动",
    });
  });

  it("should take the line over a title that opens with its own subject for a kicker", () => {
    expect(readHead(heads(["守护“舌尖上的安全”", 1], ["青州市完成年度食品抽检4500批次", 0]))).toEqual({
      label: null,
      kicker: "守护“舌尖上的安全”",
      title: "青州市完成年度食品抽检4500批次",
    });
    expect(readHead(heads(["巨野县“一村一品”", 1], ["鼓起农民“钱袋子”", 0])).title).toBe("巨野县“一村一品”鼓起农民“钱袋子”");
  });

  it("should join a title broken after a comma, never taking its first line for a kicker", () => {
    expect(readHead(heads(["小院经济“热”起来,", 1], ["农家日子“火”起来", 0]))).toEqual({
      label: null,
      kicker: null,
      title: "小院经济“热”起来,农家日子“火”起来",
    });
  });

  it("should take a name the article repeats for its label, whatever its place looks like", () => {
    // "枣林区" reads like 林区 (a forest) by its shape; the lead naming the body settles it.
    const body = [classifyLine({ no: 5, text: "本报讯(董倩)4月7日,枣林区行政审批服务局推出年报“掌上报”服务。", indent: false }, 1)];
    expect(readHead(heads(["枣林区行政审批服务局", 1], ["个体工商户年报实现“指尖办”", 1]), body)).toEqual({
      label: "枣林区行政审批服务局",
      kicker: null,
      title: "个体工商户年报实现“指尖办”",
    });
    expect(readHead(heads(["枣林区行政审批服务局", 1], ["个体工商户年报实现“指尖办”", 1])).label).toBeNull();
    const page = parsePage("标题一\n\n本报讯 4月6日,正文一。\n\n枣林区行政审批服务局\n\n个体工商户年报实现“指尖办”\n\n本报讯(董倩)4月7日,今年,枣林区行政审批服务局推出年报服务。\n");
    expect(page.articles.map((a) => [a.label, a.title, a.departments[0]])).toEqual([
      [null, "标题一", undefined],
      ["枣林区行政审批服务局", "个体工商户年报实现“指尖办”", "枣林区行政审批服务局"],
    ]);
  });

  it("should know places and labels of other papers by their shape", () => {
    expect(["齐河县人民法院", "曹县人民检察院", "任城区人民法院", "德州市住房和城乡建设局"].map(isLabelLike)).toEqual([true, true, true, true]);
    expect(placeLength("德州市市场监督管理局", 0)).toBe(3);
    expect(placeLength("邹城市农业农村局", 0)).toBe(3);
    expect(placeLength("莘县", 0)).toBe(2);
    for (const word of ["城市更新", "社区服务中心", "农贸市场", "全市", "老城区", "行政区划", "农业大县", "海绵城市"]) expect(placeLength(word, 0), word).toBe(0);
    expect(isLabelLike("打造绿色低碳示范区")).toBe(false);
    expect(isLabelLike("国网宁阳县供电公司")).toBe(true);
  });

  it("should know labels", () => {
    expect(isLabelLike("东昌府区人民法院")).toBe(true);
    expect(isLabelLike("古楼街道")).toBe(true);
    expect(isLabelLike("我市召开全市安全生产工作会")).toBe(false);
    expect(isLabelLike("围绕产业需求培养年轻干部")).toBe(false);
  });
});

describe("segment", () => {
  it("should find numbered, lettered and bare page headers", () => {
    expect(findHeader(tokens("第03版:要闻\n\n标题\n\n本报讯 正文。"))).toMatchObject({ pageName: "要闻", pageNumber: 3, headerDate: null });
    expect(findHeader(tokens("A05 经济\n\n标题"))).toMatchObject({ pageName: "经济", pageNumber: 5 });
    // A section letter inside 第…版 names the section; the digits are the page.
    expect(findHeader(tokens("第A01版:要闻\n\n标题"))).toMatchObject({ pageName: "要闻", pageNumber: 1 });
    expect(findHeader(tokens("聊城日报\n2026年4月8日 星期三\n第3版 要闻\n\n标题"))).toMatchObject({
      pageName: "要闻",
      pageNumber: 3,
      headerDate: "2026-04-08",
    });
    expect(findHeader(tokens("一线微观察\n\n潮头攻坚 实干争先")).pageName).toBe("一线微观察");
    expect(findHeader(tokens("临清市\n\n农技下沉筑牢夏粮丰收根基")).pageName).toBeNull();
    expect(findHeader(tokens("(上接第一版)\n\n也要看到,当前形势依然复杂。")).pageName).toBeNull();
    expect(findHeader(tokens("综合\n\n(上接A01版)\n\n也要看到,当前形势依然复杂。")).pageName).toBe("综合");
  });

  it("should start articles at the head lines above a dateline, byline or subtitle", () => {
    const segs = segment(
      tokens(
        "要闻\n\n标题一\n\n本报讯(记者 张三)4月1日,正文一。\n\n正文二。\n\n临清市\n\n标题二\n\n■ 本报记者 李四\n\n正文三。\n\n聊城日报 公益广告\n\n口号一句",
      ),
    );
    expect(segs.articles.map((a) => a.heads.map((t) => t.text))).toEqual([["标题一"], ["临清市", "标题二"]]);
    expect(segs.articles[1]?.bylines.map((t) => t.text)).toEqual(["■ 本报记者 李四"]);
    expect(segs.ads.map((a) => a.tokens.map((t) => t.no))).toEqual([[17, 19]]);
  });

  it("should take short sentences under an ad marker as its slogans", () => {
    const segs = segment(tokens("标题\n\n本报讯(记者 张三)4月1日,正文。\n\n聊城日报 公益广告\n\n文明出行,从我做起。"));
    expect(segs.ads[0]?.tokens.map((t) => t.no)).toEqual([5, 7]);
    expect(segs.articles[0]?.body.map((t) => t.no)).toEqual([3]);
  });

  it("should never take a jump line for a headline, and keep what it opens apart", () => {
    const lead = segment(tokens("(上接A01版)\n\n着力在产业升级上求突破,推动特色产业提质增效,全市规模以上工业增加值增长8.5%,发展质效稳步提升。\n\n标题\n\n本报讯(记者 张三)4月1日,正文。"));
    expect(lead.articles.map((a) => a.heads.map((t) => t.text))).toEqual([["标题"]]);
    expect(lead.fragments.map((f) => f.map((t) => t.no))).toEqual([[1, 3]]);
    const mid = segment(tokens("标题\n\n本报讯(记者 张三)4月1日,正文。\n\n(上接第一版)\n\n也要看到,当前形势依然复杂。"));
    expect(mid.articles[0]?.body.map((t) => t.no)).toEqual([3]);
    expect(mid.fragments.map((f) => f.map((t) => t.no))).toEqual([[5, 7]]);
  });

  it("should take a quoted exclamation right above a dateline for its title", () => {
    const segs = segment(tokens("“家门口就能办,真方便!”\n\n本报讯(记者 周静)12月8日,村民高兴地说。"));
    expect(segs.articles.map((a) => a.heads.map((t) => t.text))).toEqual([["“家门口就能办,真方便!”"]]);
    expect(segs.untitled).toEqual([]);
  });

  it("should take a title line broken after a comma into the head", () => {
    const segs = segment(tokens("要闻\n\n小院经济“热”起来,\n农家日子“火”起来\n\n■ 本报记者 郑晓\n\n正文。"));
    expect(segs.articles[0]?.heads.map((t) => t.no)).toEqual([3, 4]);
  });

  it("should find an article with neither dateline nor byline by a plain label over its title", () => {
    const segs = segment(
      tokens("要闻\n\n标题一\n\n本报讯(记者 张三)4月1日,正文一。\n\n肥城市\n桃木旅游商品走俏冬季市场\n\n近日,走进肥城市桃木旅游商品城,商品琳琅满目。\n\n(通讯员 尹晓东)"),
    );
    expect(segs.articles.map((a) => a.heads.map((t) => t.text))).toEqual([["标题一"], ["肥城市", "桃木旅游商品走俏冬季市场"]]);
    expect(segs.articles[1]?.body.map((t) => t.no)).toEqual([10, 12]);
    // A subhead pair whose first line is no place or body stays in the article.
    expect(segment(tokens("标题一\n\n本报讯(记者 张三)4月1日,正文一。\n\n助餐服务\n让老人吃得舒心\n\n每天中午,食堂准时开饭。")).articles.length).toBe(1);
  });

  it("should not take the sentence after an ad printed inside the column flow for a slogan", () => {
    const segs = segment(tokens("标题\n\n本报讯(记者 张三)4月1日,全县网格员帮助群众解决各类\n\n泰安日报 公益广告\n\n文明泰安 你我同行\n\n问题1.3万个,代办服务事项8600余件。"));
    expect(segs.ads.map((a) => a.tokens.map((t) => t.no))).toEqual([[5, 7]]);
    expect(segs.articles[0]?.body.map((t) => t.no)).toEqual([3, 9]);
  });

  it("should note a dateline lead with no headline above it", () => {
    const segs = segment(tokens("标题\n\n本报讯(记者 张三)4月1日,正文。\n\n本报讯(记者 李四)4月2日,另一条。"));
    expect(segs.articles.length).toBe(1);
    expect(segs.untitled.map((t) => t.no)).toEqual([5]);
  });

  it("should give a kicker set apart above a later article's title to that article, and a caption to the one above", () => {
    const page = parsePage(
      "要闻\n\n标题一\n\n本报讯(记者 张三)4月1日,正文一。\n\n守护万家灯火 筑牢安全防线\n\n芝罘区开展消防安全进社区活动\n\n本报讯(记者 李四)4月2日,正文二。\n\n老人们在食堂里就餐,饭菜热乎\n\n标题三\n\n本报讯(记者 王五)4月3日,正文三。",
    );
    expect(page.articles.map((a) => [a.kicker, a.title])).toEqual([
      [null, "标题一"],
      ["守护万家灯火 筑牢安全防线", "芝罘区开展消防安全进社区活动"],
      [null, "标题三"],
    ]);
    expect(page.articles[0]?.blocks.map((b) => b.type)).toEqual(["paragraph"]);
    expect(page.articles[1]?.blocks.at(-1)).toMatchObject({ type: "caption", sourceLines: [13] });
  });

  it("should not take a phrase for a kicker when the text above it is unfinished", () => {
    const page = parsePage("标题一\n\n本报讯(记者 张三)4月1日,全县网格员帮助群众解决\n\n急难愁盼 大事小情\n\n标题二\n\n本报讯(记者 李四)4月2日,正文二。");
    expect(page.articles[1]?.kicker).toBeNull();
  });

  it("should take a dateline right under a byline as the article's lead, not an untitled one", () => {
    const segs = segment(tokens("标题\n\n■ 本报记者 张三\n\n本报讯 8日上午,正文。\n\n正文二。"));
    expect(segs.untitled).toEqual([]);
    expect(segs.articles[0]?.body.map((t) => t.no)).toEqual([5, 7]);
  });

  it("should open a continued article at a jump line under its title printed again", () => {
    const segs = segment(tokens("A04 综合\n\n全市经济运行稳中向好\n\n(上接A01版)\n\n着力在产业升级上求突破。\n\n标题二\n\n本报讯(记者 张三)4月1日,正文。"));
    expect(segs.articles.map((a) => a.heads.map((t) => t.text))).toEqual([["全市经济运行稳中向好"], ["标题二"]]);
    expect(segs.articles[0]?.body.map((t) => t.no)).toEqual([5, 7]);
    expect(segs.fragments).toEqual([]);
    const inline = segment(tokens("全市经济运行稳中向好\n\n(上接第1版)着力在产业升级上求突破。"));
    expect(inline.articles[0]?.body.map((t) => t.no)).toEqual([3]);
  });

  it("should not take an ad's slogans for the next article's head", () => {
    const segs = segment(tokens("聊城日报 公益广告\n文明聊城 你我共建\n\n标题\n\n本报讯(记者 张三)4月1日,正文。"));
    expect(segs.articles[0]?.heads.map((t) => t.text)).toEqual(["标题"]);
    expect(segs.ads[0]?.tokens.map((t) => t.text)).toEqual(["聊城日报 公益广告", "文明聊城 你我共建"]);
  });
});

describe("boundaries without an anchor", () => {
  const body = (text: string) => tokens(text);
  const plain = { headText: "标题", dateline: false, feature: false, photos: false };

  it("should keep every cue's weight a finite number, in one table", () => {
    for (const [cue, w] of Object.entries(BOUNDARY_CUES)) expect(Number.isFinite(w), cue).toBe(true);
  });

  it("should measure the change of subject across a line by shared word pairs", () => {
    const t = body("市场监管部门开展食品安全检查,检查餐饮单位120家。\n\n市场监管部门对检查中发现问题的餐饮单位责令整改。\n\n图书馆延长夜间开放时间,读者可自助借还图书。");
    const same = cohesion("", t, 0, 1, 1, 2);
    const other = cohesion("", t, 0, 1, 2, 3);
    expect(same.similarity).toBeGreaterThan(other.similarity);
    expect(other.similarity).toBe(0);
  });

  it("should read a lead's opening: a date, a time word, 记者从…获悉", () => {
    for (const s of ["5月9日起,城际公交开通。", "近日,某区新建公园。", "即日起,图书馆延时开放。", "记者从市统计局获悉,一季度经济增长。"]) expect(opensLikeLead(s), s).toBe(true);
    for (const s of ["“以前上下楼要歇好几回。”居民说。", "该中心始终将政治建设摆在首位。"]) expect(opensLikeLead(s), s).toBe(false);
  });

  it("should start an article at a headline over a new subject after a dateline item, with no anchor", () => {
    const t = body(
      "本报讯(记者 张三)5月8日,区人民医院日间手术中心运行半年来,已为1200余名患者完成手术。\n\n岑原至海宁城际公交开通\n\n5月9日起,岑原至海宁城际公交K18路正式开通,全程56公里,沿途设站14个。",
    );
    const [d] = weighBoundaries(t, { ...plain, dateline: true });
    expect(d).toMatchObject({ at: 1, bodyAt: 2, newArticle: true });
    expect(d?.cues).toEqual(expect.arrayContaining(["datelineItem", "leadOpener"]));
  });

  it("should keep a feature's subheads, the more so when they look alike", () => {
    const t = body(
      "一年来,该中心归集资金75亿元,服务缴存职工3.8万人。\n\n政策引路 人才回流\n\n该中心出台扶持措施12项,为缴存职工提供贷款贴息。\n\n服务升级 生态优化\n\n该中心建立上门服务机制,为缴存职工提供帮办服务。",
    );
    const ds = weighBoundaries(t, { ...plain, feature: true });
    expect(ds.map((d) => d.newArticle)).toEqual([false, false]);
    expect(ds[1]?.cues).toContain("likeEarlierSubhead");
  });

  it("should end an article at its closing byline and after an ad", () => {
    const t = body(
      "今年以来,该区为老旧小区加装电梯86部,惠及居民3400余户。\n\n(通讯员 程雅)\n\n职业技能培训受欢迎\n\n近日,市实训中心开设培训点,方便居民就近学习技能。\n\n日报 公益广告\n\n垃圾分类 人人有责\n\n老城区新增3处便民停车场\n\n市城市管理局新建停车场,新增停车泊位460个。",
    );
    const ds = weighBoundaries(t, plain);
    expect(ds.map((d) => [t[d.at]?.text, d.newArticle])).toEqual([
      ["职业技能培训受欢迎", true],
      ["老城区新增3处便民停车场", true],
    ]);
    expect(ds[0]?.cues).toContain("afterClosingByline");
    expect(ds[1]?.cues).toContain("afterAd");
  });

  it("should weigh no line inside a paragraph broken off mid-sentence, nor the slogan of an ad printed inside it", () => {
    const t = body("今年以来,全县网格员累计走访群众12万人次,帮助群众解决各类\n\n泰安日报 公益广告\n\n文明泰安 你我同行\n\n问题1.3万个,代办服务事项8600余件。");
    expect(weighBoundaries(t, plain)).toEqual([]);
  });

  it("should split a page's unsigned articles and warn of a close call in Chinese", () => {
    const page = parsePage(
      "第02版:综合\n\n全市防汛备汛工作会议召开\n\n5月11日,全市防汛备汛工作会议召开,部署今年防汛备汛工作。\n\n全市一季度经济运行稳中向好\n\n记者从市统计局获悉,一季度全市地区生产总值同比增长5.8%。",
      { issueDate: "2026-05-12" },
    );
    expect(page.articles.map((a) => a.title)).toEqual(["全市防汛备汛工作会议召开", "全市一季度经济运行稳中向好"]);
    expect(page.warnings.filter((w) => w.code === "boundary-doubt")).toEqual([]);
    // A feature's subhead over a place and a new person: a subhead, but a close one.
    const doubtful = parsePage(
      "返乡创业调查\n\n■ 本报记者 张三\n\n初夏时节,县返乡创业孵化园里一派忙碌景象,直播间里主播正在推介土特产。\n\n近三年来,全县累计吸引返乡创业人员4300余人,带动就业2.1万人。\n\n沙岗镇返乡青年开起“共享工坊”\n\n在沙岗镇,返乡青年温晓雨把闲置的村小学改造成工坊,组织留守妇女加工手工编织品。",
      { issueDate: "2026-06-08" },
    );
    expect(doubtful.articles).toHaveLength(1);
    const [w] = doubtful.warnings.filter((x) => x.code === "boundary-doubt");
    expect(w).toMatchObject({ lines: [9], message: "第9行按小标题处理;也可能是另一篇稿件的标题,请核对。" });
  });

  it("should start the page's first article at a headline over a short whole paragraph", () => {
    const page = parsePage("A02 民生\n\n关爱残疾人 共享好生活\n白川市辅助器具适配服务进社区\n\n5月17日是全国助残日。\n\n当天上午,市残疾人联合会在南苑街道开展辅助器具适配服务。", {
      issueDate: "2026-05-18",
    });
    expect(page.articles.map((a) => [a.kicker, a.title])).toEqual([["关爱残疾人 共享好生活", "白川市辅助器具适配服务进社区"]]);
    expect(page.articles[0]?.blocks.map((b) => b.sourceLines)).toEqual([[6], [8]]);
    expect(page.warnings.map((w) => w.code)).toEqual([]);
  });
});

describe("rubric pieces and editor's notes", () => {
  const story = "城际铁路可研报告获批\n\n本报讯 4月13日,记者从市发展和改革委员会获悉,可研报告获批。\n\n项目建成后,通行时间将缩短至30分钟以内。\n\n";

  it("should read a rubric as a heading, never as a byline", () => {
    expect(classifyLine({ no: 1, text: "图片新闻", indent: false }, 1).kind).toBe("heading");
    expect(parseBylineLine("■ 记者手记")).toBeNull();
  });

  it("should make a photo-news block after an article a piece of its own, its captions its story", () => {
    const page = parsePage(
      `${story}图片新闻\n\n4月13日,植保无人机在万亩小麦示范方开展作业。 记者 程远航 摄\n\n4月12日,游客在樱花谷景区赏花。\n通讯员 廖雪 摄\n`,
      { issueDate: "2026-04-15" },
    );
    expect(page.articles.map((a) => a.title)).toEqual(["城际铁路可研报告获批", "图片新闻"]);
    const photos = page.articles[1];
    expect(photos?.blocks.map((b) => [b.type, b.sourceLines])).toEqual([
      ["caption", [9]],
      ["caption", [11, 12]],
    ]);
    expect(photos?.bylines).toEqual([
      { name: "程远航", role: "photographer" },
      { name: "廖雪", role: "photographer" },
    ]);
    // Nothing but captions: they decide the category.
    expect(photos?.category).toBe("agriculture");
    expect(page.articles[0]?.blocks.map((b) => b.type)).toEqual(["paragraph", "paragraph"]);
  });

  it("should make a reporter's notebook box its own article, its rubric the kicker, its words left in place", () => {
    const page = parsePage(
      "让数据多跑路\n\n——汶南市深化“一网通办”改革纪实\n\n■ 本报记者 罗青禾\n\n汶南市推进“一网通办”改革,数据共享让群众少跑腿。\n\n数据共享平台归集38个部门的数据,“一网通办”事项达1286项。\n\n" +
        "政务服务中心综合窗口\n\n记者手记\n\n改革就是要把难处留给自己\n\n采访中,记者听到最多的一句话是“没想到这么快”。\n\n改革永远在路上。期待更多像“一网通办”这样的改革。\n",
      { issueDate: "2026-03-20" },
    );
    expect(page.articles.map((a) => [a.kicker, a.title])).toEqual([
      [null, "让数据多跑路"],
      ["记者手记", "改革就是要把难处留给自己"],
    ]);
    expect(page.articles[0]?.blocks.map((b) => b.type)).toEqual(["paragraph", "paragraph", "caption"]);
    expect(page.articles[1]?.blocks.map((b) => [b.sourceLines, b.flags])).toEqual([
      [[17], []],
      [[19], []],
    ]);
  });

  it("should keep the byline under an editor's note in the head, and take the lead after the note", () => {
    const note = "编者按:岁末年初,农民工工资支付问题备受关注。本报推出系列报道,敬请关注。";
    const withSubtitle = parsePage(`工钱追回来了\n——集中开展欠薪专项执行行动\n\n${note}\n\n■ 本报记者 卢思远 本报通讯员 詹晓彤\n\n当天,法院集中发放执行款426万元。\n`);
    expect(withSubtitle.articles.map((a) => [a.title, a.subtitle, a.bylines.map((b) => b.name), a.headLines])).toEqual([
      ["工钱追回来了", "集中开展欠薪专项执行行动", ["卢思远", "詹晓彤"], [1, 2, 6]],
    ]);
    expect(withSubtitle.articles[0]?.blocks.map((b) => [b.sourceLines, b.flags])).toEqual([
      [[4], []],
      [[8], []],
    ]);
    const noSubtitle = parsePage(`第07版:法治\n\n工钱追回来了\n\n${note}\n\n■ 本报记者 卢思远\n\n当天,法院集中发放执行款426万元。\n`);
    expect(noSubtitle.articles.map((a) => [a.title, a.bylines.map((b) => b.name), a.blocks.length])).toEqual([["工钱追回来了", ["卢思远"], 2]]);
    // A dateline under the note is the lead: its people and its date.
    const dateline = parsePage(`工钱追回来了\n——专项执行行动\n\n${note}\n\n本报讯(记者 卢思远)12月30日,法院集中发放执行款。\n`, { issueDate: "2026-01-03" });
    expect(dateline.articles.map((a) => [a.bylines.map((b) => b.name), a.datelineDate])).toEqual([[["卢思远"], "2025-12-30"]]);
    expect(dateline.warnings.map((w) => w.code)).not.toContain("untitled-lead");
  });
});

describe("blocks and repairs", () => {
  const body = (text: string) => classify(splitLines(text));

  it("should join a paragraph split mid-sentence, but never onto a subhead", () => {
    const { blocks } = buildBlocks(body("甲乙丙丁,1名\n\n同志获评先进。\n\n下一步推进\n\n小标题一\n\n正文继续。"), { indentedParagraphs: false });
    expect(blocks.map((b) => [b.type, b.sourceLines, b.flags])).toEqual([
      ["paragraph", [1, 3], ["joined"]],
      ["subhead", [5], []],
      ["subhead", [7], []],
      ["paragraph", [9], []],
    ]);
  });

  it("should take a short last line for a caption when the byline credits photos, even if it is indented", () => {
    const indented = classify(splitLines("\u3000\u3000入冬以来,用电负荷持续攀升,供电公司组织人员巡视设备。\n\n\u3000\u3000抢修人员在高空作业"));
    const layout = { indentedParagraphs: true };
    expect(buildBlocks(indented, layout, true).blocks.map((b) => [b.type, b.flags])).toEqual([
      ["paragraph", []],
      ["caption", []],
    ]);
    // Without a photo credit an indented line on an indented page is a paragraph (its end lost).
    expect(buildBlocks(indented, layout).blocks.map((b) => b.type)).toEqual(["paragraph", "paragraph"]);
  });

  it("should join a paragraph across a photo caption printed between its halves", () => {
    const { blocks } = buildBlocks(body("群众在家门口就能办理参保登记、\n\n工作人员为村民办理业务。 记者 孙明 摄\n\n异地就医备案等业务。\n\n据介绍,服务站还将增加。"), {
      indentedParagraphs: false,
    });
    expect(blocks.map((b) => [b.type, b.sourceLines])).toEqual([
      ["paragraph", [1, 5]],
      ["caption", [3]],
      ["paragraph", [7]],
    ]);
  });

  it("should make a caption and the credit printed under it one caption, never an article's head", () => {
    const page = parsePage("要闻\n\n标题一\n\n本报讯(记者 张三)4月1日,正文一。\n\n消防指战员在演练中架设水带\n记者 王刚 摄\n\n标题二\n\n本报讯(记者 李四)4月2日,正文二。");
    expect(page.articles.map((a) => a.title)).toEqual(["标题一", "标题二"]);
    expect(page.articles[0]?.blocks.at(-1)).toMatchObject({ type: "caption", text: "消防指战员在演练中架设水带\n记者 王刚 摄", sourceLines: [7, 8] });
    expect(page.articles[0]?.bylines).toContainEqual({ name: "王刚", role: "photographer" });
  });

  it("should never join a bulleted subhead onto an unfinished paragraph", () => {
    const { blocks } = buildBlocks(body("各地还发动志愿者送餐上门,\n\n■ 智慧助餐\n\n老人刷脸即可就餐。"), { indentedParagraphs: false });
    expect(blocks.map((b) => [b.type, b.sourceLines])).toEqual([
      ["paragraph", [1]],
      ["subhead", [3]],
      ["paragraph", [5]],
    ]);
  });

  it("should keep a clause after the last paragraph as a paragraph, and a phrase as a caption", () => {
    const layout = { indentedParagraphs: false };
    expect(buildBlocks(body("正文一段。\n\n下一步,该县将继续培育壮大特色产业,推动更多村庄发展"), layout).blocks.map((b) => b.type)).toEqual(["paragraph", "paragraph"]);
    expect(buildBlocks(body("正文一段。\n\n夜幕下的古城灯火璀璨"), layout).blocks.map((b) => b.type)).toEqual(["paragraph", "caption"]);
  });

  it("should use indentation: an indented line starts a new paragraph", () => {
    const text = "\u3000\u3000第一段没有说完\n\n\u3000\u3000第二段另起。\n\n\u3000\u3000第三段接着\n\n写完了。";
    const { blocks } = buildBlocks(body(text), { indentedParagraphs: true });
    expect(blocks.map((b) => b.sourceLines)).toEqual([[1], [3], [5, 7]]);
  });

  it("should keep a jump line as a flagged paragraph of its own, never joined, and not flag the text cut at it", () => {
    const layout = { indentedParagraphs: false };
    const out = buildBlocks(body("本报讯 正文一段。\n\n据了解,已诉前化解矛盾纠纷\n(下转A05版)"), layout).blocks;
    markDamage(out);
    expect(out.map((b) => [b.type, b.sourceLines, b.flags])).toEqual([
      ["paragraph", [1], []],
      ["paragraph", [3], []],
      ["paragraph", [4], ["jump"]],
    ]);
    const from = buildBlocks(body("(上接第1版)\n\n同比增长11.4%,为经济平稳运行注入活力。"), layout).blocks;
    markDamage(from);
    expect(from.map((b) => [b.sourceLines, b.flags])).toEqual([
      [[1], ["jump"]],
      [[3], []],
    ]);
  });

  it("should flag a paragraph that carries its jump after its last words, and not join onto it", () => {
    const out = buildBlocks(body("已建成便民服务站86个(转第6版)\n\n居民赵阿姨说,方便多了。"), { indentedParagraphs: false }).blocks;
    markDamage(out);
    expect(out.map((b) => [b.sourceLines, b.flags])).toEqual([
      [[1], ["jump"]],
      [[3], []],
    ]);
  });

  it("should flag paragraphs that begin or end mid-sentence", () => {
    const blocks: Block[] = [
      { type: "paragraph", text: "本报讯(记者 张三)4月1日,会议召开。", sourceLines: [1], flags: [] },
      { type: "paragraph", text: "”服务平台,企业可在线提交。", sourceLines: [3], flags: [] },
      { type: "paragraph", text: "主要做法包括:", sourceLines: [5], flags: [] },
      { type: "paragraph", text: "一是推行一表申请;", sourceLines: [7], flags: [] },
      { type: "paragraph", text: "真正让干得好", sourceLines: [9], flags: [] },
    ];
    markDamage(blocks);
    expect(blocks.map((b) => b.flags)).toEqual([[], ["start-missing"], [], [], ["end-missing"]]);
  });

  it("should move a stray paragraph back to the article it is about, with a warning", () => {
    const tax = draft("聊城税务系统下沉式沟通激活税企发展", ["本报讯(记者 朱海波)12月25日,聊城税务系统推行下沉式沟通模式,组建税企沟通专班。", "东昌府区税务局举办培训活动,现场解答纳税人疑问。"], 1);
    const injury = draft(
      "聊城建立工伤康复专家库",
      [
        "本报讯(记者 陈金路)12月26日,聊城市工伤康复专家库建成,56名专家首批入库。",
        "入库专家来自16家医疗机构,将为工伤康复提供多学科支撑。",
        "市劳动能力鉴定委员会相关负责人表示,专家库将为工伤职工制定个性化康复方案。",
        "从下沉式走访到专班式跟进,聊城税务系统以税企沟通机制为桥梁,让税务服务直达纳税人。",
      ],
      20,
    );
    const warnings: ParseWarning[] = [];
    expect(relocate([tax, injury], [], warnings)).toEqual([]);
    expect(injury.blocks.map((b) => b.sourceLines[0])).toEqual([22, 24, 26]);
    expect(tax.blocks.at(-1)).toMatchObject({ sourceLines: [28], flags: ["relocated"] });
    expect(warnings.map((w) => [w.code, w.lines])).toEqual([["relocated", [28]]]);
  });
});

describe("relocating a run of strays", () => {

  it("should judge strays printed together as a run, and not join one onto a sentence it does not finish", () => {
    const parking = draft(
      "“小区停车难”怎么破?",
      [
        "本报讯(记者 孔祥)12月5日上午,记者从日照市城市管理局获悉,今年新增老旧小区停车泊位1.2万个。",
        "市城市管理局会同街道社区对小区周边闲置地块进行摸排,建设临时停车场38处。",
        "此外,全市还推动机关企事业单位停车场夜间向周边居民错时开放。",
        "莒县茶园冬季管护期间,茶农们还通过覆盖稻草、搭建防风网等方式为茶树保暖,确保茶树安全越冬。",
        "县农业农村局组织农技人员深入茶园开展技术指导,帮助茶农做好冬季修剪和病虫害防治。",
      ],
      1,
    );
    const tea = draft(
      "莒县冬季茶园管护忙",
      [
        "本报讯 12月4日,在莒县浮来山街道的茶园里,茶农们正忙着为茶树施肥、培土。",
        "莒县现有茶园面积8.6万亩,近年来大力推广茶园绿色防控和有机肥替代化肥技术,带动茶农户均增收",
      ],
      20,
    );
    const warnings: ParseWarning[] = [];
    relocate([parking, tea], [], warnings);
    expect(parking.blocks.map((b) => b.sourceLines[0])).toEqual([3, 5, 7]);
    expect(tea.blocks.map((b) => [b.sourceLines, b.flags])).toEqual([
      [[22], []],
      [[24], []],
      [[9], ["relocated"]],
      [[11], ["relocated"]],
    ]);
    expect(warnings.map((w) => [w.code, w.lines])).toEqual([["relocated", [9, 11]]]);
  });
});

describe("departments and categories", () => {
  it("should resolve departments, canonical, primary first", () => {
    expect(departmentsOf({ label: null, kicker: null, title: "聊城建立工伤康复专家库", subtitle: null, text: "记者从市人力资源社会保障局获悉,专家库建成。" })[0]).toBe(
      "聊城市人力资源和社会保障局",
    );
    expect(departmentsOf({ label: "聊城税务系统", kicker: null, title: "下沉式沟通", subtitle: null, text: "" })).toEqual(["国家税务总局聊城市税务局"]);
    expect(departmentsOf({ label: null, kicker: null, title: "潮头攻坚", subtitle: "市住房公积金管理中心服务创新", text: "" })[0]).toBe(
      "聊城市住房公积金管理中心",
    );
    expect(departmentsOf({ label: "临清市", kicker: null, title: "农技下沉", subtitle: null, text: "临清市农业农村局统筹全市农技力量。" })[0]).toBe(
      "临清市农业农村局",
    );
  });

  it("should keep unknown bodies as found, but not fragments of words", () => {
    const found = departmentsOf({ label: null, kicker: null, title: "通知", subtitle: null, text: "记者从茌平区综合执法中心获悉,跨行政区划法院联动,以人民为中心。" });
    expect(found).toEqual(["茌平区综合执法中心", "茌平区"].slice(0, found.length));
    expect(found).not.toContain("区划法院");
  });

  it("should not read a name that leaves its city implicit inside another city's name", () => {
    expect(departmentsOf({ label: null, kicker: null, title: "冬季供暖", subtitle: null, text: "记者从潍坊市城市管理局获悉,全市开通热线。" })).toEqual(["潍坊市城市管理局"]);
    expect(departmentsOf({ label: null, kicker: null, title: "抽检", subtitle: null, text: "近日,青州市市场监督管理局发布抽检情况。" })[0]).toBe("青州市市场监督管理局");
    // This paper's own city, written out, still resolves through the gazetteer.
    expect(departmentsOf({ label: null, kicker: null, title: "通知", subtitle: null, text: "记者从聊城市人社局获悉。" })[0]).toBe("聊城市人力资源和社会保障局");
  });

  it("should keep bodies of other papers' places and universities as found, and merge their short forms", () => {
    expect(departmentsOf({ label: null, kicker: null, title: "长者食堂", subtitle: null, text: "市民政局牵头制定标准。滨州市民政局相关负责人表示,将继续推进。" })).toEqual(["滨州市民政局"]);
    expect(departmentsOf({ label: null, kicker: null, title: "消防安全教育", subtitle: null, text: "12月10日,曲阜师范大学开展消防演练。孩子们考上大学后,以及助力大学生就业。" })).toEqual([
      "曲阜师范大学",
    ]);
    expect(departmentsOf({ label: null, kicker: null, title: "巨野县“一村一品”鼓起农民“钱袋子”", subtitle: null, text: "县农业农村局组织农技人员开展技术服务。" })).toEqual([
      "巨野县农业农村局",
      "巨野县",
    ]);
    expect(departmentsOf({ label: "垦利区", kicker: null, title: "黄河口大米喜获丰收", subtitle: null, text: "区农业农村局组织农技人员开展服务。" })[0]).toBe("垦利区农业农村局");
    // A name running across a phrase is none; a bare short form takes the place the text keeps naming.
    expect(
      departmentsOf({ label: null, kicker: null, title: "蒙阴蜜桃搭上冷链快车", subtitle: null, text: "凌晨,蒙阴县野店镇的冷链物流中心灯火通明。2025年,蒙阴县新建冷库28处。县农业农村局相关负责人介绍。" }),
    ).toEqual(["蒙阴县农业农村局"]);
    // On this paper's own pages the gazetteer alias keeps its canonical name.
    expect(departmentsOf({ label: "临清市", kicker: null, title: "供暖", subtitle: null, text: "记者从市城市管理局获悉。" })).toContain("聊城市城市管理局");
  });

  it("should find blood stations and customs houses by their endings", () => {
    expect(departmentsOf({ label: null, kicker: null, title: "流动献血车开进社区", subtitle: null, text: "近日,石湾市中心血站的流动献血车开进社区。" })).toEqual(["石湾市中心血站"]);
    expect(departmentsOf({ label: null, kicker: null, title: "通关提速", subtitle: null, text: "6月2日,记者从蓝溪海关获悉,企业货物通关时间压缩至1小时以内。" })).toEqual(["蓝溪海关"]);
  });

  it("should find arbitration courts and colleges, but not a school named after a centre nor a title's 局", () => {
    expect(departmentsOf({ label: null, kicker: null, title: "劳动争议“速裁”", subtitle: null, text: "1月2日,记者从西陵市劳动人事争议仲裁院获悉,仲裁院开辟“绿色通道”。" })[0]).toBe(
      "西陵市劳动人事争议仲裁院",
    );
    // A college opens with a place the shape rules need not know; a count before 学院 is no name.
    expect(departmentsOf({ label: null, kicker: null, title: "校企合作", subtitle: null, text: "4月11日,澄州职业技术学院与企业共建6个产业学院。毕业后优先录用。学院党委书记表示。" })).toEqual([
      "澄州职业技术学院",
    ]);
    expect(departmentsOf({ label: null, kicker: null, title: "课后服务", subtitle: null, text: "沂阳县石桥镇中心小学的操场上,社团活动同时开展。" })).toEqual([]);
    expect(departmentsOf({ label: null, kicker: null, title: "改革", subtitle: null, text: "汶南市行政审批服务局局长唐泽民说,将继续推进。" })).toEqual(["汶南市行政审批服务局"]);
  });

  it("should not take a word before a bare 市 for a city", () => {
    expect(placeLength("记者从市统计局获悉", 0)).toBe(0);
    expect(placeLength("无为市", 0)).toBe(3);
  });

  it("should place a gazetteer alias by the page it is printed on", () => {
    const page = (text: string) => parsePage(text, { issueDate: "2026-01-05" });
    const alias = (text: string) => page(text).articles[0]?.departments;
    const story = "劳动争议调解\n\n本报讯(记者 葛文静)1月2日,记者从市总工会获悉,全市设立调解工作站12个。\n\n";
    // Another paper's page: the city that page keeps naming.
    expect(alias(`${story}西陵市法院\n\n本报讯 1月3日,西陵市人民法院审结案件。西陵市人民检察院参与。\n`)).toEqual(["西陵市总工会"]);
    // A page that names no place at all: as printed, not this paper's body.
    expect(alias(story)).toEqual(["市总工会"]);
    // This paper's page: the gazetteer's canonical name.
    expect(alias(`${story}临清市\n\n农技下沉\n\n本报讯 1月3日,临清市农业农村局组织培训。\n`)).toEqual(["聊城市总工会"]);
  });

  it("should categorise by the weighted table, with evidence", () => {
    expect(categorize("聊城仲裁委部署2026年服务新举措", "仲裁 法治 调解")).toMatchObject({ category: "courts" });
    expect(categorize("聊城首期“你点我检”完成百批次抽样检测", "食品 抽检")).toMatchObject({ category: "food-safety" });
    const { evidence } = categorize("农技下沉筑牢夏粮丰收根基", "小麦 春管");
    expect(evidence).toContain("农技");
    expect(categorize("天气晴朗", "市民出游")).toEqual({ category: "other", evidence: [] });
    // Prices and market supply are economy, however many vegetables they name; growing them is farming.
    expect(categorize("平价蔬菜直销点增至48个", "蔬菜价格比周边农贸市场低10%,每天供应白菜、土豆等蔬菜。")).toMatchObject({ category: "economy" });
    expect(categorize("玉米夏播抢墒进行", "农技人员深入田间,指导农户抢墒播种夏玉米。")).toMatchObject({ category: "agriculture" });
    // A longer term with a negative weight cancels a shorter one inside it, and is never evidence.
    expect(categorize("家庭医生上门服务", "签约居民在社区就能享受慢病随访、健康咨询等签约服务。")).toEqual({ category: "other", evidence: [] });
    expect(categorize("18个重点项目集中签约", "签约项目总投资86亿元。").evidence).toContain("签约");
    // Safety supervision is regulatory government work, as 市场监管 is: public-service.
    expect(categorize("冬季安全生产大检查全面启动", "记者从烟台市应急管理局获悉")).toMatchObject({ category: "public-service", evidence: ["安全生产", "应急管理"] });
    // No spec category covers fire drills, heritage or tourism: they stay other.
    expect(categorize("非遗里的年味", "蓬莱阁景区的非遗展示馆 文旅体验 游客")).toMatchObject({ category: "other" });
    expect(categorize("消防救援大队开展实战演练", "消防员 演练")).toMatchObject({ category: "other" });
    // Meals for the elderly run by 民政: a public service.
    expect(categorize("“暖心食堂”开到老人家门口", "枫林县民政局为1800余名老人提供助餐服务")).toMatchObject({ category: "public-service" });
  });
});

describe("lexicon", () => {
  it("should find every term at every position, longest first", () => {
    const lex = new Lexicon<number>([
      ["食品", 1],
      ["食品抽检", 2],
      ["抽检", 3],
    ]);
    const hits: [string, number][] = [];
    lex.scan("开展食品抽检", (term, _, at) => hits.push([term, at]));
    expect(hits).toEqual([
      ["食品抽检", 2],
      ["食品", 2],
      ["抽检", 4],
    ]);
  });

  it("should map integers, clear in O(1) and grow", () => {
    const m = new IntMap(4);
    for (let i = 1; i <= 1000; i++) m.set(i * 7919, i);
    expect(m.size).toBe(1000);
    expect(m.get(7919 * 500)).toBe(500);
    m.clear();
    expect(m.size).toBe(0);
    expect(m.has(7919)).toBe(false);
    expect(m.setIfAbsent(5, 9)).toBe(9);
    expect(m.setIfAbsent(5, 10)).toBe(9);
  });
});
