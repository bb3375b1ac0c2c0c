import { paper } from "@/lib/paper";

/** The first stop of the keyboard: jumps over the header to the page's <main id="main">. */
export function SkipLink() {
  return (
    <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-card focus:px-3 focus:py-2">
      跳到正文
    </a>
  );
}

/** Masthead, main navigation and the search box shown on every page. */
export function SiteHeader() {
  return (
    <header className="border-b border-rule bg-card">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3">
        <a href="/" className="font-serif text-2xl font-bold tracking-widest text-accent no-underline">
          {paper.name}
          <span className="ml-1 text-base font-normal text-ink">数字报</span>
        </a>
        <nav aria-label="主导航" className="text-base">
          <ul className="flex flex-wrap gap-x-4 gap-y-1">
            <li><a href="/" className="hover:text-accent">今日报纸</a></li>
            <li><a href="/issues" className="hover:text-accent">往期回顾</a></li>
            <li><a href="/departments" className="hover:text-accent">部门</a></li>
            <li><a href="/categories" className="hover:text-accent">分类</a></li>
            <li><a href="/search" className="hover:text-accent">检索</a></li>
          </ul>
        </nav>
        <form action="/search" role="search" aria-label="全站检索" className="ml-auto flex w-full gap-2 sm:w-auto">
          <label htmlFor="site-search" className="sr-only">检索全部稿件</label>
          <input
            id="site-search"
            name="q"
            type="search"
            placeholder="检索:关键词或部门"
            className="min-w-0 flex-1 rounded border border-rule bg-paper px-3 py-1.5 text-base sm:w-56"
          />
          <button type="submit" className="rounded bg-accent px-3 py-1.5 text-accent-ink">检索</button>
        </form>
      </div>
    </header>
  );
}

export function SiteFooter() {
  return (
    <footer className="mt-12 border-t border-rule py-6 text-center text-sm text-muted">
      <p>
        {paper.name}数字报 · <a href="/feed.xml">RSS 订阅</a> · <a href="/issues">往期回顾</a>
      </p>
    </footer>
  );
}
