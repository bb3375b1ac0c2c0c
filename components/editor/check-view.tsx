"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { reviewWarningAction } from "@/app/editor/actions/review";
import { CorrectionPanel, type CorrectionData } from "@/components/editor/correction-panel";

export interface CheckLine {
  no: number;
  text: string;
  role: string;
  article: number | null;
}

export interface CheckArticle {
  index: number;
  publicId: string | null;
  /** The article's correction history (chiefs only; null for others). */
  historyUrl: string | null;
  label: string | null;
  kicker: string | null;
  title: string;
  subtitle: string | null;
  bylines: string;
  category: string;
  departments: string[];
  blocks: { paragraphs: number; subheads: number; captions: number };
  lines: [number, number] | null;
}

export interface CheckWarning {
  key: string;
  code: string;
  label: string;
  message: string;
  lines: number[];
  article: number | null;
  reviewed: { by: string; at: string } | null;
}

interface Props {
  date: string;
  page: number;
  lines: CheckLine[];
  roleLabels: Record<string, string>;
  articles: CheckArticle[];
  warnings: CheckWarning[];
  previewUrl: string | null;
  corrections: CorrectionData;
}

const PHONE = 390;
const DESKTOP = 1280;

/**
 * The page check: raw lines coloured by role beside the parse and the reader's rendering of the
 * page (an iframe of the preview address: the reader's own document). An article is highlighted
 * on all three when it is hovered or focused on any of them; a warning, when chosen, scrolls each
 * side to its lines and result.
 */
