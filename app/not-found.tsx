import Link from "@/components/link";

export default function NotFound() {
  return (
    <main id="main" className="mx-auto w-full max-w-3xl flex-1 px-4 py-16 text-center font-serif">
      <h1 className="text-3xl font-bold">找不到这一页</h1>
      <p className="mt-4 text-muted">这一天可能没有出版报纸,或稿件尚未发布。</p>
      <p className="mt-6 flex justify-center gap-6">
        <Link href="/">今日报纸</Link>
        <Link href="/issues">往期回顾</Link>
        <Link href="/search">检索</Link>
      </p>
    </main>
  );
}
