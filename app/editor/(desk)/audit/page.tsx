import type { Metadata } from "next";
import { requireEditor } from "@/lib/auth/access";
import { listActors, listEvents } from "@/lib/db/audit";
import { EventChanges } from "@/components/editor/event-changes";
import { ACTION_LABELS, describeEvent } from "@/lib/editor/activity";
import { addDays, chinaMidnight, formatChinaDateTime } from "@/lib/site/china-time";
import { isoDate } from "@/lib/validations/params";

export const metadata: Metadata = { title: "改动记录" };

type Search = Promise<{ actor?: string | string[]; from?: string | string[]; to?: string | string[] }>;

/** /editor/audit (chiefs): everything done at the desk, by person and by day. */
export default async function AuditPage({ searchParams }: { searchParams: Search }) {
  await requireEditor({ role: "chief", from: "/editor/audit" });
  const sp = await searchParams;
  const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);
  const actor = one(sp.actor)?.trim() || undefined;
  const from = isoDate.safeParse(one(sp.from));
  const to = isoDate.safeParse(one(sp.to));
  const [events, actors] = await Promise.all([
    listEvents({
      actor,
      from: from.success ? chinaMidnight(from.data) : undefined,
      to: to.success ? chinaMidnight(addDays(to.data, 1)) : undefined,
    }),
    listActors(),
  ]);
  const field = "rounded border border-rule bg-paper px-2 py-1";
  return (
    <>
      <h1 className="mb-4 font-serif text-2xl font-bold">改动记录</h1>
      <form className="mb-4 flex flex-wrap items-end gap-3" method="get">
        <div className="flex flex-col">
          <label htmlFor="actor" className="text-sm">人员</label>
          <select id="actor" name="actor" defaultValue={actor ?? ""} className={field}>
            <option value="">全部</option>
            {actors.map((a) => <option key={a} value={a}>{a}</option>)}
          </select>
        </div>
        <div className="flex flex-col">
          <label htmlFor="from" className="text-sm">从(日期)</label>
          <input id="from" name="from" type="date" defaultValue={from.success ? from.data : ""} className={field} />
        </div>
        <div className="flex flex-col">
          <label htmlFor="to" className="text-sm">到(日期)</label>
          <input id="to" name="to" type="date" defaultValue={to.success ? to.data : ""} className={field} />
        </div>
        <button type="submit" className="rounded border border-accent px-3 py-1">筛选</button>
      </form>
      {events.length === 0 ? <p className="text-muted">没有符合条件的记录。</p> : null}
      <div className="overflow-x-auto">
        <table className="w-full min-w-[40rem] border-collapse text-left text-sm">
          <thead>
            <tr className="border-b border-rule text-muted">
              <th scope="col" className="py-2 pr-3">时间(北京)</th>
              <th scope="col" className="py-2 pr-3">操作</th>
              <th scope="col" className="py-2 pr-3">期次 / 版面</th>
              <th scope="col" className="py-2">内容</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e, i) => (
              <tr key={i} className="border-b border-rule align-top">
                <td className="py-1 pr-3 whitespace-nowrap">{formatChinaDateTime(e.at)}</td>
                <td className="py-1 pr-3">{ACTION_LABELS[e.action] ?? e.action}</td>
                <td className="py-1 pr-3">
                  {e.issueDate ? (
                    <a className="underline" href={`/editor/issues/${e.issueDate}${e.pageNumber ? `/${e.pageNumber}` : ""}`}>
                      {e.issueDate}{e.pageNumber ? ` 第${String(e.pageNumber).padStart(2, "0")}版` : ""}
                    </a>
                  ) : "—"}
                </td>
                <td className="py-1">
                  {describeEvent(e)}
                  <EventChanges event={e} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
