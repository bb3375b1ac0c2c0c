import qrcode from "qrcode-generator";

/** A QR code as one SVG path: `size` modules square including the quiet zone, `d` the dark modules. */
export interface QrPath {
  size: number;
  d: string;
}

/** The blank border scanners need around the symbol, in modules (ISO/IEC 18004 asks for 4). */
export const QR_QUIET_ZONE = 4;

/**
 * The QR code of `text` (an article's address) as one compact SVG path, drawn as a stroke one
 * module wide: each run of dark modules in a row is one `h` segment at the row's middle, the first
 * of a row placed absolutely (`M4 4.5h7`), the next ones relative to the end of the last
 * (`m2 0h1`). That is a few characters per run instead of an element or a square per module, so
 * the code adds little to the page. Error correction M (15%) survives a crease or a smudge on a
 * printout while keeping an article's address in a small symbol (version 3 or 4).
 */
export function qrPath(text: string): QrPath {
  const qr = qrcode(0, "M");
  // The library reads each character as one byte: hand it the UTF-8 bytes, so any address (an
  // internationalised path or host) is encoded as scanners expect.
  qr.addData(String.fromCharCode(...new TextEncoder().encode(text)), "Byte");
  qr.make();
  const n = qr.getModuleCount();
  let d = "";
  for (let row = 0; row < n; row++) {
    let end = -1; // column where the previous run of this row ended; -1: none yet
    for (let col = 0; col < n; ) {
      if (!qr.isDark(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && qr.isDark(row, col)) col++;
      d += end < 0 ? `M${start + QR_QUIET_ZONE} ${row + QR_QUIET_ZONE}.5h${col - start}` : `m${start - end} 0h${col - start}`;
      end = col;
    }
  }
  return { size: n + 2 * QR_QUIET_ZONE, d };
}
