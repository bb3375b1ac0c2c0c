import { describe, expect, it } from "vitest";
import { escapeHtml, escapeXml } from "@/lib/text/escape";

describe("escapeHtml", () => {
  it("should escape the five characters that can start markup or end an attribute", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  });
  it("should leave other text as it is", () => {
    expect(escapeHtml("聊城日报 A+B=C")).toBe("聊城日报 A+B=C");
  });
});

describe("escapeXml", () => {
  it("should escape markup and drop characters XML forbids, lone surrogates too", () => {
    expect(escapeXml(`<a>&'\u0001\uffff\ud800x</a>`)).toBe("&lt;a&gt;&amp;&#39;x&lt;/a&gt;");
  });
  it("should keep tabs, newlines and pairs of surrogates", () => {
    expect(escapeXml("a\tb\nc 𠀀")).toBe("a\tb\nc 𠀀");
  });
});
