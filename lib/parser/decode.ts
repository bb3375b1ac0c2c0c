import iconv from "iconv-lite";
import type { ParsedPage } from "./types";

export interface Decoded {
  text: string;
  encoding: ParsedPage["encoding"];
}

/**
 * Bytes → text. UTF-8 (with or without BOM) and UTF-16 with a BOM are recognised; bytes that are
 * not valid UTF-8 are read as GB18030 (a superset of GBK and GB2312, what Chinese layout systems
 * export). The text is otherwise kept as printed.
 */
export function decode(input: Uint8Array | string): Decoded {
  if (typeof input === "string") return { text: input.replace(/^\uFEFF/, ""), encoding: "utf-8" };
  const b = input;
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(b.subarray(3)), encoding: "utf-8" };
  }
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le").decode(b.subarray(2)), encoding: "utf-16le" };
  }
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) {
    return { text: new TextDecoder("utf-16be").decode(b.subarray(2)), encoding: "utf-16be" };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(b), encoding: "utf-8" };
  } catch {
    return { text: iconv.decode(Buffer.from(b.buffer, b.byteOffset, b.byteLength), "gb18030"), encoding: "gb18030" };
  }
}
