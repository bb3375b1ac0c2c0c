import { cacheLife, cacheTag } from "next/cache";
import { ArchiveMain } from "@/components/archive";
import { renderDocument, serveDocument } from "@/components/document";
import { ISSUES_TAG, READER_TAG } from "@/lib/db/cache-tags";
import { listPublishedIssues } from "@/lib/db/issues";
import { monthParam } from "@/lib/validations/params";

/** GET /issues[?month=YYYY-MM]: the archive (往期回顾), a month calendar and the list of every issue. */
export async function GET(request: Request) {
  const month = monthParam.safeParse(new URL(request.url).searchParams.get("month"));
  return serveDocument(request, () => archiveDocument(month.success ? month.data : null));
}

async function archiveDocument(month: string | null): Promise<string> {
  "use cache";
  cacheLife("hours");
  cacheTag(READER_TAG, ISSUES_TAG);
  const issues = await listPublishedIssues();
  // Without ?month= the calendar opens at the newest issue's month.
  const shown = month ?? issues[0]?.date.slice(0, 7) ?? new Date().toISOString().slice(0, 7);
  return renderDocument({ title: "往期回顾", canonical: month ? `/issues?month=${month}` : "/issues" }, <ArchiveMain issues={issues} month={shown} />);
}
