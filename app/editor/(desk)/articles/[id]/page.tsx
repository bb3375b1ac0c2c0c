import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireEditor } from "@/lib/auth/access";
import { anchorLine } from "@/lib/corrections";
import { findDeskArticle, getDeskPage } from "@/lib/db/desk";
import { editHistory, touchesArticle } from "@/lib/editor/edit-history";
import { describeEdit } from "@/lib/editor/edit-labels";
import { describeChange } from "@/lib/editor/page-diff";
import { formatChinaDateTime } from "@/lib/site/china-time";
import { formatIssueDate, formatPageNumber } from "@/lib/site/format";
import { publicId as publicIdSchema } from "@/lib/validations/params";

export const metadata: Metadata = { title: "稿件更正记录" };

const STATE_NOTES = { active: "", undone: "已撤销", superseded: "已撤销", discarded: "已放弃" } as const;

/**
 * /editor/articles/<id> (chiefs): one article's correction history — every edit of its page that
 * touched it (its fields, its lines, its paragraphs, a split or merge), with before and after,
 * who and when; undone ones kept and marked. Derived from the page's edit log.
 */
export default async function ArticleHistoryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireEditor({ role: "chief", from: `/editor/articles/${id}` });
  const parsed = publicIdSchema.safeParse(id);
  if (!parsed.success) notFound();
  const article = await findDeskArticle(parsed.data);
  if (!article) notFound();
  const desk = await getDeskPage(article.issueDate, article.pageNumber);
  if (!desk) notFound();
  const now = desk.parsed.articles[article.order - 1];
  const anchor = article.anchorLine ?? (now ? anchorLine(now) : null);
  const lines = new Set(now ? [...now.headLines, ...now.blocks.flatMap((b) => b.sourceLines)] : []);
  const history = editHistory(desk.original, desk.page.rawText, desk.edits);
  const entries = desk.edits
    .filter((e) => anchor !== null && touchesArticle(history.get(e.seq) ?? [], anchor, lines))
    .reverse();
  const checkUrl = `/editor/issues/${article.issueDate}/${article.pageNumber}`;
  return (
    <>
      <p className="mb-2 text-sm">
        <a href="/editor" className="underline">期次</a> › <a href={`/editor/issues/${article.issueDate}`} className="underline">{formatIssueDate(article.issueDate)}</a> ›{" "}
        <a href={checkUrl} className="underline">{formatPageNumber(article.pageNumber)}</a> ›
      </p>
      <h1 className="mb-1 font-serif text-2xl font-bold">更正记录:{article.title}</h1>
      <p className="mb-4 text-sm text-muted">
        稿件 {article.publicId}
        {article.movedFrom ? ` · 原地址 ${article.movedFrom} 因拆分或合并已转到这里` : ""}
        {article.correctedAt ? ` · 读者页标注“更正”于 ${formatChinaDateTime(article.correctedAt)}` : " · 发布后未更正"}
        {" · "}
        {desk.issue.status === "published" ? <a className="underline" href={`/articles/${article.publicId}`}>读者页</a> : "未发布"}
        {" · "}
        <a className="underline" href={checkUrl}>检查版面</a>
      </p>
      {entries.length === 0 ? (
        <p className="text-muted">这篇稿件没有经过更正:读者看到的是解析结果。</p>
      ) : (
        <ol className="flex flex-col gap-3">
          {entries.map((e) => (
            <li key={e.seq} className="rounded border border-rule bg-card p-3">
              <p>
                <span className="text-muted">{formatChinaDateTime(e.at)}</span> {e.actor}:{describeEdit(e.edit)}
                {STATE_NOTES[e.state] ? <span className="text-accent">({STATE_NOTES[e.state]}{e.undoneBy ? `,${e.undoneBy}` : ""})</span> : null}
                {e.state === "active" && e.staleReason ? <span className="text-accent">(已失效:{e.staleReason})</span> : null}
              </p>
              <table className="mt-2 w-full border-collapse text-left text-sm">
                <thead>
                  <tr className="border-b border-rule text-muted">
                    <th scope="col" className="py-1 pr-3">改动</th>
                    <th scope="col" className="py-1 pr-3">之前</th>
                    <th scope="col" className="py-1">之后</th>
                  </tr>
                </thead>
                <tbody>
                  {(history.get(e.seq) ?? []).map(describeChange).map((c, i) => (
                    <tr key={i} className="border-b border-rule align-top">
                      <td className="py-1 pr-3">{c.what}</td>
                      <td className="py-1 pr-3">{c.before}</td>
                      <td className="py-1">{c.after}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
