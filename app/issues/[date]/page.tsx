import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { PageMap } from "@/components/page-map";
import { getIssue, listRecentIssueDates } from "@/lib/db/issues";
import { formatIssueDate, formatPageNumber } from "@/lib/site/format";
import { dateParams } from "@/lib/validations/params";

/**
 * The newest issues are rendered at build, older ones on their first request; either way the page
 * is then cached until publishing revalidates its tags (lib/db/cache-tags.ts).
 */
export async function generateStaticParams() {
  const dates = await listRecentIssueDates(7);
  // Cache Components needs at least one entry; with nothing published this one answers 404.
  return (dates.length ? dates : ["1970-01-01"]).map((date) => ({ date }));
}

type Props = { params: Promise<{ date: string }> };

async function load(props: Props) {
  const parsed = dateParams.safeParse(await props.params);
  if (!parsed.success) notFound();
  const issue = await getIssue(parsed.data.date);
  if (!issue) notFound();
  return issue;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const issue = await load(props);
  return { title: formatIssueDate(issue.date) };
}

export default async function IssueOverview(props: Props) {
  const issue = await load(props);
  return (
    <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
      <h1 className="mb-1 font-serif text-3xl font-bold">{formatIssueDate(issue.date)}</h1>
      <p className="mb-6 text-muted">{issue.number ? `第${issue.number}期 · ` : ""}共 {issue.pages.length} 个版面</p>
      <ul className="grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
        {issue.pages.map((p) => {
          const label = `${formatPageNumber(p.number)}${p.name ? `:${p.name}` : ""}`;
          return (
            <li key={p.number} className="rounded border border-rule bg-card p-3">
              <h2 className="mb-2 font-bold">
                <Link href={`/issues/${issue.date}/${p.number}`}>{label}</Link>
              </h2>
              <Link href={`/issues/${issue.date}/${p.number}`} tabIndex={-1} aria-hidden="true" className="block">
                <PageMap articles={p.articles} pageLabel={label} interactive={false} idPrefix={`map-${p.number}`} />
              </Link>
              <ul className="mt-3 space-y-1 text-base">
                {p.articles.map((a) => (
                  <li key={a.publicId}><Link href={`/articles/${a.publicId}`} className="font-serif hover:text-accent">{a.title}</Link></li>
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
    </main>
  );
}
