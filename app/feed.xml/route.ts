import { connection } from "next/server";
import { listFeedItems } from "@/lib/db/feeds";
import { env } from "@/lib/env";
import { paper } from "@/lib/paper";
import { CATEGORY_LABELS } from "@/lib/parser";
import { renderRss, rssResponse } from "@/lib/site/rss";

const labels = CATEGORY_LABELS as Record<string, string>;

/**
 * GET /feed.xml: RSS 2.0 of the newest published articles. Rendered per request from cached data
 * (not prerendered at build): a request reads the cache, so it sees a change made by another
 * process at once (lib/cache/edition-cache-handler.mjs).
 */
export async function GET() {
  await connection();
  const items = await listFeedItems();
  return rssResponse(
    renderRss({
      title: `${paper.name}数字报`,
      link: `${env.SITE_URL}/`,
      self: `${env.SITE_URL}/feed.xml`,
      description: `${paper.name}最新稿件`,
      siteUrl: env.SITE_URL,
      items: items.map((a) => ({ ...a, category: labels[a.category] })),
    }),
  );
}
