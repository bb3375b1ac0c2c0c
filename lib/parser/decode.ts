import iconv from "iconv-lite";
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
 * export). A leading BOM is dropped; nothing else is changed here — the text stays as printed.
 *
 * @param input raw bytes of one page, or text already decoded by the caller
 */
export function decode(input: Uint8Array | string): Decoded {
  if (typeof input === "string") {
    return { text: input.charCodeAt(0) === 0xfeff ? input.slice(1) : input, encoding: "utf-8" };
  }
  const b = input;
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
    return { text: UTF8.decode(b.subarray(3)), encoding: "utf-8" };
  }
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return { text: UTF16LE.decode(b.subarray(2)), encoding: "utf-16le" };
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return { text: UTF16BE.decode(b.subarray(2)), encoding: "utf-16be" };
  try {
    return { text: UTF8_STRICT.decode(b), encoding: "utf-8" };
  } catch {
    const wide = sniffUtf16(b);
    if (wide === "utf-16le") return { text: UTF16LE.decode(b), encoding: wide };
    if (wide === "utf-16be") return { text: UTF16BE.decode(b), encoding: wide };
    // iconv-lite takes a Uint8Array as is, in Node and in the browser alike.
    return { text: iconv.decode(b, "gb18030"), encoding: "gb18030" };
  }
}
