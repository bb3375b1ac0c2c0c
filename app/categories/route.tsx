import { cacheLife, cacheTag } from "next/cache";
import { CategoriesMain } from "@/components/directories";
import { type Page, renderPage, serveDocument } from "@/components/document";
import { ISSUES_TAG, READER_TAG } from "@/lib/edition/cache-tags";
import { listCategoryCounts } from "@/lib/db/categories";

/** GET /categories: every category with its count of published articles. */
export async function GET(request: Request) {
  return serveDocument(request, categoriesDocument);
}

async function categoriesDocument(): Promise<Page> {
  "use cache";
  cacheLife("hours");
  cacheTag(READER_TAG, ISSUES_TAG);
  return renderPage({ title: "分类", canonical: "/categories" }, <CategoriesMain counts={await listCategoryCounts()} />);
}
