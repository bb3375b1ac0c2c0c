import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PublishControls } from "@/components/editor/publish-controls";
import { StatusBadge } from "@/components/editor/status-badge";
import { hasRole, requireEditor } from "@/lib/auth/access";
import { listIssueEvents } from "@/lib/db/audit";
import { ensurePreviewToken, getDeskIssue } from "@/lib/db/desk";
import { describeEvent } from "@/lib/editor/activity";
import { EventChanges } from "@/components/editor/event-changes";
import { addDays, chinaMidnight, formatChinaDateTime, toChinaLocalInput } from "@/lib/site/china-time";
import { formatPageList, summarizePages } from "@/lib/editor/issue-summary";
import { previewBase } from "@/lib/editor/preview-html";
import { paper } from "@/lib/paper";
import { formatIssueDate, formatPageNumber } from "@/lib/site/format";
import { isoDate } from "@/lib/validations/params";

export const metadata: Metadata = { title: "期次" };

/** /editor/issues/<date>: an issue's pages, warnings, preview, publishing and history. */
export default async function DeskIssuePage({ params }: { params: Promise<{ date: string }> }) {
  const { date: raw } = await params;
  const editor = await requireEditor({ from: `/editor/issues/${raw}` });
  const date = isoDate.safeParse(raw);
  if (!date.success) notFound();
  const issue = await getDeskIssue(date.data);
  if (!issue) notFound();
  const token = await ensurePreviewToken(issue.date);
  const facts = summarizePages(issue.pages, paper.expectedPages(issue.date));
  const events = await listIssueEvents(issue.date, 20);
  const now = new Date();
  // The usual time: the issue's own day at 00:00 China time, or in an hour when that has passed.
  const usual = chinaMidnight(issue.date);
  const defaultAt = toChinaLocalInput(usual.getTime() > now.getTime() ? usual : new Date(now.getTime() + 3600_000));
  const tomorrow = toChinaLocalInput(chinaMidnight(addDays(toChinaLocalInput(now).slice(0, 10), 1)));

  return (
    <>
      <p className="mb-2 text-sm"><a href="/editor" className="underline">期次</a> ›</p>
      <h1 className="mb-2 font-serif text-2xl font-bold">
        {formatIssueDate(issue.date)} {issue.number ? <span className="text-muted">第{issue.number}期</span> : null}
      </h1>
      <p className="mb-4 flex flex-wrap items-center gap-3">
        <StatusBadge status={issue.status} publishAt={issue.publishAt} />
        {issue.publishedAt ? <span className="text-sm text-muted">首次发布 {formatChinaDateTime(issue.publishedAt)}</span> : null}
        {token ? <a href={previewBase(token)} className="underline">预览整期(读者所见)</a> : null}
        {issue.status === "published" ? <a href={`/issues/${issue.date}`} className="underline">读者网站上的这一期</a> : null}
      </p>

      <section aria-labelledby="pages-heading" className="mb-8">
        <h2 id="pages-heading" className="mb-2 text-lg font-bold">
          版面 {facts.present}/{facts.expected}
          {facts.missing.length ? <span className="ml-2 text-base font-normal text-accent">缺{formatPageList(facts.missing)}</span> : null}
        </h2>
        <ul className="divide-y divide-rule rounded border border-rule bg-card">
          {issue.pages.map((p) => {
            const pf = summarizePages([p], 1);
            return (
              <li key={p.number} className="flex flex-wrap items-baseline gap-x-4 gap-y-1 px-4 py-3">
                <a href={`/editor/issues/${issue.date}/${p.number}`} className="font-bold underline-offset-4 hover:underline">
                  {formatPageNumber(p.number)} {p.name ?? ""}
                </a>
                <span className="text-sm text-muted">{p.articles} 篇稿件 · {p.sourceFile}</span>
                <span className={`text-sm ${pf.unreviewed ? "text-accent" : "text-muted"}`}>
                  {pf.warnings ? `${pf.unreviewed}/${pf.warnings} 条警告待审阅` : "没有警告"}
                </span>
                {p.staleEdits ? (
                  <a href={`/editor/issues/${issue.date}/${p.number}`} className="text-sm text-accent underline">{p.staleEdits} 项更正已失效,请处理</a>
                ) : null}
                {token ? <a href={`${previewBase(token)}/${p.number}`} className="text-sm underline">预览</a> : null}
              </li>
            );
          })}
        </ul>
        <p className="mt-2 text-sm"><a href={`/editor/import?date=${issue.date}`} className="underline">为这一期导入版面</a></p>
      </section>

      <section aria-labelledby="publish-heading" className="mb-8">
        <h2 id="publish-heading" className="mb-2 text-lg font-bold">发布</h2>
        {hasRole(editor, "chief") ? (
          <PublishControls date={issue.date} status={issue.status} unreviewed={facts.unreviewed} defaultAt={defaultAt} tomorrowMidnight={tomorrow} hasPages={issue.pages.length > 0} />
        ) : (
          <p className="text-muted">发布、定时发布和撤回由总编辑操作。{facts.unreviewed ? `发布前请审阅 ${facts.unreviewed} 条警告。` : ""}</p>
        )}
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading" className="mb-2 text-lg font-bold">改动记录</h2>
        {events.length ? (
          <ol className="text-sm">
            {events.map((e, i) => (
              <li key={i} className="border-b border-rule py-1">
                <span className="text-muted">{formatChinaDateTime(e.at)}</span> {describeEvent(e)}
                <EventChanges event={e} />
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-sm text-muted">还没有在编辑部中的改动(由命令行导入)。</p>
        )}
      </section>
    </>
  );
}
