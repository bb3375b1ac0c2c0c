import { NextResponse } from "next/server";
import { listLatestArticles } from "@/lib/db/articles";
import { getDepartment } from "@/lib/db/taxonomy";
import { env } from "@/lib/env";
import { renderRss, rssResponse } from "@/lib/site/rss";

export async function GET(_req: Request, ctx: { params: Promise<{ slug: string }> }) {
  const d = await getDepartment(decodeURIComponent((await ctx.params).slug));
  if (!d) return NextResponse.json({ error: "没有这个部门" }, { status: 404 });
  const items = await listLatestArticles({ take: 50, departmentSlug: d.slug });
  return rssResponse(
    renderRss({ title: `${env.SITE_NAME}数字报 · ${d.name}`, link: `${env.SITE_URL}/departments/${encodeURIComponent(d.slug)}`, description: `关于${d.name}的稿件`, siteUrl: env.SITE_URL, items }),
  );
}
