/**
 * Properties of the parser over generated and mutated pages: it never throws, it is deterministic,
 * and nothing is lost — every non-blank line ends up in exactly one element (page header, an
 * article's head, a block, an ad or an orphan), whatever the encoding or line endings.
 */
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { claimedLines, nonBlankLines } from "../support/page-lines";
import { decode, parsePage, type ParsedPage } from "@/lib/parser";

const DIR = path.join(import.meta.dirname, "../../fixtures/pages");
const pages = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => decode(fs.readFileSync(path.join(DIR, f))).text);

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;


function checkPage(text: string, out: ParsedPage = parsePage(text)): void {
  expect(claimedLines(out)).toEqual(nonBlankLines(text));
  expect(out.warnings.filter((w) => w.code === "internal-error" || w.code === "unplaced")).toEqual([]);
  for (const a of out.articles) {
    for (const b of a.blocks) {
      expect(b.text.length).toBeGreaterThan(0);
      expect(b.sourceLines.length).toBeGreaterThan(0);
    }
  }
}

// Lines that look like the parts of a page, to build plausible random pages from.
const pieces = [
  "一线微观察",
  "第03版:要闻",
  "A05 经济",
  "2026年4月8日 星期三",
  "临清市",
  "聊城市市场监督管理局",
  "农技下沉筑牢夏粮丰收根基",
  "坚持人民至上 守护舌尖安全",
  "“家门口”的养老服务,老人满意吗?",
  "——聊城行政争议预防化解工作走笔",
  "■ 本报记者 张三",
  "本报通讯员 李四 王五",
  "■ 文图 赵六 钱七",
  "■ 记者手记",
  "本报讯(记者 马永伟)4月1日,第五届聊城仲裁委员会第二次全体会议召开。",
  "本报讯(曲立明)12月30日,笔者了解到,东昌府区人民法院近日审结一起案件。",
  "本报讯 4月上旬,小麦进入起身拔节关键期",
  "本报讯(记者刘畅)3月31日,冠县首家“银发驿站”在清泉街道投入使用。",
  "该中心始终将政治建设摆在首位,构建“四级联动”学习模式,引导党员干部",
  "在深学细悟中铸牢忠诚之魂。",
  "“没想到拖了多年的难题,没打官司就解决了!”",
  "堂”学习平台,邀请各领域专家授课。",
  ",经过一个多月的整改,校园周边新增交通信号灯6处。",
  "一是推行“一表申请”,企业只需填写一张表格;",
  "聚力示范效应",
  "提升素能筑牢源头防线",
  "聊城日报 公益广告",
  "深化移风易俗 倡树文明新风",
  "记者 白文斌 摄",
  "图为游客在运河岸边拍照留念。",
  "东昌府区人民法院庭审法官叮嘱提醒",
  "(上接第一版)",
  "东阿县税务局把沟通阵地搬到生产一线,聊城税务系统以多元化税企沟通机制为桥梁。",
  "",
  "",
  "",
  "\u3000\u3000缩进的段落,末尾有空格。  ",
  " \t\u3000 ",
  // The same conventions in full-width punctuation.
  "第05版\uff1a经济",
  "本报讯\uff08记者 陈金路 通讯员 韩丽芸、许超\uff0912月26日\uff0c记者从市人力资源社会保障局获悉。",
  "“家门口”的养老服务\uff0c老人满意吗\uff1f",
  "\uff0c经过一个多月的整改\uff0c校园周边新增交通信号灯6处。",
  "消防指战员在演练中架设水带。\uff08记者 杨光 摄\uff09",
  // Datelines with their place and date inside, spaced people, wire agencies, days alone.
  "本报德州12月3日讯(记者 王刚)记者从德州市应急管理局获悉,全市冬季安全生产大检查全面启动。",
  "本报济南讯 记者 李娜 通讯员 张伟 报道 12月2日,济南至德州城际公交线路正式开通。",
  "新华社北京12月3日电(记者 赵明 钱亮)国家统计局3日发布数据。",
  "本报讯 (记者 孙 洋)3日上午,德州市民政局启动专项救助行动。",
  "本报讯 近日,齐河县推出“帮办代办”服务,15日起实现“一日办结”。",
  // Jump lines, on their own and after a paragraph's last words; credits after the names.
  "(下转A05版)",
  "\uff08转第6版\uff09",
  "已在全区设立法官工作站18个,诉前化解矛盾纠纷(下转A05版)",
  "(上接第1版)着力在产业升级上求突破。",
  "张伟 刘洋 文/图",
  "文/本报记者 王刚 图/本报通讯员 李娜",
  "守护万家灯火 筑牢安全防线",
];

