"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { publishNowAction, scheduleAction, unpublishAction, type PublishState } from "@/app/editor/actions/publishing";

const initial: PublishState = { ok: false, message: null };

function Message({ state }: { state: PublishState }) {
  if (!state.message) return null;
  return (
    <p role={state.ok ? "status" : "alert"} className={`mt-2 rounded border px-3 py-2 text-sm ${state.ok ? "border-green-700" : "border-accent text-accent"}`}>
      {state.message}
    </p>
  );
}

function ConfirmWarnings({ count, id }: { count: number; id: string }) {
  if (count === 0) return null;
  return (
    <label htmlFor={id} className="mt-2 flex items-start gap-2 text-sm">
      <input id={id} type="checkbox" name="confirm" value="yes" className="mt-1" />
      <span>还有 {count} 条警告未审阅,我已知悉并确认仍要发布(将记录确认人)。</span>
    </label>
  );
}

/** A chief's publishing controls for one issue: publish now, schedule, unpublish. */
export function PublishControls(props: { date: string; status: string; unreviewed: number; defaultAt: string; tomorrowMidnight: string; hasPages: boolean }) {
  const [now, publish, publishing] = useActionState(publishNowAction, initial);
  const [sched, scheduleIt, scheduling] = useActionState(scheduleAction, initial);
  const [back, unpublishIt, unpublishing] = useActionState(unpublishAction, initial);
  const button = "rounded px-3 py-1.5 font-bold disabled:opacity-60";
  const at = useRef<HTMLInputElement>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  return (
    <div className="grid gap-4 md:grid-cols-3" data-testid="publish-controls" data-ready={ready ? "1" : undefined}>
      <form action={publish} className="rounded border border-rule bg-card p-3">
        <h3 className="font-bold">立即发布</h3>
        <input type="hidden" name="date" value={props.date} />
        <ConfirmWarnings count={props.unreviewed} id="confirm-now" />
        <button type="submit" disabled={publishing || !props.hasPages || props.status === "published"} className={`${button} mt-2 bg-accent text-accent-ink`}>
          {props.status === "published" ? "已发布" : publishing ? "正在发布…" : "立即发布"}
        </button>
        <Message state={now} />
      </form>
      <form action={scheduleIt} className="rounded border border-rule bg-card p-3">
        <h3 className="font-bold">定时发布</h3>
        <input type="hidden" name="date" value={props.date} />
        <label htmlFor="publish-at" className="mt-2 block text-sm">发布时间(北京时间)</label>
        <input ref={at} id="publish-at" name="at" type="datetime-local" step={1} required defaultValue={props.defaultAt} className="rounded border border-rule bg-paper px-2 py-1" />
        <p className="mt-1 text-sm">
          <button type="button" className="underline" onClick={() => at.current && (at.current.value = props.tomorrowMidnight)}>
            明天 00:00
          </button>
          <span className="text-muted">(北京时间 {props.tomorrowMidnight.replace("T", " ")})</span>
        </p>
        <ConfirmWarnings count={props.unreviewed} id="confirm-schedule" />
        <button type="submit" disabled={scheduling || !props.hasPages} className={`${button} mt-2 border border-accent`}>
          {scheduling ? "正在保存…" : props.status === "scheduled" ? "更改定时" : "定时发布"}
        </button>
        <Message state={sched} />
      </form>
      <form action={unpublishIt} className="rounded border border-rule bg-card p-3">
        <h3 className="font-bold">撤回</h3>
        <input type="hidden" name="date" value={props.date} />
        <p className="mt-2 text-sm text-muted">回到草稿:读者网站、订阅和检索中都不再出现;内容不会删除。</p>
        <label htmlFor="confirm-unpublish" className="mt-2 flex items-center gap-2 text-sm">
          <input id="confirm-unpublish" type="checkbox" required name="sure" value="yes" />
          确认撤回这一期
        </label>
        <button type="submit" disabled={unpublishing || props.status === "draft"} className={`${button} mt-2 border border-rule`}>
          {unpublishing ? "正在撤回…" : props.status === "scheduled" ? "取消定时" : "撤回发布"}
        </button>
        <Message state={back} />
      </form>
    </div>
  );
}
