import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/editor/account-forms";
import { requireEditor } from "@/lib/auth/access";

export const metadata: Metadata = { title: "我的账号" };

/** /editor/account: one's own account; changing the password ends one's other sessions. */
export default async function AccountPage() {
  const editor = await requireEditor({ from: "/editor/account" });
  return (
    <>
      <h1 className="mb-4 font-serif text-2xl font-bold">我的账号</h1>
      <p className="mb-6">{editor.name} · {editor.email} · {editor.role === "chief" ? "总编辑" : "编辑"}</p>
      <h2 className="mb-2 text-lg font-bold">更改密码</h2>
      <p className="mb-3 text-sm text-muted">更改后,其他设备上的登录会失效,本设备保持登录。</p>
      <ChangePasswordForm />
    </>
  );
}
