/**
 * Paper profiles (data/papers/<id>.json): both shipped profiles validate, a page is read with the
 * gazetteer of the paper it is given, a parse never leaks its profile into the next one, and a bad
 * profile is refused with the file and the field named.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { listPaperIds, loadPaperProfile, resolvePaperOption } from "@/lib/paper/load";
import { listGazetteer, lookupDepartment, parsePage } from "@/lib/parser";

const PAGE = [
  "A02 2026年6月8日 星期一",
  "要闻",
  "",
  "汐川开展夏季食品安全专项检查",
  "本报讯(记者 林晓)6月6日,记者从市市场监管局获悉,该局近日启动夏季食品安全专项检查,重点检查学校食堂和农贸市场。",
  "截至目前,市市场监管局已检查各类经营主体1200余家,督促整改问题320个。",
].join("\n");

const departmentsOf = (profile?: ReturnType<typeof loadPaperProfile>) => parsePage(PAGE, { issueDate: "2026-06-08", profile }).articles.map((a) => a.departments);

describe("paper profiles", () => {
  it("should ship two valid profiles, each with its own gazetteer", () => {
    expect(listPaperIds()).toEqual(expect.arrayContaining(["liaocheng", "xichuan"]));
    const lc = loadPaperProfile("liaocheng");
    const xc = loadPaperProfile("xichuan");
    expect(lc.name).toBe("聊城日报");
    expect(xc.name).toBe("汐川日报");
    expect(lookupDepartment("市市场监管局", lc)?.name).toBe("聊城市市场监督管理局");
    expect(lookupDepartment("市市场监管局", xc)?.name).toBe("汐川市市场监督管理局");
    expect(listGazetteer(xc).some((e) => e.name.startsWith("聊城"))).toBe(false);
  });

  it("should read the same page's bodies through the gazetteer of the paper it is given", () => {
    const xc = loadPaperProfile("xichuan");
    expect(departmentsOf(xc)).toEqual([["汐川市市场监督管理局"]]);
    // The parse above must not leave its profile behind: the default (聊城日报) reads the page
    // with its own gazetteer, where no 汐川 body exists, so the short form stays as printed.
    expect(departmentsOf()).toEqual([["市市场监管局"]]);
    expect(departmentsOf(loadPaperProfile("liaocheng"))).toEqual(departmentsOf());
  });

  it("should turn a fixture's paper option into its profile", () => {
    expect(resolvePaperOption({ issueDate: "2026-06-08" })).toEqual({ issueDate: "2026-06-08" });
    const withPaper = resolvePaperOption({ issueDate: "2026-06-08", paper: "xichuan" });
    expect(withPaper.profile?.id).toBe("xichuan");
    expect("paper" in withPaper).toBe(false);
  });
});

describe("a bad profile", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });
  function dirWith(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "papers-"));
    dirs.push(dir);
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    return dir;
  }
  const valid = { id: "demo", name: "示例日报", city: "示例市", departments: [{ name: "示例市教育局", kind: "政府部门", aliases: ["市教育局"] }] };

  it("should name the missing file and the profiles there are", () => {
    const dir = dirWith({ "demo.json": JSON.stringify(valid) });
    expect(() => loadPaperProfile("nope", dir)).toThrow(/找不到报纸配置 .*nope\.json.*现有:demo/);
  });
  it("should refuse an id that could leave the folder", () => {
    expect(() => loadPaperProfile("../etc/passwd")).toThrow(/报纸配置名“\.\.\/etc\/passwd”无效/);
  });
  it("should say the file is not JSON", () => {
    const dir = dirWith({ "demo.json": "{ id: demo" });
    expect(() => loadPaperProfile("demo", dir)).toThrow(/demo\.json 不是有效的 JSON/);
  });
  it("should name every field at fault", () => {
    const dir = dirWith({ "demo.json": JSON.stringify({ ...valid, city: "", departments: [{ name: "局", kind: "政府部门" }] }) });
    expect(() => loadPaperProfile("demo", dir)).toThrow(/city:[\s\S]*departments\.0\.name: 部门名称至少两个字/);
  });
  it("should refuse a name listed for two bodies", () => {
    const twice = { ...valid, departments: [...valid.departments, { name: "示例市教育和体育局", kind: "政府部门", aliases: ["市教育局"] }] };
    const dir = dirWith({ "demo.json": JSON.stringify(twice) });
    expect(() => loadPaperProfile("demo", dir)).toThrow(/departments\.1\.aliases: “市教育局”已属于“示例市教育局”/);
  });
  it("should refuse a profile whose id is not its file's name", () => {
    const dir = dirWith({ "demo.json": JSON.stringify({ ...valid, id: "other" }) });
    expect(() => loadPaperProfile("demo", dir)).toThrow(/id 是“other”,应与文件名“demo”一致/);
  });
});

describe("the configured paper", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });
  it("should take name and pages per weekday from the profile PAPER names", async () => {
    vi.stubEnv("PAPER", "xichuan");
    vi.stubEnv("SITE_NAME", "");
    vi.resetModules();
    delete process.env.SITE_NAME;
    const { paper } = await import("@/lib/paper");
    expect(paper.name).toBe("汐川日报");
    expect(paper.expectedPages("2026-06-08")).toBe(8); // a Monday
    expect(paper.expectedPages("2026-06-13")).toBe(4); // a Saturday
  });
  it("should let SITE_NAME and EXPECTED_PAGES override the profile", async () => {
    vi.stubEnv("PAPER", "xichuan");
    vi.stubEnv("SITE_NAME", "汐川晚报");
    vi.stubEnv("EXPECTED_PAGES", "12");
    vi.resetModules();
    const { paper } = await import("@/lib/paper");
    expect(paper.name).toBe("汐川晚报");
    expect(paper.expectedPages("2026-06-13")).toBe(12);
  });
});
