import { describe, expect, it } from "vitest";
import { feedDate, feedExcerpt, htmlDescription, renderRss, xmlText } from "@/lib/site/rss";

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
    expect(xml).toContain("<title>A &#x26; &#x3C;B&#x3E;</title>");
    expect(xml).toContain("<link>https://example.com/articles/20260408-01-01</link>");
    expect(xml).toContain("<pubDate>Tue, 07 Apr 2026 22:00:00 GMT</pubDate>");
    expect(xml).toContain("<lastBuildDate>Tue, 07 Apr 2026 22:00:00 GMT</lastBuildDate>");
    expect(xml).toContain("<category>法治</category>");
  });

  it("should escape markup and drop characters XML 1.0 forbids in every text", () => {
    const nasty = 'x]]></title><script>alert("1")</script>\u0001\u000b\ufffe\ud800&amp;\'';
    const xml = renderRss({ ...channel, title: nasty, items: [{ publicId: "20260408-01-01", title: nasty, issueDate: "2026-04-08", subtitle: nasty, plainText: nasty }] });
    expect(xml).not.toContain("<script>");
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])/);
    expect(xml).toContain("&#x3C;/title&#x3E;&#x3C;script&#x3E;alert(&#x22;1&#x22;)&#x3C;/script&#x3E;&#x26;amp;'");
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

/** What an XML parser makes of an element's content: the five entities and character references. */
function decodeXml(s: string): string {
  expect(s, "raw markup inside an element").not.toMatch(/[<>]/);
  return s.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (_, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ({ lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" } as Record<string, string>)[e]!;
  });
}

/** The text of every `<tag>` element of the feed, as an XML parser would give it. */
function elementTexts(xml: string, tag: string): string[] {
  return [...xml.matchAll(new RegExp(`<${tag}>([^]*?)</${tag}>`, "g"))].map((m) => decodeXml(m[1]!));
}

/** The text an HTML renderer shows for markup that has no tags (decodes the entities HTML escaping uses). */
function htmlTextOf(html: string): string {
  return html.replace(/&(lt|gt|amp|quot|#39);/g, (_, e: string) => ({ lt: "<", gt: ">", amp: "&", quot: '"', "#39": "'" })[e]!);
}

describe("a feed of a hostile page", () => {
  // What an import of a page with markup in its text would store: titles and body are plain text.
  const hostile = [
    '<img src=x onerror=alert(1)>',
    "<script>alert(document.cookie)</script>",
    '"><svg onload=alert(1)>',
    "&lt;img src=x onerror=alert(2)&gt;", // already escaped once: must not come back as a tag either
    "]]><iframe src=javascript:alert(3)>",
    "<!-- x --><a href=javascript:alert(4)>点我</a>",
  ];
  const items = hostile.map((text, i) => ({
    publicId: `20260408-01-0${i + 1}`,
    title: `标题${text}`,
    issueDate: "2026-04-08",
    subtitle: i % 2 ? text : null,
    plainText: `正文${text}正文`,
  }));
  const xml = renderRss({ ...channel, title: `频道${hostile[0]}`, description: hostile[1]!, items });

  it("should hand a feed reader descriptions whose HTML holds no tag, only the text as written", () => {
    const descriptions = elementTexts(xml, "description").slice(1); // the first is the channel's
    expect(descriptions).toHaveLength(items.length);
    for (const [i, html] of descriptions.entries()) {
      // The HTML a reader renders: no tag, comment, CDATA or doctype can start anywhere in it.
      expect(html).not.toMatch(/</);
      expect(htmlTextOf(html)).toBe(feedExcerpt(items[i]!));
    }
  });

  it("should give titles and the channel as plain text that reads back exactly as written", () => {
    expect(elementTexts(xml, "title")).toEqual([`频道${hostile[0]}`, ...items.map((a) => a.title)]);
    expect(elementTexts(xml, "description")[0]).toBe(hostile[1]);
  });
});

describe("htmlDescription and xmlText", () => {
  it("should escape text as HTML and that HTML as XML", () => {
    expect(htmlDescription("<b>&\"'")).toBe("&amp;lt;b&amp;gt;&amp;amp;&amp;quot;&amp;#39;");
  });

  it("should write plain text with hexadecimal references, as the RSS Best Practices Profile asks", () => {
    expect(xmlText('A & <B> "C"')).toBe("A &#x26; &#x3C;B&#x3E; &#x22;C&#x22;");
  });
});
