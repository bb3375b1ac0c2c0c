import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { listSitemapArticles } from "@/lib/db/feeds";
import { listPublishedIssues } from "@/lib/db/issues";
import { listPublishedPages } from "@/lib/db/pages";
import { env } from "@/lib/env";

/** /sitemap.xml: the reader's index pages, then every published issue, page and article; nothing else. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  // Per request from cached data, never a build-time copy (see app/feed.xml/route.ts).
  await connection();
  const base = env.SITE_URL;
  const [issues, pages, articles] = await Promise.all([listPublishedIssues(), listPublishedPages(), listSitemapArticles()]);
  const latest = issues[0]?.date;
  return [
    { url: `${base}/`, ...(latest ? { lastModified: latest } : {}), changeFrequency: "daily", priority: 1 },
    { url: `${base}/issues`, ...(latest ? { lastModified: latest } : {}), changeFrequency: "daily" },
    { url: `${base}/departments`, changeFrequency: "daily" },
    { url: `${base}/categories`, changeFrequency: "daily" },
    ...issues.map((i) => ({ url: `${base}/issues/${i.date}`, lastModified: i.date })),
    ...pages.map((p) => ({ url: `${base}/issues/${p.date}/${p.number}`, lastModified: p.date })),
    ...articles.map((a) => ({ url: `${base}/articles/${a.publicId}`, lastModified: a.updatedAt })),
  ];
}
