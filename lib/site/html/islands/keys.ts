/**
 * ← / →: the previous / next article on an article's page, the previous / next page (版) on a
 * page's, following the page's own `a[rel=prev]` / `a[rel=next]` links. Other pages with such
 * links (a list's 上一页/下一页) change only their query, and are left to the reader's keys.
 *
 * It never takes a key the reader meant for something else: typing in a field or an editable
 * element, a key with a modifier (browser and system shortcuts, Shift+← selecting text), a key
 * a widget already handled, a held key, or an arrow that scrolls something sideways (a scrolling
 * strip such as the page list on a phone, or a page wider than the window).
 *
 * The links announce the keys (aria-keyshortcuts), and a quiet hint is added beside them; CSS
 * (app/reader-css/tools.css) shows it only with a fine pointer and hover, where a keyboard is likely.
 *
 * Sent as its own source text (see MORE_ISLANDS in ../islands.ts): browser globals only.
 */
export function keysIsland(): void {
  const prev = document.querySelector<HTMLAnchorElement>("a[rel~=prev]");
  const next = document.querySelector<HTMLAnchorElement>("a[rel~=next]");
  const first = prev ?? next;
  const kind = first && (/\/articles\/[^/]+$/.test(first.pathname) ? "篇" : /\/\d+$/.test(first.pathname) ? "版" : "");
  if (!kind) return;
  prev?.setAttribute("aria-keyshortcuts", "ArrowLeft");
  next?.setAttribute("aria-keyshortcuts", "ArrowRight");
  const hint = document.createElement("span");
  hint.className = "keys-hint";
  hint.textContent = `键盘 ← → 翻${kind}`;
  first.closest("nav")?.append(hint);

  document.addEventListener("keydown", (e) => {
    const link = e.key === "ArrowLeft" ? prev : e.key === "ArrowRight" ? next : null;
    const t = e.target as HTMLElement;
    if (!link || e.defaultPrevented || e.repeat || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    if (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)) return;
    // The focused element or one around it scrolls sideways (the root whatever its overflow says): the arrow is the browser's.
    for (let el: Element | null = t; el; el = el.parentElement) {
      if (el.scrollWidth > el.clientWidth && (!el.parentElement || /auto|scroll/.test(getComputedStyle(el).overflowX))) return;
    }
    e.preventDefault();
    link.click();
  });
}
