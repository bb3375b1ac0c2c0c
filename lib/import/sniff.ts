/**
 * Tells page text from things that are not: the parser decodes any bytes it is given, so a PDF or a
 * Word file dropped into the import folder would otherwise become a page of mojibake. Encodings
 * the parser reads (UTF-8, UTF-16 with a BOM, GB18030) pass; UTF-16 without a BOM is named as
 * such, because the parser would read it as GB18030.
 */
import { isUtf8 } from "node:buffer";

/** Why bytes are not page text, with the line of the first bad byte when it helps. */
export interface NotText {
  reason: string;
  line?: number;
}

const MAGIC: { bytes: number[]; what: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: "a PDF document" },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: "a ZIP archive (a .docx or .wps file is one)" },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: "an old Office document (.doc)" },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: "an RTF document" },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: "a PNG image" },
  { bytes: [0xff, 0xd8, 0xff], what: "a JPEG image" },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: "a GIF image" },
  { bytes: [0x1f, 0x8b], what: "a gzip archive" },
  { bytes: [0x52, 0x61, 0x72, 0x21], what: "a RAR archive" },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], what: "a 7-Zip archive" },
];

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/**
 * UTF-16 without a BOM (refused, with a message saying so). In UTF-16 page text most NULs are the high bytes of ASCII characters
 * (line feeds, digits, commas), so they sit mostly on one side of each byte pair (a few CJK
 * characters such as 一 U+4E00 put one on the other side); read that way, the text has ASCII and
 * almost no control characters. Random binary data has NULs on both sides alike.
 */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  if (bytes.length % 2 !== 0) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0) (i % 2 === 0 ? even++ : odd++);
  if (Math.max(even, odd) < 0.8 * (even + odd)) return false;
  const high = odd > even ? 1 : 0; // little-endian: the high byte is the second of the pair
  let ascii = 0;
  let controls = 0;
  const units = bytes.length / 2;
  for (let i = 0; i < bytes.length; i += 2) {
    const unit = (bytes[i + high]! << 8) | bytes[i + 1 - high]!;
    if (unit < 0x20 && (unit < 0x09 || unit > 0x0d)) controls++;
    else if (unit < 0x7f) ascii++;
  }
  return ascii >= units * 0.02 && controls <= units * 0.005;
}

/** Offset of the first byte sequence GB18030 does not allow, or -1. */
function firstInvalidGb18030(bytes: Uint8Array): { offset: number; count: number } {
  let offset = -1;
  let count = 0;
  const bad = (i: number) => {
    if (offset < 0) offset = i;
    count++;
  };
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const b2 = bytes[i + 1] ?? -1;
    const b3 = bytes[i + 2] ?? -1;
    const b4 = bytes[i + 3] ?? -1;
    const lead = b >= 0x81 && b <= 0xfe;
    if (b < 0x80) i += 1;
    else if (lead && ((b2 >= 0x40 && b2 <= 0x7e) || (b2 >= 0x80 && b2 <= 0xfe))) i += 2;
    else if (lead && b2 >= 0x30 && b2 <= 0x39 && b3 >= 0x81 && b3 <= 0xfe && b4 >= 0x30 && b4 <= 0x39) i += 4;
    else {
      bad(i);
      i += 1;
    }
  }
  return { offset, count };
}

/**
 * Returns why `bytes` are not page text the parser can read, or null when they are. Empty input
 * is the caller's concern.
 */
export function detectNonText(bytes: Uint8Array): NotText | null {
  for (const m of MAGIC) if (startsWith(bytes, m.bytes)) return { reason: `this is ${m.what}, not page text` };
  // A UTF-16 BOM: the NULs of ASCII characters are expected.
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return null;
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    if (looksLikeUtf16(bytes)) {
      return { reason: "UTF-16 text without a byte-order mark, which the parser cannot tell apart; save it as UTF-8 (or UTF-16 with a BOM)" };
    }
    return { reason: "binary data (a NUL byte), not page text", line: lineAt(bytes, nul) };
  }
  // Control characters other than tab, line feed, vertical tab, form feed, carriage return; a stray
  // one (an old editor's ^Z at the end) is tolerated, many mean binary data.
  let controls = 0;
  let firstControl = -1;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x20 && (b < 0x09 || b > 0x0d) && b !== 0x1b) {
      controls++;
      if (firstControl < 0) firstControl = i;
    } else if (b === 0x7f) controls++;
  }
  if (controls > Math.max(4, bytes.length / 200)) {
    return { reason: `binary data (${controls} control bytes), not page text`, line: lineAt(bytes, firstControl) };
  }
  if (isUtf8(bytes)) return null;
  const invalid = firstInvalidGb18030(bytes);
  if (invalid.count > Math.max(2, bytes.length / 1000)) {
    return {
      reason: `neither UTF-8 nor GB18030 text (${invalid.count} invalid byte sequences); save the page as UTF-8 or GB18030`,
      line: lineAt(bytes, invalid.offset),
    };
  }
  return null;
}
