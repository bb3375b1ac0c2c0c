"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ROLE_NAMES } from "@/lib/corrections/role-names";

/** What the page check passes to the correction tools (see app/editor/(desk)/issues/[date]/[page]/page.tsx). */
export interface CorrectionData {
  date: string;
  page: number;
  version: number;
  /** Each line's text as the parser read it: edits name lines by number and this text. */
  refs: Record<number, string>;
  articles: {
    index: number;
    anchor: { line: number; text: string };
    headLines: number[];
    fields: {
      label: string | null;
      kicker: string | null;
      title: string;
      subtitle: string | null;
      category: string;
      departments: string[];
      bylines: { name: string; role: string }[];
    };
    blocks: { lines: number[]; type: string; joined: boolean }[];
  }[];
  orphans: number[][];
  categories: { slug: string; label: string }[];
  /** The paper's known bodies (the parser's gazetteer), to pick departments from. */
  gazetteer: string[];
  history: {
    seq: number;
    what: string;
    actor: string;
    at: string;
    state: "active" | "undone" | "superseded" | "discarded";
    stale: string | null;
    undoneBy: string | null;
    /** What the entry changed on the page (lib/editor/page-diff.ts describeChange). */
    changes: { what: string; before: string; after: string }[];
  }[];
}

// The roles a line can be made into (lib/corrections/schema.ts LineRoleSchema), as editors say them.
const ROLES = (["paragraph", "subhead", "caption", "title", "kicker", "label", "ad", "header"] as const).map((r) => [r, ROLE_NAMES[r]] as const);
const BYLINE_ROLES: [string, string][] = [
  ["reporter", "记者"],
  ["correspondent", "通讯员"],
  ["contributor", "作者"],
  ["photographer", "摄影"],
  ["writer-photographer", "文/图"],
];

type Conflict = { version: number; since: { actor: string; at: string; what: string }[] };

