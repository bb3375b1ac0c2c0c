/**
 * A deterministic generator of a daily's pages for benchmarks and large-import tests: the sample
 * pages' articles cut apart and recombined, with other counties' names, new datelines and
 * shuffled paragraphs, printed in the sample's layout (page name line, article heads, "■ 本报记者"
 * or "本报讯(记者 …)" bylines, paragraphs separated by blank lines, a 公益广告 at the foot of some
 * pages) so the parser finds articles as on real pages.
 *
 *   const edition = generateEdition({ dir: "/tmp/year", issues: 365 });   // 365 × 8 files
 *   const text = generatePage(createRandom(1), "2025-03-01", 3);           // one page, in memory
 */
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SAMPLE_FILES = ["data/sample/2026-04-08_01.txt", "data/sample/2025-12-27_01.txt"];

/** Page names of an eight-page daily, by page number. */
export const PAGE_NAMES = ["要闻", "要闻", "综合", "一线微观察", "经济", "民生", "法治", "文化", "县域", "副刊"];

const PLACES = ["聊城", "临清市", "东昌府区", "阳谷县", "莘县", "东阿县", "冠县", "高唐县", "茌平区"];

/** A seeded pseudo-random generator (mulberry32): the same seed gives the same edition. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** An article of the sample, cut into the parts the generator recombines. */
interface SampleArticle {
  /** Label, kicker, title, subtitle lines as printed (blank lines kept). */
  head: string;
  /** "■ 本报记者 …" lines, when the byline stands apart; otherwise the lead paragraph carries it. */
  byline: string | null;
  lead: string;
  paragraphs: string[];
}

interface SamplePool {
  articles: SampleArticle[];
  /** Long paragraphs of every article, to fill bodies. */
  paragraphs: string[];
  ads: string[];
}

const isAnchor = (line: string) => line.startsWith("本报讯") || line.startsWith("■");
const isShort = (line: string) => line.length > 0 && line.length <= 40 && !/[。！？”]$/.test(line);

/** Cuts the sample pages into articles: a head of short lines, then a byline or "本报讯" lead. */
function cutSample(text: string): SamplePool {
  const lines = text.replace(/\r\n?/g, "\n").split("\n").map((l) => l.trim());
  // The first line with text is the page name, not part of the first article's head.
  const header = lines.findIndex((l) => l !== "");
  const anchors = lines.flatMap((l, i) => (isAnchor(l) ? [i] : []));
  const articles: SampleArticle[] = [];
  const ads: string[] = [];
  const headStart = (anchor: number) => {
    let start = anchor;
    for (let i = anchor - 1; i > header && anchor - i <= 8; i--) {
      const line = lines[i]!;
      if (line === "") continue;
      if (!isShort(line)) break;
      start = i;
    }
    return start;
  };
  anchors.forEach((anchor, k) => {
    const start = headStart(anchor);
    const nextStart = k + 1 < anchors.length ? headStart(anchors[k + 1]!) : lines.length;
    const head = lines.slice(start, anchor).join("\n").trim();
    if (!head) return;
    let i = anchor;
    let byline: string | null = null;
    if (lines[anchor]!.startsWith("■")) {
      const by = [lines[anchor]!];
      for (i = anchor + 1; i < nextStart && lines[i] !== "" && isShort(lines[i]!); i++) by.push(lines[i]!);
      byline = by.join("\n");
    }
    const body: string[] = [];
    for (; i < nextStart; i++) {
      const line = lines[i]!;
      if (line === "") continue;
      if (line.includes("公益广告")) {
        ads.push(lines.slice(i, nextStart).filter(Boolean).join("\n\n"));
        break;
      }
      body.push(line);
    }
    const [lead, ...paragraphs] = body;
    if (lead) articles.push({ head, byline, lead, paragraphs });
  });
  return { articles, paragraphs: articles.flatMap((a) => a.paragraphs.filter((p) => p.length > 40)), ads };
}

let pool: SamplePool | undefined;

function samplePool(): SamplePool {
  if (!pool) {
    const cut = SAMPLE_FILES.map((f) => cutSample(fs.readFileSync(path.join(ROOT, f), "utf8")));
    pool = {
      articles: cut.flatMap((c) => c.articles),
      paragraphs: cut.flatMap((c) => c.paragraphs),
      ads: cut.flatMap((c) => c.ads),
    };
  }
  return pool;
}

/** Puts another county where the sample names one, so the year is not 365 copies of two pages. */
function relocate(text: string, place: string): string {
  if (place === "聊城") return text;
  // The city's own bodies (聊城大学, 聊城日报) stay; "聊城市X局" becomes "莘县X局".
  return text.replace(/聊城市?(?!大学|日报)|临清市|东昌府区|阳谷县|莘县|东阿县|冠县|高唐县|茌平区/g, place);
}

/** The dateline of a lead paragraph moved to a day or two before the issue. */
function redate(lead: string, issueDate: string, random: () => number): string {
  const day = new Date(`${issueDate}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - Math.floor(random() * 3));
  return lead.replace(/\d{1,2}月\d{1,2}日/, `${day.getUTCMonth() + 1}月${day.getUTCDate()}日`);
}

/** The raw text of one generated page. */
export function generatePage(random: () => number, issueDate: string, pageNumber: number): string {
  const { articles, paragraphs, ads } = samplePool();
  const out: string[] = ["", "", PAGE_NAMES[(pageNumber - 1) % PAGE_NAMES.length]!, ""];
  const count = 4 + Math.floor(random() * 4);
  for (let a = 0; a < count; a++) {
    const source = pick(random, articles);
    const place = pick(random, PLACES);
    out.push(relocate(source.head, place), "");
    if (source.byline) out.push(source.byline, "");
    out.push(relocate(redate(source.lead, issueDate, random), place), "");
    const own = source.paragraphs.slice(0, 1 + Math.floor(random() * source.paragraphs.length));
    const borrowed = Array.from({ length: Math.floor(random() * 4) }, () => pick(random, paragraphs));
    for (const p of [...own, ...borrowed]) out.push(relocate(p, place), "");
  }
  if (ads.length && random() < 0.3) out.push(pick(random, ads), "");
  return out.join("\n");
}

export interface GenerateOptions {
  /** Directory to write into (created if missing). */
  dir: string;
  /** Number of consecutive daily issues (default 365). */
  issues?: number;
  pagesPerIssue?: number;
  /** First issue date (default 2025-01-01). */
  startDate?: string;
  seed?: number;
}

export interface GeneratedEdition {
  dir: string;
  files: string[];
  dates: string[];
  pages: number;
  bytes: number;
}

/** Writes `issues × pagesPerIssue` page files named YYYY-MM-DD_PP.txt into `dir`. */
export function generateEdition(options: GenerateOptions): GeneratedEdition {
  const { dir, issues = 365, pagesPerIssue = 8, startDate = "2025-01-01", seed = 20260408 } = options;
  fs.mkdirSync(dir, { recursive: true });
  const random = createRandom(seed);
  const files: string[] = [];
  const dates: string[] = [];
  let bytes = 0;
  const day = new Date(`${startDate}T00:00:00Z`);
  for (let i = 0; i < issues; i++) {
    const date = day.toISOString().slice(0, 10);
    dates.push(date);
    for (let p = 1; p <= pagesPerIssue; p++) {
      const file = path.join(dir, `${date}_${String(p).padStart(2, "0")}.txt`);
      const text = generatePage(random, date, p);
      fs.writeFileSync(file, text);
      bytes += Buffer.byteLength(text);
      files.push(file);
    }
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return { dir, files, dates, pages: files.length, bytes };
}
