/** Search within one issue (the issue and page views): the search form limited to that date. */
export function IssueSearchForm({ date, className }: { date: string; className: string }) {
  return (
    <form action="/search" role="search" aria-label="在本期中检索" className={`flex gap-2 ${className}`}>
      <input type="hidden" name="from" value={date} />
      <input type="hidden" name="to" value={date} />
      <label htmlFor="issue-search" className="sr-only">在本期中检索</label>
      <input id="issue-search" name="q" type="search" placeholder="在本期中检索" className="min-w-0 flex-1 rounded border border-rule bg-paper px-3 py-1.5" />
      <button type="submit" className="rounded border border-rule px-3 py-1.5">检索</button>
    </form>
  );
}

/**
 * The date picker: a plain GET form to /issues/go, which opens that day's issue or, on a day
 * without a paper, the nearest one with a note saying so — never a 404. No min/max: a day outside
 * the archive is answered the same way rather than refused by the browser.
 */
export function IssueDatePicker({ id, date, className }: { id: string; date?: string; className?: string }) {
  return (
    <form action="/issues/go" className={`flex flex-wrap items-center gap-2 ${className ?? ""}`}>
      <label htmlFor={id}>按日期查看</label>
      <input id={id} name="date" type="date" required defaultValue={date} className="rounded border border-rule bg-paper px-2 py-1" />
      <button type="submit" className="rounded border border-rule px-2 py-1">转到</button>
    </form>
  );
}

/** The date picker on a page of its own (/issues/go without a date, or with one it could not read). */
export function IssueDatePickerMain({ error }: { error: string | null }) {
  return (
    <main id="main" className="mx-auto w-full max-w-3xl flex-1 px-4 py-6">
      <h1 className="mb-4 font-serif text-3xl font-bold">按日期查看</h1>
      <p className="mb-4 text-muted">选择一天,打开当天的报纸;当天没有出版报纸时,打开最近的一期。</p>
      {error ? (
        <p role="alert" className="mb-4 text-accent">
          {error}
        </p>
      ) : null}
      <IssueDatePicker id="go-date" />
      <p className="mt-6">
        <a href="/issues">往期回顾</a>
      </p>
    </main>
  );
}
