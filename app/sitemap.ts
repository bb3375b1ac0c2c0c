import type { MetadataRoute } from "next";
import { listArticleUrls } from "@/lib/db/articles";
import { getIssue, listPublishedIssues } from "@/lib/db/issues";
import { env } from "@/lib/env";

export const revalidate = 300;

/** Published issues, their pages and articles; nothing else. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = env.SITE_URL;
  const issues = await listPublishedIssues();
  const pages = (await Promise.all(issues.map((i) => getIssue(i.date)))).flatMap((issue) =>
    issue ? issue.pages.map((p) => ({ url: `${base}/issues/${issue.date}/${p.number}`, lastModified: issue.date })) : [],
  );
  const articles = await listArticleUrls();
  return [
    { url: `${base}/`, changeFrequency: "daily" },
    { url: `${base}/issues`, changeFrequency: "daily" },
    ...issues.map((i) => ({ url: `${base}/issues/${i.date}`, lastModified: i.date })),
    ...pages,
    ...articles.map((a) => ({ url: `${base}/articles/${a.publicId}`, lastModified: a.updatedAt })),
  ];
}
