/**
 * Every pattern and character class the parser relies on, in one place, so the conventions of the
 * printed page are readable and adjustable without hunting through the stages.
 *
 * Speed matters (tens of MB of pages per second), so most per-line tests are character-class
 * lookups on the first or last few characters rather than regexes over the whole line; the regexes
 * here are compiled once and only run on short lines or short prefixes.
 */

/** A 64K lookup table of code units, so "is this a closing quote?" is one array read. */
function charClass(chars: string): Uint8Array {
  const table = new Uint8Array(65536);
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1;
  return table;
}

// Most lines fail most patterns, and a regex call costs far more than a look at one character. So
// a pattern that can only match text starting (or ending) with certain characters has a table of
// them beside it, read first; the tables are built from the pattern's own word lists, so the two
// cannot drift apart.

/** The first code units of `words`, as a lookup table. */
const firstUnits = (words: readonly string[]) => charClass(words.map((w) => w.charAt(0)).join(""));
/** The last code units of `words`, as a lookup table. */
const lastUnits = (words: readonly string[]) => charClass(words.map((w) => w.charAt(w.length - 1)).join(""));

// ---------------------------------------------------------------------------------------------
// Layout

/**
 * White space that is layout, not text: indent (U+3000 full-width spaces) and trailing spaces.
 * Exactly the characters JavaScript's `\s` matches, so tests can check against `/^\s+|\s+$/`.
 */
const LAYOUT_SPACE_CHARS =
  "\t\v\f \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";
export const LAYOUT_SPACE = charClass(LAYOUT_SPACE_CHARS);

// ---------------------------------------------------------------------------------------------
// Punctuation

/** Marks that end a sentence, full- and half-width (";" ends a list item, which also stands alone). */
export const SENTENCE_FINAL = charClass("\u3002\uff01\uff1f!?\u2026\uff1b;\uff0e");
/** Closing quotes and brackets that may follow the sentence-final mark: 。” / !」 / 。) */
export const CLOSERS = charClass("\u201d\u2019\"'\u300d\u300f\uff09)\u300b\u3011\u3009");
/** Marks that leave a sentence open when a line ends on them: the text goes on. */
export const OPEN_END = charClass("\uff0c,\u3001\uff1a:\u201c\u2018\u300c\u300e\uff08(\u300a\u3010\u2014-\u00b7/\uff0f");
/** Marks a paragraph cannot start with: it is the tail of a sentence whose start was lost. */
export const BAD_START = charClass("\u201d\u2019\u300d\u300f\uff09)\uff0c,\u3001\u3002.\uff1b;\uff1a:\uff01!\uff1f?\u2026\uff05%\u300b\u3009\u3011");
/** Opening and closing quote/bracket pairs, to notice a closing mark with no opening one. */
export const QUOTE_PAIRS = ["\u201c\u201d", "\u2018\u2019", "\u300c\u300d", "\u300e\u300f", "\uff08\uff09", "()", "\u300a\u300b", "\u3010\u3011"] as const;
/** Code unit → 1-based index of the pair it opens (0: none). */
export const OPENS_PAIR = new Uint8Array(65536);
/** Code unit → 1-based index of the pair it closes (0: none). */
export const CLOSES_PAIR = new Uint8Array(65536);
QUOTE_PAIRS.forEach((pair, i) => {
  OPENS_PAIR[pair.charCodeAt(0)] = i + 1;
  CLOSES_PAIR[pair.charCodeAt(1)] = i + 1;
});
/**
 * Jump lines (转版提示), as the words inside their brackets. From another page: "上接A01版",
 * "上接第一版", "紧接第2版", "接第3版", "续第1版" (a bare 接/续 only with the page it names). To
 * another page: "下转A04版", "转第3版", "转至第2版", "下接第2版" — always naming a page (版), so an
 * aside such as "(转载)" is none.
 */
const JUMP_FROM = "(?:(?:上接|接上|紧接|承上)[^\\uff08\\uff09()]{0,12}|(?:接|续)[^\\uff08\\uff09()]{0,10}版\\s*)";
const JUMP_TO = "(?:下转|下接|转至|转到|转接|转)[^\\uff08\\uff09()]{0,10}版\\s*";
/**
 * A jump line opening text continued from another page: "(上接A01版)". What follows it belongs to
 * an article that began on that page, never to one printed here (unless its title is printed again
 * above the jump line: see segment's `opensContinued`).
 */
