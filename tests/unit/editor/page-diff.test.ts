/**
 * Before/after of corrections (lib/editor/page-diff.ts, lib/editor/edit-history.ts) on the
 * correction fixtures (tests/fixtures/corrections): each operation is described by what it did
 * to the page, and the history of a log is derived from the log alone.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Edit } from "@/lib/corrections";
import { editHistory, type LogEntry, touchesArticle } from "@/lib/editor/edit-history";
import { describeChange, lineSpan, pageChanges } from "@/lib/editor/page-diff";
import { decode, parsePage } from "@/lib/parser";

const DIR = path.join(import.meta.dirname, "../../fixtures/corrections");

function fixture(name: string) {
  const bytes = fs.readFileSync(path.join(DIR, `${name}.txt`));
  const log = JSON.parse(fs.readFileSync(path.join(DIR, `${name}.edits.json`), "utf8")) as { options?: object; edits: Edit[] };
  const parse = parsePage(bytes, log.options ?? {});
  const raw = decode(bytes).text;
  const entries: LogEntry[] = log.edits.map((edit, i) => ({ seq: i + 1, edit, state: "active" }));
  return { parse, raw, entries };
}

/** Each change of entry `seq` as "what: before → after". */
function said(name: string, seq = 1, states?: LogEntry["state"][]): string[] {
  const { parse, raw, entries } = fixture(name);
  const log = entries.map((e, i) => ({ ...e, state: states?.[i] ?? e.state }));
  return (editHistory(parse, raw, log).get(seq) ?? []).map((c) => {
    const d = describeChange(c);
    return `${d.what}: ${d.before} → ${d.after}`;
  });
}

describe("pageChanges", () => {
  it("should find nothing between a page and itself", () => {
    const { parse, raw } = fixture("split-article");
    expect(pageChanges(raw, parse, parse)).toEqual([]);
  });

  it("should give an edited field its before and after", () => {
    expect(said("set-article-fields", 1)).toEqual([
      "《冠县“一窗受理”让办事效率提速四成》的标题: 冠县推行“一窗受理”提升办事效率 → 冠县“一窗受理”让办事效率提速四成",
      "《冠县“一窗受理”让办事效率提速四成》的署名: 记者 李文静、通讯员 杜鹏 → 记者 李文静",
      "《冠县“一窗受理”让办事效率提速四成》的分类: 政务与公共服务 → 经济",
      "《冠县“一窗受理”让办事效率提速四成》的部门: 冠县行政审批服务局、冠县 → 冠县行政审批服务局",
    ]);
    expect(said("set-article-fields", 2)).toEqual(["《市中级人民法院发布劳动争议典型案例》的栏目: (无) → 法治聊城"]);
  });

  it("should say what a line was and what it became", () => {
    expect(said("set-line-roles", 2)).toEqual(["第12行““以前办营业执照要跑好几个窗口,…”: 正文(《冠县推行“一窗受理”提升办事效率》) → 图片说明(《冠县推行“一窗受理”提升办事效率》)"]);
    expect(said("set-line-roles", 3)).toEqual(["第18行“这些公园配建了健身步道、休闲座椅…”: 正文(《东阿县新建口袋公园12处》) → 广告"]);
    // A line already an ad, and a refused change: nothing happened.
    expect(said("set-line-roles", 4)).toEqual([]);
    expect(said("set-line-roles", 5)).toEqual([]);
  });

  it("should describe a kicker taken out of a title as both fields and the line", () => {
    expect(said("set-line-kicker-glued")).toEqual([
      "《澄州GDP同比增长6.2%》的引题: (无) → 一季度经济运行开局良好",
      "《澄州GDP同比增长6.2%》的标题: 一季度经济运行开局良好澄州GDP同比增长6.2% → 澄州GDP同比增长6.2%",
      "第5行“一季度经济运行开局良好”: 标题(《一季度经济运行开局良好澄州GDP同比增长6.2%》) → 引题(《澄州GDP同比增长6.2%》)",
    ]);
  });

  it("should count paragraphs for a join undone and two blocks joined", () => {
    expect(said("split-block")).toEqual(["《冠县推行“一窗受理”提升办事效率》第8、10行的分段: 1段 → 2段"]);
    expect(said("join-blocks")).toEqual(["《东阿县新建口袋公园12处》第16、18行的分段: 2段 → 1段"]);
  });

  it("should keep moved paragraphs together across the blank line between them", () => {
    expect(said("move-block-back")).toEqual(["第19、21行“2026年,高唐县丰源农机专业合…”: 正文(《高唐县农机合作社助力春耕生产》) → 正文(《聊城大学举办春季大型招聘会》)"]);
  });

  it("should name the article a split makes and the one a merge removes", () => {
    const split = said("split-article");
    expect(split).toContain("新稿件《帮办代办 服务上门》: (无) → 从第14行起");
    expect(split).toContain("第14行“帮办代办 服务上门”: 小标题(《冠县推行“一窗受理”提升办事效率》) → 标题(《帮办代办 服务上门》)");
    const merge = said("merge-articles");
    expect(merge).toContain("稿件《市中级人民法院发布劳动争议典型案例》: 单独成篇 → 并入《冠县推行“一窗受理”提升办事效率》");
    expect(merge).toContain("第23行“市中级人民法院发布劳动争议典型案…”: 标题(《市中级人民法院发布劳动争议典型案例》) → 小标题(《冠县推行“一窗受理”提升办事效率》)");
    expect(said("adopt-orphan-new-article")[0]).toBe("新稿件《着力产业升级 全年技改投资120亿元》: (无) → 从第29行起");
  });

  it("should find nothing for warnings marked reviewed and for stale edits", () => {
    for (const seq of [1, 2, 3, 4]) expect(said("review-warning", seq)).toEqual([]);
    expect(said("stale-text-changed", 1)).toEqual([]);
  });
});

describe("editHistory", () => {
  it("should diff an undone entry against the active edits before it, and leave it out of later ones", () => {
    // set-article-fields: undo the first edit; the second still reads its before as the parse.
    expect(said("set-article-fields", 1, ["undone", "active"])).toHaveLength(4);
    expect(said("set-article-fields", 2, ["undone", "active"])).toEqual(["《市中级人民法院发布劳动争议典型案例》的栏目: (无) → 法治聊城"]);
  });

  it("should give the same changes whether entries are given in order or not", () => {
    const { parse, raw, entries } = fixture("set-line-roles");
    expect(editHistory(parse, raw, [...entries].reverse())).toEqual(editHistory(parse, raw, entries));
  });

  it("should tell which entries touched an article", () => {
    const { parse, raw, entries } = fixture("merge-articles");
    const [changes] = [...editHistory(parse, raw, entries).values()];
    const court = parse.articles.find((a) => a.title.includes("法院"));
    const lines = new Set([...(court?.headLines ?? []), ...(court?.blocks.flatMap((b) => b.sourceLines) ?? [])]);
    expect(touchesArticle(changes ?? [], court?.headLines[0] ?? -1, lines)).toBe(true);
    expect(touchesArticle(changes ?? [], 9999, new Set())).toBe(false);
  });
});

describe("lineSpan", () => {
  it("should say lines as editors do", () => {
    expect(lineSpan([12])).toBe("第12行");
    expect(lineSpan([3, 7])).toBe("第3、7行");
    expect(lineSpan([12, 13, 14])).toBe("第12–14行");
  });
});
