import { NextResponse } from "next/server";
import { getDepartment } from "@/lib/db/departments";
import { listFeedItems } from "@/lib/db/feeds";
import { env } from "@/lib/env";
import { paper } from "@/lib/paper";
import { CATEGORY_LABELS } from "@/lib/parser";
import { decodeSegment } from "@/lib/site/format";
import { renderRss, rssResponse } from "@/lib/site/rss";

const labels = CATEGORY_LABELS as Record<string, string>;

/** GET /departments/<slug>/feed.xml: RSS 2.0 of the newest published articles about a department. */
export async function GET(_req: Request, ctx: { params: Promise<{ slug: string }> }) {
  const slug = decodeSegment((await ctx.params).slug);
  const d = await getDepartment(slug);
  if (!d) return NextResponse.json({ error: `没有部门 ${slug}` }, { status: 404 });
  const path = `/departments/${encodeURIComponent(d.slug)}`;
  const items = await listFeedItems({ departmentSlug: d.slug });
  return rssResponse(
    renderRss({
      title: `${paper.name}数字报 · ${d.name}`,
      link: `${env.SITE_URL}${path}`,
      self: `${env.SITE_URL}${path}/feed.xml`,
      description: `${paper.name}关于${d.name}的稿件`,
      siteUrl: env.SITE_URL,
      items: items.map((a) => ({ ...a, category: labels[a.category] })),
    }),
  );
}