export const CONTINUED_FROM = new RegExp(`^[\\uff08(]\\s*${JUMP_FROM}[\\uff09)]$`, "u");
/** A jump line closing text that goes on on another page: "(下转A04版)", "(转第3版)". */
export const CONTINUED_ON = new RegExp(`^[\\uff08(]\\s*${JUMP_TO}[\\uff09)]$`, "u");
/** The same jump printed at the very end of a paragraph, after its last (cut) words: "…纠纷(下转A05版)". */
export const CONTINUED_ON_END = new RegExp(`[\\uff08(]\\s*${JUMP_TO}[\\uff09)]$`, "u");
/** The jump from another page printed at the very start of a paragraph: "(上接第1版)全市上下……". */
export const CONTINUED_FROM_START = new RegExp(`^[\\uff08(]\\s*${JUMP_FROM}[\\uff09)]`, "u");

/** Article-end marks printed after the last sentence: "(完)". */
export const END_MARK = /[\uff08(]完[\uff09)]$|[■□]$/u;
/** The characters END_MARK can end on. */
export const END_MARK_LAST = charClass("\uff09)■□");

/** A kicker (引题) reads as a lead-in phrase: it has a space, a comma or a colon in it. */
export const KICKER_SHAPE = /[\s\uff0c,\uff1a:\uff01!\uff1f?\u3001]/u;
/**
 * The set form of a kicker: two or three short phrases parted by spaces, no clause marks
 * ("坚持人民至上 守护舌尖安全"). Strong enough to tell a kicker printed apart from its title.
 */
export const PARALLEL_PHRASES = /^[^\s\uff0c,\u3002\uff1b;\uff1a:]{2,12}(?:\s+[^\s\uff0c,\u3002\uff1b;\uff1a:]{2,12}){1,2}$/u;

/** Dash pairs that open a subtitle (副题): "——市住房公积金管理中心服务创新与改革实践". */
export const SUBTITLE = /^(?:——|──|--|—|―{1,2}|-{2})\s*(\S.*)$/u;

// ---------------------------------------------------------------------------------------------
// Characters

/** CJK ideographs (the BMP blocks the paper uses). */
export function isCjk(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}
/**
 * Ideographs too common to say anything about a topic; word pairs (bigrams) with them are left out
 * of the topic measures (boundaries.ts: cohesion; repair.ts: relocation).
 */
const STOP_IDEOGRAPHS = "的了是在和与及等为将对把从以中也都而并其之这那有一不上下个年月日本该我他她们";
/**
 * Code unit → 1 for an ideograph that may be part of a topical word pair: CJK, not a stop
 * character. One table for both measures, which read it for every character they look at (one
 * table's worth of cache rather than two).
 */
export const TERM_CHAR = new Uint8Array(65536);
for (let c = 0; c < 65536; c++) if (isCjk(c)) TERM_CHAR[c] = 1;
for (const c of STOP_IDEOGRAPHS) TERM_CHAR[c.charCodeAt(0)] = 0;

export function isDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);
}

const FULLWIDTH_DIGIT = /[０-９]/gu;
/** `Number` of a text with its full-width digits made ASCII: the general way. */
const numberOfDigits = (s: string) => Number(s.replace(FULLWIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)));

/**
 * The number a run of digits (ASCII or full-width, as the date and page-number patterns capture
 * them) spells, exactly `numberOfDigits(s)` ("" → 0). Read digit by digit: this runs for every
 * dateline, and a regex replace with a callback costs far more than the one or two digits it
 * converts. Anything but a short run of digits takes the general way.
 */
export function digitsValue(s: string): number {
  // (Past 15 digits the sum could round differently from `Number`'s parse.)
  if (s.length > 15) return numberOfDigits(s);
  let v = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) v = v * 10 + (c - 48);
    else if (c >= 0xff10 && c <= 0xff19) v = v * 10 + (c - 0xff10);
    else return numberOfDigits(s);
  }
  return v;
}

// ---------------------------------------------------------------------------------------------
// Page header

/**
 * "第03版:要闻", "第3版 要闻", "A03版:要闻", "A03 要闻", "03版 要闻", and the lettered page inside
 * 第…版 that papers with sections print ("第A01版:要闻"): the letter names the section, the digits the page.
 */
export const PAGE_HEADER_NUMBERED =
  /^(?:第\s*[A-Za-zＡ-Ｚａ-ｚ]?\s*([0-9０-９]{1,3})\s*版|[A-Za-zＡ-Ｚａ-ｚ]\s*([0-9０-９]{1,3})\s*版?|([0-9０-９]{1,3})\s*版)\s*[\uff1a:·•|丨\-—\s]?\s*([^\s\uff1a:].{0,15})?$/u;
