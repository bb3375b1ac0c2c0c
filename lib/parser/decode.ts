import iconv from "iconv-lite";
import { foldLookalikes } from "../text/fold";
import type { ParsedPage } from "./types";

export interface Decoded {
  text: string;
  encoding: ParsedPage["encoding"];
}

// Decoders are built once: constructing a TextDecoder per page costs more than decoding it.
const UTF8_STRICT = new TextDecoder("utf-8", { fatal: true });
const UTF8 = new TextDecoder("utf-8");
const UTF16LE = new TextDecoder("utf-16le");
const UTF16BE = new TextDecoder("utf-16be");
/** For the fast UTF-8 path: code units in memory → text, a leading U+FEFF kept as is. */
const UTF16_NATIVE = new TextDecoder("utf-16le", { ignoreBOM: true });
/** The fast path writes code units into a Uint16Array, which is little-endian on every current platform; checked. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Reused output buffer of the fast path (pages are small; an unusually large input gets its own). */
let units = new Uint16Array(1 << 16);
const MAX_KEPT_UNITS = 1 << 22;

/**
 * Node's Buffer where the parser runs under Node (the import, the CLI; not the editors' preview in
 * the browser, which keeps the TextDecoder): it turns code units into a string several times faster
 * than a UTF-16 TextDecoder. The fast path's units are well-formed UTF-16 (surrogates only in
 * pairs), on which the two give the same string.
 */
interface UnitsView {
  toString(encoding: "utf16le", start: number, end: number): string;
}
const NODE_BUFFER = (globalThis as { Buffer?: { from(b: ArrayBufferLike, offset?: number, length?: number): UnitsView } }).Buffer;
/** A Buffer over `units`' memory (no copy), made again when `units` is replaced. */
let unitsView: UnitsView | null = NODE_BUFFER ? NODE_BUFFER.from(units.buffer) : null;

/** The text of the first `j` code units of `out`. */
function unitsToText(out: Uint16Array, j: number): string {
  if (NODE_BUFFER) {
    const view = out === units && unitsView ? unitsView : NODE_BUFFER.from(out.buffer, out.byteOffset, out.byteLength);
    return view.toString("utf16le", 0, 2 * j);
  }
  return UTF16_NATIVE.decode(out.subarray(0, j));
}

/** Decoded text, and whether it may hold look-alikes for `foldLookalikes` to replace. */
interface RawText extends Decoded {
  /**
   * False only when the decoder saw every character and none is a look-alike (the fast UTF-8
   * path checks the code points it builds anyway), so the fold's own scan of the page is skipped.
   */
  lookalikes: boolean;
}

/** Set by `decodeUtf8Fast`: whether the text it returned holds a look-alike (see lib/text/fold.ts). */
let sawLookalike = false;

/**
 * Well-formed UTF-8 → text, or null at the first byte sequence that is not (or is merely
 * unusual), for the caller to fall back on TextDecoder. Every page is decoded, and the runtime's
 * strict UTF-8 TextDecoder runs at a fraction of the speed of this loop followed by a UTF-16 copy;
 * on any input it accepts, the result is exactly what the strict decoder returns. The accepted
 * sequences are those of the Unicode standard (Table 3-7): no overlong forms, no surrogates,
 * nothing past U+10FFFF.
 *
 * It also notes (in `sawLookalike`) whether any code point is one `foldLookalikes` replaces: Kangxi
 * and CJK radicals U+2E80–U+2FDF, compatibility ideographs U+F900–U+FAFF and their supplement
 * U+2F800–U+2FA1F (lib/text/fold.ts, LOOKALIKE). Most pages have none, and then the fold need not
 * scan the text again.
 */
