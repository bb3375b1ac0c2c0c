/**
 * `npm run bench:search [-- --articles N] [--queries N] [--naive N] [--db FILE]`
 *
 * Writes a deterministic synthetic archive (default 300,000 articles; bench/search-lib/corpus.ts)
 * straight into a fresh database, builds the search index with the real indexer (reindexAll, as
 * `npm run search:reindex` does; imports run the same code per article), then runs the fixed mix of
 * queries of bench/search-lib/queries.ts and prints the index build time, the database size and
 * latency percentiles of:
 *
 *   full search     searchArticles(): match, filters, total, facet counts, 20 results with snippets
 *   bare match      the same FTS5 MATCH expression ranked by BM25, LIMIT 20, no filters: the floor
 *                   of answering the query with FTS5 alone (BM25 over every match: the full search
 *                   ranks at most lib/search/query.ts's RANK_WINDOW newest, so it can be faster)
 *   match set       the MATCH alone, every rowid, unranked: what the full search adds to (ranking,
 *                   filters, counts, facets, snippets), for reference
 *   trigram         SQLite's trigram tokenizer (bench/search-lib/trigram.ts: a table of the same
 *                   fields), on the queries it can answer exactly (every word, excluded ones too,
 *                   of three or more Chinese characters), two ways:
 *                     full search the trigram way: searchArticles() matching and ranking through
 *                       that table, so the same filters, total, facets, ranking window and
 *                       snippets: the like-for-like comparison, run beside the full search on
 *                       each query (which of the two goes first alternates)
 *                     bare trigram match: its MATCH ranked by BM25, LIMIT 20, no filters, beside
 *                       the bare FTS5 match on the same queries, for reference
 *   naive           LIKE '%…%' over title and body with the same filters, then count and the newest
 *                   20 (--naive queries spread over the mix: each one reads the whole table)
 *
 * Each comparison is also given against the full search on the same queries. Wall-clock times, with
 * CPU times beside them (the machine is shared). With --db FILE the archive is kept there and
 * reused by the next run when it has the same number of articles.
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
import { BM25_WEIGHTS, resolveDepartments, searchArticles, type SearchResponse } from "../lib/search/query";
import { parseQuery } from "../lib/search/query-parser";
import { loadPool, writeCorpus } from "./search-lib/corpus";
import { buildQueries, type BenchQuery } from "./search-lib/queries";
import { buildTrigramTable, compileTrigram, hasTrigramTable, TRIGRAM_INDEX, TRIGRAM_TABLE } from "./search-lib/trigram";

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

/** What of a kept archive can be reused: nothing, the articles and their index, or everything. */
function keptArchive(): "none" | "articles" | "all" {
  if (!fs.existsSync(dbFile)) return "none";
  const db = openSqlite(`file:${dbFile}`);
  try {
    const articles = db.prepare("SELECT count(*) FROM Article").pluck().get() as number;
    // A kept archive is reused only with every migration applied (the index's shape may have changed).
    const applied = new Set(db.prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL").pluck().all() as string[]);
    const current = loadMigrationList().migrationDirectories.every((m) => applied.has(m.path));
    if (articles !== options.articles || !current) return "none";
    return hasTrigramTable(db) ? "all" : "articles";
  } catch {
    return "none";
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
  // Pages the final merge freed; the file keeps them for later writes.
  const free = (db.pragma("freelist_count", { simple: true }) as number) * (db.pragma("page_size", { simple: true }) as number);
  db.close();

  const per1000 = (ms: number) => `${((ms / stats.articles) * 1000).toFixed(0)} ms per 1,000 articles`;
  return [
    `archive          ${stats.articles} articles, ${stats.issues} issues (${stats.firstDate} … ${stats.lastDate}), ${(stats.bodyChars / stats.articles).toFixed(0)} body characters on average; written in ${seconds(write.wall)}`,
    `index build      ${seconds(index.wall)} wall, ${seconds(index.cpu)} CPU (${per1000(index.wall)}): tokens, jieba, FTS5 inserts, final merge`,
    `database         ${mb(size)}${tables.size ? ` (search index ${mb(tables.get("article_fts") ?? 0)}, Article ${mb(tables.get("Article") ?? 0)}, ${mb(free)} free pages)` : ""}`,
  ];
}

/** Builds the trigram comparison table; returns the line describing it. */
function buildTrigram(): string {
  log("Building the trigram table for comparison …");
  const db = openSqlite(`file:${dbFile}`);
  db.pragma("cache_size = -262144");
  const trigram = measure(() => buildTrigramTable(db));
  db.pragma("wal_checkpoint(TRUNCATE)");
  const trigramBytes = tableBytes(db).get(TRIGRAM_TABLE) ?? 0;
  db.close();
  return `trigram table    ${seconds(trigram.wall)} wall, ${seconds(trigram.cpu)} CPU to build, ${mb(trigramBytes)} (comparison only)`;
}

function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

/** Whether two responses list the same articles with the same total and facets (the trigram way's check). */
function sameAnswer(a: SearchResponse, b: SearchResponse): boolean {
  const key = (r: SearchResponse) => JSON.stringify([r.total, r.facets]);
  return key(a) === key(b);
}

try {
  const kept = keptArchive();
  const buildLines = kept === "none" ? await build() : [`archive          reused ${dbFile} (${options.articles} articles)`];
  if (kept !== "all") buildLines.push(buildTrigram());
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
  const bareTrigram = db
    .prepare(`SELECT rowid FROM ${TRIGRAM_TABLE} WHERE ${TRIGRAM_TABLE} MATCH ? ORDER BY bm25(${TRIGRAM_TABLE}, ${TRIGRAM_INDEX.weights.join(", ")}) LIMIT 20`)
    .pluck();
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

  // Warm up: page cache, prepared statements, jieba and opencc tables; both ways.
  for (const q of queries.slice(0, 50)) {
    searchArticles(db, q.params);
    if (compileTrigram(parseQuery(q.params.q))) searchArticles(db, q.params, TRIGRAM_INDEX);
  }

  const full: number[] = [];
  const fullCpu: number[] = [];
  const floor: number[] = [];
  const unranked: number[] = [];
  // The trigram comparison: every array holds the same queries, in the same order.
  const tri = { full: [] as number[], fullCpu: [] as number[], way: [] as number[], wayCpu: [] as number[], bare: [] as number[], bareFts: [] as number[] };
  let triSame = 0;
  const naiveMs: number[] = [];
  const fullOnNaive: number[] = [];
  const byKind = new Map<string, number[]>();
  const slowest: { ms: number; total: number; params: string }[] = [];
  const slowestTrigram: { ms: number; total: number; params: string }[] = [];
  let results = 0;
  const naiveEvery = options.naive > 0 ? Math.max(1, Math.floor(queries.length / options.naive)) : 0;
  queries.forEach((q, i) => {
    const parsed = parseQuery(q.params.q);
    const trigramQuery = compileTrigram(parsed);
    let res!: SearchResponse;
    let way!: SearchResponse;
    let m = { wall: 0, cpu: 0 };
    let t = { wall: 0, cpu: 0 };
    const runFull = () => (m = measure(() => (res = searchArticles(db, q.params))));
    const runWay = () => (t = measure(() => (way = searchArticles(db, q.params, TRIGRAM_INDEX))));
    // Whichever runs second finds the shown articles' rows in the page cache: alternate the order.
    if (trigramQuery && i % 2 === 1) runWay(), runFull();
    else {
      runFull();
      if (trigramQuery) runWay();
    }
    results += res.total;
    full.push(m.wall);
    fullCpu.push(m.cpu);
    byKind.set(q.kind, [...(byKind.get(q.kind) ?? []), m.wall]);
    slowest.push({ ms: m.wall, total: res.total, params: JSON.stringify(q.params) });
    let floorMs = NaN;
    if (parsed.match) {
      floor.push((floorMs = measure(() => bare.all(parsed.match)).wall));
      unranked.push(measure(() => matchSet.all(parsed.match)).wall);
    }
    if (trigramQuery) {
      tri.full.push(m.wall);
      tri.fullCpu.push(m.cpu);
      tri.way.push(t.wall);
      tri.wayCpu.push(t.cpu);
      if (sameAnswer(res, way)) triSame++;
      slowestTrigram.push({ ms: t.wall, total: way.total, params: JSON.stringify(q.params) });
      tri.bare.push(measure(() => bareTrigram.all(trigramQuery.match)).wall);
      tri.bareFts.push(floorMs);
    }
    if (naiveEvery && i % naiveEvery === 0 && naiveMs.length < options.naive) {
      naiveMs.push(measure(() => naive(q)).wall);
      fullOnNaive.push(m.wall);
    }
    if ((i + 1) % 100 === 0) log(`  ran ${i + 1} / ${queries.length} queries`);
  });

  const p50 = (xs: number[]) => percentile(xs, 50);
  const p95 = (xs: number[]) => percentile(xs, 95);
  const row = (name: string, xs: number[]) =>
    `${name.padEnd(44)} ${String(xs.length).padStart(5)} ${fmt(p50(xs)).padStart(8)} ${fmt(p95(xs)).padStart(8)} ${fmt(percentile(xs, 99)).padStart(8)}`;
  const head = (name: string) => `${name.padEnd(44)} ${"n".padStart(5)} ${"p50".padStart(8)} ${"p95".padStart(8)} ${"p99".padStart(8)}`;
  const times = (a: number[], b: number[]) => `${(p50(a) / p50(b)).toFixed(2)}× at p50, ${(p95(a) / p95(b)).toFixed(2)}× at p95`;
  const top5 = (xs: typeof slowest) =>
    xs
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 5)
      .map((s) => `  ${fmt(s.ms).padStart(7)} ms  ${String(s.total).padStart(7)} results  ${s.params}`);
  const kinds = [...byKind.entries()];
  console.log(
    [
      "",
      ...buildLines,
      `database file    ${mb(size)} with the trigram comparison table`,
      `article facts    loaded in ${fmt(factsLoad.wall)} ms (first search on a connection, and the first after each change)`,
      `queries          ${queries.length}: ${kinds.map(([k, v]) => `${v.length} ${k}`).join(", ")}; ${(results / queries.length).toFixed(0)} results per query on average`,
      "",
      head("latency (ms), every query"),
      row("full search", full),
      ...kinds.map(([k, v]) => row(`  ${k}`, v)),
      row("  (CPU time of the full search)", fullCpu),
      row("bare FTS5 match, ranked (floor)", floor),
      row("bare FTS5 match set, unranked", unranked),
      row("naive LIKE (spread over the mix)", naiveMs),
      row("  full search on the same queries", fullOnNaive),
      "",
      `the ${tri.full.length} queries the trigram tokenizer can answer exactly (every word, excluded ones too, of 3+ Chinese characters)`,
      head("latency (ms), same work both ways"),
      "  (results, total, facets, ranking window, snippets)",
      row("  full search (article_fts)", tri.full),
      row("    (CPU time)", tri.fullCpu),
      row("  full search the trigram way (bench_trigram)", tri.way),
      row("    (CPU time)", tri.wayCpu),
      head("latency (ms), bare MATCH ranked, LIMIT 20"),
      "  (no filters, total, facets or snippets: reference only)",
      row("  bare FTS5 match (article_fts)", tri.bareFts),
      row("  bare trigram match (bench_trigram)", tri.bare),
      `  the trigram way gave the same total and facets on ${triSame} of ${tri.full.length} queries`,
      "",
      `full search vs naive LIKE:               ${(p50(naiveMs) / p50(fullOnNaive)).toFixed(0)}× faster at p50 (same queries)`,
      `full search vs the trigram way:          ${times(tri.way, tri.full)} (above 1: full search faster; same queries, same work)`,
      `  in CPU time:                           ${times(tri.wayCpu, tri.fullCpu)}`,
      `bare FTS5 match vs bare trigram match:   ${times(tri.bare, tri.bareFts)} (above 1: FTS5 index faster; reference only, not the full search)`,
      `full search vs bare FTS5 match:          ${(p50(full) / p50(floor)).toFixed(2)}× at p50, ${(p95(full) / p95(floor)).toFixed(2)}× at p95 (below 1: full search faster)`,
      `full search vs match set:                ${(p50(full) / p50(unranked)).toFixed(2)}× at p50 (the unranked MATCH alone)`,
      "",
      "slowest full searches:",
      ...top5(slowest),
      "slowest full searches the trigram way:",
      ...top5(slowestTrigram),
    ].join("\n"),
  );
  db.close();
} finally {
  if (work) fs.rmSync(work, { recursive: true, force: true });
}
