import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CheckView, type CheckArticle, type CheckWarning } from "@/components/editor/check-view";
import type { CorrectionData } from "@/components/editor/correction-panel";
import { anchorLine, sourceLines } from "@/lib/corrections";
import { editHistory } from "@/lib/editor/edit-history";
import { describeEdit } from "@/lib/editor/edit-labels";
import { describeChange } from "@/lib/editor/page-diff";
import { formatChinaDateTime } from "@/lib/site/china-time";
import { StatusBadge } from "@/components/editor/status-badge";
import { hasRole, requireEditor } from "@/lib/auth/access";
import { ensurePreviewToken, getDeskPage } from "@/lib/db/desk";
import { lineRoles, ROLE_LABELS } from "@/lib/editor/line-roles";
import { previewBase } from "@/lib/editor/preview-html";
import { deskWarnings, parseReviewMarks, WARNING_LABELS } from "@/lib/editor/warnings";
import { paper } from "@/lib/paper";
import { CATEGORY_LABELS, listGazetteer } from "@/lib/parser";
import { formatIssueDate, formatPageNumber, ROLE_LABELS as BYLINE_ROLES } from "@/lib/site/format";
import { pageParams } from "@/lib/validations/params";

export const metadata: Metadata = { title: "检查版面" };

/** /editor/issues/<date>/<page>: the page's raw text, its parse and its rendering side by side. */
export default async function CheckPage({ params }: { params: Promise<{ date: string; page: string }> }) {
  const raw = await params;
  const editor = await requireEditor({ from: `/editor/issues/${raw.date}/${raw.page}` });
  const parsedParams = pageParams.safeParse(raw);
  if (!parsedParams.success) notFound();
  const { date, page } = parsedParams.data;
  const desk = await getDeskPage(date, page);
  if (!desk) notFound();
  const token = await ensurePreviewToken(date);
  const lines = lineRoles(desk.page.rawText, desk.parsed);
  const marks = new Map(parseReviewMarks(desk.reviewedJson).map((m) => [m.key, m]));
  const warnings: CheckWarning[] = deskWarnings(desk.parsed).map((w) => ({
    key: w.key,
    code: w.code,
    label: WARNING_LABELS[w.code] ?? w.code,
    message: w.message,
    lines: w.lines,
    article: w.article,
    reviewed: marks.has(w.key) ? { by: marks.get(w.key)!.by, at: marks.get(w.key)!.at } : null,
  }));
  const articles: CheckArticle[] = desk.parsed.articles.map((a, i) => {
    const all = [...a.headLines, ...a.blocks.flatMap((b) => b.sourceLines)];
    const roles = new Map<string, string[]>();
    for (const b of a.bylines) roles.set(b.role, [...(roles.get(b.role) ?? []), b.name]);
    const publicId = desk.articles.find((s) => s.order === i + 1)?.publicId ?? null;
    return {
      index: i,
      publicId,
      historyUrl: publicId && hasRole(editor, "chief") ? `/editor/articles/${publicId}` : null,
      label: a.label,
      kicker: a.kicker,
      title: a.title,
      subtitle: a.subtitle,
      bylines: [...roles].map(([role, names]) => `${BYLINE_ROLES[role] ?? ""} ${names.join(" ")}`.trim()).join(" · "),
      category: (CATEGORY_LABELS as Record<string, string>)[a.category] ?? a.category,
      departments: a.departments,
      blocks: {
        paragraphs: a.blocks.filter((b) => b.type === "paragraph").length,
        subheads: a.blocks.filter((b) => b.type === "subhead").length,
        captions: a.blocks.filter((b) => b.type === "caption").length,
      },
      lines: all.length ? [Math.min(...all), Math.max(...all)] : null,
    };
  });
  // What the correction tools need: each line's text as the parser read it (edits name it), and
  // where each line sits in the effective page.
  const src = sourceLines(desk.page.rawText);
  const changes = editHistory(desk.original, desk.page.rawText, desk.edits);
  const ref = (no: number) => ({ line: no, text: src[no - 1]?.text ?? "" });
  const corrections: CorrectionData = {
    date,
    page,
    version: desk.editVersion,
    refs: Object.fromEntries(lines.map((l) => [l.no, src[l.no - 1]?.text ?? ""])),
    articles: desk.parsed.articles.map((a, i) => ({
      index: i,
      anchor: ref(anchorLine(a) ?? 1),
      headLines: a.headLines,
      fields: { label: a.label, kicker: a.kicker, title: a.title, subtitle: a.subtitle, category: a.category, departments: a.departments, bylines: a.bylines },
      blocks: a.blocks.map((b) => ({ lines: b.sourceLines, type: b.type, joined: !!b.flags?.includes("joined") })),
    })),
    orphans: desk.parsed.orphans.map((o) => o.sourceLines),
    categories: Object.entries(CATEGORY_LABELS as Record<string, string>).map(([slug, label]) => ({ slug, label })),
    gazetteer: [...new Set(listGazetteer(paper.profile).map((g) => g.name))].sort((a, b) => a.localeCompare(b, "zh-CN")),
    history: desk.edits.map((e) => ({
      seq: e.seq,
      what: describeEdit(e.edit),
      actor: e.actor,
      at: formatChinaDateTime(e.at),
      state: e.state,
      stale: e.outcome?.status === "stale" ? (e.outcome.reason ?? e.staleReason ?? "不再适用") : null,
      undoneBy: e.undoneBy,
      changes: (changes.get(e.seq) ?? []).map(describeChange),
    })),
  };
  const legacy = desk.legacyUnconverted;
  const legacyWho = legacy ? [legacy.by, legacy.at ? formatChinaDateTime(legacy.at) : null].filter(Boolean).join(" ") : "";
  const idx = desk.pages.findIndex((p) => p.number === page);
  const prev = desk.pages[idx - 1];
  const next = desk.pages[idx + 1];

  return (
    <>
      <p className="mb-2 text-sm">
        <a href="/editor" className="underline">期次</a> › <a href={`/editor/issues/${date}`} className="underline">{formatIssueDate(date)}</a> ›
      </p>
      <div className="mb-4 flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="font-serif text-2xl font-bold">
          检查 {formatPageNumber(page)} {desk.page.name ?? ""} <StatusBadge status={desk.issue.status} />
        </h1>
        <nav aria-label="版面切换" className="flex gap-3 text-sm">
          {prev ? <a href={`/editor/issues/${date}/${prev.number}`} className="underline">上一版</a> : <span className="text-muted">上一版</span>}
          {next ? <a href={`/editor/issues/${date}/${next.number}`} className="underline">下一版</a> : <span className="text-muted">下一版</span>}
        </nav>
      </div>
      <p className="mb-4 text-sm text-muted">源文件 {desk.page.sourceFile} · {lines.length} 行 · {desk.parsed.articles.length} 篇稿件 · {desk.parsed.ads.length} 则广告 · {desk.parsed.orphans.length} 段孤立文字</p>
      {desk.legacyUnconverted ? (
        <section aria-labelledby="legacy-heading" className="mb-4 rounded border border-accent bg-card p-3">
          <h2 id="legacy-heading" className="font-bold">旧版更正有 {desk.legacyUnconverted.notes.length} 处未能自动转换</h2>
          <p className="text-sm text-muted">
            这一版在旧系统中整版更正过
            {legacyWho ? `(${legacyWho})` : ""};能表达为修改的已写入修改记录,下面这些请在本页重新更正:
          </p>
          <ul className="ml-4 list-disc text-sm">
            {desk.legacyUnconverted.notes.map((n, i) => <li key={i}>{n}</li>)}
          </ul>
        </section>
      ) : null}
      <CheckView
        date={date}
        page={page}
        lines={lines}
        roleLabels={ROLE_LABELS}
        articles={articles}
        warnings={warnings}
        previewUrl={token ? `${previewBase(token)}/${page}` : null}
        corrections={corrections}
      />
    </>
  );
}
