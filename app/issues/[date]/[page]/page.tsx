import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageViewSection } from "@/components/page-view";
import { getPage } from "@/lib/db/issues";
import { formatIssueDate, formatPageNumber } from "@/lib/site/format";
import { pageParams } from "@/lib/validations/params";

export const revalidate = 300;

// No pages are built ahead: each is rendered on its first request, then cached (ISR).
export function generateStaticParams() {
  return [];
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
