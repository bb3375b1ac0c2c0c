/**
 * Page → header, articles, ads and leading fragments. An article starts at the head lines (label,
 * kicker, title) found directly above an anchor: a subtitle ("——…"), a byline ("■ 本报记者 …") or a
 * dateline lead ("本报讯(…)"); a piece with none of these (a photo-news block, a reporter's notebook
 * box) starts at its rubric ("图片新闻", "记者手记"), and a headline at the top of the page starts one
 * too. Everything up to the next article's head is its body — where each heading line is then
 * weighed as a new article printed with no anchor of its own (wire copy, a 简讯, a notice) or a
 * subhead (see `weighBoundaries`), close calls kept as doubts for the desk.
 */
import { DOUBT_MARGIN, weighBoundaries } from "./boundaries";
import type { Token } from "./classify";
import { isLabelLike, isLabelNamedIn, isPlainLabel } from "./departments";
import { digitsValue, HEADER_DATE, isRubricLine, MASTHEAD, opensEditorsNote, PAGE_HEADER_NUMBERED, PAGE_NAME, PAGE_NO_ANYWHERE, PARALLEL_PHRASES } from "./rules";
import { endsSentence, isBrokenTitleLine, isQuotedHeadline, jumpAtStart, looksLikeCaption } from "./sentences";

/** An article as found on the page, before its head is read and its body turned into blocks. */
export interface ArticleSegment {
  /** Head lines above the anchor: label / kicker / title lines, top to bottom. */
  heads: Token[];
  subtitle: Extract<Token, { kind: "subtitle" }> | null;
  bylines: Extract<Token, { kind: "byline" }>[];
  body: Token[];
}

export interface AdSegment {
  tokens: Token[];
}

export interface PageSegments {
  header: Token[];
  pageName: string | null;
  pageNumber: number | null;
  /** A full date printed in the page header, "YYYY-MM-DD". */
  headerDate: string | null;
  articles: ArticleSegment[];
  ads: AdSegment[];
  /**
   * Runs of lines that belong to no article found so far: before the first article, or opened by a
   * "(上接A01版)" jump line (continued from another page).
   */
  fragments: Token[][];
  /** Dateline leads with no headline above them (kept in the article before, or a fragment). */
  untitled: Token[];
  /**
   * Boundaries weighed without an anchor whose score was close (see `weighBoundaries`): the head
   * lines of the line in doubt, and whether it was taken as a new article or as a subhead.
   */
  doubts: BoundaryDoubt[];
}

/** A close call between a new article and a subhead. */
export interface BoundaryDoubt {
  /** The head lines weighed (their tokens). */
  heads: Token[];
  newArticle: boolean;
}

/** Most head lines above an anchor: label, kicker and a title over two lines. */
const MAX_HEAD_LINES = 4;
/** Slogan lines an ad may hold after its marker. */
const MAX_AD_LINES = 4;

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * The page header: masthead / date lines and a "第03版:要闻" or "A03 要闻" line, or else a short
 * page name ("一线微观察") set apart above the first headline.
 */
