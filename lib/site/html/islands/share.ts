/**
 * `[data-share]`: one button that shares the article's permanent link. Where the browser has the
 * system's share sheet (navigator.share: phones, some desktops) it opens that; elsewhere it copies
 * the link, and the clipboard exists only in secure contexts (https, localhost): without either
 * the button stays hidden, and the address bar and the QR code are left.
 *
 * Sent as its own source text (see MORE_ISLANDS in ../islands.ts): browser globals only.
 */
export function shareIsland(): void {
  const clipboard = window.isSecureContext ? navigator.clipboard : undefined;
  const native = typeof navigator.share === "function";
  for (const button of native || clipboard ? document.querySelectorAll<HTMLButtonElement>("[data-share]") : []) {
    const url = button.dataset.share || location.href;
    const idle = (button.textContent = native ? "分享" : "复制链接");
    button.addEventListener("click", () => {
      // A reader who closes the share sheet rejects the promise: nothing to say then.
      if (native) return void navigator.share({ title: document.title, url }).catch(() => undefined);
      clipboard!.writeText(url).then(
        () => "已复制链接",
        () => "复制失败,请手动复制地址栏",
      ).then((said) => {
        button.textContent = said;
        setTimeout(() => (button.textContent = idle), 2000);
      });
    });
    button.hidden = false;
  }
}
