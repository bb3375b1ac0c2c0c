import { cacheLife, cacheTag } from "next/cache";
import { type Page, renderPage, serveDocument } from "@/components/document";
import { PageViewSection } from "@/components/page-view";
import { ISSUES_TAG, READER_TAG } from "@/lib/edition/cache-tags";
import { getLatestFrontPage } from "@/lib/db/pages";
import { paper } from "@/lib/paper";

/** GET /: today's paper — the newest published issue, opened at its first page. */
export async function GET(request: Request) {
  return serveDocument(request, homeDocument);
}

async function homeDocument(): Promise<Page> {
  "use cache";
  cacheLife("hours");
  cacheTag(READER_TAG, ISSUES_TAG);
  const view = await getLatestFrontPage();
  if (!view) {
    return renderPage(
      { title: null, canonical: "/" },
      <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-10 font-serif">
        <h1 className="text-3xl font-bold">{paper.name}数字报</h1>
        <p className="mt-4 text-muted">暂无已发布的报纸。</p>
      </main>,
    );
  }
  return renderPage(
    { title: null, canonical: "/" },
    <main id="main" className="flex-1">
      <h1 className="sr-only">{paper.name}数字报 今日报纸</h1>
      <PageViewSection view={view} headingLevel={2} />
    </main>,
  );
}