export function findHeader(tokens: readonly Token[]): Pick<PageSegments, "header" | "pageName" | "pageNumber" | "headerDate"> {
  const header: Token[] = [];
  let pageName: string | null = null;
  let pageNumber: number | null = null;
  let headerDate: string | null = null;
  let i = 0;
  for (; i < Math.min(tokens.length, 4); i++) {
    const t = tokens[i] as Token;
    if ((t.kind !== "heading" && t.kind !== "text") || t.text.length > 40) break;
    const numbered = PAGE_HEADER_NUMBERED.exec(t.text);
    const date = HEADER_DATE.exec(t.text);
    if (numbered) {
      pageNumber = digitsValue(numbered[1] ?? numbered[2] ?? numbered[3] ?? "");
      pageName = numbered[4]?.trim() || pageName;
    } else if (date || MASTHEAD.test(t.text)) {
      const inline = PAGE_NO_ANYWHERE.exec(t.text);
      if (inline) {
        pageNumber = digitsValue(inline[1] ?? "");
        pageName = inline[2] ?? pageName;
      }
    } else break;
    if (date) {
      const [y, m, d] = [Number(date[1]), Number(date[2]), Number(date[3])];
      if (m >= 1 && m <= 12 && d >= 1 && d <= 31) headerDate = `${y}-${pad(m)}-${pad(d)}`;
    }
    header.push(t);
  }
  // A bare page name: a short name set apart by a blank line above a headline (or, if very short,
  // above running text continued from elsewhere) — not a label, not a line with punctuation.
  if (pageName === null) {
    const t = tokens[i];
    const next = tokens[i + 1];
    if (t && next && t.kind === "heading" && PAGE_NAME.test(t.text) && !isLabelLike(t.text) && !isRubricLine(t.text)) {
      const overHeadline = next.kind === "heading" && (next.gapBefore > 0 || header.length > 0);
      // Over text continued from elsewhere, or over the jump line that opens it; a longer line
      // there is that text's title printed again.
      const overText = (next.kind === "text" || next.kind === "jump") && next.gapBefore > 0 && t.text.length <= 8;
      if (overHeadline || overText) {
        header.push(t);
        pageName = t.text;
      }
    }
  }
  return { header, pageName, pageNumber, headerDate };
}

/**
 * Whether the token at `k`, above the head lines found so far (from `k + 1` down to the anchor at
 * `anchor`), is a head line too: a heading-like line (not an ad's slogan); a title that is one
 * quoted exclamation or question, right above the anchor ("“家门口就能办,真方便!”"); or the first
 * line of a title broken after a comma, printed right above its second line. A photo credit or
 * "图为…" line is a caption, never a head line.
 */
function isHeadLine(tokens: readonly Token[], k: number, anchor: number, adSlogan: Uint8Array): boolean {
  const t = tokens[k] as Token;
  if (t.kind === "heading") return adSlogan[k] !== 1 && !looksLikeCaption(t.text);
  if (t.kind !== "text") return false;
  if (k + 1 === anchor) return isQuotedHeadline(t.text);
  const below = tokens[k + 1] as Token;
  return below.kind === "heading" && below.gapBefore === 0 && isBrokenTitleLine(t.text);
}

/**
 * A continued article's start: a jump line from another page ("(上接第1版)"), on its own or opening
 * the first paragraph. It opens an article only under a headline (the title printed again); with
 * none it is the rest of a story that began elsewhere (see `cutContinued`).
 */
const opensContinued = (t: Token) => (t.kind === "jump" && t.from) || (t.kind === "text" && jumpAtStart(t.text) > 0);

const isAnchor = (t: Token | undefined) =>
  t !== undefined && (t.kind === "subtitle" || (t.kind === "byline" && !t.closing) || t.kind === "dateline" || opensContinued(t));

/**
 * An article with neither dateline nor byline above its text (its byline, if any, closes it:
 * "(通讯员 尹晓东)") is still found by its head: a plain label ("肥城市", "齐河县人民法院" — never a
 * subhead) over a title of one or two lines, then running text at `j`. Returns the label's index,
 * or -1.
 */
function labelledHeadAbove(tokens: readonly Token[], j: number, from: number, adSlogan: Uint8Array): number {
  if (tokens[j]?.kind !== "text") return -1;
  for (let lines = 1; lines <= 2; lines++) {
    const at = j - lines - 1;
    if (at < from) return -1;
    const title = tokens[j - lines] as Token;
    if (title.kind !== "heading" || adSlogan[j - lines] === 1 || (lines === 2 && (tokens[j - 1] as Token).gapBefore > 0)) return -1;
    const label = tokens[at] as Token;
    if (label.kind === "heading" && adSlogan[at] !== 1 && isPlainLabel(label.text) && (label.gapBefore > 0 || at === from)) return at;
  }
  return -1;
}

/** Most title lines printed under a rubric ("记者手记" / its title / text). */
const MAX_RUBRIC_TITLE_LINES = 2;

/** Whether a token is a rubric line set apart (see PIECE_RUBRIC), not an ad's slogan. */
const isRubric = (t: Token | undefined, k: number, adSlogan: Uint8Array) =>
  t !== undefined && t.kind === "heading" && adSlogan[k] !== 1 && isRubricLine(t.text);

