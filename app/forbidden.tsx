/** 403 (forbidden() in lib/auth/access.ts): signed in, but the role does not allow this. */
export default function Forbidden() {
  return (
    <main id="main" className="mx-auto w-full max-w-xl flex-1 px-4 py-16 text-center">
      <h1 className="font-serif text-2xl font-bold">没有权限</h1>
      <p className="mt-4 text-muted">这项操作需要总编辑权限。请联系总编辑。</p>
      <p className="mt-6"><a href="/editor" className="underline">返回编辑部</a></p>
    </main>
  );
}
