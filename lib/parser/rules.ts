/**
 * Every pattern the parser relies on, in one place (as marked keeps its rules in rules.ts), so the
 * conventions of the page text are readable and adjustable without hunting through the stages.
 */

/** Sentence-final punctuation, full- and half-width, optionally followed by closing quotes/brackets. */
export const SENTENCE_END = /[。!?!?…;;][”’"'」』)\)》】]*$|[。!?!?][”’"'」』)\)》】]*[)\)]?$/u;
/** Closing marks that can end a quoted sentence (”。 or 。”). */
export const CLOSING_ONLY_END = /[”’」』][。!?!?]?$/u;

/** Punctuation that cannot start a complete paragraph. */
export const BAD_START = /^[”’」』)\),,、。;;::!!??…%]/u;

/** The dateline that opens an article's lead: 本报讯(记者 A 通讯员 B)… with either bracket width. */
export const DATELINE = /^本报(?:讯|电)\s*(?:[((]([^()()]{0,60})[))])?/u;

/** A byline line in an article head: ■ 本报记者 A / 本报通讯员 B / ■ 文图 A B / 记者 A. */
export const BYLINE_LINE =
  /^(?:[■□●◆▲]\s*)?(本报记者|本报通讯员|特约记者|见习记者|记者|通讯员|文\/图|文图|文·图|图\/文|摄影|图片|撰稿|作者|实习生)[\s ::]*(.+)$/u;
/** A byline that is only a bullet and names ("■ 张三 李四"). */
export const BULLET_NAMES = /^[■□●◆▲]\s*(.+)$/u;

/** Subtitle (副题): a line starting with a dash pair. */
export const SUBTITLE = /^(?:——|--|—|―{2}|-{2})\s*(.+)$/u;

/** Page header with a page number: "第03版:要闻", "第3版 要闻", "A03 要闻", "A03版:要闻". */
export const PAGE_HEADER_NUMBERED = /^(?:第\s*([0-9０-９]{1,3})\s*版|([A-Za-zＡ-Ｚ]?)\s*([0-9０-９]{1,3})\s*版?)\s*[::·\-—\s]\s*(\S.{0,14})$/u;

/** Public-service ad marker: "聊城日报 公益广告", "公益广告". */
export const AD_MARKER = /公益广告/u;

/** Photo credit inside a caption: "记者 A 摄", "(张三 摄)". */
export const PHOTO_CREDIT = /(?:[((]?\s*)(?:本报)?(?:记者|通讯员|见习记者)?\s*([\u4e00-\u9fff·]{2,4}(?:[\s、][\u4e00-\u9fff·]{2,4})*)\s*摄\s*[))]?$/u;

/** Month and day in a lead: 4月1日, 12月25日 (4月上旬 is not a date). */
export const MONTH_DAY = /(\d{1,2})\s*月\s*(\d{1,2})\s*日/u;
export const YEAR_MENTION = /((?:19|20)\d{2})\s*年/gu;

/** Characters of CJK ideographs. */
export const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;
export const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/gu;

/** Endings of names of bodies (departments) and places, for labels and unknown departments. */
export const BODY_SUFFIX = /(?:管理局|监督管理局|服务局|委员会|办公室|人民法院|人民检察院|法院|检察院|中心|大学|学院|系统|公司|集团|协会|总局|分局|税务局|局|厅|委|办|所|院|馆|站|队|部)$/u;
export const PLACE_SUFFIX = /(?:市|县|区|镇|乡|街道|村|社区|开发区|高新区|度假区)$/u;

/** A body named in running text: up to 14 characters ending in a body suffix. */
export const BODY_IN_TEXT =
  /(?:[\u4e00-\u9fff]{2,14}?)(?:监督管理局|行政审批服务局|管理局|服务局|委员会|人民法院|人民检察院|检察院|法院|中心|大学|税务局|[^\s,,。、;;::“”"()()]局)/gu;

/** Common two-character openers that are complete on their own ("同时,", "目前,"). */
export const COMPLETE_OPENERS = new Set(
  "同时 此外 目前 近日 日前 今年 去年 明年 为此 对此 其中 另外 据悉 据了解 随后 然而 但是 因此 所以 首先 其次 再次 最后 总之 如今 当前 此前 之后 此后 期间 同期 当天 当日 次日 今后 未来 近年 近年来 近期 下一步 另据 笔者 记者 会上 会议 会后 现场 当前 眼下 目前 截至 截至目前 从此 于是 可见 对此 近来 以往 过去 以前 原来 如今 一是 二是 三是 四是 五是 同年 当年 今天 昨天 前不久 不久前 一年来 多年来 近年来 长期以来 多年 此次 本次 这次 该局 该院 该中心 该市 该县 该区 我市 全市 全县 全区".split(
    " ",
  ),
);
