"use client";


/** Shown when a page fails to render; never exposes the error's details to readers. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="mx-auto w-full max-w-3xl flex-1 px-4 py-16 text-center font-serif">
      <h1 className="text-3xl font-bold">页面暂时无法显示</h1>
      <p className="mt-4 text-muted">请稍后再试。</p>
      <p className="mt-6 flex justify-center gap-6">
        <button type="button" onClick={reset} className="underline">重试</button>
        <a href="/">返回首页</a>
      </p>
    </main>
  );
}
