import type { Metadata } from "next";
import { AccountRowForms, CreateAccountForm } from "@/components/editor/account-forms";
import { requireEditor } from "@/lib/auth/access";
import { listUsers } from "@/lib/db/users";
import { formatChinaDateTime } from "@/lib/site/china-time";

export const metadata: Metadata = { title: "账号管理" };

/** /editor/accounts (chiefs): the desk's accounts; new ones get a one-time password. */
export default async function AccountsPage() {
  const chief = await requireEditor({ role: "chief", from: "/editor/accounts" });
  const users = await listUsers();
  return (
    <>
      <h1 className="mb-4 font-serif text-2xl font-bold">账号管理</h1>
      <section aria-labelledby="new-heading" className="mb-8 rounded border border-rule bg-card p-4">
        <h2 id="new-heading" className="mb-2 text-lg font-bold">新建账号</h2>
        <p className="mb-3 text-sm text-muted">系统生成一次性密码,只显示一次;请当面或通过安全渠道交给本人,本人登录后在“我的账号”中修改。</p>
        <CreateAccountForm />
      </section>
      <section aria-labelledby="list-heading">
        <h2 id="list-heading" className="mb-2 text-lg font-bold">全部账号</h2>
        <ul className="divide-y divide-rule rounded border border-rule bg-card">
          {users.map((u) => (
            <li key={u.id} className="flex flex-wrap items-start justify-between gap-3 px-4 py-3">
              <div>
                <p className="font-bold">{u.name} {u.id === chief.id ? <span className="text-sm font-normal text-muted">(你)</span> : null}</p>
                <p className="text-sm text-muted">{u.email} · {u.role === "chief" ? "总编辑" : "编辑"} · 创建于 {formatChinaDateTime(u.createdAt)} · {u.sessions} 个登录</p>
              </div>
              <AccountRowForms userId={u.id} role={u.role} self={u.id === chief.id} name={u.name} />
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
