/**
 * Properties of the parser over generated and mutated pages: it never throws, it is deterministic,
 * and nothing is lost — every non-blank line ends up in exactly one element (page header, an
 * article's head, a block, an ad or an orphan).
 */
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePage, type ParsedPage } from "@/lib/parser";

const DIR = path.join(import.meta.dirname, "../../fixtures/pages");
const seeds = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith(".txt"))
  .map((f) => fs.readFileSync(path.join(DIR, f), "utf8"));

/** Every line number an element of the page claims, with repeats. */
function claimedLines(p: ParsedPage): number[] {
  return [
    ...p.headerLines,
    ...p.articles.flatMap((a) => [...a.headLines, ...a.blocks.flatMap((b) => b.sourceLines)]),
    ...p.ads.flatMap((a) => a.sourceLines),
    ...p.orphans.flatMap((o) => o.sourceLines),
  ].sort((a, b) => a - b);
}

function nonBlankLines(text: string): number[] {
  return text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l, i) => (l.replace(/^[\u3000\u00a0\t \ufeff]+|[\u3000\u00a0\t \r]+$/gu, "") ? i + 1 : 0))
    .filter((n) => n > 0);
}

function assertNothingLost(text: string): void {
  const out = parsePage(text);
  expect(claimedLines(out)).toEqual(nonBlankLines(text));
}

// Lines that look like the parts of a page, to build plausible random pages from.
const pieces = [
  "一线微观察",
  "第03版:要闻",
  "临清市",
  "聊城市市场监督管理局",
  "农技下沉筑牢夏粮丰收根基",
  "——聊城行政争议预防化解工作走笔",
  "■ 本报记者 张三",
  "本报通讯员 李四 王五",
  "■ 文图 赵六 钱七",
  "本报讯(记者 马永伟)4月1日,第五届聊城仲裁委员会第二次全体会议召开。",
  "本报讯(曲立明)12月30日,笔者了解到,东昌府区人民法院近日审结一起案件。",
  "本报讯 4月上旬,小麦进入起身拔节关键期",
  "该中心始终将政治建设摆在首位,构建“四级联动”学习模式,引导党员干部",
  "在深学细悟中铸牢忠诚之魂。",
  "“没想到拖了多年的难题,没打官司就解决了!”",
  "堂”学习平台,邀请各领域专家授课。",
  "聚力示范效应",
  "提升素能筑牢源头防线",
  "聊城日报 公益广告",
  "深化移风易俗 倡树文明新风",
  "记者 白文斌 摄",
  "东昌府区人民法院庭审法官叮嘱提醒",
  "",
  "",
  "\u3000\u3000缩进的段落,末尾有空格。  ",
];

const line = fc.oneof(
  fc.constantFrom(...pieces),
  fc.string({ maxLength: 40 }),
  fc.stringMatching(/^[一-龥,。、“”■—()() 0-9]{0,30}$/),
);
const randomPage = fc.array(line, { maxLength: 60 }).map((ls) => ls.join(fc.sample(fc.constantFrom("\n", "\r\n"), 1)[0] ?? "\n"));

/** A seed page with lines dropped, duplicated, swapped, cut in two or glued together. */
const mutatedSeed = fc
  .tuple(
    fc.integer({ min: 0, max: seeds.length - 1 }),
    fc.array(fc.tuple(fc.constantFrom("drop", "dup", "swap", "split", "glue", "blank"), fc.nat(), fc.nat()), { maxLength: 12 }),
  )
  .map(([si, ops]) => {
    const ls = (seeds[si] ?? "").split("\n");
    for (const [op, a, b] of ops) {
      const i = a % Math.max(ls.length, 1);
      const j = b % Math.max(ls.length, 1);
      const l = ls[i] ?? "";
      if (op === "drop") ls.splice(i, 1);
      else if (op === "dup") ls.splice(i, 0, l);
      else if (op === "swap") [ls[i], ls[j]] = [ls[j] ?? "", l];
      else if (op === "split") ls.splice(i, 1, l.slice(0, b % (l.length + 1)), "", l.slice(b % (l.length + 1)));
      else if (op === "glue") ls.splice(i, 2, l + (ls[i + 1] ?? ""));
      else ls.splice(i, 0, "");
    }
    return ls.join("\n");
  });

describe("parser properties", () => {
  it("should keep every non-blank line of the seeds exactly once", () => {
    for (const s of seeds) assertNothingLost(s);
  });

  it("should never throw and lose nothing on random pages", () => {
    fc.assert(fc.property(randomPage, (text) => assertNothingLost(text)), { numRuns: 300 });
  });

  it("should never throw and lose nothing on mutated seed pages", () => {
    fc.assert(fc.property(mutatedSeed, (text) => assertNothingLost(text)), { numRuns: 300 });
  });

  it("should be deterministic", () => {
    fc.assert(
      fc.property(fc.oneof(randomPage, mutatedSeed), (text) => {
        expect(JSON.stringify(parsePage(text))).toBe(JSON.stringify(parsePage(text)));
      }),
      { numRuns: 100 },
    );
  });

  it("should never throw on arbitrary bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const out = parsePage(bytes);
        expect(Array.isArray(out.articles)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
