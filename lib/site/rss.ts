import { escapeXml } from "@/lib/site/format";

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
 * An RSS 2.0 document (with the Atom self link feed validators ask for). Every text is XML-escaped
 * and stripped of characters XML 1.0 forbids, so any article text yields a well-formed feed.
 * lastBuildDate is the newest item's date, not the clock, so the document is stable between builds.
 */
export function renderRss(channel: FeedChannel): string {
  const items = channel.items
    .map((a) => {
      const url = `${channel.siteUrl}/articles/${a.publicId}`;
      return [
        "<item>",
        `<title>${escapeXml(a.title)}</title>`,
        `<link>${escapeXml(url)}</link>`,
        `<guid isPermaLink="true">${escapeXml(url)}</guid>`,
        `<pubDate>${feedDate(a.issueDate)}</pubDate>`,
        a.category ? `<category>${escapeXml(a.category)}</category>` : "",
        `<description>${escapeXml(feedExcerpt(a))}</description>`,
        "</item>",
      ].join("");
    })
    .join("\n");
  const newest = channel.items[0];
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${escapeXml(channel.title)}</title>
<link>${escapeXml(channel.link)}</link>
<atom:link href="${escapeXml(channel.self)}" rel="self" type="application/rss+xml"/>
<description>${escapeXml(channel.description)}</description>
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
