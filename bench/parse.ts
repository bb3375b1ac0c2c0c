/**
 * `npm run bench:parse [-- --mb 50]`: parser throughput on one core.
 *
 * Builds a corpus of at least 50 MB in memory by recombining the fixture pages: each page is cut
 * into whole-article chunks (from one article's first head line to the next one's, so damage such
 * as stray paragraphs travels with its host), and new pages are drawn from them — a page header,
 * five to nine distinct articles, sometimes an ad — with datelines and figures varied and some
 * pages in CRLF or indented layout. Every page is parsed once to warm up, then three full passes
 * are timed on this thread and the median pass's MB/s and pages/s are printed (one pass is at the
 * mercy of whatever else the machine is doing at that moment).
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { decode, parsePage } from "../lib/parser";

const { values } = parseArgs({ options: { mb: { type: "string", default: "50" } } });
const targetBytes = Math.max(1, Number(values.mb) || 50) * 1024 * 1024;

const dir = path.join(import.meta.dirname, "../tests/fixtures/pages");
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".txt"))
  .sort();

// Cut each fixture page into article chunks, using the parser's own reading of where articles start.
const articles: string[] = [];
const ads: string[] = [];
for (const f of files) {
  const bytes = fs.readFileSync(path.join(dir, f));
  const page = parsePage(bytes);
  const lines = decode(bytes).text.replace(/\r\n?/g, "\n").split("\n");
  const starts = page.articles.map((a) => Math.min(...a.headLines, ...a.blocks.flatMap((b) => b.sourceLines))).filter(Number.isFinite);
  const adLines = new Set(page.ads.flatMap((a) => a.sourceLines));
  for (const ad of page.ads) ads.push(ad.lines.join("\n\n"));
  starts.forEach((s, i) => {
    const end = starts[i + 1] ?? lines.length + 1;
    const chunk = lines
      .slice(s - 1, end - 1)
      .filter((_, k) => !adLines.has(s + k))
      .join("\n")
      .trim();
    if (chunk.length > 0) articles.push(chunk);
  });
}
if (articles.length < 6) throw new Error("bench: too few fixture articles to build a corpus");

let seed = 42;
const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff;
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] as T;
const PAGE_NAMES = ["要闻", "一线微观察", "综合", "县域经济", "民生", "法治"];

const pages: Uint8Array[] = [];
let total = 0;
while (total < targetBytes) {
  const month = 1 + Math.floor(rand() * 12);
  const header = rand() < 0.5 ? `第${String(1 + Math.floor(rand() * 16)).padStart(2, "0")}版:${pick(PAGE_NAMES)}` : pick(PAGE_NAMES);
  const parts: string[] = [header];
  const count = 5 + Math.floor(rand() * 5);
  const used = new Set<number>();
  while (used.size < Math.min(count, articles.length)) used.add(Math.floor(rand() * articles.length));
  for (const i of used) {
    parts.push(
      (articles[i] as string)
        .replace(/(\d{1,2})月(\d{1,2})日/gu, () => `${month}月${1 + Math.floor(rand() * 28)}日`)
        .replace(/\d{2,}(?=[名人件项个%])/gu, (d) => String(Number(d) + Math.floor(rand() * 9))),
    );
  }
  if (ads.length > 0 && rand() < 0.3) parts.push(pick(ads));
  let text = `\n\n${parts.join("\n\n")}\n`;
  if (rand() < 0.15) text = text.replace(/\n(?=[^\n]{41})/gu, "\n\u3000\u3000");
  if (rand() < 0.15) text = text.replace(/\n/gu, "\r\n");
  const bytes = new TextEncoder().encode(text);
  pages.push(bytes);
  total += bytes.length;
}

// Warm up (JIT), then time full passes on this thread.
for (const p of pages) parsePage(p);
// Wall time is what a user waits; CPU time is what the parser costs when other work shares the core.
const PASSES = 3;
const walls: number[] = [];
const cpus: number[] = [];
let found = 0;
for (let pass = 0; pass < PASSES; pass++) {
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  found = 0;
  for (const p of pages) found += parsePage(p).articles.length;
  walls.push(Number(process.hrtime.bigint() - t0) / 1e9);
  const cpu = process.cpuUsage(cpu0);
  cpus.push((cpu.user + cpu.system) / 1e6);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const seconds = median(walls);
const cpuSeconds = median(cpus);
const mb = total / 1024 / 1024;
console.log(`corpus      ${mb.toFixed(1)} MB in ${pages.length} pages (${found} articles), from ${articles.length} fixture articles`);
console.log(`time        ${seconds.toFixed(2)} s wall, ${cpuSeconds.toFixed(2)} s CPU, one thread (median of ${PASSES} passes: ${walls.map((s) => s.toFixed(2)).join(", ")} s wall)`);
console.log(`throughput  ${(mb / seconds).toFixed(1)} MB/s, ${(pages.length / seconds).toFixed(0)} pages/s (target ≥ 20 MB/s)`);
console.log(`per CPU-s   ${(mb / cpuSeconds).toFixed(1)} MB/s, ${(pages.length / cpuSeconds).toFixed(0)} pages/s`);
