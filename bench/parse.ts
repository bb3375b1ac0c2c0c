/**
 * `npm run bench:parse [-- --mb 50]`: parser throughput on one core. Builds a corpus of at least
 * 50 MB in memory by recombining the fixture pages (articles shuffled between pages, dates and
 * numbers varied), parses every page once to warm up, then times a full pass and prints MB/s.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { parsePage } from "../lib/parser";

const { values } = parseArgs({ options: { mb: { type: "string", default: "50" } } });
const targetBytes = Number(values.mb) * 1024 * 1024;

const dir = path.join(import.meta.dirname, "../tests/fixtures/pages");
const sources = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".txt"))
  .map((f) => fs.readFileSync(path.join(dir, f), "utf8"));

// Cut the sources into article-sized chunks at headline boundaries (a blank line before a short line).
const chunks: string[] = [];
for (const s of sources) {
  const parts = s.split(/\n\n(?=[^\n]{1,30}\n)/u);
  chunks.push(...parts.filter((p) => p.trim().length > 0));
}

let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);

const pages: Buffer[] = [];
let total = 0;
while (total < targetBytes) {
  const n = 6 + Math.floor(rand() * 6);
  const body: string[] = ["", "", `第${String(1 + Math.floor(rand() * 8)).padStart(2, "0")}版:一线微观察`, ""];
  for (let i = 0; i < n; i++) {
    const c = chunks[Math.floor(rand() * chunks.length)] ?? "";
    body.push(c.replace(/(\d{1,2})月(\d{1,2})日/gu, () => `${1 + Math.floor(rand() * 12)}月${1 + Math.floor(rand() * 28)}日`), "");
  }
  const buf = Buffer.from(body.join("\n"), "utf8");
  pages.push(buf);
  total += buf.length;
}

for (const p of pages.slice(0, 200)) parsePage(p);
const t0 = process.hrtime.bigint();
let articles = 0;
for (const p of pages) articles += parsePage(p).articles.length;
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
const mb = total / 1024 / 1024;
console.log(`corpus      ${mb.toFixed(1)} MB in ${pages.length} pages (${articles} articles)`);
console.log(`time        ${seconds.toFixed(2)} s on one core`);
console.log(`throughput  ${(mb / seconds).toFixed(1)} MB/s, ${(pages.length / seconds).toFixed(0)} pages/s (target ≥ 20 MB/s)`);
