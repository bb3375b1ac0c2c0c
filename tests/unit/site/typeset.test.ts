import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { parsePage } from "@/lib/parser";
import { fullWidthPunctuation, fullWidthPunctuationMarked, headPieces } from "@/lib/site/typeset";

// The full-width marks, spelt as escapes so that no editor or font can pass one off as half-width.
const COMMA = "\uff0c";
const COLON = "\uff1a";
const SEMI = "\uff1b";
const OPEN = "\uff08";
const CLOSE = "\uff09";
const QUERY = "\uff1f";
const BANG = "\uff01";

describe("fullWidthPunctuation", () => {
  it("should set half-width marks beside Chinese characters full-width", () => {
    expect(fullWidthPunctuation("难题,没打官司就通过复议渠道解决了!”近日")).toBe(`难题${COMMA}没打官司就通过复议渠道解决了${BANG}”近日`);
    expect(fullWidthPunctuation("本报讯(记者 马永伟)4月1日,会议召开")).toBe(`本报讯${OPEN}记者 马永伟${CLOSE}4月1日${COMMA}会议召开`);
    expect(fullWidthPunctuation("为什么?原因有三:一是;二是")).toBe(`为什么${QUERY}原因有三${COLON}一是${SEMI}二是`);
  });

  it("should look past quotes and other marks for the neighbour", () => {
    expect(fullWidthPunctuation("“放管服”;“一网通办”")).toBe(`“放管服”${SEMI}“一网通办”`);
    expect(fullWidthPunctuation("真的吗?!")).toBe(`真的吗${QUERY}${BANG}`);
  });

  it("should convert a pair of brackets together", () => {
    expect(fullWidthPunctuation("(1)加强管理")).toBe(`${OPEN}1${CLOSE}加强管理`);
    expect(fullWidthPunctuation("使用(APP)办理")).toBe(`使用${OPEN}APP${CLOSE}办理`);
    expect(fullWidthPunctuation("(下转A04版)")).toBe(`${OPEN}下转A04版${CLOSE}`);
  });

  it("should keep the marks of numbers, times and ratios", () => {
    expect(fullWidthPunctuation("共3,000人")).toBe("共3,000人");
    expect(fullWidthPunctuation("上午8:30开始")).toBe("上午8:30开始");
    expect(fullWidthPunctuation("受案比达2:1,全市")).toBe(`受案比达2:1${COMMA}全市`);
    expect(fullWidthPunctuation("时间:8:30")).toBe(`时间${COLON}8:30`);
    expect(fullWidthPunctuation("增长5%,达到")).toBe(`增长5%${COMMA}达到`);
  });

  it("should leave Latin text and addresses alone", () => {
    expect(fullWidthPunctuation("Hello, world (again)!")).toBe("Hello, world (again)!");
    expect(fullWidthPunctuation("他说“Hello, world”。")).toBe("他说“Hello, world”。");
    expect(fullWidthPunctuation("登录https://www.lc.gov.cn/a?b=1;c=(2)查询")).toBe("登录https://www.lc.gov.cn/a?b=1;c=(2)查询");
    expect(fullWidthPunctuation("访问www.lc.gov.cn,了解详情")).toBe(`访问www.lc.gov.cn${COMMA}了解详情`);
    expect(fullWidthPunctuation("发邮件至a.b@lc.gov.cn:注明")).toBe(`发邮件至a.b@lc.gov.cn${COLON}注明`);
  });

  it("should return text without such marks as it is", () => {
    const s = "聊城仲裁委部署2026年服务新举措";
    expect(fullWidthPunctuation(s)).toBe(s);
    expect(fullWidthPunctuation("")).toBe("");
  });

  it("should change nothing but the marks, one for one, in every sample paragraph", () => {
    const half = ",:;()?!";
    const full = [COMMA, COLON, SEMI, OPEN, CLOSE, QUERY, BANG];
    let converted = 0;
    for (const f of ["data/sample/2025-12-27_01.txt", "data/sample/2026-04-08_01.txt"]) {
      for (const a of parsePage(fs.readFileSync(f, "utf8")).articles) {
        for (const text of [a.title, ...a.blocks.map((b) => b.text)]) {
          const out = Array.from(fullWidthPunctuation(text));
          const src = Array.from(text);
          expect(out.length).toBe(src.length);
          out.forEach((c, i) => {
            if (c === src[i]) return;
            converted++;
            expect(full.indexOf(c), text).toBe(half.indexOf(src[i] as string));
          });
        }
      }
    }
    // The sample prints its commas half-width throughout.
    expect(converted).toBeGreaterThan(300);
  });
});

describe("headPieces", () => {
  const marked = (t: string) => headPieces(t).map((p) => (p.keep ? `[${p.text}]` : p.text)).join("");

  it("should keep a short quotation, a date and a number with its unit on one line", () => {
    expect(marked("打造法治山东实践“聊城样板”")).toContain("[“聊城样板”]");
    expect(marked("聊城仲裁委部署2026年服务新举措")).toContain("[2026年]");
    const d = marked("2026年4月8日起《民法典》宣传月");
    expect(d).toContain("[2026年4月8日]");
    expect(d).toContain("[《民法典》]");
  });

  it("should keep the words the dictionary knows whole, so a head breaks only between words", () => {
    expect(marked("打造法治山东实践“聊城样板”")).toBe("[打造][法治][山东][实践][“聊城样板”]");
    expect(marked("围绕产业需求培养年轻干部")).toBe("[围绕][产业][需求][培养][年轻][干部]");
  });

  it("should keep a subtitle's dash with its first character", () => {
    expect(headPieces("——聊城行政争议预防化解工作走笔")[0]).toEqual({ text: "——聊", keep: true });
  });

  it("should leave long quotations, single characters and Latin free to break as usual", () => {
    const long = "“没想到拖了多年的难题没打官司就解决了”";
    expect(headPieces(long).some((p) => p.text === long)).toBe(false);
    expect(headPieces("PPT 100").every((p) => !p.keep)).toBe(true);
  });

  it("should give back the text exactly", () => {
    for (const t of ["", "下沉式沟通激活发展“税动力”", "——聊城行政争议预防化解工作走笔", "第1季度增长3.5%", "潮头攻坚 实干争先"]) {
      expect(headPieces(t).map((p) => p.text).join("")).toBe(t);
    }
  });
});

describe("fullWidthPunctuationMarked", () => {
  it("should convert a snippet's text as one string across its marks, and keep marks and escapes", () => {
    // The comma before the mark sees the Chinese inside it; the ampersand and the quote stay escaped.
    expect(fullWidthPunctuationMarked("实施以来,<mark>学校</mark>累计(含A&amp;B)选派")).toBe(
      `实施以来${COMMA}<mark>学校</mark>累计${OPEN}含A&amp;B${CLOSE}选派`,
    );
    expect(fullWidthPunctuationMarked("<mark>公积金</mark>:3,000笔 &lt;b&gt;")).toBe(`<mark>公积金</mark>${COLON}3,000笔 &lt;b&gt;`);
  });

  it("should leave text with nothing to convert exactly as it was", () => {
    for (const html of ["", "<mark>聊城</mark>", "Hello, <mark>world</mark> &#39;x&#39; &quot;y&quot;", "…网址 https://a.cn/x?b=1,2…"]) {
      expect(fullWidthPunctuationMarked(html)).toBe(html);
    }
  });
});
