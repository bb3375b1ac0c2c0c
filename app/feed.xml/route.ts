import { listLatestArticles } from "@/lib/db/articles";
import { env } from "@/lib/env";
import { renderRss, rssResponse } from "@/lib/site/rss";

export const revalidate = 300;

export async function GET() {
  const items = await listLatestArticles({ take: 50 });
  return rssResponse(renderRss({ title: `${env.SITE_NAME}数字报`, link: env.SITE_URL, description: `${env.SITE_NAME}最新稿件`, siteUrl: env.SITE_URL, items }));
}
