/**
 * `npm run bench:ingest [-- --issues N] [--pages N] [--keep]`
 *
 * Generates a year of a daily (365 issues × 8 pages, recombined from the sample pages; see
 * bench/lib/generate-edition.ts), imports it into a fresh database through the same
 * readInputs + importEdition path as `npm run ingest`, and prints pages/s, MB/s, seconds, the
 * database size and where the time went (read, parse, write, search index). Then imports the
 * same files again, which must change nothing. Prints figures only; it never fails on a time.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { applyMigrations } from "../lib/db/migrations";
import { openSqlite } from "../lib/db/sqlite";
import { importEdition, readInputs } from "../lib/import/index";
import { createProgressBar } from "../lib/import/progress";
import { generateEdition } from "./lib/generate-edition";

const { values } = parseArgs({
  options: {
    issues: { type: "string", default: "365" },
    pages: { type: "string", default: "8" },
    keep: { type: "boolean", default: false },
  },
});
const options = z
  .object({
    issues: z.coerce.number().int().min(1).max(3650),
    pages: z.coerce.number().int().min(1).max(99),
    keep: z.boolean(),
  })
  .parse(values);

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const work = fs.mkdtempSync(path.join(os.tmpdir(), "epaper-bench-ingest-"));
const pagesDir = path.join(work, "pages");
const dbFile = path.join(work, "edition.db");

try {
  let t = performance.now();
  const edition = generateEdition({ dir: pagesDir, issues: options.issues, pagesPerIssue: options.pages });
  console.log(`Generated ${edition.pages} pages (${options.issues} issues × ${options.pages}), ${mb(edition.bytes)}, in ${seconds(performance.now() - t)}`);
  await applyMigrations(dbFile);

  const db = openSqlite(`file:${dbFile}`);
  const bar = process.stderr.isTTY ? createProgressBar(process.stderr) : undefined;
  t = performance.now();
  const inputs = readInputs([pagesDir]);
  const readMs = performance.now() - t;
  const report = importEdition(db, inputs, {
    publish: true,
    onProgress: bar && (({ done, total, file }) => bar.update(done, total, path.basename(file))),
  });
  bar?.done();
  const totalMs = performance.now() - t;
  db.pragma("wal_checkpoint(TRUNCATE)");
  const dbBytes = fs.statSync(dbFile).size;

  const { timings, totals } = report;
  const rows: [string, string][] = [
    ["pages", `${totals.files} (${report.issues.length} issues, ${totals.articles} articles)`],
    ["input", mb(totals.bytes)],
    ["total", seconds(totalMs)],
    ["pages/s", (totals.files / (totalMs / 1000)).toFixed(0)],
    ["MB/s", (totals.bytes / 1024 / 1024 / (totalMs / 1000)).toFixed(2)],
    ["database", mb(dbBytes)],
    ["  read + checks", seconds(readMs)],
    ["  parse", seconds(timings.parseMs)],
    ["  write", seconds(timings.writeMs)],
    ["  search index", seconds(timings.indexMs)],
  ];
  console.log(rows.map(([k, v]) => `${k.padEnd(16)} ${v}`).join("\n"));

  t = performance.now();
  const again = importEdition(db, readInputs([pagesDir]), { publish: true });
  console.log(`re-import, same files: ${seconds(performance.now() - t)}, ${again.totals.outcomes.unchanged} of ${again.totals.files} unchanged`);
  db.close();
} finally {
  if (options.keep) console.log(`Kept ${work}`);
  else fs.rmSync(work, { recursive: true, force: true });
}
