import { describe, expect, it } from "vitest";
import { feedDate, feedExcerpt, renderRss } from "@/lib/site/rss";

const channel = { title: "聊城日报数字报", link: "https://example.com/", self: "https://example.com/feed.xml", description: "d", siteUrl: "https://example.com" };

describe("renderRss", () => {
  it("should write an RSS 2.0 channel with escaped items dated at 06:00 Beijing time", () => {
    const xml = renderRss({
      ...channel,
      items: [{ publicId: "20260408-01-01", title: "A & <B>", issueDate: "2026-04-08", subtitle: null, plainText: "正文", category: "法治" }],
    });
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(xml).toContain('<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">');
    expect(xml).toContain('<atom:link href="https://example.com/feed.xml" rel="self" type="application/rss+xml"/>');
    expect(xml).toContain("<title>A &amp; &lt;B&gt;</title>");
    expect(xml).toContain("<link>https://example.com/articles/20260408-01-01</link>");
    expect(xml).toContain("<pubDate>Tue, 07 Apr 2026 22:00:00 GMT</pubDate>");
    expect(xml).toContain("<lastBuildDate>Tue, 07 Apr 2026 22:00:00 GMT</lastBuildDate>");
    expect(xml).toContain("<category>法治</category>");
  });

  it("should escape markup and drop characters XML 1.0 forbids in every text", () => {
    const nasty = 'x]]></title><script>alert("1")</script>\u0001\u000b&amp;\'';
    const xml = renderRss({ ...channel, title: nasty, items: [{ publicId: "20260408-01-01", title: nasty, issueDate: "2026-04-08", subtitle: nasty, plainText: nasty }] });
    expect(xml).not.toContain("<script>");
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(xml).toContain("&lt;/title&gt;&lt;script&gt;alert(&quot;1&quot;)&lt;/script&gt;&amp;amp;&apos;");
    // Every element opened is closed: a cheap well-formedness check without an XML parser.
    const opened = [...xml.matchAll(/<([a-z:]+)[ >]/g)].map((m) => m[1]);
    const closed = [...xml.matchAll(/<\/([a-z:]+)>/g)].map((m) => m[1]);
    expect(opened.filter((t) => t !== "atom:link").sort()).toEqual(closed.sort());
  });

  it("should write an empty channel without lastBuildDate when nothing is published", () => {
    const xml = renderRss({ ...channel, items: [] });
    expect(xml).not.toContain("<item>");
    expect(xml).not.toContain("lastBuildDate");
    expect(xml).toContain("</channel>\n</rss>");
  });
});

describe("feedExcerpt", () => {
  it("should put the subtitle first, fold whitespace and cut at the limit with an ellipsis", () => {
    expect(feedExcerpt({ subtitle: "副题", plainText: "第一段\n第二段" })).toBe("副题。第一段 第二段");
    expect(feedExcerpt({ subtitle: null, plainText: "一二三四五六" }, 4)).toBe("一二三四…");
  });

  it("should count characters, not UTF-16 units", () => {
    expect(feedExcerpt({ subtitle: null, plainText: "𠀀𠀁𠀂" }, 2)).toBe("𠀀𠀁…");
  });
});

describe("feedDate", () => {
  it("should give the issue date at 06:00 in Beijing as an RFC 822 date", () => {
    expect(feedDate("2025-12-27")).toBe("Fri, 26 Dec 2025 22:00:00 GMT");
  });
});
