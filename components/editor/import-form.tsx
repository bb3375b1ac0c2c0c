"use client";

import { useEffect, useRef, useState } from "react";
import type { PlannedPage } from "@/lib/import/uploads";

interface Row extends PlannedPage {
  dateInput: string;
  pageInput: string;
  nameInput: string;
  issueInput: string;
}

interface ReportPage {
  file: string;
  date: string;
  page: number;
  name: string | null;
  outcome: string;
  articles: number;
  warnings: number;
}

const FROM: Record<string, string> = { manifest: "清单", "file-name": "文件名", text: "版面文字", "file-order": "文件顺序", none: "未知" };
const OUTCOMES: Record<string, string> = { new: "新导入", replaced: "已替换", reparsed: "已重新解析", updated: "已更新", unchanged: "无变化" };
const MAX_PAGE_BYTES = 2 * 1024 * 1024;
const MAX_BATCH_BYTES = 32 * 1024 * 1024;

/** Sends a form with upload progress (fetch cannot report it). */
function send(form: FormData, onProgress: (fraction: number) => void): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/editor/api/import");
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => resolve({ status: xhr.status, body: xhr.response });
    xhr.onerror = () => reject(new Error("网络错误:服务器没有响应"));
    xhr.send(form);
  });
}

function errorText(body: unknown, status: number): string {
  const e = (body as { error?: { message?: string; file?: string; line?: number | null } } | null)?.error;
  if (!e?.message) return `导入失败(HTTP ${status})`;
  return `${e.file ? `${e.file}${e.line ? ` 第 ${e.line} 行` : ""}:` : ""}${e.message}`;
}

