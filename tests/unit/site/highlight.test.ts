import { describe, expect, it } from "vitest";
import { highlightHtml, highlightWords } from "@/lib/site/highlight";

describe("highlightWords", () => {
  it("should split on spaces and Chinese punctuation, drop quotes and excluded words, longest first", () => {
    expect(highlightWords("仲裁 -税务")).toEqual(["仲裁"]);
    expect(highlightWords("小麦、玉米秸秆")).toEqual(["玉米秸秆", "小麦"]);
    expect(highlightWords("“潮头攻坚 实干争先”")).toEqual(["潮头攻坚", "实干争先"]);
    expect(highlightWords("   ")).toEqual([]);
  });
});

describe("highlightHtml", () => {
  it("should wrap every occurrence in <mark>", () => {
    expect(highlightHtml("公积金和公积金", "公积金")).toBe("<mark>公积金</mark>和<mark>公积金</mark>");
  });
  it("should escape the text so only our own tags are markup", () => {
    expect(highlightHtml("<script>法院</script>", "法院")).toBe("&lt;script&gt;<mark>法院</mark>&lt;/script&gt;");
    expect(highlightHtml("a<b", "<")).toBe("a<mark>&lt;</mark>b");
  });
  it("should treat regular-expression characters in the query literally", () => {
    expect(highlightHtml("1+1=2 (ok)", "1+1 (ok)")).toBe("<mark>1+1</mark>=2 <mark>(ok)</mark>");
    expect(highlightHtml("abc", ".*")).toBe("abc");
  });
  it("should prefer the longer of two overlapping words and ignore case", () => {
    expect(highlightHtml("聊城大学 PDF", "聊城 聊城大学 pdf")).toBe("<mark>聊城大学</mark> <mark>PDF</mark>");
  });
  it("should return the escaped text when there is nothing to highlight", () => {
    expect(highlightHtml("a&b", "")).toBe("a&amp;b");
  });
});
