import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { env } from "@/lib/env";
import { paper } from "@/lib/paper";
import "./globals.css";

export const metadata: Metadata = {
  metadataBase: new URL(env.SITE_URL),
  title: { default: `${paper.name}数字报`, template: `%s - ${paper.name}数字报` },
  description: `${paper.name}数字报:按期、按版面阅读,按关键词和部门检索。`,
};

// The reader's pages are static documents served by route handlers (components/document.tsx); this
// layout frames only what Next renders itself: the 404 page for unknown addresses, the error page
// and the editors' desk (/editor, with its own header in app/editor/(desk)/layout.tsx).
export const instant = false;

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fbfaf7" },
    { media: "(prefers-color-scheme: dark)", color: "#161513" },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="zh-CN">
      <body className="flex min-h-screen flex-col">{children}</body>
    </html>
  );
}