/** The browser import: drop or pick page files (and a manifest.json), or paste a page; check the placement; import as drafts. */
export function ImportForm({ defaultDate }: { defaultDate: string }) {
  const [files, setFiles] = useState<File[]>([]);
  const [rows, setRows] = useState<Row[]>([]);
  const [manifestError, setManifestError] = useState<string | null>(null);
  const [busy, setBusy] = useState<null | "plan" | "import">(null);
  const [progress, setProgress] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<ReportPage[] | null>(null);
  const [over, setOver] = useState(false);
  const [pasteName, setPasteName] = useState("");
  const [pasteText, setPasteText] = useState("");
  const input = useRef<HTMLInputElement>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);

  async function plan(next: File[]) {
    setError(null);
    setReport(null);
    const big = next.find((f) => f.size > MAX_PAGE_BYTES);
    if (big) return setError(`${big.name}:文件大小 ${(big.size / 1024 / 1024).toFixed(1)} MB,单个版面最多 2 MB(是否选错了文件?)`);
    const total = next.reduce((n, f) => n + f.size, 0);
    if (total > MAX_BATCH_BYTES) return setError(`这批文件共 ${(total / 1024 / 1024).toFixed(1)} MB,一次最多 32 MB:请分批导入`);
    setFiles(next);
    if (next.length === 0) return setRows([]);
    const form = new FormData();
    form.set("mode", "plan");
    for (const f of next) form.append("file", f, f.name);
    setBusy("plan");
    try {
      const res = await send(form, setProgress);
      const body = res.body as { ok: boolean; plan?: { pages: PlannedPage[]; manifestError: { message: string; line?: number } | null } };
      if (res.status !== 200 || !body?.plan) return setError(errorText(res.body, res.status));
      setManifestError(body.plan.manifestError ? `manifest.json${body.plan.manifestError.line ? ` 第 ${body.plan.manifestError.line} 行` : ""}:${body.plan.manifestError.message}` : null);
      setRows(
        body.plan.pages.map((p) => ({
          ...p,
          dateInput: p.date ?? defaultDate,
          pageInput: p.page ? String(p.page) : "",
          nameInput: p.name ?? "",
          issueInput: p.issueNumber ? String(p.issueNumber) : "",
        })),
      );
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  }

  function add(list: FileList | File[]) {
    const byName = new Map(files.map((f) => [f.name, f]));
    for (const f of list) byName.set(f.name, f);
    void plan([...byName.values()]);
  }

  function addPasted() {
    const text = pasteText.trim() ? pasteText : "";
    if (!text) return setError("请先粘贴版面文字");
    const name = (pasteName.trim() || `粘贴-${files.length + 1}`).replace(/[\\/]/g, "-");
    add([new File([text], /\.txt$/i.test(name) ? name : `${name}.txt`, { type: "text/plain" })]);
    setPasteText("");
    setPasteName("");
  }

  function update(i: number, patch: Partial<Row>) {
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  }

  async function runImport() {
    setError(null);
    const pages = rows.filter((r) => !r.error);
    const bad = pages.find((r) => !/^\d{4}-\d{2}-\d{2}$/.test(r.dateInput) || !/^\d{1,2}$/.test(r.pageInput) || Number(r.pageInput) < 1);
    if (bad) return setError(`${bad.file}:请填写日期(年-月-日)和版次(1–99)`);
    const form = new FormData();
    form.set("mode", "import");
    form.set(
      "pages",
      JSON.stringify(
        pages.map((r) => ({
          file: r.file,
          date: r.dateInput,
          page: Number(r.pageInput),
          ...(r.nameInput.trim() ? { name: r.nameInput.trim() } : {}),
          ...(r.issueInput.trim() ? { issueNumber: Number(r.issueInput) } : {}),
        })),
      ),
    );
    for (const f of files) if (pages.some((p) => p.file === f.name)) form.append("file", f, f.name);
    setBusy("import");
    setProgress(0);
    try {
      const res = await send(form, setProgress);
      const body = res.body as { ok: boolean; report?: { pages: ReportPage[] } };
      if (res.status !== 200 || !body?.report) return setError(errorText(res.body, res.status));
      setReport(body.report.pages);
      setRows([]);
      setFiles([]);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  }

  const importable = rows.filter((r) => !r.error).length;
  const cell = "rounded border border-rule bg-paper px-2 py-1";

  return (
    <div className="flex flex-col gap-6">
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          add(e.dataTransfer.files);
        }}
        data-testid="drop-zone"
        data-ready={ready ? "1" : undefined}
        className={`flex flex-col items-center gap-3 rounded border-2 border-dashed p-8 text-center ${over ? "border-accent bg-card" : "border-rule"}`}
      >
        <p className="text-lg">把版面文件(.txt,可连同 manifest.json)拖到这里</p>
        <p className="text-sm text-muted">文件名如 2026-04-08_01.txt 会自动识别日期和版次;单个文件最多 2 MB,一次最多 100 个文件。</p>
        <label className="cursor-pointer rounded bg-accent px-4 py-2 font-bold text-accent-ink">
          选择文件
          <input ref={input} type="file" multiple accept=".txt,.json,text/plain,application/json" className="sr-only"
            onChange={(e) => e.target.files && add(e.target.files)} />
        </label>
      </div>

      <details className="rounded border border-rule bg-card p-4">
        <summary className="cursor-pointer font-bold">或粘贴一个版面的文字</summary>
        <div className="mt-3 flex flex-col gap-2">
          <label htmlFor="paste-name" className="text-sm">文件名(可含日期和版次,如 2026-04-08_03)</label>
          <input id="paste-name" value={pasteName} onChange={(e) => setPasteName(e.target.value)} className={cell} />
          <label htmlFor="paste-text" className="text-sm">版面文字</label>
          <textarea id="paste-text" value={pasteText} onChange={(e) => setPasteText(e.target.value)} rows={8} className={`${cell} font-serif`} />
          <button type="button" onClick={addPasted} className="self-start rounded border border-accent px-3 py-1">加入这批</button>
        </div>
      </details>

      {busy ? (
        <div role="status" aria-live="polite">
          <p>{busy === "plan" ? "正在读取并预解析…" : progress < 1 ? `正在上传 ${Math.round(progress * 100)}%…` : "正在解析并写入(一次完成,全部成功或全部不写入)…"}</p>
          <progress max={1} value={busy === "import" && progress >= 1 ? undefined : progress} className="w-full" aria-label="导入进度" />
        </div>
      ) : null}
      {error ? <p role="alert" className="rounded border border-accent px-3 py-2 text-accent">{error}</p> : null}
      {manifestError ? <p role="alert" className="rounded border border-accent px-3 py-2 text-accent">{manifestError}</p> : null}

      {rows.length ? (
        <section aria-labelledby="plan-heading">
          <h2 id="plan-heading" className="mb-2 text-lg font-bold">将要导入 {importable} 个版面(导入后为草稿)</h2>
          <div className="overflow-x-auto">
            <table className="w-full min-w-[56rem] border-collapse text-left text-sm">
              <thead>
                <tr className="border-b border-rule text-muted">
                  <th scope="col" className="py-2 pr-2">文件</th>
                  <th scope="col" className="py-2 pr-2">日期</th>
                  <th scope="col" className="py-2 pr-2">版次</th>
                  <th scope="col" className="py-2 pr-2">版名</th>
                  <th scope="col" className="py-2 pr-2">期号</th>
                  <th scope="col" className="py-2">预解析</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r, i) => (
                  <tr key={r.file} className="border-b border-rule align-top">
                    <th scope="row" className="py-2 pr-2 font-normal">
                      {r.file}
                      <span className="block text-muted">{(r.bytes / 1024).toFixed(1)} KB</span>
                    </th>
                    {r.error ? (
                      <td colSpan={5} className="py-2 text-accent" role="alert">
                        不能导入:{r.error.line ? `第 ${r.error.line} 行:` : ""}{r.error.message}
                      </td>
                    ) : (
                      <>
                        <td className="py-2 pr-2">
                          <input aria-label={`${r.file} 的日期`} type="date" value={r.dateInput} onChange={(e) => update(i, { dateInput: e.target.value })} className={cell} />
                          <span className="block text-muted">来自{FROM[r.date ? r.dateFrom : "none"]}</span>
                        </td>
                        <td className="py-2 pr-2">
                          <input aria-label={`${r.file} 的版次`} inputMode="numeric" size={3} value={r.pageInput} onChange={(e) => update(i, { pageInput: e.target.value })} className={cell} />
                          <span className="block text-muted">来自{FROM[r.pageFrom]}</span>
                        </td>
                        <td className="py-2 pr-2">
                          <input aria-label={`${r.file} 的版名`} value={r.nameInput} onChange={(e) => update(i, { nameInput: e.target.value })} className={cell} />
                        </td>
                        <td className="py-2 pr-2">
                          <input aria-label={`${r.file} 的期号`} inputMode="numeric" size={6} value={r.issueInput} onChange={(e) => update(i, { issueInput: e.target.value })} className={cell} />
                        </td>
                        <td className="py-2">
                          {r.articles} 篇稿件 · {r.warnings} 条警告
                          <span className="block text-muted">{r.titles.slice(0, 3).join(" / ")}</span>
                        </td>
                      </>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="mt-3 flex gap-3">
            <button type="button" onClick={runImport} disabled={!!busy || importable === 0} className="rounded bg-accent px-4 py-2 font-bold text-accent-ink disabled:opacity-60">
              导入为草稿
            </button>
            <button type="button" onClick={() => void plan([])} disabled={!!busy} className="rounded border border-rule px-4 py-2">清空</button>
          </div>
        </section>
      ) : null}

      {report ? (
        <section aria-labelledby="report-heading" role="status">
          <h2 id="report-heading" className="mb-2 text-lg font-bold">已导入 {report.length} 个版面(草稿)</h2>
          <ul className="divide-y divide-rule rounded border border-rule bg-card">
            {report.map((p) => (
              <li key={`${p.date}-${p.page}`} className="flex flex-wrap gap-x-4 px-4 py-2">
                <a href={`/editor/issues/${p.date}/${p.page}`} className="font-bold underline">{p.date} 第{String(p.page).padStart(2, "0")}版 {p.name ?? ""}</a>
                <span>{OUTCOMES[p.outcome] ?? p.outcome}</span>
                <span className="text-muted">{p.file}</span>
                <span className={p.warnings ? "text-accent" : "text-muted"}>{p.articles} 篇稿件 · {p.warnings} 条警告</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