/** Sends one change of the edit log; resolves to an error message, a conflict, or null (saved). */
async function post(date: string, page: number, body: object): Promise<{ error?: string; conflict?: Conflict }> {
  const res = await fetch(`/editor/api/pages/${date}/${page}/edits`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const json = (await res.json().catch(() => null)) as { error?: string; conflict?: Conflict; version?: number } | null;
  if (res.status === 409 && json?.conflict) return { conflict: json.conflict };
  if (!res.ok || !json) return { error: json?.error ?? `保存失败(HTTP ${res.status})` };
  return {};
}

function bylinesText(bylines: { name: string; role: string }[]): string {
  return bylines.map((b) => `${BYLINE_ROLES.find(([r]) => r === b.role)?.[1] ?? "记者"} ${b.name}`).join("\n");
}

function parseBylines(text: string): { name: string; role: string }[] | string {
  const out: { name: string; role: string }[] = [];
  for (const raw of text.split("\n").map((l) => l.trim()).filter(Boolean)) {
    const [first, ...rest] = raw.split(/\s+/);
    const role = BYLINE_ROLES.find(([, label]) => label === first)?.[0];
    if (!role || rest.length === 0) return `“${raw}”:每行写成“角色 姓名”,角色为 记者、通讯员、作者、摄影 或 文/图`;
    for (const name of rest) out.push({ name, role });
  }
  return out;
}

/**
 * The correction tools of the page check: what the chosen line is and what to make of it, an
 * article's fields, and the page's edit history with undo and redo. Every change goes to the
 * edit-log route with the version this page was loaded at; a conflict with another editor's
 * change is shown with what they did, and the change can be re-applied on top.
 */
export function CorrectionPanel({ data, line, onDone }: { data: CorrectionData; line: number | null; onDone?: () => void }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [conflict, setConflict] = useState<{ conflict: Conflict; body: object } | null>(null);
  const [role, setRole] = useState("subhead");
  const [target, setTarget] = useState("");
  const [newTitle, setNewTitle] = useState("");
  const [editing, setEditing] = useState<number | null>(null);

  const ref = (no: number) => ({ line: no, text: data.refs[no] ?? "" });
  const refs = (nos: number[]) => nos.map(ref);

  async function send(body: object, done: string): Promise<boolean> {
    setBusy(true);
    setMessage(null);
    setConflict(null);
    const result = await post(data.date, data.page, body);
    setBusy(false);
    if (result.conflict) {
      setConflict({ conflict: result.conflict, body });
      return false;
    }
    if (result.error) {
      setMessage({ ok: false, text: result.error });
      return false;
    }
    setMessage({ ok: true, text: done });
    onDone?.();
    router.refresh();
    return true;
  }
  const edit = (e: object, done: string) => send({ action: "edit", basedOn: data.version, edit: e }, done);

  // Where the chosen line is.
  let inArticle: number | null = null;
  let block: { article: number; index: number; lines: number[]; joined: boolean } | null = null;
  let inHead = false;
  let orphan: number[] | null = null;
  if (line !== null) {
    for (const a of data.articles) {
      if (a.headLines.includes(line)) {
        inArticle = a.index;
        inHead = true;
      }
      a.blocks.forEach((b, i) => {
        if (b.lines.includes(line)) {
          inArticle = a.index;
          block = { article: a.index, index: i, lines: b.lines, joined: b.joined };
        }
      });
    }
    orphan = data.orphans.find((o) => o.includes(line)) ?? null;
  }
  const article = inArticle !== null ? data.articles[inArticle] : undefined;
  const b = block as { article: number; index: number; lines: number[]; joined: boolean } | null;
  const prevBlock = b && article && b.index > 0 ? article.blocks[b.index - 1] : undefined;
  const others = data.articles.filter((a) => a.index !== inArticle);
  const button = "rounded border border-rule px-2 py-1 text-sm hover:border-accent disabled:opacity-50";
  const field = "rounded border border-rule bg-paper px-2 py-1";

  return (
    <section aria-labelledby="corrections-heading" className="rounded border border-rule bg-card p-3" data-testid="corrections">
      <h2 id="corrections-heading" className="mb-2 text-lg font-bold">更正</h2>
      {message ? <p role={message.ok ? "status" : "alert"} className={`mb-2 text-sm ${message.ok ? "" : "text-accent"}`}>{message.text}</p> : null}
      {conflict ? (
        <div role="alert" className="mb-2 rounded border border-accent p-2 text-sm">
          <p className="font-bold">这一版刚被其他编辑修改过,你的修改没有保存(409):</p>
          <ul className="my-1 list-disc pl-5">
            {conflict.conflict.since.map((e, i) => (
              <li key={i}>
                {e.actor} · {new Date(e.at).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" })}:{e.what}
              </li>
            ))}
          </ul>
          <div className="flex gap-2">
            {(conflict.body as { action?: string }).action === "edit" ? (
              // Only a new edit is re-applied: an undo or redo on top of someone else's change
              // would take back theirs, so the editor looks at the new version first.
              <button type="button" className={button} disabled={busy} onClick={() => send({ ...conflict.body, basedOn: conflict.conflict.version }, "已在最新版本上重新应用")}>
                在最新版本上重新应用我的修改
              </button>
            ) : null}
            <button type="button" className={button} onClick={() => { setConflict(null); router.refresh(); }}>放弃,查看最新版本</button>
          </div>
        </div>
      ) : null}

      {line === null ? (
        <p className="text-sm text-muted">在左侧原文中选择一行(点击行号),即可更改它的类型、拆分或合并段落、移动到别的稿件。</p>
      ) : (
        <div className="flex flex-col gap-2 text-sm" aria-live="polite">
          <p>
            已选第 <strong>{line}</strong> 行{article ? `,属于第 ${article.index + 1} 篇《${article.fields.title}》` : orphan ? ",孤立文字" : ""}:
            <span className="block truncate text-muted">{data.refs[line]}</span>
          </p>
          <div className="flex flex-wrap items-center gap-2">
            <label htmlFor="line-role">改为</label>
            <select id="line-role" value={role} onChange={(e) => setRole(e.target.value)} className={field}>
              {ROLES.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
            </select>
            <button type="button" className={button} disabled={busy}
              onClick={() => edit({ op: "set-line", line: ref(line), role, ...(article ? { article: article.anchor } : {}) }, `第 ${line} 行已改为${ROLES.find(([r]) => r === role)?.[1]}`)}>
              应用
            </button>
          </div>
          {b && b.lines.length > 1 ? (
            <button type="button" className={button} disabled={busy} onClick={() => edit({ op: "split-block", block: refs(b.lines) }, "已拆开拼接的段落")}>
              拆开这段的拼接(第 {b.lines.join("、")} 行各成一段)
            </button>
          ) : null}
          {b && prevBlock ? (
            <button type="button" className={button} disabled={busy} onClick={() => edit({ op: "join-blocks", first: refs(prevBlock.lines), second: refs(b.lines) }, "已与上一段合并")}>
              与上一段合并
            </button>
          ) : null}
          {b && (b.index > 0 || (article?.headLines.length ?? 0) > 0) ? (
            <div className="flex flex-wrap items-center gap-2">
              <label htmlFor="split-title">从这一段拆出新稿件,标题</label>
              <input id="split-title" value={newTitle} onChange={(e) => setNewTitle(e.target.value)} placeholder="留空:用这一行作标题" className={field} />
              <button type="button" className={button} disabled={busy}
                onClick={() => edit({ op: "split-article", at: refs(b.lines), ...(newTitle.trim() ? { title: newTitle.trim() } : {}) }, "已拆成两篇稿件")}>
                拆分
              </button>
            </div>
          ) : null}
          {(b || orphan) && others.length ? (
            <div className="flex flex-wrap items-center gap-2">
              <label htmlFor="move-to">{orphan ? "并入稿件" : "移到稿件"}</label>
              <select id="move-to" value={target} onChange={(e) => setTarget(e.target.value)} className={field}>
                <option value="">选择…</option>
                {others.map((a) => <option key={a.index} value={a.index}>第 {a.index + 1} 篇 {a.fields.title}</option>)}
              </select>
              <button type="button" className={button} disabled={busy || target === ""}
                onClick={() => {
                  const to = data.articles[Number(target)]!.anchor;
                  if (orphan) void edit({ op: "adopt-orphan", orphan: refs(orphan), into: to }, "孤立文字已并入稿件");
                  else if (b) void edit({ op: "move-block", block: refs(b.lines), to }, "段落已移动");
                }}>
                {orphan ? "并入" : "移动"}
              </button>
            </div>
          ) : null}
          {orphan ? (
            <button type="button" className={button} disabled={busy} onClick={() => edit({ op: "adopt-orphan", orphan: refs(orphan) }, "孤立文字已成为新稿件")}>
              作为一篇新稿件
            </button>
          ) : null}
          {article && inHead && article.index > 0 ? (
            <button type="button" className={button} disabled={busy}
              onClick={() => edit({ op: "merge-articles", into: data.articles[article.index - 1]!.anchor, from: article.anchor }, "已并入上一篇")}>
              把这篇并入上一篇(第 {article.index} 篇)
            </button>
          ) : null}
        </div>
      )}

      <h3 className="mt-4 font-bold">稿件信息</h3>
      <ol className="mt-1 flex flex-col gap-1 text-sm">
        {data.articles.map((a) => (
          <li key={a.index}>
            {editing === a.index ? (
              <ArticleForm data={data} index={a.index} busy={busy} onCancel={() => setEditing(null)}
                onSave={(set) => void edit({ op: "set-article", article: a.anchor, set }, `第 ${a.index + 1} 篇已更新`).then((ok) => ok && setEditing(null))} />
            ) : (
              <button type="button" className={button} onClick={() => setEditing(a.index)}>修改第 {a.index + 1} 篇:{a.fields.title}</button>
            )}
          </li>
        ))}
      </ol>

      <h3 className="mt-4 font-bold">修改记录</h3>
      <div className="my-1 flex gap-2">
        <button type="button" className={button} disabled={busy || !data.history.some((h) => h.state === "active")} onClick={() => send({ action: "undo", basedOn: data.version }, "已撤销最近一次修改")}>撤销</button>
        <button type="button" className={button} disabled={busy || !data.history.some((h) => h.state === "undone")} onClick={() => send({ action: "redo", basedOn: data.version }, "已重做")}>重做</button>
      </div>
      {data.history.length === 0 ? <p className="text-sm text-muted">还没有修改:读者看到的是解析结果。</p> : null}
      <ol className="text-sm">
        {data.history.map((h) => (
          <li key={h.seq} className={`border-b border-rule py-1 ${h.state !== "active" ? "text-muted line-through" : ""}`}>
            {h.at} {h.actor}:{h.what}
            {h.undoneBy ? <span className="no-underline"> (已由 {h.undoneBy} {h.state === "discarded" ? "放弃" : "撤销"})</span> : null}
            {h.state === "superseded" ? <span className="no-underline">(撤销后又有新修改,不能再重做)</span> : null}
            {h.changes.length > 0 ? (
              <ul className="ml-4 list-disc" aria-label="修改前后">
                {h.changes.map((c, i) => (
                  <li key={i}>{c.what}:由“{c.before}”改为“{c.after}”</li>
                ))}
              </ul>
            ) : null}
            {h.stale && h.state === "active" ? (
              <span className="block text-accent">
                已失效:{h.stale}
                <button type="button" className={`${button} ml-2`} disabled={busy} onClick={() => send({ action: "reapply", basedOn: data.version, seq: h.seq }, "已按现在的文字重新应用")}>按现在的文字重新应用</button>
                <button type="button" className={`${button} ml-2`} disabled={busy} onClick={() => send({ action: "discard", basedOn: data.version, seq: h.seq }, "已放弃失效的修改")}>放弃</button>
              </span>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

function ArticleForm({ data, index, busy, onSave, onCancel }: { data: CorrectionData; index: number; busy: boolean; onSave: (set: object) => void; onCancel: () => void }) {
  const f = data.articles[index]!.fields;
  const [error, setError] = useState<string | null>(null);
  const [departments, setDepartments] = useState(f.departments.join("、"));
  const [pick, setPick] = useState("");
  const id = (name: string) => `article-${index}-${name}`;
  const field = "rounded border border-rule bg-paper px-2 py-1";
  return (
    <form
      className="flex flex-col gap-1 rounded border border-accent p-2"
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        const text = (k: string) => String(form.get(k) ?? "").trim();
        const bylines = parseBylines(text("bylines"));
        if (typeof bylines === "string") return setError(bylines);
        if (!text("title")) return setError("标题不能为空");
        const set: Record<string, unknown> = {};
        const put = (k: string, v: unknown, was: unknown) => JSON.stringify(v) !== JSON.stringify(was) && (set[k] = v);
        put("label", text("label") || null, f.label);
        put("kicker", text("kicker") || null, f.kicker);
        put("title", text("title"), f.title);
        put("subtitle", text("subtitle") || null, f.subtitle);
        put("category", text("category"), f.category);
        put("departments", text("departments").split(/[、,，]/).map((d) => d.trim()).filter(Boolean), f.departments);
        put("bylines", bylines, f.bylines);
        if (Object.keys(set).length === 0) return setError("没有改动");
        onSave(set);
      }}
    >
      {(
        [
          ["label", "栏目", f.label],
          ["kicker", "引题", f.kicker],
          ["title", "标题", f.title],
          ["subtitle", "副题", f.subtitle],
        ] as const
      ).map(([k, label, v]) => (
        <div key={k} className="flex flex-col">
          <label htmlFor={id(k)}>{label}</label>
          <input id={id(k)} name={k} defaultValue={v ?? ""} className={field} />
        </div>
      ))}
      <label htmlFor={id("bylines")}>署名(每行“角色 姓名”)</label>
      <textarea id={id("bylines")} name="bylines" rows={2} defaultValue={bylinesText(f.bylines)} className={field} />
      <label htmlFor={id("category")}>分类</label>
      <select id={id("category")} name="category" defaultValue={f.category} className={field}>
        {data.categories.map((c) => <option key={c.slug} value={c.slug}>{c.label}</option>)}
      </select>
      <label htmlFor={id("departments")}>部门(用顿号分隔;名录外的机构可直接输入)</label>
      <input id={id("departments")} name="departments" value={departments} onChange={(e) => setDepartments(e.target.value)} className={field} />
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={id("pick")}>从名录添加</label>
        <select id={id("pick")} value={pick} onChange={(e) => setPick(e.target.value)} className={field}>
          <option value="">选择机构…</option>
          {data.gazetteer.map((g) => <option key={g} value={g}>{g}</option>)}
        </select>
        <button type="button" disabled={!pick} className="rounded border border-rule px-2 py-1"
          onClick={() => {
            const list = departments.split(/[、,，]/).map((d) => d.trim()).filter(Boolean);
            if (!list.includes(pick)) setDepartments([...list, pick].join("、"));
            setPick("");
          }}>
          添加
        </button>
      </div>
      {error ? <p role="alert" className="text-accent">{error}</p> : null}
      <div className="flex gap-2">
        <button type="submit" disabled={busy} className="rounded bg-accent px-3 py-1 font-bold text-accent-ink">保存</button>
        <button type="button" onClick={onCancel} className="rounded border border-rule px-3 py-1">取消</button>
      </div>
    </form>
  );
}
