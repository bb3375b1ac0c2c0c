import type { Token } from "./classify";
import { isLabelLike } from "./departments";

/** An article as found on the page, before its body is turned into blocks. */
export interface ArticleSegment {
  /** Head lines above the anchor: label / kicker / title lines, top to bottom. */
  heads: Token[];
  subtitle: Extract<Token, { kind: "subtitle" }> | null;
  bylines: Token[];
  body: Token[];
  /** Heading tokens the head walk-back left to the previous article (e.g. its caption). */
}

export interface AdSegment {
  tokens: Token[];
}

export interface PageSegments {
  header: Token[];
  pageName: string | null;
  pageNumber: number | null;
  articles: ArticleSegment[];
  ads: AdSegment[];
  /** Lines before the first article that belong to nothing (continued from another page). */
  orphans: Token[][];
}

const isAnchor = (t: Token | undefined) => t !== undefined && (t.kind === "subtitle" || t.kind === "byline" || t.kind === "dateline");

/** Finds the page header: a "第03版:要闻" line, or a short page name above the first headline. */
function findHeader(tokens: Token[]): { header: Token[]; pageName: string | null; pageNumber: number | null } {
  const first = tokens[0];
  if (!first) return { header: [], pageName: null, pageNumber: null };
  if (first.kind === "numbered-header") return { header: [first], pageName: first.pageName || null, pageNumber: first.pageNumber };
  const next = tokens[1];
  if (
    first.kind === "heading" &&
    [...first.text].length <= 12 &&
    next !== undefined &&
    next.kind === "heading" &&
    !isLabelLike(first.text)
  ) {
    return { header: [first], pageName: first.text, pageNumber: null };
  }
  return { header: [], pageName: null, pageNumber: null };
}

/**
 * Splits the page into header, articles, ads and leftovers. An article starts at the head lines
 * (label, kicker, title) found directly above an anchor: a subtitle ("——…"), a byline ("■ 本报记者 …")
 * or a dateline lead ("本报讯(…)"). Everything up to the next article's head is its body.
 */
export function segment(tokens: Token[]): PageSegments {
  const { header, pageName, pageNumber } = findHeader(tokens);
  const start = header.length;
  // 1. Article starts: for each anchor group, walk back over heading lines.
  interface Start {
    headStart: number;
    groupStart: number;
    groupEnd: number; // exclusive: first body token
  }
  const starts: Start[] = [];
  let claimedUpTo = start; // tokens before this index belong to an earlier article's head
  for (let j = start; j < tokens.length; j++) {
    const t = tokens[j];
    if (!isAnchor(t) || !t) continue;
    if (j < claimedUpTo) continue;
    // The group: subtitle and bylines (a dateline ends the head and opens the body).
    let end = j;
    while (end < tokens.length && (tokens[end]?.kind === "subtitle" || tokens[end]?.kind === "byline")) end++;
    const groupEnd = end;
    // Walk back over heading lines (at most 3: label, kicker, title; titles may take two lines).
    let k = j - 1;
    const heads: number[] = [];
    while (k >= claimedUpTo && tokens[k]?.kind === "heading" && heads.length < 3) {
      heads.unshift(k);
      k--;
    }
    if (heads.length === 0) {
      // An anchor with no headline above it: a subtitle or byline without a title stays in the body.
      continue;
    }
    // The topmost of several head lines separated from the rest by a blank line is only part of
    // this head if it is a label; otherwise it is the previous article's trailing line (a caption).
    while (heads.length >= 2) {
      const top = tokens[heads[0] ?? -1];
      const below = tokens[heads[1] ?? -1];
      if (!top || !below) break;
      const separated = below.gapBefore > 0;
      const hasPrevious = starts.length > 0;
      if (separated && !isLabelLike(top.text) && hasPrevious) heads.shift();
      else break;
    }
    starts.push({ headStart: heads[0] ?? j, groupStart: j, groupEnd: t.kind === "dateline" ? j : groupEnd });
    claimedUpTo = groupEnd;
    j = groupEnd - 1;
  }

  const articles: ArticleSegment[] = [];
  const ads: AdSegment[] = [];
  const orphans: Token[][] = [];

  // 2. Before the first article: a headline followed by paragraphs is an article without anchors;
  // anything else is a fragment continued from elsewhere.
  const firstStart = starts[0]?.headStart ?? tokens.length;
  const lead = tokens.slice(start, firstStart);
  splitLeading(lead, articles, ads, orphans);

  // 3. Bodies run to the next article's head; ads are cut out of them.
  for (let s = 0; s < starts.length; s++) {
    const cur = starts[s];
    if (!cur) continue;
    const nextHead = starts[s + 1]?.headStart ?? tokens.length;
    const heads = tokens.slice(cur.headStart, cur.groupStart);
    const group = tokens.slice(cur.groupStart, cur.groupEnd);
    const subtitle = (group.find((t) => t.kind === "subtitle") as ArticleSegment["subtitle"]) ?? null;
    const bylines = group.filter((t) => t.kind === "byline");
    // Extra subtitles in the group are kept as body text rather than dropped.
    const extra = group.filter((t) => t.kind === "subtitle" && t !== subtitle);
    const bodyTokens = [...extra, ...tokens.slice(cur.groupEnd, nextHead)];
    const body: Token[] = [];
    for (let i = 0; i < bodyTokens.length; i++) {
      const t = bodyTokens[i];
      if (!t) continue;
      if (t.kind === "ad-marker") {
        const ad: Token[] = [t];
        while (i + 1 < bodyTokens.length && bodyTokens[i + 1]?.kind === "heading") ad.push(bodyTokens[++i] as Token);
        ads.push({ tokens: ad });
        continue;
      }
      body.push(t);
    }
    articles.push({ heads, subtitle, bylines, body });
  }
  return { header, pageName, pageNumber, articles, ads, orphans };
}

function splitLeading(lead: Token[], articles: ArticleSegment[], ads: AdSegment[], orphans: Token[][]): void {
  let i = 0;
  let fragment: Token[] = [];
  const flush = () => {
    if (fragment.length) orphans.push(fragment);
    fragment = [];
  };
  while (i < lead.length) {
    const t = lead[i] as Token;
    if (t.kind === "ad-marker") {
      flush();
      const ad: Token[] = [t];
      while (i + 1 < lead.length && lead[i + 1]?.kind === "heading") ad.push(lead[++i] as Token);
      ads.push({ tokens: ad });
      i++;
      continue;
    }
    if (t.kind === "heading" && (lead[i + 1]?.kind === "paragraph" || lead[i + 1]?.kind === "heading")) {
      // Headline(s) then paragraphs: an article with no byline or dateline.
      const heads: Token[] = [t];
      let j = i + 1;
      while (j < lead.length && lead[j]?.kind === "heading" && heads.length < 3 && (lead[j]?.gapBefore ?? 1) === 0) heads.push(lead[j++] as Token);
      if (lead[j]?.kind === "paragraph") {
        flush();
        const body: Token[] = [];
        while (j < lead.length && lead[j]?.kind !== "ad-marker") body.push(lead[j++] as Token);
        articles.push({ heads, subtitle: null, bylines: [], body });
        i = j;
        continue;
      }
    }
    fragment.push(t);
    i++;
  }
  flush();
}
