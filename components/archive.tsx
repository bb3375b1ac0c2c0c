import type { IssueSummary } from "@/lib/db/issues";
import { formatIssueDate } from "@/lib/site/format";

const pad = (n: number) => String(n).padStart(2, "0");
/** The month `d` months after year `y`, month `m` ("YYYY-MM"). */
const shift = (y: number, m: number, d: number) => {
  const t = new Date(Date.UTC(y, m - 1 + d, 1));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}`;
};

/** The archive (往期回顾): a month calendar whose dates with an issue are links, and a plain list for screen readers. */
export function ArchiveMain({ issues, month, range }: { issues: IssueSummary[]; month: string; range: { oldest: string; newest: string } }) {
  const dates = new Set(issues.map((i) => i.date));
  const [y, m] = month.split("-").map(Number) as [number, number];
  const firstWeekday = new Date(Date.UTC(y, m - 1, 1)).getUTCDay();
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const cells: (number | null)[] = [...Array(firstWeekday).fill(null), ...Array.from({ length: days }, (_, i) => i + 1)];
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
  const monthIssues = issues.filter((i) => i.date.startsWith(month));
  // Links stay within the months that have issues; a year back or ahead stops at the first or last one.
  const within = (target: string) => (target < range.oldest ? range.oldest : target > range.newest ? range.newest : target);
  const step = (label: string, d: number) => {
    const target = within(shift(y, m, d));
    return target === month ? <span className="text-muted">{label}</span> : <a href={`/issues?month=${target}`}>{label}</a>;
  };
  return (
    <main id="main" className="mx-auto w-full max-w-4xl flex-1 px-4 py-6">
      <h1 className="mb-4 font-serif text-3xl font-bold">往期回顾</h1>
      {/* Back on the left, ahead on the right, the month between: one line even on a 360 px phone. */}
      <nav aria-label="月份" className="mb-3 flex items-center justify-between gap-2">
        <span className="flex gap-3">
          {step("上一年", -12)}
          {step("上个月", -1)}
        </span>
        <h2 className="whitespace-nowrap text-xl font-bold" id="cal-heading">{y}年{m}月</h2>
        <span className="flex gap-3">
          {step("下个月", 1)}
          {step("下一年", 12)}
        </span>
      </nav>
      <table className="w-full table-fixed border-collapse text-center" aria-labelledby="cal-heading">
        <thead>
          <tr>
            {["日", "一", "二", "三", "四", "五", "六"].map((d) => (
              <th key={d} scope="col" className="py-2 text-muted">
                <abbr title={`星期${d}`} className="no-underline">{d}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, wi) => (
            <tr key={wi}>
              {week.map((day, di) => {
                const date = day ? `${month}-${pad(day)}` : "";
                return (
                  <td key={di} className="border border-rule p-0">
                    {day === null ? null : dates.has(date) ? (
                      <a href={`/issues/${date}`} aria-label={formatIssueDate(date)} className="block bg-accent py-3 font-bold text-accent-ink">
                        {day}
                      </a>
                    ) : (
                      <span className="block py-3 text-muted">{day}</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <section aria-labelledby="list-heading" className="mt-8">
        <h2 id="list-heading" className="mb-2 text-xl font-bold">全部往期</h2>
        {issues.length === 0 ? <p className="text-muted">暂无已发布的报纸。</p> : null}
        <ul className="grid gap-1 sm:grid-cols-2">
          {issues.map((i) => (
            <li key={i.date}>
              <a href={`/issues/${i.date}`}>{formatIssueDate(i.date)}</a>
              <span className="text-sm text-muted"> · {i.pageCount} 版{i.number ? ` · 第${i.number}期` : ""}</span>
            </li>
          ))}
        </ul>
        {monthIssues.length === 0 && issues.length > 0 ? <p className="mt-2 text-muted">本月没有出版的报纸。</p> : null}
      </section>
    </main>
  );
}