/** A page (column) name: "一线微观察", "要闻" — a few ideographs or letters, no punctuation. */
export const PAGE_NAME = /^[\u4e00-\u9fffA-Za-z0-9·・ ]{2,12}$/u;
/** A masthead line in the page header: the paper's name, possibly with a date. */
export const MASTHEAD = /^[\u4e00-\u9fff]{2,6}(?:日报|晚报|早报|时报)(?:\s|$)/u;
/** A full date in the page header: "2026年4月8日 星期三". */
export const HEADER_DATE = /((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/u;

// ---------------------------------------------------------------------------------------------
// Ads

/** Public-service ad marker: "<paper's name> 公益广告", "公益广告". */
export const AD_MARKER_WORD = "公益广告";
export const AD_MARKER_MAX = 20;

// ---------------------------------------------------------------------------------------------
// Datelines and bylines

/**
 * Wire agencies whose stories a city daily reprints under their own dateline ("新华社北京12月3日电").
 * The people in such a dateline's brackets are the agency's reporters.
 */
const WIRE_AGENCIES = "新华社|中新社|中国新闻社|新华网|人民网|中新网|央视网|央广网|光明网|大众网";
const HEAD_DAY = "(?:[0-9０-９]{1,2}\\s*月\\s*)?[0-9０-９]{1,2}\\s*日";
/**
 * The dateline that opens an article's lead, up to the brackets with its people if any:
 * - this paper's: "本报讯(记者 A 通讯员 B)…", "本报讯 (记者 A)", "本报电", with the place and date
 *   inside: "本报德州12月3日讯(记者 A)", "本报济南讯 记者 A …" (people without brackets are read
 *   by `parseDateline`);
 * - a wire agency's: "新华社北京12月3日电(记者 A)", "据新华社电", "中新网12月3日电", "央视网消息".
 * Either bracket width. "本报记者 …" / "本报通讯员 …" are bylines, and "新华社记者…" a sentence.
 * The place before a wire's 电 is only taken with a date or when short, so "新华社发布消息" and
 * "新华社记者从国家电网…" are no datelines.
 */
export const DATELINE = new RegExp(
  `^(?:据)?(?:本报(?!通讯员|记者)[\\u4e00-\\u9fff]{0,4}?(?:${HEAD_DAY})?\\s*[讯电]|(?:${WIRE_AGENCIES})(?!记者)(?:[\\u4e00-\\u9fff]{0,8}?${HEAD_DAY}|[\\u4e00-\\u9fff]{0,4}?)\\s*电|(?:${WIRE_AGENCIES})消息)` +
    `\\s*(?:[\\uff08(]([^\\uff08\\uff09()]{0,60})[\\uff09)])?`,
  "u",
);
/** A wire agency's dateline (for the role of the people in it). */
export const WIRE_DATELINE = new RegExp(`^(?:据)?(?:${WIRE_AGENCIES})`, "u");
/** The date printed inside a dateline's head, before 讯/电: "本报德州12月3日讯", "新华社北京3日电". */
export const HEAD_DATE = /(?:([0-9０-９]{1,2})\s*月\s*)?([0-9０-９]{1,2})\s*日\s*[讯电]/u;
/** First characters a dateline may start with (本报 / 据 / the agencies): a line starting with none is no dateline. */
export const DATELINE_FIRST = charClass("本据新中人央光大");
/** The first two characters of 本报 and of each agency's name, as (first << 16 | second). */
const DATELINE_PAIRS = new Set(["本报", ...WIRE_AGENCIES.split("|")].map((w) => ((w.charCodeAt(0) << 16) | w.charCodeAt(1)) >>> 0));
const JU_4 = 0x636e; // 据
/**
 * Whether a text can open with a dateline at all: after an optional 据, its first two characters
 * begin 本报 or an agency's name. Most paragraphs starting with 本, 中, 大 or 人 ("本次", "中国",
 * "大家", "人们") are then settled without running DATELINE.
 */
export function mayOpenDateline(text: string): boolean {
  const c0 = text.charCodeAt(0);
  if (DATELINE_FIRST[c0] !== 1) return false;
  const i = c0 === JU_4 ? 1 : 0;
  return DATELINE_PAIRS.has(((text.charCodeAt(i) << 16) | text.charCodeAt(i + 1)) >>> 0);
}
/** "第03版:要闻" anywhere in a header line (after a masthead or date). */
export const PAGE_NO_ANYWHERE = /第\s*[A-Za-zＡ-Ｚａ-ｚ]?\s*([0-9０-９]{1,3})\s*版\s*[\uff1a:·\s]?\s*([\u4e00-\u9fff]{2,8})?/u;

/** Byline role words. Longest first: "本报记者" before "记者". */
export const ROLE_WORDS: readonly (readonly [string, "reporter" | "correspondent" | "contributor" | "photographer" | "writer-photographer"])[] = [
  ["本报特约记者", "reporter"],
  ["本报见习记者", "reporter"],
  ["本报记者", "reporter"],
  ["本报通讯员", "correspondent"],
  ["特约通讯员", "correspondent"],
  ["特约记者", "reporter"],
  ["见习记者", "reporter"],
  ["首席记者", "reporter"],
  ["融媒记者", "reporter"],
  ["记者", "reporter"],
  ["通讯员", "correspondent"],
  ["文/图", "writer-photographer"],
  ["文\uff0f图", "writer-photographer"],
  ["图/文", "writer-photographer"],
  ["图\uff0f文", "writer-photographer"],
  ["文·图", "writer-photographer"],
  ["文图", "writer-photographer"],
  ["图文", "writer-photographer"],
  // "文/张三 图/李四": the writer and the photographer credited separately. 文 says only that the
  // person wrote the text, not in what capacity (staff reporter or outside writer), so it is the
  // spec's role for a name without one, as 撰稿 / 作者 are; "文/本报记者 张三" is a reporter.
  ["文/", "contributor"],
  ["文\uff0f", "contributor"],
  ["图/", "photographer"],
  ["图\uff0f", "photographer"],
  ["摄/", "photographer"],
  ["摄\uff0f", "photographer"],
  ["摄影", "photographer"],
  ["图片", "photographer"],
  ["实习生", "contributor"],
  ["撰稿", "contributor"],
  ["作者", "contributor"],
  ["笔者", "contributor"],
];
/**
 * Credits printed after the names they apply to ("张三 李四 文/图", "王五 摄影"), or standing alone
 * before them ("文:张三" once its colon is read as a space). The single characters count only as a
 * whole word, never as the start of one ("文明", "图为").
 */
export const POSTFIX_ROLES: ReadonlyMap<string, "contributor" | "photographer" | "writer-photographer"> = new Map([
  // Every spelling of 文图 the role words know ("文/图", "图文"…), so the two lists cannot drift.
  ...ROLE_WORDS.filter(([, role]) => role === "writer-photographer").map(([w]) => [w, "writer-photographer"] as const),
  ["摄影", "photographer"],
  ["文", "contributor"],
  ["图", "photographer"],
]);
/** Words in a byline that name no one ("报道"), skipped. */
export const BYLINE_NOISE = new Set(["报道", "整理", "报导", "采写"]);
/** Words shaped like names after a role word that are column names ("■ 记者手记", "记者观察", "图片新闻"). */
export const NOT_A_NAME = new Set(["手记", "观察", "点评", "评论", "札记", "感言", "日记", "调查", "走访", "探访", "体验", "连线", "随笔", "述评", "专访", "新闻"]);
/** A person's name in a byline: two to five ideographs, with "·" for transliterated names. */
const PERSON_NAME = /^[\u4e00-\u9fff][\u4e00-\u9fff·]{1,4}$|^[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff·]{1,10}$/u;
const MIDDLE_DOT = 0xb7; // ·
const isNameIdeograph = (c: number) => c >= 0x4e00 && c <= 0x9fff;
/**
 * PERSON_NAME, read by hand (it is asked of every word of every byline): two to five characters,
 * ideographs or "·" after the first; or one to six ideographs, a "·", and one to ten ideographs or
 * "·". (Characters outside the BMP fail both, as they do the pattern.)
 */
export function isPersonName(w: string): boolean {
  const n = w.length;
  if (n < 2 || !isNameIdeograph(w.charCodeAt(0))) return false;
  // The first "·", and whether everything is an ideograph or "·".
  let dot = -1;
  for (let i = 1; i < n; i++) {
    const c = w.charCodeAt(i);
    if (c === MIDDLE_DOT) {
      if (dot < 0) dot = i;
    } else if (!isNameIdeograph(c)) return false;
  }
  if (n <= 5) return true;
  // The second form: ideographs up to the first "·" (at most six), then one to ten more.
  return dot >= 1 && dot <= 6 && n - dot - 1 >= 1 && n - dot - 1 <= 10;
}
/**
 * Common family names (single and compound). A name printed with no role word before it
 * ("本报讯(曲立明)", "■ 张三 李四") must start with one, so "■ 聚焦民生" is a subhead, not a byline.
 */
export const SURNAMES = new Set(
  (
    "王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 肖 田 董 袁 潘 于 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 金 石 廖 贾 夏 韦 付 方 白 邹 孟 熊 秦 邱 江 尹 薛 闫 段 雷 侯 龙 史 陶 黎 贺 顾 毛 郝 龚 邵 万 钱 严 覃 武 戴 莫 孔 向 汤 常 温 康 施 文 牛 樊 葛 邢 安 齐 易 乔 伍 庞 颜 倪 庄 聂 章 鲁 岳 翟 殷 詹 申 欧 耿 关 兰 焦 俞 左 柳 甘 祝 包 宁 尚 符 舒 阮 柯 纪 梅 童 凌 毕 单 季 裴 霍 涂 成 苗 谷 盛 曲 翁 冉 骆 蓝 路 游 辛 靳 管 柴 蒙 鲍 华 喻 祁 蒲 房 滕 屈 饶 解 牟 艾 尤 阳 时 穆 农 司 卓 古 吉 缪 简 车 项 连 芦 麦 褚 娄 窦 戚 岑 景 党 宫 费 卜 冷 晏 席 卫 米 柏 宗 瞿 桂 全 佟 应 臧 闵 苟 邬 边 卞 姬 师 和 仇 栾 隋 商 刁 沙 荣 巫 寇 桑 郎 甄 丛 仲 虞 敖 巩 明 佘 池 查 麻 苑 迟 邝 官 封 谈 匡 鞠 惠 荆 乐 冀 郁 胥 南 班 储 原 栗 燕 楚 鄢 劳 谌 奚 皮 粟 冼 蔺 楼 盘 满 闻 位 厉 伊 仝 区 郜 海 阚 花 权 强 帅 屠 豆 朴 盖 练 廉 禹 井 祖 漆 巴 丰 支 卿 国 狄 平 计 索 宣 晋 相 初 门 云 容 敬 来 扈 晁 芮 都 普 阙 浦 戈 伏 鹿 薄 邸 雍 辜 羊 阿 乌 母 裘 亓 修 邰 赫 杭 况 那 宿 鲜 印 逯 隆 茹 诸 战 慕 危 玉 银 亢 嵇 公 哈 湛 宾 戎 勾 茅 利 於 呼 居 揭 干 但 尉 冶 斯 元 束 檀 衣 信 展 阴 昝 智 幸 奉 植 衡 富 尧 闭 由 " +
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 端木 西门 南宫 独孤 钟离"
  )
    .split(/\s+/u)
    .filter(Boolean),
);
/** First characters of the role words: a line starting with none of them is no byline. */
export const ROLE_FIRST = new Uint8Array(65536);
for (const [w] of ROLE_WORDS) ROLE_FIRST[w.charCodeAt(0)] = 1;
/** Bullets that open a byline line: "■ 本报记者 …". */
export const BULLETS = charClass("■□●◆▲◇△▼★☆");
/** Separators between names: spaces (any width), 、 and commas. */
const NAME_SEPARATORS = /[\s\u3000\u3001\uff0c,\uff1b;]+/u;
/** The characters of NAME_SEPARATORS (`\s` is the layout space plus CR and LF), as a lookup table. */
export const NAME_SEPARATOR = charClass(`${LAYOUT_SPACE_CHARS}\n\r\u3001\uff0c,\uff1b;`);

/** A photo credit closing a caption: "记者 张三 摄", "(张三 李四 摄)", "本报记者 张三/摄". */
export const PHOTO_CREDIT =
  /(?<=^|[\s\uff08(\u3002\uff0c,\uff1b;\uff1a:\uff01!\uff1f?\u201d])(?:本报)?(?:特约|见习|首席)?(?:记者|通讯员)?\s*([\u4e00-\u9fff][\u4e00-\u9fff·]{1,4}(?:[\s\u3001][\u4e00-\u9fff][\u4e00-\u9fff·]{1,4})*)\s*[\uff0f/]?\s*摄\s*[\uff09)]?$/u;
/**
 * Rubrics (栏目名) of pieces printed inside the page's flow with no dateline or byline of their own: a
 * photo-news block ("图片新闻": photos and their captions, no story) and the commentary boxes set
 * beside a feature ("记者手记", "记者观察", "短评"). On a line of its own, set apart, a rubric opens a
 * piece of its own — its title, or the kicker over the title printed under it — rather than being a
 * subhead of the article above.
 */
const RUBRIC_WORDS = ["图片新闻", "新闻图片", "图片报道", "图说新闻", "摄影报道", "记者手记", "采访手记", "编辑手记", "记者观察", "记者札记", "短评", "快评", "微评"];
export const PIECE_RUBRIC = new RegExp(`^[■□●◆]?\\s*[【\\[]?(?:${RUBRIC_WORDS.join("|")})[】\\]]?$`, "u");
/** What a rubric line can end on: a rubric word's last character or a closing bracket. */
const RUBRIC_LAST = charClass(`${RUBRIC_WORDS.map((w) => w.charAt(w.length - 1)).join("")}】]`);
/** Whether a line is a rubric (see PIECE_RUBRIC); its last character settles most lines. */
export const isRubricLine = (text: string) => RUBRIC_LAST[text.charCodeAt(text.length - 1)] === 1 && PIECE_RUBRIC.test(text);
/**
 * An editor's note (编者按) that opens an article or a series: "编者按:…", "【编者按】…", "编者的话:…".
 * It is printed under the title, often above the byline, and is the article's text, not its lead:
 * the dateline and its date come after it.
 */
export const EDITORS_NOTE = /^[【\[]?(?:编者按|编者的话|编前语|编前)[】\]\s\uff1a:]/u;
/** Whether a paragraph opens with an editor's note (see EDITORS_NOTE): only one starting 【, [ or 编 can. */
export const opensEditorsNote = (text: string) => {
  const c = text.charCodeAt(0);
  return (c === 0x3010 || c === 0x5b || c === 0x7f16) && EDITORS_NOTE.test(text);
};
/** Caption openers: "图为…", "▲…", "△…", "上图:…". */
export const CAPTION_START = /^(?:图为|[▲△▶►◀]|[上下左右中]图[\uff1a:为]|图[一二三四1-9][\uff1a:])/u;
/** The characters CAPTION_START can start with. */
export const CAPTION_FIRST = charClass("图▲△▶►◀上下左右中");

// ---------------------------------------------------------------------------------------------
// Dates

/**
 * The date after the dateline: month and day (4月1日, 12月25日; "4月上旬" gives none), optionally with
 * a year; or the day alone ("3日上午,…"), which is in the month — groups: 1 year, 2 month,
 * 3 day, 4 vague part of the month, 5 day alone. A day alone is never "30日内" (a time limit) nor
 * "3号" (a house or line number).
 */
export const LEAD_DATE =
  /(?:(?:((?:19|20)\d{2})\s*年\s*)?([0-9０-９]{1,2})\s*月\s*(?:([0-9０-９]{1,2})\s*[日号]|(上旬|中旬|下旬|初|中|底|末|份))|([0-9０-９]{1,2})\s*日(?![内以]))/gu;
/**
 * Time words that open a lead in place of a date ("近日,…", "日前,…"): the story names no day, and a
 * day printed later in the lead ("15日起,…") is something else's.
 */
const UNDATED_WORDS = ["近日", "日前", "近期", "前不久", "不久前", "连日来", "近来", "日来", "近段时间"];
export const UNDATED_LEAD = new RegExp(`^(?:${UNDATED_WORDS.join("|")})`, "u");
const UNDATED_FIRST = firstUnits(UNDATED_WORDS);
/** Whether a lead opens with a time word in place of a date (see UNDATED_LEAD). */
export const opensUndated = (text: string) => UNDATED_FIRST[text.charCodeAt(0)] === 1 && UNDATED_LEAD.test(text);
/** Who may stand before the lead's date: "记者3日从市教育局获悉", "笔者12月2日了解到". */
export const DATE_AFTER = /^(?:记者|笔者)$/u;
/** How far into the lead the date may be (a quote or a short scene may come first). */
export const LEAD_DATE_WINDOW = 90;

// ---------------------------------------------------------------------------------------------
// Paragraph starts (for joins and for "start-missing")

/**
 * Openers that begin a complete clause on their own ("同时,", "目前,"): a short first clause
 * that is one of these is not a sentence's lost tail.
 */
export const COMPLETE_OPENERS = new Set(
  (
    "同时 此外 另外 另一方面 目前 当前 眼下 近日 日前 近期 近年 近年来 今年 去年 明年 前年 今天 昨天 当天 当日 次日 同日 同年 当年 " +
    "为此 对此 因此 所以 于是 可见 然而 但是 不过 其中 其次 首先 再次 最后 总之 总的来看 据悉 据了解 据介绍 据统计 另据 " +
    "随后 此后 之后 此前 期间 同期 今后 未来 下一步 如今 现在 过去 以往 以前 原来 从此 起初 后来 一是 二是 三是 四是 五是 " +
    "会上 会议 会后 会前 现场 截至目前 截至 一年来 多年来 长期以来 近年来 前不久 不久前 不久 这些年 近几年 记者 笔者 " +
    "该局 该院 该中心 该市 该县 该区 该校 该公司 我市 全市 全县 全区 全省 全国 他 她 他们 她们 我们 大家 对于 关于 此次 本次 这次 " +
    "同样 其实 确实 当然 显然 果然 诚然 可是 而且 并且 从而 进而 况且 毕竟 终于 近来 原本 本来 平时 平日 时下 连日来"
  ).split(" "),
);
/**
 * Last characters of two-character time and place words that open a clause on their own ("清晨,",
 * "上午,", "今冬,", "会上,", "村里,"): such a first clause is the scene of the sentence, not the
 * tail of a lost one ("人才,", "清单,").
 */
export const SCENE_WORD_END = charClass("天日晚晨午时冬春夏秋季年月夜后前间里外中上下内");
/**
 * Adverbs that lean on what came before ("技术人员已经能够…": already able — after what?). A
 * paragraph whose bare subject is followed at once by one of these continues a lost sentence.
 * ("也" is not one: "企业也能享受…" is how a paragraph takes up the one before it.)
 */
export const LEANING_ADVERBS = ["已经", "也已", "都已", "已能"] as const;
/** Words that make the subject definite, so the clause stands on its own ("该公司已经…"). */
export const DEFINITE_SUBJECT = /^(?:该|这|那|此|其|本|我|你|他|她|它|各|每|全|大家|记者|笔者|群众|市民|村民|目前|如今|现在|同时|近日|今年|去年)/u;
/** Characters that start a clause before a figure ("近5年", "约300人", "第3届"); any other lone ideograph before a figure is a cut word ("过25%"). */
export const BEFORE_FIGURE = charClass("近约共第每逾超仅有前今去明自从在于至到截将对为向把按经全累历已新总这那该其各上下本此另再又还也都仍均计合凡逐连占较比达是和与及或即");
/** Enumerators that open a fresh paragraph ("一是", "(一)", "1.", "第一,"). */
export const ENUMERATOR_FIRST = charClass("一二三四五六七八九十\uff08(0123456789\uff10\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff19第");
export const ENUMERATOR = /^(?:[一二三四五六七八九十]+是|[\uff08(][一二三四五六七八九十0-9]+[\uff09)]|[0-9\uff10-\uff19]+[.\u3001\uff0e]|第[一二三四五六七八九十]+[\uff0c,\u3001])/u;

// ---------------------------------------------------------------------------------------------
// Names of bodies and places

/** Endings that make a short line a department/place label ("临清市", "东昌府区人民法院"). */
const LABEL_ENDINGS = [
  "市", "县", "区", "镇", "乡", "街道", "局", "中心", "委员会", "管委会", "人民法院", "法院", "人民检察院", "检察院", "大学", "学院", "医院",
  "系统", "办公室", "集团", "公司", "总工会", "妇联", "团市委", "支队", "大队", "派出所", "税务局", "分局", "站",
];
export const LABEL_SUFFIX = new RegExp(`(?:${LABEL_ENDINGS.join("|")})$`, "u");
const LABEL_SHAPE = /^[\u4e00-\u9fff]{2,16}$/u;
const LABEL_LAST = lastUnits(LABEL_ENDINGS);
/**
 * LABEL_SHAPE and LABEL_SUFFIX together, read by hand: 2–16 ideographs (U+4E00–U+9FFF) ending
 * like a place or body. The last character is looked at first; most lines end otherwise.
 */
export function hasLabelForm(text: string): boolean {
  const n = text.length;
  if (n < 2 || n > 16 || LABEL_LAST[text.charCodeAt(n - 1)] !== 1) return false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x4e00 || c > 0x9fff) return false;
  }
  return LABEL_SUFFIX.test(text);
}

