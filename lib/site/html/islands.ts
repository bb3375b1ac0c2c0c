import { highlightWords } from "@/lib/site/highlight";
import { READER_SCALE_KEY, READER_SCALES } from "@/lib/site/reader-scale";
import { keysIsland } from "@/lib/site/html/islands/keys";
import { pageMapIsland } from "@/lib/site/html/islands/page-map";
import { shareIsland } from "@/lib/site/html/islands/share";
import { speechIsland } from "@/lib/site/html/islands/speech";

/**
 * The reader's pages' only script: small enhancements of a page that is complete without it.
 *
 * - `[data-font-size]`: the article's font size control (A−/A+), kept in localStorage. The saved
 *   size is applied in <head> before the first paint (APPLY_SAVED_READER_SCALE), so text never jumps.
 * - `[data-highlight]`: marks the words of `?hl=` (search results link to articles with it).
 *
 * Controls that need the script are rendered `hidden` and shown here, so a reader without
 * JavaScript never meets a button that does nothing.
 *
 * The function is sent as its own source text (Function.prototype.toString), so it may use only
 * its parameter and browser globals — no imports, no helpers from outside its body.
 */
function enhanceReaderPage(cfg: { key: string; scales: number[]; words: (q: string) => string[] }): void {
  const root = document.documentElement;
  const setScale = (s: number) => root.style.setProperty("--reader-scale", String(s));

  for (const group of document.querySelectorAll<HTMLElement>("[data-font-size]")) {
    const label = group.querySelector("output");
    let scale = Number(root.style.getPropertyValue("--reader-scale")) || 1;
    const show = () => {
      if (label) label.textContent = `${Math.round(scale * 100)}%`;
    };
    group.addEventListener("click", (e) => {
      const button = (e.target as Element).closest<HTMLElement>("button[data-step]");
      if (!button) return;
      const i = Math.min(cfg.scales.length - 1, Math.max(0, cfg.scales.indexOf(scale) + Number(button.dataset.step)));
      scale = cfg.scales[i] ?? 1;
      setScale(scale);
      show();
      try {
        localStorage.setItem(cfg.key, String(scale));
      } catch {
        // Storage can be blocked (private modes): the size then lasts for this page only.
      }
    });
    show();
    group.hidden = false;
  }

  const hl = new URLSearchParams(location.search).get("hl")?.slice(0, 100);
  const words = hl ? cfg.words(hl) : [];
  if (words.length === 0) return;
  // The page sets Chinese punctuation full-width (lib/site/typeset.ts) and a query may type it half-width: either matches.
  const widths = ",:;()?!\uff0c\uff1a\uff1b\uff08\uff09\uff1f\uff01";
  const source = (w: string) =>
    Array.from(w, (c) => {
      const i = widths.indexOf(c) % 7;
      return i < 0 ? c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") : `[${widths[i]}${widths[i + 7]}]`;
    }).join("");
  const pattern = new RegExp(words.map(source).join("|"), "giu");
  for (const area of document.querySelectorAll("[data-highlight]")) {
    const walker = document.createTreeWalker(area, NodeFilter.SHOW_TEXT);
    const texts: Text[] = [];
    while (walker.nextNode()) texts.push(walker.currentNode as Text);
    for (const node of texts) {
      if (node.parentElement?.closest("[data-no-highlight]")) continue;
      const parts: (string | Node)[] = [];
      let last = 0;
      for (const m of node.data.matchAll(pattern)) {
        if (m.index > last) parts.push(node.data.slice(last, m.index));
        const mark = document.createElement("mark");
        mark.textContent = m[0];
        parts.push(mark);
        last = m.index + m[0].length;
      }
      if (parts.length === 0) continue;
      if (last < node.data.length) parts.push(node.data.slice(last));
      node.replaceWith(...parts);
    }
  }
}

/**
 * Further enhancements, one self-contained function per file in ./islands/ (same rule: only
 * browser globals, no imports inside the body). Each is called once with no argument, after the
 * one above, and must do nothing on a page that lacks its elements.
 */
const MORE_ISLANDS: (() => void)[] = [shareIsland, keysIsland, speechIsland, pageMapIsland];

/** The script's text: the function above, called with the site's settings and its query-word splitter, then the others. */
export const READER_PAGE_SCRIPT =
  `(${enhanceReaderPage.toString()})({key:${JSON.stringify(READER_SCALE_KEY)},scales:${JSON.stringify(READER_SCALES)},words:${highlightWords.toString()}});` +
  MORE_ISLANDS.map((f) => `(${f.toString()})();`).join("");

/**
 * What the script acts on, as it appears in a page's <main>: the attributes its islands look up
 * in the document (a unit test reads them from the script's own selectors). A page with none of
 * them — the home page's lists, the archive, search results without paging — is sent without
 * the script: 2 KB less on each, for nothing it would have done.
 */
const SCRIPT_TARGETS = /\sdata-(?:font-size|highlight|share|speech|page-map)=|\srel="(?:prev|next)"/;

/** Whether a page whose <main> is `mainHtml` needs READER_PAGE_SCRIPT. */
export function pageNeedsScript(mainHtml: string): boolean {
  return SCRIPT_TARGETS.test(mainHtml);
}
