import { cacheLife, cacheTag } from "next/cache";
import { ArchiveMain } from "@/components/archive";
import { type Page, renderPage, serveDocument } from "@/components/document";
import { ISSUES_TAG, READER_TAG } from "@/lib/edition/cache-tags";
import { listPublishedIssues } from "@/lib/db/issues";
import { monthParam } from "@/lib/validations/params";

/**
 * GET /issues[?month=YYYY-MM]: the archive (往期回顾), a month calendar and the list of every issue.
 * Every month from the first issue's to the last's has its calendar (an empty one says so).
 */
export async function GET(request: Request) {
  const raw = new URL(request.url).searchParams.get("month");
  const month = raw === null ? null : monthParam.safeParse(raw);
  return serveDocument(request, async () => {
    if (month && !month.success) return null;
    // Only the months from the first issue to the last have a calendar (the answer is cached data):
    // any other month answers 404 before it could take a place in the cache.
    const { oldest, newest } = archiveRange(await listPublishedIssues());
    if (month && (month.data < oldest || month.data > newest)) return null;
    return archiveDocument(month?.data ?? null);
  });
}

/** The first and last month with an issue (this month when there is none). */
function archiveRange(issues: { date: string }[]): { oldest: string; newest: string } {
  const newest = issues[0]?.date.slice(0, 7) ?? new Date().toISOString().slice(0, 7);
  return { oldest: issues.at(-1)?.date.slice(0, 7) ?? newest, newest };
}

async function archiveDocument(month: string | null): Promise<Page> {
  "use cache";
  cacheLife("hours");
  cacheTag(READER_TAG, ISSUES_TAG);
  const issues = await listPublishedIssues();
  const range = archiveRange(issues);
  // Without ?month= the calendar opens at the newest issue's month.
  return renderPage(
    { title: "往期回顾", canonical: month ? `/issues?month=${month}` : "/issues" },
    <ArchiveMain issues={issues} month={month ?? range.newest} range={range} />,
  );
}
