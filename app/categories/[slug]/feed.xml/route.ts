import { NextResponse } from "next/server";
import { listFeedItems } from "@/lib/db/feeds";
import { env } from "@/lib/env";
import { paper } from "@/lib/paper";
import { CATEGORY_LABELS } from "@/lib/parser";
import { renderRss, rssResponse } from "@/lib/site/rss";

const labels = CATEGORY_LABELS as Record<string, string>;

/** GET /categories/<slug>/feed.xml: RSS 2.0 of the newest published articles in a category. */
export async function GET(_req: Request, ctx: { params: Promise<{ slug: string }> }) {
  const { slug } = await ctx.params;
  const label = Object.hasOwn(labels, slug) ? labels[slug] : undefined;
  if (!label) return NextResponse.json({ error: `没有分类 ${slug}` }, { status: 404 });
  const items = await listFeedItems({ category: slug });
  return rssResponse(
    renderRss({
      title: `${paper.name}数字报 · ${label}`,
      link: `${env.SITE_URL}/categories/${slug}`,
      self: `${env.SITE_URL}/categories/${slug}/feed.xml`,
      description: `${paper.name}${label}类稿件`,
      siteUrl: env.SITE_URL,
      items: items.map((a) => ({ ...a, category: label })),
    }),
  );
}
