import type { Metadata } from "next";
import { StatusBadge } from "@/components/editor/status-badge";
import { requireEditor } from "@/lib/auth/access";
import { lastEventByIssue } from "@/lib/db/audit";
import { listDeskIssues } from "@/lib/db/desk";
import { describeEvent } from "@/lib/editor/activity";
import { chinaDate, formatChinaDateTime } from "@/lib/site/china-time";
import { formatPageList, nextIssueDate, summarizePages } from "@/lib/editor/issue-summary";
import { paper } from "@/lib/paper";
import { formatIssueDate } from "@/lib/site/format";

export const metadata: Metadata = { title: "期次" };

const stale = (issue: { pages: { staleEdits: number }[] }) => issue.pages.reduce((n, p) => n + p.staleEdits, 0);

/** /editor: every issue with its state; the issue to prepare next first. */
export default async function DeskHome() {
  await requireEditor({ from: "/editor" });
  const issues = await listDeskIssues();
  const last = await lastEventByIssue(issues.map((i) => i.date));
  const today = chinaDate(new Date());
  const nextDate = nextIssueDate(issues, today);
  const next = issues.find((i) => i.date === nextDate);
  const nextFacts = next ? summarizePages(next.pages, paper.expectedPages(next.date)) : null;

  return (
    <>
      <h1 className="mb-4 font-serif text-2xl font-bold">期次</h1>
      <section aria-labelledby="next-heading" className="mb-8 rounded border border-accent bg-card p-4">
        <h2 id="next-heading" className="text-lg font-bold">
          下一期:{formatIssueDate(nextDate)} {next ? <StatusBadge status={next.status} publishAt={next.publishAt} /> : <span className="text-muted">尚未导入</span>}
        </h2>
        {next && nextFacts ? (
          <p className="mt-2">
            版面 {nextFacts.present}/{nextFacts.expected}
            {nextFacts.missing.length ? <span className="text-accent">,缺{formatPageList(nextFacts.missing)}</span> : ",齐全"}
            {nextFacts.unreviewed ? <span className="text-accent">;{nextFacts.unreviewed} 条警告待审阅</span> : ";警告已全部审阅"}
          </p>
        ) : (
          <p className="mt-2 text-muted">这一期还没有任何版面。</p>
        )}
        <p className="mt-3 flex flex-wrap gap-3">
          {next ? <a className="rounded border border-rule px-3 py-1" href={`/editor/issues/${nextDate}`}>检查与发布</a> : null}
          <a className="rounded bg-accent px-3 py-1 text-accent-ink no-underline" href={`/editor/import?date=${nextDate}`}>导入版面</a>
        </p>
      </section>

      <section aria-labelledby="all-heading">
        <h2 id="all-heading" className="mb-2 text-lg font-bold">全部期次</h2>
        {issues.length === 0 ? (
          <p className="text-muted">还没有期次。<a href="/editor/import" className="underline">导入第一批版面</a>。</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[48rem] border-collapse text-left">
              <thead>
                <tr className="border-b border-rule text-sm text-muted">
                  <th scope="col" className="py-2 pr-3">日期</th>
                  <th scope="col" className="py-2 pr-3">期号</th>
                  <th scope="col" className="py-2 pr-3">状态</th>
                  <th scope="col" className="py-2 pr-3">版面</th>
                  <th scope="col" className="py-2 pr-3">待审警告</th>
                  <th scope="col" className="py-2">最近改动</th>
                </tr>
              </thead>
              <tbody>
                {issues.map((issue) => {
                  const facts = summarizePages(issue.pages, paper.expectedPages(issue.date));
                  const event = last.get(issue.date);
                  return (
                    <tr key={issue.date} className="border-b border-rule align-top">
                      <th scope="row" className="py-2 pr-3 font-normal">
                        <a href={`/editor/issues/${issue.date}`} className="font-bold underline-offset-4 hover:underline">{formatIssueDate(issue.date)}</a>
                      </th>
                      <td className="py-2 pr-3">{issue.number ?? "—"}</td>
                      <td className="py-2 pr-3"><StatusBadge status={issue.status} publishAt={issue.publishAt} /></td>
                      <td className="py-2 pr-3">
                        {facts.present}/{facts.expected}
                        {facts.missing.length ? <span className="block text-sm text-accent">缺{formatPageList(facts.missing)}</span> : null}
                      </td>
                      <td className="py-2 pr-3">
                        {facts.unreviewed ? <span className="text-accent">{facts.unreviewed}</span> : <span className="text-muted">0</span>}
                        {stale(issue) ? <span className="block text-sm text-accent">{stale(issue)} 项更正已失效</span> : null}
                      </td>
                      <td className="py-2 text-sm">
                        {event ? (
                          <>
                            {describeEvent(event)}
                            <span className="block text-muted">{formatChinaDateTime(event.at)}</span>
                          </>
                        ) : (
                          <span className="text-muted">{formatChinaDateTime(issue.updatedAt)}(命令行导入)</span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
