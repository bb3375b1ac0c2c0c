import { escapeXml, NOT_XML } from "@/lib/text/escape";

/** One article in a feed: what lib/db/feeds.ts reads. */
export interface FeedItem {
  publicId: string;
  title: string;
  issueDate: string;
  subtitle: string | null;
  plainText: string;
  /** The category's Chinese label, when known. */
  category?: string;
}

export interface FeedChannel {
  title: string;
  /** The HTML page the feed mirrors (absolute URL). */
  link: string;
  /** The feed's own URL (absolute), for <atom:link rel="self">. */
  self: string;
  description: string;
  siteUrl: string;
  items: FeedItem[];
}

export const FEED_EXCERPT_CHARS = 200;

/** An issue date as an RFC 822 date: the paper is out at 06:00 Beijing time. */
export function feedDate(issueDate: string): string {
  return new Date(`${issueDate}T06:00:00+08:00`).toUTCString();
}

/** The start of the body for a feed item's description: subtitle first, whitespace folded, cut at a limit. */
export function feedExcerpt(item: Pick<FeedItem, "subtitle" | "plainText">, limit = FEED_EXCERPT_CHARS): string {
  const text = ((item.subtitle ? `${item.subtitle}。` : "") + item.plainText).replace(/\s+/g, " ").trim();
  const chars = [...text];
  return chars.length > limit ? `${chars.slice(0, limit).join("")}…` : text;
}

/**
 * A plain-text element (titles, category, channel title and description, links): what a feed
 * reader shows as text. RSS 2.0 leaves open whether such elements may hold HTML, and readers
 * differ; the RSS Advisory Board's Best Practices Profile (and the feed validator's
 * "CharacterData" warning) says they are plain text, with "&", "<" and ">" written as hexadecimal
 * character references, the form that works in the most readers. So a headline reading "A<B"
 * shows as typed, and is not escaped twice (which would show "&lt;" in every reader that follows
 * the profile). A reader that renders titles as HTML against the profile is not protected here;
 * it would mangle most feeds on the web, not only ours.
 */
export function xmlText(s: string): string {
  return s.replace(NOT_XML, "").replace(/[&<>"]/g, (c) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`);
}

/**
 * An item's <description>: by RSS convention HTML, which the reader renders after decoding the
 * XML. Our excerpts are text, so the text is escaped as HTML first and the HTML then escaped as
 * XML: article text such as `<img src=x onerror=…>` reaches the reader's HTML renderer as
 * `&lt;img …`, i.e. as visible text, never as a tag. (CDATA would do the same for the XML layer
 * but still needs the HTML escaping, and a "]]>" in the text split; two escapes are simpler.)
 */
export function htmlDescription(text: string): string {
  const html = escapeXml(text);
  return html.replace(/[&<>]/g, (c) => XML_ESCAPES[c] ?? c);
}

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

/**
 * An RSS 2.0 document (with the Atom self link feed validators ask for). Every element is escaped
 * for what a feed reader does with it: plain text (xmlText) or HTML (htmlDescription).
 * lastBuildDate is the newest item's date, not the clock, so the document is stable between builds.
 */
export function renderRss(channel: FeedChannel): string {
  const items = channel.items
    .map((a) => {
      const url = `${channel.siteUrl}/articles/${a.publicId}`;
      return [
        "<item>",
        `<title>${xmlText(a.title)}</title>`,
        `<link>${xmlText(url)}</link>`,
        `<guid isPermaLink="true">${xmlText(url)}</guid>`,
        `<pubDate>${feedDate(a.issueDate)}</pubDate>`,
        a.category ? `<category>${xmlText(a.category)}</category>` : "",
        `<description>${htmlDescription(feedExcerpt(a))}</description>`,
        "</item>",
      ].join("");
    })
    .join("\n");
  const newest = channel.items[0];
  // The channel's description is plain text too in practice (readers show it as the feed's subtitle).
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${xmlText(channel.title)}</title>
<link>${xmlText(channel.link)}</link>
<atom:link href="${xmlText(channel.self)}" rel="self" type="application/rss+xml"/>
<description>${xmlText(channel.description)}</description>
<language>zh-CN</language>
${newest ? `<lastBuildDate>${feedDate(newest.issueDate)}</lastBuildDate>\n` : ""}<ttl>60</ttl>
${items}
</channel>
</rss>
`;
}

/** The HTTP response for a feed. */
export function rssResponse(xml: string): Response {
  return new Response(xml, { headers: { "content-type": "application/rss+xml; charset=utf-8" } });
}
