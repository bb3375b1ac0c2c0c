import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

export default function HomePage() {
  return (
    <main id="main" className="mx-auto max-w-5xl px-4 py-10 font-serif">
      <h1 className="text-4xl font-bold tracking-widest">{env.SITE_NAME}数字报</h1>
      <p className="mt-4 text-muted">暂无已发布的报纸。</p>
    </main>
  );
}