/**
 * A piece opened by a rubric at `j` ("图片新闻" over captions, "记者手记" over its title and text):
 * the rubric and up to two title lines under it are the head, what follows is the body. None when
 * the rubric is not set apart, or when an anchor (byline, dateline, subtitle) follows the head:
 * then the article is found by that anchor, the rubric kept as its kicker (see `headTop`).
 */
function rubricStart(tokens: readonly Token[], j: number, first: number, adSlogan: Uint8Array): Start | null {
  const t = tokens[j];
  if (!isRubric(t, j, adSlogan) || ((t as Token).gapBefore === 0 && j !== first)) return null;
  let b = j + 1;
  while (
    b - j <= MAX_RUBRIC_TITLE_LINES &&
    tokens[b]?.kind === "heading" &&
    !looksLikeCaption((tokens[b] as Token).text) &&
    (b === j + 1 || (tokens[b] as Token).gapBefore === 0)
  ) {
    b++;
  }
  const body = tokens[b];
  // Title lines with nothing of their own under them are the body (a photo block's first caption).
  if (body === undefined || body.kind === "heading") b = j + 1;
  if (tokens[b] === undefined || isAnchor(tokens[b])) return null;
  return { headStart: j, groupStart: b, groupEnd: b };
}

/** Whether a token is an editor's note (see EDITORS_NOTE). */
const isEditorsNote = (t: Token | undefined) => t !== undefined && t.kind === "text" && opensEditorsNote(t.text);
/** Whether a token is a byline printed in a head (not one closing an article in brackets). */
const isHeadByline = (t: Token | undefined) => t !== undefined && t.kind === "byline" && !t.closing;

interface Start {
  headStart: number;
  /** First anchor token. */
  groupStart: number;
  /** First body token (the dateline opens the body; subtitle and bylines are head). */
  groupEnd: number;
}

/**
 * A cleared view of `n` flags in a buffer reused for every page (a fresh typed array per page
 * costs more than clearing one); it reads and writes exactly as a new Uint8Array(n) would. The
 * segmenter is synchronous and uses one at a time.
 */
let flagScratch = new Uint8Array(1024);
function zeroedFlags(n: number): Uint8Array {
  if (flagScratch.length < n) flagScratch = new Uint8Array(Math.max(n, flagScratch.length * 2));
  const view = flagScratch.subarray(0, n);
  view.fill(0);
  return view;
}

