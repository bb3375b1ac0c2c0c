/**
 * `npm run -s parse:score [-- --pages] [-- --json]`: the fixture corpus's scoreboard — precision
 * and recall of article boundaries, heads, bylines, categories and departments, and the
 * character-level "nothing lost" check, over every fixture page (tests/fixtures/pages), by group
 * and in total. `--pages` adds one line per page, worst first. Scoring: lib/parser/scoreboard.ts.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { resolvePaperOption } from "../lib/paper/load";
import { decode, parsePage, type ParseOptions } from "../lib/parser";
import { DEFAULT_PROFILE } from "../lib/parser/profile";
import { addScore, emptyScore, MEASURES, precision, recall, scorePage, type ExpectedPage, type PageScore } from "../lib/parser/scoreboard";

const { values } = parseArgs({ options: { pages: { type: "boolean", default: false }, json: { type: "boolean", default: false } } });
const DIR = path.join(import.meta.dirname, "../tests/fixtures/pages");

/**
 * Which parts of the corpus a page counts in: its paper (every page), and for the default paper's
 * pages the seeds, the segmentation set or the rest.
 */
function groupsOf(name: string, paper: string | undefined): string[] {
  if (paper && paper !== DEFAULT_PROFILE.id) return [`paper ${paper}`];
  return [`paper ${DEFAULT_PROFILE.id}`, kindOf(name)];
}

function kindOf(name: string): string {
  if (name.startsWith("seed-")) return "seeds";
  if (name.startsWith("seg-")) return "segmentation";
  return "other pages";
}

const rows: { name: string; groups: string[]; score: PageScore }[] = [];
for (const file of fs.readdirSync(DIR).filter((f) => f.endsWith(".expected.json")).sort()) {
  const name = file.replace(/\.expected\.json$/, "");
  const expected = JSON.parse(fs.readFileSync(path.join(DIR, file), "utf8")) as ExpectedPage & { options?: ParseOptions & { paper?: string } };
  const bytes = fs.readFileSync(path.join(DIR, `${name}.txt`));
  const lines = decode(bytes).text.replace(/\r\n?/g, "\n").split("\n");
  const options = expected.options ?? {};
  rows.push({ name, groups: groupsOf(name, options.paper), score: scorePage(expected, parsePage(bytes, resolvePaperOption(options)), lines) });
}

const groups = new Map<string, PageScore>();
const total = emptyScore();
for (const r of rows) {
  for (const g of r.groups) addScore(groups.get(g) ?? groups.set(g, emptyScore()).get(g)!, r.score);
  addScore(total, r.score);
}

if (values.json) {
  console.log(JSON.stringify({ total, groups: Object.fromEntries(groups), pages: rows }, null, 2));
} else {
  const W = 22;
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
  // Papers first, then the default paper's parts.
  const columns = [...groups.keys()].sort((a, b) => Number(b.startsWith("paper ")) - Number(a.startsWith("paper ")) || a.localeCompare(b));
  const counts = columns.map((g) => `${g} (${rows.filter((r) => r.groups.includes(g)).length})`);
  console.log(`${"".padEnd(13)}${["total".padEnd(W), ...counts.map((c) => c.padEnd(W))].join("")}`);
  console.log(`${"".padEnd(13)}${["total", ...columns].map(() => "  precision recall".padEnd(W)).join("")}`);
  for (const m of MEASURES) {
    const cells = [total, ...columns.map((g) => groups.get(g)!)].map((s) => `${pct(precision(s[m]))} ${pct(recall(s[m]))}`.padEnd(W));
    console.log(`${m.padEnd(13)}${cells.join("")}`);
  }
  const c = total.characters;
  console.log(`characters   ${c.checked} checked in blocks, ads and orphans: ${c.lost} lost, ${c.added} added`);
  console.log(`pages        ${rows.length}`);
  if (values.pages) {
    const worst = (s: PageScore) => Math.min(...MEASURES.map((m) => Math.min(precision(s[m]), recall(s[m]))));
    console.log("\nby page, worst first (lowest precision or recall of any measure):");
    for (const r of [...rows].sort((a, b) => worst(a.score) - worst(b.score) || a.name.localeCompare(b.name))) {
      const weak = MEASURES.filter((m) => precision(r.score[m]) < 1 || recall(r.score[m]) < 1).map((m) => `${m} ${pct(precision(r.score[m])).trim()}/${pct(recall(r.score[m])).trim()}`);
      console.log(`${pct(worst(r.score))}  ${r.name}${weak.length ? `  (${weak.join(", ")})` : ""}`);
    }
  }
}
