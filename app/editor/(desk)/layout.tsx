import type { ReactNode } from "react";
import { DeskHeader } from "@/components/editor/desk-header";
import { requireEditor } from "@/lib/auth/access";

export const instant = false;

/** The desk's frame. Each page checks access itself too: a layout does not guard actions or route handlers. */
export default async function DeskLayout({ children }: { children: ReactNode }) {
  const editor = await requireEditor();
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-card focus:px-3 focus:py-2">
        跳到正文
      </a>
      <DeskHeader name={editor.name} role={editor.role} />
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6">
        {children}
      </main>
    </>
  );
}
