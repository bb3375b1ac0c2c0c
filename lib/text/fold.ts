/**
 * Look-alikes of Chinese characters that PDF-to-text extraction leaves in page text: a font's glyph
 * for 人 or 月 is often mapped to the Kangxi radical ⼈ (U+2F08) or ⽉ (U+2F49), 门 or 马 to the CJK
 * radical ⻔ (U+2ED4) or ⻢ (U+2EE2), and some characters to CJK compatibility ideographs. They look
 * the same on the page but are different characters, so "6⽉3⽇" is not "6月3日" to a search.
 *
 * foldLookalikes maps them to the unified ideographs they stand for. The parser applies it to its
 * input (lib/parser/decode.ts: the articles store what was meant; Page.rawText, decoded again by the
 * import, keeps what was printed), and the search tokenizer to every text and query
 * (lib/search/tokenize.ts), so articles imported before are found too.
 *
 * No dependencies: the parser runs in the editors' preview as well.
 */

/**
 * CJK radicals (U+2E80–U+2EFF) that NFKC leaves alone, each mapped to the unified ideograph it is
 * drawn as. Unicode's EquivalentUnifiedIdeograph.txt is the source, except where its ideograph is
 * not the one the glyph shows (⺼ MEAT is drawn 月, which is what such a glyph meant in print).
 * Radicals that are only ever parts of characters (⺀, ⺈, …) are left out: no text spells a word
 * with them, and the tokenizer still counts them as Chinese characters.
 */
const RADICALS: Record<number, string> = {
  0x2e81: "厂", 0x2e82: "乛", 0x2e83: "乚", 0x2e84: "乙", 0x2e85: "亻", 0x2e86: "冂", 0x2e8e: "兀",
  0x2e92: "巳", 0x2e93: "幺", 0x2e94: "彑", 0x2e96: "忄", 0x2e98: "扌", 0x2e99: "攵", 0x2e9b: "旡",
  0x2e9c: "日", 0x2e9d: "月", 0x2e9e: "歺", 0x2e9f: "母", 0x2ea0: "民", 0x2ea1: "氵", 0x2ea2: "氺",
  0x2ea3: "灬", 0x2ea4: "爫", 0x2ea6: "丬", 0x2ea8: "犭", 0x2ea9: "王", 0x2eab: "罒", 0x2eac: "示",
  0x2ead: "礻", 0x2eaf: "糸", 0x2eb0: "纟", 0x2eb2: "罒", 0x2eb6: "羊", 0x2eb9: "耂", 0x2eba: "肀",
  0x2ebc: "月", 0x2ebe: "艹", 0x2ebf: "艹", 0x2ec0: "艹", 0x2ec1: "虎", 0x2ec2: "衤", 0x2ec3: "覀",
  0x2ec4: "西", 0x2ec5: "见", 0x2ec6: "角", 0x2ec8: "讠", 0x2ec9: "贝", 0x2ecb: "车", 0x2ecc: "辶",
  0x2ecd: "辶", 0x2ecf: "阝", 0x2ed0: "钅", 0x2ed1: "長", 0x2ed2: "镸", 0x2ed3: "长", 0x2ed4: "门",
  0x2ed6: "阝", 0x2ed7: "雨", 0x2ed8: "青", 0x2ed9: "韦", 0x2eda: "页", 0x2edb: "风", 0x2edc: "飞",
  0x2edd: "食", 0x2edf: "飠", 0x2ee0: "饣", 0x2ee2: "马", 0x2ee3: "骨", 0x2ee4: "鬼", 0x2ee5: "鱼",
  0x2ee6: "鸟", 0x2ee7: "卤", 0x2ee8: "麦", 0x2ee9: "黄", 0x2eea: "黾", 0x2eeb: "斉", 0x2eec: "齐",
  0x2eed: "歯", 0x2eee: "齿", 0x2eef: "竜", 0x2ef0: "龙", 0x2ef1: "龜", 0x2ef2: "亀", 0x2ef3: "龟",
};

/**
 * What a code point folds to: a radical's ideograph from RADICALS, or
 * NFKC (which maps every Kangxi radical U+2F00–U+2FD5 and the compatibility ideographs); the
 * character itself when neither applies. The tokenizer folds every code point outside ASCII and the
 * common ideographs through it, so NFKC's other foldings (full-width forms) come with it.
 */
export function foldLookalike(cp: number): string {
  const ch = String.fromCodePoint(cp);
  return RADICALS[cp] ?? ch.normalize("NFKC");
}

/**
 * Kangxi radicals and CJK radicals (U+2E80–U+2FDF), CJK compatibility ideographs (U+F900–U+FAFF)
 * and their supplement (U+2F800–U+2FA1F, high surrogate D87E).
 */
const LOOKALIKE = /[\u2e80-\u2fdf\uf900-\ufaff]|\ud87e[\udc00-\ude1f]/;
const LOOKALIKES = new RegExp(LOOKALIKE.source, "g");

/**
 * The text with every look-alike replaced by the ideograph it stands for; everything else (full-width
 * punctuation, digits and spaces, which the parser reads as layout) exactly as it was. The text
 * itself when it has none, the common case: one scan.
 */
export function foldLookalikes(text: string): string {
  if (!LOOKALIKE.test(text)) return text;
  return text.replace(LOOKALIKES, (ch) => foldLookalike(ch.codePointAt(0)!));
}
