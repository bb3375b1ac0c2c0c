"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { highlightSegments } from "@/lib/site/highlight";

/**
 * Marks a search's words (`?hl=`, added by the search results' links) in the text it wraps, in the
 * browser. Reading the query string on the server made the article page render per request: its
 * body was sent twice (a cached copy, then the marked one streamed over it), the streamed response
 * compressed a third worse, and the body painted only when the stream ended. Now the page is one
 * static document for every reader, and marking is an enhancement that needs JavaScript.
 *
 * Only text nodes are split; the elements React rendered stay in place, so hydration and later
 * renders are unaffected.
 */
export function SearchHighlight({ className, children }: { className?: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const hl = new URLSearchParams(window.location.search).get("hl")?.slice(0, 100);
    const root = ref.current;
    if (!hl?.trim() || !root) return;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const texts: Text[] = [];
    while (walker.nextNode()) texts.push(walker.currentNode as Text);
    for (const node of texts) {
      if (node.parentElement?.closest("mark")) continue; // already marked (effects run twice in development)
      const segments = highlightSegments(node.data, hl);
      if (!segments.some((s) => s.marked)) continue;
      node.replaceWith(...segments.map((s) => (s.marked ? Object.assign(document.createElement("mark"), { textContent: s.text }) : s.text)));
    }
  }, []);
  return (
    <div ref={ref} className={className}>
      {children}
    </div>
  );
}
