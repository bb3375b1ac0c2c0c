import { IssueDatePicker } from "@/components/issue-search-form";
import type { IssueSummary } from "@/lib/db/issues";
import { formatIssueDate } from "@/lib/site/format";

const pad = (n: number) => String(n).padStart(2, "0");
/** The month `d` months after year `y`, month `m` ("YYYY-MM"). */
const shift = (y: number, m: number, d: number) => {
  const t = new Date(Date.UTC(y, m - 1 + d, 1));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}`;
};

/** A step the calendar cannot take (before the first month or after the last): visibly disabled, not focusable. */
function DisabledStep({ children }: { children: string }) {
  return (
    <a role="link" aria-disabled="true" className="nav-step-plain">
      {children}
    </a>
  );
}

/**
 * The archive (往期回顾): a month calendar whose dates with an issue are links, and a plain list for
 * screen readers. Every month from the first issue's to the last's has its calendar, an empty
 * month saying so; the steps never lead outside those months.
 */
export function ArchiveMain({ issues, month, range }: { issues: IssueSummary[]; month: string; range: { oldest: string; newest: string } }) {
  const dates = new Set(issues.map((i) => i.date));
  const [y, m] = month.split("-").map(Number) as [number, number];
  const firstWeekday = new Date(Date.UTC(y, m - 1, 1)).getUTCDay();
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const cells: (number | null)[] = [...Array(firstWeekday).fill(null), ...Array.from({ length: days }, (_, i) => i + 1)];
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
  const monthIssues = issues.filter((i) => i.date.startsWith(month));
  const monthStep = (d: -1 | 1) => {
    const word = d < 0 ? "上个月" : "下个月";
    const target = shift(y, m, d);
    return target < range.oldest || target > range.newest ? (
      <DisabledStep>{word}</DisabledStep>
    ) : (
      <a href={`/issues?month=${target}`} className="nav-step-plain">
        {word}
      </a>
    );
  };
  // A year back or ahead names the year it goes to, and lands on the same month or, in the first or
  // last year, the nearest month that has a calendar — so it never stays in this year or leaves the archive.
  const yearStep = (d: -1 | 1) => {
    const word = d < 0 ? "上一年" : "下一年";
    const year = y + d;
    if (year < Number(range.oldest.slice(0, 4)) || year > Number(range.newest.slice(0, 4))) return <DisabledStep>{word}</DisabledStep>;
    const same = `${year}-${pad(m)}`;
    const target = same < range.oldest ? range.oldest : same > range.newest ? range.newest : same;
    return (
      <a href={`/issues?month=${target}`} className="nav-step-plain">
        {`${word}(${year}年)`}
      </a>
    );
  };
  // Around an empty month: the issues just before and after it (the list is newest first).
  const before = issues.find((i) => i.date.slice(0, 7) < month);
  const after = issues.filter((i) => i.date.slice(0, 7) > month).at(-1);
  return (
    <main id="main" className="mx-auto w-full max-w-4xl flex-1 px-4 py-6">
      <div className="mb-4 flex flex-wrap items-center justify-between gap-x-6 gap-y-3">
        <h1 className="font-serif text-3xl font-bold">往期回顾</h1>
        <IssueDatePicker id="archive-date" />
      </div>
      {/* Back on the left, ahead on the right, the month between; on a phone the month takes a line above. */}
      <nav aria-label="月份" className="mb-3 flex flex-wrap items-center justify-between gap-x-2 gap-y-2">
        <span className="flex gap-3">
          {yearStep(-1)}
          {monthStep(-1)}
        </span>
        <h2 className="order-first w-full whitespace-nowrap text-center text-xl font-bold sm:order-none sm:w-auto" id="cal-heading">
          {y}年{m}月
        </h2>
        <span className="flex gap-3">
          {monthStep(1)}
          {yearStep(1)}
        </span>
      </nav>
      {monthIssues.length === 0 ? (
        <p id="cal-note" className="nav-note mb-3">
          <strong>
            {y}年{m}月 本月无报纸
          </strong>
          {before || after ? (
            <span className="block sm:ml-3 sm:inline">
              {before ? (
                <>
                  之前最近的一期:<a href={`/issues/${before.date}`}>{formatIssueDate(before.date, false)}</a>
                </>
              ) : null}
              {before && after ? ";" : null}
              {after ? (
                <>
                  之后最近的一期:<a href={`/issues/${after.date}`}>{formatIssueDate(after.date, false)}</a>
                </>
              ) : null}
            </span>
          ) : null}
        </p>
      ) : (
        <p id="cal-note" className="mb-3 text-center text-muted">
          本月共 {monthIssues.length} 期
        </p>
      )}
      <table className="w-full table-fixed border-collapse text-center" aria-labelledby="cal-heading" aria-describedby="cal-note">
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
      </section>
    </main>
  );
}
