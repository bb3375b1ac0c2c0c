/**
 * `npm run bench:search [-- --articles N] [--queries N] [--naive N] [--db FILE]`
 *
 * Writes a deterministic synthetic archive (default 300,000 articles; bench/search-lib/corpus.ts)
 * straight into a fresh database, builds the search index with the real indexer (reindexAll, as
 * `npm run search:reindex` does; imports run the same code per article), then runs the fixed mix of
 * queries of bench/search-lib/queries.ts and prints the index build time, the database size and
 * latency percentiles of:
 *
 *   full search   searchArticles(): match, filters, total, facet counts, 20 results with snippets
 *   bare match    the same FTS5 MATCH expression ranked by BM25, LIMIT 20, no filters: the floor
 *                 of answering the query with FTS5 alone (BM25 over every match: the full search
 *                 ranks at most lib/search/query.ts's RANK_WINDOW newest, so it can be faster)
 *   match set     the MATCH alone, every rowid, unranked: what the full search adds to (ranking,
 *                 filters, counts, facets, snippets), for reference
 *   trigram       SQLite's trigram tokenizer over title + body, same ranking and LIMIT (only the
 *                 queries whose words all have 3+ characters: it cannot look up shorter ones)
 *   naive         LIKE '%…%' over title and body with the same filters, then count and the newest
 *                 20 (--naive queries spread over the mix: each one reads the whole table)
 *
 * Each comparison is also given against the full search on the same queries. Wall-clock times, with
 * the CPU time of the full search beside them (the machine is shared). With --db FILE the archive is
 * kept there and reused by the next run when it has the same number of articles.
 * Prints figures only; it never fails on a time.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { applyMigrations, loadMigrationList } from "../lib/db/migrations";
import { openSqlite, type SqliteDb } from "../lib/db/sqlite";
import { getArticleFacts } from "../lib/search/facts";
import { reindexAll } from "../lib/search/indexer";
import { BM25_WEIGHTS, resolveDepartments, searchArticles } from "../lib/search/query";
import { parseQuery } from "../lib/search/query-parser";
import { loadPool, writeCorpus } from "./search-lib/corpus";
import { buildQueries, type BenchQuery } from "./search-lib/queries";

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "300000" },
    queries: { type: "string", default: "1000" },
    naive: { type: "string", default: "50" },
    db: { type: "string" },
  },
});
const options = z
  .object({
    articles: z.coerce.number().int().min(100).max(5_000_000),
    queries: z.coerce.number().int().min(10).max(100_000),
    naive: z.coerce.number().int().min(0).max(100_000),
    db: z.string().optional(),
  })
  .parse(values);

const log = (s: string) => process.stderr.write(`${s}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const fmt = (ms: number) => (Number.isNaN(ms) ? "—" : ms < 10 ? ms.toFixed(2) : ms.toFixed(1));

const work = options.db ? null : fs.mkdtempSync(path.join(os.tmpdir(), "epaper-bench-search-"));
const dbFile = options.db ? path.resolve(options.db) : path.join(work!, "archive.db");

/** Wall and CPU milliseconds of f(). */
function measure(f: () => unknown): { wall: number; cpu: number } {
  const cpu0 = process.cpuUsage();
  const t = performance.now();
  f();
  const wall = performance.now() - t;
  const c = process.cpuUsage(cpu0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

function fileSize(file: string): number {
  return ["", "-wal"].reduce((n, s) => n + (fs.existsSync(file + s) ? fs.statSync(file + s).size : 0), 0);
}

/** Bytes per table with its indexes and FTS5 shadow tables (dbstat), by base name. */
function tableBytes(db: SqliteDb): Map<string, number> {
  const out = new Map<string, number>();
  try {
    const rows = db.prepare("SELECT m.tbl_name AS tbl, sum(s.pgsize) AS bytes FROM dbstat s JOIN sqlite_master m ON m.name = s.name GROUP BY s.name").all() as { tbl: string; bytes: number }[];
    for (const r of rows) {
      const key = r.tbl.replace(/_(data|idx|content|docsize|config)$/, "");
      out.set(key, (out.get(key) ?? 0) + r.bytes);
    }
  } catch {
    // Without dbstat only the file size is printed.
  }
  return out;
}

function archiveReady(): boolean {
  if (!fs.existsSync(dbFile)) return false;
  const db = openSqlite(`file:${dbFile}`);
  try {
    const articles = db.prepare("SELECT count(*) FROM Article").pluck().get() as number;
    const trigram = db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'bench_trigram'").pluck().get() as number;
    // A kept archive is reused only with every migration applied (the index's shape may have changed).
    const applied = new Set(db.prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL").pluck().all() as string[]);
    const current = loadMigrationList().migrationDirectories.every((m) => applied.has(m.path));
    return articles === options.articles && trigram === 1 && current;
  } catch {
    return false;
  } finally {
    db.close();
  }
}

/** Writes and indexes the archive; returns the lines describing the build. */
async function build(): Promise<string[]> {
  for (const s of ["", "-wal", "-shm"]) fs.rmSync(dbFile + s, { force: true });
  await applyMigrations(dbFile);
  const db = openSqlite(`file:${dbFile}`);
  db.pragma("cache_size = -262144");
  let stats!: ReturnType<typeof writeCorpus>;
  const write = measure(() => {
    stats = writeCorpus(db, loadPool(), { articles: options.articles, onProgress: (n) => n % 50_000 === 0 && log(`  wrote ${n} articles`) });
  });
  log(`Wrote the archive in ${seconds(write.wall)}`);
  const started = performance.now();
  const index = measure(() =>
    reindexAll(db, (done, total) => (done % 50_000 === 0 || done === total) && log(`  indexed ${done} / ${total} (${seconds(performance.now() - started)})`)),
  );
  db.pragma("wal_checkpoint(TRUNCATE)");
  const size = fileSize(dbFile);
  const tables = tableBytes(db);

  log("Building the trigram table for comparison …");
  const trigram = measure(() => {
    db.exec("CREATE VIRTUAL TABLE bench_trigram USING fts5(text, content = '', tokenize = 'trigram', detail = full)");
    db.transaction(() => {
      db.exec("INSERT INTO bench_trigram (rowid, text) SELECT id, title || char(10) || plainText FROM Article");
      db.exec("INSERT INTO bench_trigram (bench_trigram) VALUES ('optimize')");
    })();
  });
  db.pragma("wal_checkpoint(TRUNCATE)");
  const trigramBytes = tableBytes(db).get("bench_trigram") ?? 0;
  db.close();

  const per1000 = (ms: number) => `${((ms / stats.articles) * 1000).toFixed(0)} ms per 1,000 articles`;
  return [
    `archive          ${stats.articles} articles, ${stats.issues} issues (${stats.firstDate} … ${stats.lastDate}), ${(stats.bodyChars / stats.articles).toFixed(0)} body characters on average; written in ${seconds(write.wall)}`,
    `index build      ${seconds(index.wall)} wall, ${seconds(index.cpu)} CPU (${per1000(index.wall)}): tokens, jieba, FTS5 inserts, final merge`,
    `database         ${mb(size)}${tables.size ? ` (search index ${mb(tables.get("article_fts") ?? 0)}, Article ${mb(tables.get("Article") ?? 0)})` : ""}`,
    `trigram table    ${seconds(trigram.wall)} to build, ${mb(trigramBytes)} (comparison only)`,
  ];
}

function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

try {
  const buildLines = archiveReady() ? [`archive          reused ${dbFile} (${options.articles} articles)`] : await build();
  // The connection as the site opens it (searchArticles sizes its page cache on first use).
  const db = openSqlite(`file:${dbFile}`);
  const size = fileSize(dbFile);

  const pool = loadPool();
  const range = db.prepare("SELECT min(issueDate) AS firstDate, max(issueDate) AS lastDate FROM Article").get() as { firstDate: string; lastDate: string };
  const queries = buildQueries(pool, range, options.queries);

  const factsLoad = measure(() => getArticleFacts(db));
  const facts = getArticleFacts(db);
  const bare = db.prepare(`SELECT rowid FROM article_fts WHERE article_fts MATCH ? ORDER BY bm25(article_fts, ${BM25_WEIGHTS.join(", ")}) LIMIT 20`).pluck();
  const matchSet = db.prepare("SELECT rowid FROM article_fts WHERE article_fts MATCH ?").pluck();
  const trigram = db.prepare("SELECT rowid FROM bench_trigram WHERE bench_trigram MATCH ? ORDER BY bm25(bench_trigram) LIMIT 20").pluck();
  const trigramExpression = (q: BenchQuery) => (q.words.every((w) => [...w].length >= 3) ? q.words.map((w) => `"${w}"`).join(" AND ") : null);
  const naive = (q: BenchQuery) => {
    const where = ["published = 1"];
    const args: unknown[] = [];
    for (const w of q.words) {
      where.push("(title LIKE ? OR plainText LIKE ?)");
      args.push(`%${w}%`, `%${w}%`);
    }
    const p = q.params;
    if (p.category) where.push("category = ?"), args.push(p.category);
    if (p.from) where.push("issueDate >= ?"), args.push(p.from);
    if (p.to) where.push("issueDate <= ?"), args.push(p.to);
    if (p.department) {
      const ids = resolveDepartments(facts, p.department).map((d) => d.id);
      where.push(`id IN (SELECT articleId FROM ArticleDepartment WHERE departmentId IN (${ids.map(() => "?").join(",") || "NULL"}))`);
      args.push(...ids);
    }
    const rows = db.prepare(`SELECT id, issueDate FROM Article WHERE ${where.join(" AND ")}`).raw().all(...args) as [number, string][];
    rows.sort((a, b) => (a[1] < b[1] ? 1 : a[1] > b[1] ? -1 : a[0] - b[0]));
    return { total: rows.length, newest: rows.slice(0, 20) };
  };

  // Warm up: page cache, prepared statements, jieba and opencc tables.
  for (const q of queries.slice(0, 50)) searchArticles(db, q.params);

  const full: number[] = [];
  const fullCpu: number[] = [];
  const floor: number[] = [];
  const unranked: number[] = [];
  const tri: number[] = [];
  const fullOnTri: number[] = [];
  const naiveMs: number[] = [];
  const fullOnNaive: number[] = [];
  const byKind = new Map<string, number[]>();
  const slowest: { ms: number; total: number; params: string }[] = [];
  let results = 0;
  const naiveEvery = options.naive > 0 ? Math.max(1, Math.floor(queries.length / options.naive)) : 0;
  queries.forEach((q, i) => {
    let total = 0;
    const m = measure(() => (total = searchArticles(db, q.params).total));
    results += total;
    full.push(m.wall);
    fullCpu.push(m.cpu);
    byKind.set(q.kind, [...(byKind.get(q.kind) ?? []), m.wall]);
    slowest.push({ ms: m.wall, total, params: JSON.stringify(q.params) });
    const match = parseQuery(q.params.q).match;
    if (match) {
      floor.push(measure(() => bare.all(match)).wall);
      unranked.push(measure(() => matchSet.all(match)).wall);
    }
    const t = trigramExpression(q);
    if (t) {
      tri.push(measure(() => trigram.all(t)).wall);
      fullOnTri.push(m.wall);
    }
    if (naiveEvery && i % naiveEvery === 0 && naiveMs.length < options.naive) {
      naiveMs.push(measure(() => naive(q)).wall);
      fullOnNaive.push(m.wall);
    }
    if ((i + 1) % 100 === 0) log(`  ran ${i + 1} / ${queries.length} queries`);
  });

  const p50 = (xs: number[]) => percentile(xs, 50);
  const row = (name: string, xs: number[]) =>
    `${name.padEnd(36)} ${String(xs.length).padStart(5)} ${fmt(p50(xs)).padStart(8)} ${fmt(percentile(xs, 95)).padStart(8)} ${fmt(percentile(xs, 99)).padStart(8)}`;
  const kinds = [...byKind.entries()];
  console.log(
    [
      "",
      ...buildLines,
      `database file    ${mb(size)} with the trigram comparison table`,
      `article facts    loaded in ${fmt(factsLoad.wall)} ms (first search on a connection, and the first after each change)`,
      `queries          ${queries.length}: ${kinds.map(([k, v]) => `${v.length} ${k}`).join(", ")}; ${(results / queries.length).toFixed(0)} results per query on average`,
      "",
      `${"latency (ms)".padEnd(36)} ${"n".padStart(5)} ${"p50".padStart(8)} ${"p95".padStart(8)} ${"p99".padStart(8)}`,
      row("full search", full),
      ...kinds.map(([k, v]) => row(`  ${k}`, v)),
      row("  (CPU time of the full search)", fullCpu),
      row("bare FTS5 match, ranked (floor)", floor),
      row("bare FTS5 match set, unranked", unranked),
      row("trigram, ranked (3+ character words)", tri),
      row("  full search on the same queries", fullOnTri),
      row("naive LIKE (spread over the mix)", naiveMs),
      row("  full search on the same queries", fullOnNaive),
      "",
      `full search vs naive LIKE:  ${(p50(naiveMs) / p50(fullOnNaive)).toFixed(0)}× faster at p50 (same queries)`,
      `full search vs trigram:     ${(p50(tri) / p50(fullOnTri)).toFixed(2)}× at p50 (above 1: full search faster; same queries)`,
      `full search vs bare match:  ${(p50(full) / p50(floor)).toFixed(2)}× at p50, ${(percentile(full, 95) / percentile(floor, 95)).toFixed(2)}× at p95 (below 1: full search faster)`,
      `full search vs match set:   ${(p50(full) / p50(unranked)).toFixed(2)}× at p50 (the unranked MATCH alone)`,
      "",
      "slowest full searches:",
      ...slowest
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 5)
        .map((s) => `  ${fmt(s.ms).padStart(7)} ms  ${String(s.total).padStart(7)} results  ${s.params}`),
    ].join("\n"),
  );
  db.close();
} finally {
  if (work) fs.rmSync(work, { recursive: true, force: true });
}
