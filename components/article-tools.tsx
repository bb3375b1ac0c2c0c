/**
 * Font size and copy-link controls. They need the page script (lib/site/html/islands.ts), so they
 * start `hidden` and the script shows them; the accessible names start with the visible "A−"/"A+"
 * (WCAG 2.5.3, label in name).
 */
export function ReaderTools({ url }: { url: string }) {
  return (
    <div className="no-print mb-4 flex flex-wrap items-center gap-3 text-sm">
      <div role="group" aria-label="字号" className="flex items-center gap-1" data-font-size="" hidden>
        <button type="button" data-step="-1" className="rounded border border-rule px-2 py-1" aria-label="A− 减小字号" title="减小字号">
          A−
        </button>
        <output className="min-w-12 text-center text-sm" aria-live="polite">100%</output>
        <button type="button" data-step="1" className="rounded border border-rule px-2 py-1" aria-label="A+ 增大字号" title="增大字号">
          A+
        </button>
      </div>
      <button type="button" data-copy-link={url} className="rounded border border-rule px-2 py-1" hidden>
        复制链接
      </button>
    </div>
  );
}
