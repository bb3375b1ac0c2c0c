import { NextResponse } from "next/server";
import { listLatestArticles } from "@/lib/db/articles";
import { env } from "@/lib/env";
import { CATEGORY_LABELS } from "@/lib/parser";
import { renderRss, rssResponse } from "@/lib/site/rss";

export async function GET(_req: Request, ctx: { params: Promise<{ slug: string }> }) {
  const { slug } = await ctx.params;
  const label = (CATEGORY_LABELS as Record<string, string>)[slug];
  if (!label) return NextResponse.json({ error: "没有这个分类" }, { status: 404 });
  const items = await listLatestArticles({ take: 50, category: slug });
  return rssResponse(renderRss({ title: `${env.SITE_NAME}数字报 · ${label}`, link: `${env.SITE_URL}/categories/${slug}`, description: `${label}类稿件`, siteUrl: env.SITE_URL, items }));
}
