import { describe, expect, it } from "vitest";
import { highlightWords } from "@/lib/site/highlight";

describe("highlightWords", () => {
  it("should split on spaces and Chinese punctuation, drop quotes and excluded words, longest first", () => {
    expect(highlightWords("仲裁 -税务")).toEqual(["仲裁"]);
    expect(highlightWords("小麦、玉米秸秆")).toEqual(["玉米秸秆", "小麦"]);
    expect(highlightWords("“潮头攻坚 实干争先”")).toEqual(["潮头攻坚", "实干争先"]);
    expect(highlightWords("   ")).toEqual([]);
  });
});
