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
