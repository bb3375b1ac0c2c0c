import { escapeXml } from "@/lib/site/format";

export interface FeedItem {
  publicId: string;
  title: string;
  issueDate: string;
  subtitle: string | null;
  plainText: string;
}

/** An RSS 2.0 document. Dates are the issue dates at 06:00 Beijing time (when the paper is out). */
export function renderRss(opts: { title: string; link: string; description: string; siteUrl: string; items: FeedItem[] }): string {
  const pubDate = (d: string) => new Date(`${d}T06:00:00+08:00`).toUTCString();
  const items = opts.items
    .map((a) => {
      const url = `${opts.siteUrl}/articles/${a.publicId}`;
      const desc = (a.subtitle ? `${a.subtitle}。` : "") + a.plainText.slice(0, 200);
      return `<item><title>${escapeXml(a.title)}</title><link>${escapeXml(url)}</link><guid isPermaLink="true">${escapeXml(url)}</guid><pubDate>${pubDate(a.issueDate)}</pubDate><description>${escapeXml(desc)}</description></item>`;
    })
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>${escapeXml(opts.title)}</title><link>${escapeXml(opts.link)}</link><description>${escapeXml(opts.description)}</description><language>zh-CN</language>
${items}
</channel></rss>
`;
}

export function rssResponse(xml: string): Response {
  return new Response(xml, { headers: { "content-type": "application/rss+xml; charset=utf-8", "cache-control": "public, max-age=300" } });
}
