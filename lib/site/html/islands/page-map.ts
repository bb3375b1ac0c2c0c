/**
 * Ties a page's article list to its page map (components/page-view.tsx): while a title or a block
 * is hovered or has keyboard focus, every element of that article inside `[data-page-map]` — its
 * list item, its block, its photo captions — gets `page-map-linked` (styled in
 * app/reader-css/page-map.css; colours only, so nothing moves). CSS alone cannot pair two elements
 * by an attribute's value, hence this script; without it each side still lights up on its own.
 *
 * Hover and focus are kept apart, so moving the mouse away leaves the focused article lit. Sent
 * as its own source text: browser globals only.
 */
export function pageMapIsland(): void {
  for (const scope of document.querySelectorAll<HTMLElement>("[data-page-map]")) {
    const refOf = (t: EventTarget | null) => (t instanceof Element && scope.contains(t) && t.closest("[data-map-ref]")?.getAttribute("data-map-ref")) || "";
    let hover = "";
    let focus = "";
    const update = () => {
      for (const el of scope.querySelectorAll("[data-map-ref]")) {
        const ref = el.getAttribute("data-map-ref");
        el.classList.toggle("page-map-linked", ref === hover || ref === focus);
      }
    };
    scope.addEventListener("mouseover", (e) => ((hover = refOf(e.target)), update()));
    scope.addEventListener("mouseleave", () => ((hover = ""), update()));
    scope.addEventListener("focusin", (e) => ((focus = refOf(e.target)), update()));
    scope.addEventListener("focusout", (e) => ((focus = refOf(e.relatedTarget)), update()));
  }
}
