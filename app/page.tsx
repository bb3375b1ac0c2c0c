import { PageViewSection } from "@/components/page-view";
import { getLatestFrontPage } from "@/lib/db/pages";
import { env } from "@/lib/env";

// Rendered on first request and cached; publishing revalidates (see app/api/revalidate).

export default async function HomePage() {
  const view = await getLatestFrontPage();
  if (!view) {
    return (
      <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-10 font-serif">
        <h1 className="text-3xl font-bold">{env.SITE_NAME}数字报</h1>
        <p className="mt-4 text-muted">暂无已发布的报纸。</p>
      </main>
    );
  }
  return (
    <main id="main" className="flex-1">
      <h1 className="sr-only">{env.SITE_NAME}数字报 今日报纸</h1>
      <PageViewSection view={view} headingLevel={2} />
    </main>
  );
}
