import { paper } from "@/lib/paper";
import { formatIssueDate, formatPageNumber } from "@/lib/site/format";
import { qrPath } from "@/lib/site/qr";

const QR_ID = "article-qr";

/**
 * The article's tools: font size, share (or copy) the link, read aloud, and the address as a QR
 * code, plus what a printout carries instead of them (the paper, date, page and address).
 *
 * Font size, share and 朗读 need the page script (lib/site/html/islands.ts and ./islands/), so
 * they start `hidden` and the script shows those the browser can do; accessible names start with
 * the visible text (WCAG 2.5.3, label in name). The QR code is drawn here, on the server, and
 * opens in a <details>, so it works without the script.
 *
 * The elements are the <article>'s own children: the print stylesheet (app/globals.css) moves the
 * print masthead above the article's header and the print footer below its body.
 */
export function ReaderTools({ url, issueDate, pageNumber, pageName }: { url: string; issueDate: string; pageNumber: number; pageName: string | null }) {
  const qr = qrPath(url);
  const where = `${formatIssueDate(issueDate)} ${formatPageNumber(pageNumber)}${pageName ? ` ${pageName}` : ""}`;
  return (
    <>
      <p className="print-only print-masthead">
        <strong>{paper.name}</strong> {where}
      </p>
      <div className="no-print mb-4 flex flex-wrap items-start gap-3 text-sm">
        <div role="group" aria-label="字号" className="flex items-center gap-1" data-font-size="" hidden>
          <button type="button" data-step="-1" className="rounded border border-rule px-2 py-1" aria-label="A− 减小字号" title="减小字号">
            A−
          </button>
          <output className="min-w-12 text-center text-sm" aria-live="polite">100%</output>
          <button type="button" data-step="1" className="rounded border border-rule px-2 py-1" aria-label="A+ 增大字号" title="增大字号">
            A+
          </button>
        </div>
        {/* One control: the system's share sheet where there is one, else copying the link (./islands/share.ts names it). */}
        <button type="button" data-share={url} className="rounded border border-rule px-2 py-1" hidden>
          复制链接
        </button>
        <button type="button" data-speech="" aria-pressed="false" className="rounded border border-rule px-2 py-1" hidden>
          朗读
        </button>
        <details className="qr">
          <summary className="w-fit cursor-pointer rounded border border-rule px-2 py-1">二维码</summary>
          <figure className="mt-2 w-40">
            {/* Dark on white in both themes: scanners expect it, as they do of a printed code. */}
            <svg viewBox={`0 0 ${qr.size} ${qr.size}`} role="img" aria-label="本文地址二维码" className="block w-full rounded bg-white" shapeRendering="crispEdges">
              <path id={QR_ID} d={qr.d} stroke="#000" />
            </svg>
            <figcaption className="mt-1 text-muted">扫码在手机上阅读</figcaption>
          </figure>
        </details>
      </div>
      <p className="print-only print-footer">
        <svg viewBox={`0 0 ${qr.size} ${qr.size}`} aria-hidden="true">
          <use href={`#${QR_ID}`} />
        </svg>
        <span>
          本文地址:{url}
          <br />
          {paper.name} {where}
        </span>
      </p>
    </>
  );
}