const line = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...pieces) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) },
  { weight: 2, arbitrary: fc.stringMatching(/^[一-龥,。、“”■—()!?:;\uff0c\uff08\uff09\uff01\uff1f\uff1a\uff1b\u3000 0-9]{0,50}$/) },
);
const lineBreak = fc.constantFrom("\n", "\r\n", "\r");
const randomPage = fc.tuple(fc.array(line, { maxLength: 60 }), lineBreak).map(([ls, br]) => ls.join(br));

/** A fixture page with lines dropped, duplicated, swapped, cut in two or glued together. */
const mutatedPage = fc
  .tuple(
    fc.integer({ min: 0, max: pages.length - 1 }),
    fc.array(fc.tuple(fc.constantFrom("drop", "dup", "swap", "split", "glue", "blank", "indent"), fc.nat(), fc.nat()), { maxLength: 12 }),
  )
  .map(([pi, ops]) => {
    const ls = (pages[pi] ?? "").split(/\r\n|\r|\n/u);
    for (const [op, a, b] of ops) {
      const i = a % Math.max(ls.length, 1);
      const j = b % Math.max(ls.length, 1);
      const l = ls[i] ?? "";
      if (op === "drop") ls.splice(i, 1);
      else if (op === "dup") ls.splice(i, 0, l);
      else if (op === "swap") [ls[i], ls[j]] = [ls[j] ?? "", l];
      else if (op === "split") ls.splice(i, 1, l.slice(0, b % (l.length + 1)), "", l.slice(b % (l.length + 1)));
      else if (op === "glue") ls.splice(i, 2, l + (ls[i + 1] ?? ""));
      else if (op === "indent") ls[i] = `\u3000\u3000${l}  `;
      else ls.splice(i, 0, "");
    }
    return ls.join("\n");
  });

describe("parser properties", () => {
  it("should keep every non-blank line of every fixture exactly once", () => {
    for (const p of pages) checkPage(p);
  });

  it("should never throw and lose nothing on random pages", () => {
    fc.assert(
      fc.property(randomPage, (text) => checkPage(text)),
      { numRuns: 400 },
    );
  });

  it("should never throw and lose nothing on mutated fixture pages", () => {
    fc.assert(
      fc.property(mutatedPage, (text) => checkPage(text)),
      { numRuns: 400 },
    );
  });

  it("should read the same page the same way in every encoding", () => {
    fc.assert(
      fc.property(fc.oneof(mutatedPage, randomPage), fc.constantFrom("utf-8-bom", "utf-16le", "utf-16be", "gb18030"), (text, enc) => {
        // GB18030 covers all of Unicode but lone surrogates; keep to well-formed text.
        fc.pre(!LONE_SURROGATE.test(text));
        const bytes =
          enc === "utf-8-bom"
            ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")])
            : enc === "utf-16le"
              ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")])
              : enc === "utf-16be"
                ? Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, "utf16le").swap16()])
                : iconv.encode(text, "gb18030");
        // GB18030 bytes that happen to form valid UTF-8 are (rightly) read as UTF-8: not this property.
        fc.pre(decode(new Uint8Array(bytes)).text === text);
        const out = parsePage(new Uint8Array(bytes));
        checkPage(text, out);
        const plain = parsePage(text);
        // Only the reported encoding differs.
        expect(JSON.stringify({ ...out, encoding: null })).toBe(JSON.stringify({ ...plain, encoding: null }));
      }),
      { numRuns: 150 },
    );
  });

  it("should be deterministic", () => {
    fc.assert(
      fc.property(fc.oneof(randomPage, mutatedPage), (text) => {
        const first = JSON.stringify(parsePage(text));
        parsePage(pages[0] ?? ""); // other work in between must not leak into the next parse
        expect(JSON.stringify(parsePage(text))).toBe(first);
      }),
      { numRuns: 150 },
    );
  });

  it("should never throw on arbitrary bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => {
        const out = parsePage(bytes);
        expect(Array.isArray(out.articles)).toBe(true);
        checkPage(decode(bytes).text, out);
      }),
      { numRuns: 300 },
    );
  });
});