/**
 * The shape of a place name, for places the gazetteer does not list (pages from other papers:
 * "齐河县", "德州市", "任城区"): one to three ideographs and an ending 省/市/县/区/旗. Two-character
 * names are only taken with 县 ("莘县", "曹县"): "城市", "社区", "小区" are words, not places.
 */
export const PLACE_END = charClass("省市县区旗");
/** First characters that make a determiner, not a name: "全市", "我县", "该区", "市县两级". */
export const NOT_PLACE_FIRST = charClass("全我本该各每两此其这那外市县区省");
/** Characters before 市 that make a common word ("超市", "夜市", "上市"), not a city. ("城市": see NOT_TOWN_DISTRICT.) */
export const NOT_CITY_BEFORE = charClass("超都夜股楼集菜门贸上开罢闹早灯花年黑牛熊");
/**
 * Words before a bare 市/县/区 that make it the prefix of a body's name, not a place's ending: "记者从市
 * 统计局获悉" names no city "记者从市". (Not 和/为/合/同, which end real names: 永和县, 无为市, 六合区, 大同市.)
 */
export const NOT_PLACE_BEFORE_END = charClass("从在由与及向对经据被让请将把到");
/** Characters before 县 that make a word ("农业大县", "工业强县", "邻县"), not a county. */
export const NOT_COUNTY_BEFORE = charClass("强大小邻属知郡州");
/** Characters before 区 that make a word for an area ("社区", "景区", "示范区", "服务区"), not a district. */
export const NOT_DISTRICT_BEFORE = charClass("社小景园校片辖山灾街展厂矿牧湖库港范护务宅活业验贸税政选学禁误盲雷专分郊林警营");
/**
 * "X城区" and "X城市" are places ("德城区", "邹城市", "聊城市") unless X makes them a part of town
 * or a kind of city ("老城区", "主城区", "大城市"); with two characters before 城 they are words
 * ("海绵城市", "文明城市").
 */
