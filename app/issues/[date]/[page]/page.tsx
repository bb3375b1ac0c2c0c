import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageViewSection } from "@/components/page-view";
import { getPage, listRecentPages } from "@/lib/db/pages";
import { formatIssueDate, formatPageNumber } from "@/lib/site/format";
import { pageParams } from "@/lib/validations/params";

/** The pages of the newest issues are rendered at build, the rest on their first request, then cached. */
export async function generateStaticParams() {
  const pages = await listRecentPages(7);
  // Cache Components needs at least one entry; with nothing published this one answers 404.
  return pages.length ? pages.map((p) => ({ date: p.date, page: String(p.number) })) : [{ date: "1970-01-01", page: "1" }];
}

type Props = { params: Promise<{ date: string; page: string }> };

async function load(props: Props) {
  const parsed = pageParams.safeParse(await props.params);
  if (!parsed.success) notFound();
  const view = await getPage(parsed.data.date, parsed.data.page);
  if (!view) notFound();
  return view;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const view = await load(props);
  return { title: `${formatIssueDate(view.issue.date, false)} ${formatPageNumber(view.page.number)}${view.page.name ? ` ${view.page.name}` : ""}` };
}

export default async function IssuePage(props: Props) {
  const view = await load(props);
  return (
    <main id="main" className="flex-1">
      <PageViewSection view={view} />
    </main>
  );
}