/** Splits the page into header, articles, ads and leading fragments. */
export function segment(tokens: readonly Token[]): PageSegments {
  const head = findHeader(tokens);
  const first = head.header.length;
  const starts: Start[] = [];
  const untitled: Token[] = [];
  let claimedUpTo = first;
  // Heading lines directly under an ad marker (no blank line between): its slogans.
  const adSlogan = zeroedFlags(tokens.length);
  for (let k = 1; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    const prev = tokens[k - 1] as Token;
    if (t.kind === "heading" && t.gapBefore === 0 && (prev.kind === "ad-marker" || adSlogan[k - 1] === 1)) adSlogan[k] = 1;
  }
  for (let j = first; j < tokens.length; j++) {
    const t = tokens[j];
    if (!t) continue;
    const rubric = rubricStart(tokens, j, first, adSlogan);
    if (rubric) {
      starts.push(rubric);
      claimedUpTo = rubric.groupStart;
      j = claimedUpTo - 1;
      continue;
    }
    const labelled = isAnchor(t) ? -1 : labelledHeadAbove(tokens, j, claimedUpTo, adSlogan);
    if (labelled >= 0) {
      starts.push({ headStart: labelled, groupStart: j, groupEnd: j });
      claimedUpTo = j;
      continue;
    }
    if (!isAnchor(t)) continue;
    let end = j;
    while (end < tokens.length && (tokens[end]?.kind === "subtitle" || tokens[end]?.kind === "byline")) end++;
    // An editor's note between the head and its byline ("——副题" / "编者按:…" / "■ 本报记者 …"): the
    // note opens the text, and the byline under it is still this head's.
    if (t.kind === "subtitle" && isEditorsNote(tokens[end]) && isHeadByline(tokens[end + 1])) {
      end++;
      while (end < tokens.length && tokens[end]?.kind === "byline") end++;
    }
    // With no subtitle the byline is the anchor, the note right above it: the head is above the note.
    const above = t.kind === "byline" && j - 1 > claimedUpTo && isEditorsNote(tokens[j - 1]) ? j - 1 : j;
    // Walk back over heading lines: label, kicker, title (a title may take two lines); never into
    // the slogans printed right under an ad's marker.
    let top = above;
    while (top - 1 >= claimedUpTo && above - top < MAX_HEAD_LINES && isHeadLine(tokens, top - 1, above, adSlogan)) top--;
    const heads: number[] = [];
    for (let k = top; k < above; k++) heads.push(k);
    if (heads.length === 0) {
      // A byline or subtitle with no headline stays in the body; a dateline lead without one is
      // worth an editor's look (a lost title, or a brief run into the story above).
      if (t.kind === "dateline") untitled.push(t);
      continue;
    }
    heads.splice(0, headTop(tokens, heads, starts.length === 0));
    // A dateline or a jump line opens the body; subtitle and bylines are head.
    const opensBody = t.kind === "dateline" || opensContinued(t);
    starts.push({ headStart: heads[0] as number, groupStart: above, groupEnd: opensBody ? j : end });
    claimedUpTo = Math.max(end, j + 1);
    // A dateline right under the byline ("■ 本报记者 A" then "本报讯 …") opens this article's text;
    // it is no lead of another article that lost its title. So does one under an editor's note
    // printed right under the head.
    if (!opensBody && isEditorsNote(tokens[claimedUpTo]) && tokens[claimedUpTo + 1]?.kind === "dateline") claimedUpTo++;
    if (!opensBody && tokens[claimedUpTo]?.kind === "dateline") claimedUpTo++;
    j = claimedUpTo - 1;
  }

  const articles: ArticleSegment[] = [];
  const ads: AdSegment[] = [];
  const fragments: Token[][] = [];
  const doubts: BoundaryDoubt[] = [];
  const out: Output = { articles, ads, fragments, doubts };
  const firstStart = starts[0]?.headStart ?? tokens.length;
  splitLeading(tokens.slice(first, firstStart), out);

  for (let s = 0; s < starts.length; s++) {
    const cur = starts[s] as Start;
    const nextHead = starts[s + 1]?.headStart ?? tokens.length;
    const group = tokens.slice(cur.groupStart, cur.groupEnd);
    let subtitle: ArticleSegment["subtitle"] = null;
    const bylines: ArticleSegment["bylines"] = [];
    const extra: Token[] = [];
    for (const g of group) {
      if (g.kind === "subtitle" && subtitle === null) subtitle = g;
      else if (g.kind === "byline") bylines.push(g);
      else extra.push(g); // a second subtitle line is kept as text rather than lost
    }
    const continued = opensContinued(tokens[cur.groupStart] as Token);
    const rest = tokens.slice(cur.groupEnd, nextHead);
    const body = extra.length === 0 ? rest : [...extra, ...rest];
    pushArticle({ heads: tokens.slice(cur.headStart, cur.groupStart), subtitle, bylines, body }, continued ? 1 : 0, out);
  }
  const { header, pageName, pageNumber, headerDate } = head;
  return { header, pageName, pageNumber, headerDate, articles, ads, fragments, untitled, doubts };
}

/** Where the segmenter puts what it finds. */
interface Output {
  articles: ArticleSegment[];
  ads: AdSegment[];
  fragments: Token[][];
  doubts: BoundaryDoubt[];
}

/**
 * The head lines and subtitle of a segment, one per line. Concatenated rather than joined: the
 * text is read only if a candidate line in the body is weighed, and most bodies have none, so the
 * copy `join` makes up front is usually wasted.
 */
function headTextOf(seg: ArticleSegment): string {
  let text = "";
  for (let k = 0; k < seg.heads.length; k++) text += k === 0 ? (seg.heads[k] as Token).text : `\n${(seg.heads[k] as Token).text}`;
  return seg.subtitle ? `${text}\n${seg.subtitle.text}` : text;
}

