import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/editor/sign-in-form";
import { currentEditor, safeNext } from "@/lib/auth/access";
import { paper } from "@/lib/paper";

export const metadata: Metadata = { title: "登录" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const sp = await searchParams;
  const next = safeNext(typeof sp.next === "string" ? sp.next : null);
  if (await currentEditor()) redirect(next);
  return (
    <main id="main" className="mx-auto w-full max-w-sm flex-1 px-4 py-16">
      <h1 className="mb-1 font-serif text-2xl font-bold">{paper.name} · 编辑部</h1>
      <p className="mb-6 text-muted">请用编辑部账号登录。</p>
      <SignInForm next={next} />
      <p className="mt-8 text-sm text-muted">
        没有账号?请总编辑在“账号管理”中创建。<a href="/" className="underline">返回读者网站</a>
      </p>
    </main>
  );
}
