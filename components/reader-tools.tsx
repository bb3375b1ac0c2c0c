"use client";

import { useEffect, useState } from "react";
import { READER_SCALE_KEY as KEY, READER_SCALES as SCALES } from "@/lib/site/reader-scale";

/**
 * Font size control for the article body; the choice persists in localStorage. The saved size is
 * already applied before the first paint (APPLY_SAVED_READER_SCALE, rendered by the article page),
 * so the text does not jump when this island hydrates.
 */
export function FontSizeControl() {
  const [scale, setScale] = useState(1);
  useEffect(() => {
    const saved = Number(localStorage.getItem(KEY));
    if (!SCALES.includes(saved)) return;
    setScale(saved);
    // Unchanged after a full load; needed after a client-side navigation, where inline scripts do not run.
    document.documentElement.style.setProperty("--reader-scale", String(saved));
  }, []);
  const step = (d: number) => {
    const i = Math.min(SCALES.length - 1, Math.max(0, SCALES.indexOf(scale) + d));
    const next = SCALES[i] ?? 1;
    setScale(next);
    document.documentElement.style.setProperty("--reader-scale", String(next));
    localStorage.setItem(KEY, String(next));
  };
  // The accessible names start with the visible "A−"/"A+" (WCAG 2.5.3, label in name), so a
  // speech-input user can say what they see.
  return (
    <div role="group" aria-label="字号" className="flex items-center gap-1">
      <button type="button" onClick={() => step(-1)} className="rounded border border-rule px-2 py-1" aria-label="A− 减小字号" title="减小字号">
        A−
      </button>
      <span className="min-w-12 text-center text-sm" aria-live="polite">{Math.round(scale * 100)}%</span>
      <button type="button" onClick={() => step(1)} className="rounded border border-rule px-2 py-1" aria-label="A+ 增大字号" title="增大字号">
        A+
      </button>
    </div>
  );
}

/** Copies the article's permanent link. */
export function CopyLinkButton({ url }: { url: string }) {
  const [done, setDone] = useState(false);
  return (
    <button
      type="button"
      className="rounded border border-rule px-2 py-1"
      onClick={async () => {
        await navigator.clipboard?.writeText(url).catch(() => undefined);
        setDone(true);
        setTimeout(() => setDone(false), 2000);
      }}
    >
      {done ? "已复制链接" : "复制链接"}
    </button>
  );
}