/**
 * Adds an article found by its anchor (or at the top of the page) — and the articles printed with
 * no anchor of their own inside its body, found by weighing each heading line there (see
 * `weighBoundaries`). Ads and text continued from another page are then taken out of each body.
 * `continuedFrom`: where to look for a "(上接…)" jump line in the first body (1: after the article's
 * own one).
 */
function pushArticle(seg: ArticleSegment, continuedFrom: number, out: Output): void {
  const photos = seg.bylines.some((b) => b.people.some((p) => p.role === "photographer" || p.role === "writer-photographer"));
  const opening = seg.body[0] && isEditorsNote(seg.body[0]) ? seg.body[1] : seg.body[0];
  const decisions = weighBoundaries(seg.body, {
    headText: headTextOf(seg),
    dateline: opening?.kind === "dateline",
    feature: seg.subtitle !== null || seg.bylines.some((b) => !b.closing),
    photos,
  });
  let cur: ArticleSegment = seg;
  let from = 0;
  let jumpFrom = continuedFrom;
  for (const d of decisions) {
    if (Math.abs(d.score) < DOUBT_MARGIN) out.doubts.push({ heads: seg.body.slice(d.at, d.bodyAt), newArticle: d.newArticle });
    if (!d.newArticle) continue;
    out.articles.push({ ...cur, body: cutContinued(cutAds(seg.body.slice(from, d.at), out.ads), out.fragments, jumpFrom) });
    cur = { heads: seg.body.slice(d.at, d.bodyAt), subtitle: null, bylines: [], body: [] };
    from = d.bodyAt;
    jumpFrom = 0;
  }
  out.articles.push({ ...cur, body: cutContinued(cutAds(seg.body.slice(from), out.ads), out.fragments, jumpFrom) });
}

/**
 * How many of the walked-back head lines (top first) to give up: the head is the block of lines
 * printed together right above the anchor; above a blank line only a label ("临清市") still
 * belongs to it — or a kicker set apart: for the page's first article any line, for a later one a
 * line in the kicker's set form (see `isKickerApart`), with perhaps a label above it. Anything else
 * above a blank line ends the article before (a caption, an ad slogan).
 */
function headTop(tokens: readonly Token[], heads: readonly number[], firstArticle: boolean): number {
  let keep = heads.length - 1;
  let kicker = false;
  while (keep > 0) {
    const cur = tokens[heads[keep] as number] as Token;
    if (cur.gapBefore === 0) {
      keep--;
      continue;
    }
    const above = heads[keep - 1] as number;
    const aboveText = (tokens[above] as Token).text;
    if (isLabelLike(aboveText) || isLabelNamedIn(aboveText, tokens, (heads[heads.length - 1] as number) + 1)) keep--;
    else if (firstArticle && keep === 1 && !afterAd(tokens, above)) keep--;
    else if (!kicker && (isKickerApart(tokens, above) || isRubricLine((tokens[above] as Token).text))) {
      // A label may still stand above the kicker ("芝罘区" / kicker / title).
      kicker = true;
      keep--;
      continue;
    }
    break;
  }
  return keep;
}

/**
 * Whether the heading at `k`, set apart by blank lines above a title, is that title's kicker
 * (引题) rather than the last line of the article before it: it is a pair (or three) of short
 * parallel phrases parted by spaces ("守护万家灯火 筑牢安全防线", "聚焦“一老一小” 办好民生实事"), the
 * set form of a kicker that neither a caption ("消防员在社区演示灭火器使用方法", "……食堂里,老人们正在
 * 就餐" — a scene, told with commas) nor a paragraph's tail takes; and nothing above it leaves a
 * sentence for it to finish.
 */
function isKickerApart(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k] as Token;
  if (t.kind !== "heading" || t.gapBefore === 0 || !PARALLEL_PHRASES.test(t.text) || afterAd(tokens, k)) return false;
  const prev = tokens[k - 1];
  if (prev === undefined) return false;
  return !((prev.kind === "text" || prev.kind === "dateline") && !endsSentence(prev.text));
}

