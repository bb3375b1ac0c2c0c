import { signOutAction } from "@/app/editor/actions/session";
import { paper } from "@/lib/paper";

const ROLE_NAMES = { chief: "总编辑", editor: "编辑" } as const;

/** The desk's masthead: where one is, the desk's sections, who is signed in, sign out. */
export function DeskHeader({ name, role }: { name: string; role: "chief" | "editor" }) {
  return (
    <header className="border-b border-rule bg-card">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
        <a href="/editor" className="font-serif text-xl font-bold text-accent no-underline">
          {paper.name} · 编辑部
        </a>
        {/* On a phone the sections take their own row under the masthead and the account. */}
        <nav aria-label="编辑部" className="order-last w-full lg:order-none lg:w-auto lg:flex-1">
          <ul className="flex flex-wrap gap-x-4 gap-y-1 whitespace-nowrap text-base">
            <li><a href="/editor" className="hover:text-accent">期次</a></li>
            <li><a href="/editor/import" className="hover:text-accent">导入版面</a></li>
            {role === "chief" ? <li><a href="/editor/audit" className="hover:text-accent">改动记录</a></li> : null}
            {role === "chief" ? <li><a href="/editor/accounts" className="hover:text-accent">账号管理</a></li> : null}
            <li><a href="/editor/account" className="hover:text-accent">我的账号</a></li>
            <li><a href="/" className="hover:text-accent">读者网站</a></li>
          </ul>
        </nav>
        <div className="flex items-center gap-3 text-sm">
          <span>
            {name} <span className="text-muted">({ROLE_NAMES[role]})</span>
          </span>
          <form action={signOutAction}>
            <button type="submit" className="rounded border border-rule px-2 py-1 hover:border-accent">退出</button>
          </form>
        </div>
      </div>
    </header>
  );
}