export const NOT_TOWN_DISTRICT = charClass("老新主中大小");
/** "我市", "全县": the article's own place, standing where a subject does. */
export const OWN_PLACE = /^[我全本该](?:省|市|县|区)/u;

/**
 * National bodies whose local branches are named "prefix + place + unit": "国网宁阳县供电公司",
 * "国家税务总局德州市税务局", "中国人民银行东营市分行".
 */
export const ORG_PREFIX = /^(?:国网|国家税务总局|中国人民银行|中国邮政|中国移动|中国联通|中国电信|中共|共青团)/u;

/**
 * Endings of names of bodies found in running text ("…局, …中心, …委员会, …法院, …检察院, …大学"),
 * and the arbitration courts ("…劳动人事争议仲裁院") and colleges ("…职业技术学院") beside them;
 * blood stations ("…中心血站") and customs houses ("…海关", named after a city without its 市) are
 * bodies that stories are about too. Longest first for each last character.
 */
export const BODY_ENDINGS = ["人民法院", "人民检察院", "委员会", "仲裁院", "中心", "大学", "学院", "法院", "检察院", "血站", "海关", "局"] as const;
/** Words ending like a body that are not bodies ("大局", "格局", "中心城区" is cut before this check). */
const NOT_BODY_WORDS = ["大局", "全局", "格局", "布局", "困局", "结局", "开局", "破局", "变局", "骗局", "当局", "为中心", "的中心"];
export const NOT_BODY = new RegExp(`(?:${NOT_BODY_WORDS.join("|")})$`, "u");
const NOT_BODY_LAST = lastUnits(NOT_BODY_WORDS);
/** Whether a name ends like a body but is none (see NOT_BODY); its last character settles most. */
export const isNotBody = (name: string) => NOT_BODY_LAST[name.charCodeAt(name.length - 1)] === 1 && NOT_BODY.test(name);
/** Characters a bare "市/县/区" prefix may follow (a word boundary): "记者从市某局获悉". */
export const BARE_PREFIX_AFTER = charClass("从在由与和及同向对经据\u3001\uff0c,\u3002\uff1a: \u201c\uff08(\u300a被让请将把为合到");
/** Words after a body that show it is speaking or acting (its head is quoted): more prominent. */
const OFFICIAL_WORDS = ["党组书记", "党委书记", "党组成员", "局长", "副局长", "主任", "副主任", "院长", "副院长", "检察长", "庭长", "负责人", "相关负责人", "书记", "主席", "校长", "理事长"];
export const OFFICIAL_AFTER = new RegExp(`^(?:${OFFICIAL_WORDS.join("|")})`, "u");
/** The characters an official's title starts with: a name followed by none of them is tested no further. */
export const OFFICIAL_FIRST = firstUnits(OFFICIAL_WORDS);
/** "记者从X获悉 / 了解到": the body the news comes from. */
export const SOURCE_BEFORE = charClass("从");