/** Whether the token at `i` follows an ad marker (with at most a few slogan lines between). */
function afterAd(tokens: readonly Token[], i: number): boolean {
  for (let k = i - 1; k >= 0 && i - k <= MAX_AD_LINES; k--) {
    const t = tokens[k] as Token;
    if (t.kind === "ad-marker") return true;
    if (t.kind !== "heading") return false;
  }
  return false;
}

/** An ad's slogan line: short, a heading or a one-line sentence ("文明出行,从我做起。"). */
function isSlogan(t: Token | undefined): boolean {
  return t !== undefined && (t.kind === "heading" || (t.kind === "text" && t.text.length <= MAX_SLOGAN));
}
const MAX_SLOGAN = 24;

/** Takes ads (a "公益广告" marker and the slogan lines under it) out of a run of body tokens. */
function cutAds(tokens: Token[], ads: AdSegment[]): Token[] {
  if (!tokens.some((t) => t.kind === "ad-marker")) return tokens;
  const body: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind !== "ad-marker") {
      body.push(t);
      continue;
    }
    const ad: Token[] = [t];
    // An ad printed inside the column flow: when the paragraph before it broke off mid-sentence,
    // the running text after the ad's slogans is that sentence's end, not one more slogan.
    const last = body[body.length - 1];
    const broken = last !== undefined && (last.kind === "text" || last.kind === "dateline") && !endsSentence(last.text);
    while (i + 1 < tokens.length && isSlogan(tokens[i + 1]) && ad.length <= MAX_AD_LINES && !(broken && tokens[i + 1]?.kind === "text")) ad.push(tokens[++i] as Token);
    ads.push({ tokens: ad });
  }
  return body;
}

/**
 * Takes text continued from another page out of an article's body: from a "(上接A01版)" jump line
 * (at `from` or later: a continued article's own jump line opens its body) to the end of the body,
 * it is a fragment of an article that began elsewhere, printed with no headline of its own.
 */
function cutContinued(tokens: Token[], fragments: Token[][], from: number): Token[] {
  let at = -1;
  for (let k = from; k < tokens.length && at < 0; k++) {
    const t = tokens[k] as Token;
    if (t.kind === "jump" && t.from) at = k;
  }
  if (at < 0) return tokens;
  fragments.push(tokens.slice(at));
  return tokens.slice(0, at);
}

/**
 * Lines before the first anchored article: a headline followed by running text is an article with
 * neither byline nor dateline; ads are ads; anything else is a fragment (continued from elsewhere).
 */
function splitLeading(lead: Token[], out: Output): void {
  const { ads, fragments } = out;
  let fragment: Token[] = [];
  let i = 0;
  while (i < lead.length) {
    const t = lead[i] as Token;
    if (t.kind === "ad-marker") {
      if (fragment.length) fragments.push(fragment);
      fragment = [];
      const ad: Token[] = [t];
      while (i + 1 < lead.length && isSlogan(lead[i + 1]) && ad.length <= MAX_AD_LINES) ad.push(lead[++i] as Token);
      ads.push({ tokens: ad });
      i++;
      continue;
    }
    // A jump line "(上接A01版)" is no headline (nor a heading): it opens a fragment continued from
    // another page.
    if (t.kind === "heading" && fragment.length === 0) {
      // Headline lines (adjacent, at most three) directly over running text: an unsigned article.
      let j = i + 1;
      while (j < lead.length && lead[j]?.kind === "heading" && j - i < 3 && lead[j]?.gapBefore === 0) j++;
      const next = lead[j];
      // Over a paragraph, however short, as long as it is a whole one ("5月17日是第36次全国助残日。").
      if (next && next.kind === "text" && (next.text.length >= 40 || endsSentence(next.text))) {
        // (No fragment is open here: a headline only opens an article at the start of one.)
        const heads = lead.slice(i, j);
        let k = j;
        while (k < lead.length && lead[k]?.kind !== "ad-marker") k++;
        pushArticle({ heads, subtitle: null, bylines: [], body: lead.slice(j, k) }, 0, out);
        i = k;
        continue;
      }
    }
    fragment.push(t);
    i++;
  }
  if (fragment.length) fragments.push(fragment);
}