export function CheckView({ date, page, lines, roleLabels, articles, warnings, previewUrl, corrections }: Props) {
  const [active, setActive] = useState<number | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [warnLines, setWarnLines] = useState<Set<number>>(new Set());
  const [width, setWidth] = useState<"phone" | "desktop">("desktop");
  const [frameBox, setFrameBox] = useState(0);
  const rawRef = useRef<HTMLOListElement>(null);
  const frameRef = useRef<HTMLIFrameElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  // Who else has this page open: a heartbeat every 30 s renews this view's lease (PageLease).
  const [others, setOthers] = useState<string[]>([]);
  useEffect(() => {
    const url = `/editor/api/pages/${date}/${page}/lease`;
    const beat = () =>
      fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ action: "renew" }) })
        .then((r) => (r.ok ? r.json() : { others: [] }))
        .then((j: { others?: { name: string }[] }) => setOthers((j.others ?? []).map((o) => o.name)))
        .catch(() => {});
    void beat();
    const timer = setInterval(beat, 30_000);
    const leave = () => navigator.sendBeacon?.(url, new Blob([JSON.stringify({ action: "leave" })], { type: "application/json" }));
    window.addEventListener("pagehide", leave);
    return () => {
      clearInterval(timer);
      window.removeEventListener("pagehide", leave);
    };
  }, [date, page]);
  // Set once the view is interactive (hydrated), for tests and for styles that need scripts.
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);

  // The desktop rendering is drawn at its real width and scaled down to the column.
  useEffect(() => {
    const el = boxRef.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setFrameBox(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const frameArticleLinks = useCallback((index: number | null) => {
    const doc = frameRef.current?.contentDocument;
    const a = index === null ? null : articles[index];
    if (!doc || !a?.publicId) return [] as HTMLElement[];
    return [...doc.querySelectorAll<HTMLElement>(`a[href$="/articles/${a.publicId}"]`)];
  }, [articles]);

  // Mirror the highlighted article into the rendered page.
  useEffect(() => {
    const doc = frameRef.current?.contentDocument;
    if (!doc) return;
    for (const el of doc.querySelectorAll<HTMLElement>("[data-desk-hl]")) {
      el.removeAttribute("data-desk-hl");
      el.style.outline = "";
    }
    for (const el of frameArticleLinks(active)) {
      el.setAttribute("data-desk-hl", "1");
      el.style.outline = "3px solid #b45309";
    }
  }, [active, frameArticleLinks]);

  // Hovering an article in the rendered page highlights its lines here.
  const wireFrame = useCallback(() => {
    const doc = frameRef.current?.contentDocument;
    if (!doc) return;
    articles.forEach((a) => {
      if (!a.publicId) return;
      for (const el of doc.querySelectorAll<HTMLElement>(`a[href$="/articles/${a.publicId}"]`)) {
        el.addEventListener("mouseenter", () => setActive(a.index));
        el.addEventListener("focus", () => setActive(a.index));
        el.addEventListener("mouseleave", () => setActive(null));
      }
    });
  }, [articles]);

  function choose(w: CheckWarning) {
    setWarnLines(new Set(w.lines));
    setActive(w.article);
    // The result first, the raw lines last: on a phone the columns stack, and the lines are what
    // the editor chose to see. Instant, so the nested scroll containers all follow.
    if (w.article !== null) {
      document.getElementById(`parsed-${w.article}`)?.scrollIntoView({ block: "nearest" });
      frameArticleLinks(w.article)[0]?.scrollIntoView({ block: "center" });
    }
    const first = w.lines[0];
    if (first) rawRef.current?.querySelector(`[data-line="${first}"]`)?.scrollIntoView({ block: "center" });
  }

  const scale = width === "desktop" && frameBox ? Math.min(1, frameBox / DESKTOP) : 1;
  const frameWidth = width === "desktop" ? DESKTOP : PHONE;

  return (
    <div className="grid gap-6 xl:grid-cols-[minmax(0,5fr)_minmax(0,6fr)]" data-ready={ready ? "1" : undefined} data-testid="check-view" data-version={corrections.version}>
      <section aria-labelledby="raw-heading" className="min-w-0">
        <h2 id="raw-heading" className="mb-2 text-lg font-bold">原文(按解析结果着色)</h2>
        <ul aria-label="颜色说明" className="mb-2 flex flex-wrap gap-1 text-xs">
          {["label", "kicker", "title", "subtitle", "byline", "head", "paragraph", "subhead", "caption", "ad", "orphan", "header"].map((r) => (
            <li key={r} className="raw-line rounded border border-rule px-1.5" data-role={r}>{roleLabels[r]}</li>
          ))}
        </ul>
        <ol ref={rawRef} tabIndex={0} className="max-h-[75vh] overflow-y-auto rounded border border-rule bg-card font-serif text-sm leading-7" aria-label="原文各行">
          {lines.map((l) => (
            <li
              key={l.no}
              data-line={l.no}
              data-selected={selected === l.no ? "1" : undefined}
              data-role={l.role}
              data-hl={l.article !== null && l.article === active ? "1" : undefined}
              data-warn={warnLines.has(l.no) ? "1" : undefined}
              onMouseEnter={() => l.article !== null && setActive(l.article)}
              className="raw-line grid grid-cols-[3.5rem_1fr] gap-2 border-b border-rule/40 px-1"
              title={`${roleLabels[l.role] ?? l.role}${l.article !== null ? ` · 第 ${l.article + 1} 篇` : ""}`}
            >
              {l.role === "blank" ? (
                <span className="select-none text-right font-sans text-xs leading-7 text-muted">{l.no}</span>
              ) : (
                <button type="button" onClick={() => setSelected(l.no)} onFocus={() => l.article !== null && setActive(l.article)} aria-pressed={selected === l.no} aria-label={`选择第 ${l.no} 行`}
                  className={`select-none text-right font-sans text-xs leading-7 ${selected === l.no ? "font-bold text-accent" : "text-muted"}`}>
                  {l.no}
                </button>
              )}
              <span className="whitespace-pre-wrap break-all">
                {l.text || " "}
                <span className="sr-only">({roleLabels[l.role] ?? l.role}{l.article !== null ? `,第 ${l.article + 1} 篇` : ""})</span>
              </span>
            </li>
          ))}
        </ol>
      </section>

      <div className="flex min-w-0 flex-col gap-6">
        {others.length ? (
          <p role="status" className="rounded border border-amber-700 px-3 py-2 text-sm" data-testid="others-here">
            {others.join("、")} 也在查看这一版:保存时如有冲突会提示。
          </p>
        ) : null}
        <CorrectionPanel data={corrections} line={selected} />
        <section aria-labelledby="warnings-heading">
          <h2 id="warnings-heading" className="mb-2 text-lg font-bold">
            警告 <span className="text-base font-normal text-muted">{warnings.filter((w) => !w.reviewed).length} 条待审阅 / 共 {warnings.length} 条</span>
          </h2>
          {warnings.length === 0 ? <p className="text-muted">这一版没有警告。</p> : null}
          <ul className="flex flex-col gap-2">
            {warnings.map((w) => (
              <li key={w.key} className={`rounded border p-2 ${w.reviewed ? "border-rule opacity-75" : "border-amber-700"}`}>
                <button type="button" onClick={() => choose(w)} className="w-full text-left" aria-describedby={`warn-${w.key}`}>
                  <span className="mr-2 rounded bg-amber-100 px-1.5 text-sm text-amber-900">{w.label}</span>
                  {w.lines.length ? <span className="text-sm text-muted">第 {w.lines.join("、")} 行 · </span> : null}
                  <span id={`warn-${w.key}`}>{w.message}</span>
                </button>
                <form action={reviewWarningAction} className="mt-1 flex items-center gap-3 text-sm">
                  <input type="hidden" name="date" value={date} />
                  <input type="hidden" name="page" value={page} />
                  <input type="hidden" name="key" value={w.key} />
                  <input type="hidden" name="reviewed" value={w.reviewed ? "no" : "yes"} />
                  {w.reviewed ? <span className="text-muted">已由 {w.reviewed.by} 审阅</span> : null}
                  <button type="submit" className="rounded border border-rule px-2 py-0.5 hover:border-accent">{w.reviewed ? "取消审阅" : "标记为已审阅"}</button>
                </form>
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="preview-heading">
          <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
            <h2 id="preview-heading" className="text-lg font-bold">读者所见</h2>
            <div role="group" aria-label="预览宽度" className="flex gap-1 text-sm">
              {(["phone", "desktop"] as const).map((w) => (
                <button key={w} type="button" aria-pressed={width === w} onClick={() => setWidth(w)}
                  className={`rounded border px-2 py-1 ${width === w ? "border-accent bg-accent text-accent-ink" : "border-rule"}`}>
                  {w === "phone" ? `手机(${PHONE}px)` : `桌面(${DESKTOP}px)`}
                </button>
              ))}
              {previewUrl ? <a href={previewUrl} target="_blank" rel="noopener" className="rounded border border-rule px-2 py-1">新窗口打开</a> : null}
            </div>
          </div>
          <div ref={boxRef} className="overflow-hidden rounded border border-rule bg-paper" style={{ height: 640 * scale + (width === "phone" ? 160 : 0) }}>
            {previewUrl ? (
              <iframe
                key={corrections.version}
                ref={frameRef}
                src={previewUrl}
                title="读者所见的版面预览"
                onLoad={wireFrame}
                className="mx-auto block border-0 bg-white"
                style={{ width: frameWidth, height: width === "phone" ? 800 : 640, transform: `scale(${scale})`, transformOrigin: "top left" }}
              />
            ) : (
              <p className="p-4 text-muted">没有预览地址。</p>
            )}
          </div>
        </section>

        <section aria-labelledby="parsed-heading">
          <h2 id="parsed-heading" className="mb-2 text-lg font-bold">解析结果({articles.length} 篇稿件)</h2>
          <ol className="flex flex-col gap-2">
            {articles.map((a) => (
              <li key={a.index} id={`parsed-${a.index}`}>
                <button
                  type="button"
                  onMouseEnter={() => setActive(a.index)}
                  onFocus={() => setActive(a.index)}
                  onClick={() => a.lines && rawRef.current?.querySelector(`[data-line="${a.lines[0]}"]`)?.scrollIntoView({ block: "start", behavior: "smooth" })}
                  className={`w-full rounded border p-3 text-left ${active === a.index ? "border-accent bg-card" : "border-rule bg-card"}`}
                >
                  <span className="text-sm text-muted">第 {a.index + 1} 篇{a.lines ? ` · 第 ${a.lines[0]}–${a.lines[1]} 行` : ""}{a.publicId ? ` · ${a.publicId}` : ""}</span>
                  {a.label ? <span className="block text-sm">栏目:{a.label}</span> : null}
                  {a.kicker ? <span className="block text-sm">引题:{a.kicker}</span> : null}
                  <span className="block font-serif text-lg font-bold">{a.title}</span>
                  {a.subtitle ? <span className="block text-sm">副题:——{a.subtitle}</span> : null}
                  <span className="block text-sm text-muted">
                    {a.bylines || "无署名"} · 分类 {a.category}{a.departments.length ? ` · ${a.departments.join("、")}` : ""} · {a.blocks.paragraphs} 段
                    {a.blocks.subheads ? ` · ${a.blocks.subheads} 个小标题` : ""}{a.blocks.captions ? ` · ${a.blocks.captions} 条图片说明` : ""}
                  </span>
                </button>
                {a.historyUrl ? (
                  <a href={a.historyUrl} className="mt-1 inline-block text-sm underline">第 {a.index + 1} 篇的更正记录</a>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      </div>
    </div>
  );
}
