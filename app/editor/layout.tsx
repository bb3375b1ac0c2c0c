import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./desk.css";

export const metadata: Metadata = {
  title: { default: "编辑部", template: "%s - 编辑部" },
  robots: { index: false, follow: false },
};

// Every desk page reads the session cookie: it is rendered per request, never prerendered.
export const instant = false;

export default function EditorLayout({ children }: { children: ReactNode }) {
  return children;
}