function decodeUtf8Fast(b: Uint8Array): string | null {
  if (!LITTLE_ENDIAN) return null;
  let lookalike = false;
  const n = b.length;
  let out = units;
  if (out.length < n) {
    out = new Uint16Array(n);
    if (n <= MAX_KEPT_UNITS) {
      units = out;
      unitsView = NODE_BUFFER ? NODE_BUFFER.from(units.buffer) : null;
    }
  }
  let j = 0;
  let i = 0;
  while (i < n) {
    const c = b[i] as number;
    // Three bytes first: every ideograph and full-width mark.
    if ((c & 0xf0) === 0xe0 && i + 2 < n) {
      const c1 = b[i + 1] as number;
      const c2 = b[i + 2] as number;
      if ((c1 & 0xc0) !== 0x80 || (c2 & 0xc0) !== 0x80) return null;
      const u = ((c & 0x0f) << 12) | ((c1 & 0x3f) << 6) | (c2 & 0x3f);
      // Common ideographs (U+4E00–U+9FFF, most of a page) are none of the cases below: one test.
      if (u < 0x4e00 || u > 0x9fff) {
        // Overlong (E0 80–9F …) or a surrogate (ED A0–BF …): not well-formed.
        if (u < 0x800 || (u >= 0xd800 && u <= 0xdfff)) return null;
        if ((u >= 0x2e80 && u <= 0x2fdf) || (u >= 0xf900 && u <= 0xfaff)) lookalike = true;
      }
      out[j++] = u;
      i += 3;
    } else if (c < 0x80) {
      out[j++] = c;
      i++;
    } else if (c >= 0xc2 && c <= 0xdf) {
      if (i + 1 >= n) return null;
      const c1 = b[i + 1] as number;
      if ((c1 & 0xc0) !== 0x80) return null;
      out[j++] = ((c & 0x1f) << 6) | (c1 & 0x3f);
      i += 2;
    } else if (c >= 0xf0 && c <= 0xf4) {
      if (i + 3 >= n) return null;
      const c1 = b[i + 1] as number;
      const c2 = b[i + 2] as number;
      const c3 = b[i + 3] as number;
      // F0 needs 90–BF next (not overlong), F4 needs 80–8F (not past U+10FFFF).
      const lo = c === 0xf0 ? 0x90 : 0x80;
      const hi = c === 0xf4 ? 0x8f : 0xbf;
      if (c1 < lo || c1 > hi || (c2 & 0xc0) !== 0x80 || (c3 & 0xc0) !== 0x80) return null;
      const cp = ((c & 0x07) << 18) | ((c1 & 0x3f) << 12) | ((c2 & 0x3f) << 6) | (c3 & 0x3f);
      if (cp >= 0x2f800 && cp <= 0x2fa1f) lookalike = true;
      out[j++] = 0xd800 + ((cp - 0x10000) >> 10);
      out[j++] = 0xdc00 + ((cp - 0x10000) & 0x3ff);
      i += 4;
    } else return null;
  }
  sawLookalike = lookalike;
  return unitsToText(out, j);
}

/**
 * UTF-16 written without a byte-order mark: Chinese text in UTF-16 has no zero bytes, but its
 * line breaks and ASCII digits do, always in the same half of the code unit. Only used when the
 * bytes are not UTF-8 (which never contains NUL in text).
 */
function sniffUtf16(b: Uint8Array): "utf-16le" | "utf-16be" | null {
  if (b.length < 4 || b.length % 2 !== 0) return null;
  let evenZero = 0;
  let oddZero = 0;
  const n = Math.min(b.length, 4096);
  for (let i = 0; i + 1 < n; i += 2) {
    if (b[i] === 0) evenZero++;
    if (b[i + 1] === 0) oddZero++;
  }
  const units = n / 2;
  if (oddZero > units * 0.1 && evenZero === 0) return "utf-16le";
  if (evenZero > units * 0.1 && oddZero === 0) return "utf-16be";
  return null;
}

/**
 * Bytes → text. UTF-8 (with or without BOM) and UTF-16 with a BOM are recognised; bytes that are
 * not valid UTF-8 are read as GB18030 (a superset of GBK and GB2312, what Chinese layout systems
 * export). A leading BOM is dropped, and the look-alikes of Chinese characters that PDF-to-text
 * extraction leaves (Kangxi radicals such as ⽉ for 月, compatibility ideographs:
 * lib/text/fold.ts) become the characters they stand for, one for one, so the articles say
 * "6月3日" where the page printed it; nothing else is changed here. Page.rawText keeps the text as
 * received: the import decodes the bytes again (lib/import/materialise.ts).
 *
 * @param input raw bytes of one page, or text already decoded by the caller
 */
export function decode(input: Uint8Array | string): Decoded {
  const { text, encoding, lookalikes } = decodeBytes(input);
  return { text: lookalikes ? foldLookalikes(text) : text, encoding };
}

function decodeBytes(input: Uint8Array | string): RawText {
  if (typeof input === "string") {
    return { text: input.charCodeAt(0) === 0xfeff ? input.slice(1) : input, encoding: "utf-8", lookalikes: true };
  }
  const b = input;
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
    return { text: UTF8.decode(b.subarray(3)), encoding: "utf-8", lookalikes: true };
  }
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return { text: UTF16LE.decode(b.subarray(2)), encoding: "utf-16le", lookalikes: true };
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return { text: UTF16BE.decode(b.subarray(2)), encoding: "utf-16be", lookalikes: true };
  const fast = decodeUtf8Fast(b);
  if (fast !== null) return { text: fast, encoding: "utf-8", lookalikes: sawLookalike };
  try {
    return { text: UTF8_STRICT.decode(b), encoding: "utf-8", lookalikes: true };
  } catch {
    const wide = sniffUtf16(b);
    if (wide === "utf-16le") return { text: UTF16LE.decode(b), encoding: wide, lookalikes: true };
    if (wide === "utf-16be") return { text: UTF16BE.decode(b), encoding: wide, lookalikes: true };
    // iconv-lite takes a Uint8Array as is, in Node and in the browser alike.
    return { text: iconv.decode(b, "gb18030"), encoding: "gb18030", lookalikes: true };
  }
}
