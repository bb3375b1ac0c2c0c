/**
 * `npm run bench:load [-- --issues 365] [--duration 20] [--connections 50,200] [--targets a,b] [--nginx]`
 *
 * The site under many readers at once, as a server is judged. Generates a year of issues
 * (bench/lib/generate-edition.ts; 365 issues × 8 pages by default), imports and publishes them
 * into a database of its own (data/tmp/bench-load.db, reused when it holds the same year), builds
 * the production site into .next-bench when its sources changed, starts `next start` on a free
 * port, and drives it with autocannon at each connection count for `--duration` seconds per
 * target:
 *
 *   ceiling   /robots.txt: a static route of the same server, the most it can answer
 *   article   article pages, each request another article
 *   page      page views (版面) with their page maps
 *   search    the search page over a list of real query words, very common ones included
 *   search-new   the search page, each request a query not asked before (two of the words, a
 *             page of results, a sort): every one misses the cache and runs its SQL
 *   busy-article article pages while as many other readers run search-new (both at once, half
 *             the connections each): what searching costs everyone else
 *   api       /api/search over the same words
 *   mix       70 % article and page views, 20 % search, 10 % issue and archive views
 *
 * With --nginx every request goes through Debian's nginx in front, configured as the README shows
 * (scripts/lib/nginx.ts) with the purge hook (scripts/nginx-purge-hook.mjs, PURGE_HOOK_URL set):
 * the production set-up for a busy paper, where nginx answers the documents it holds.
 *
 * and prints req/s, p50/p99 latency, errors, timeouts and non-2xx answers per target, with each
 * target's req/s as a share of the ceiling measured in the same run. Prints figures only; it never
 * fails on a time. The targets the issue set: 0 errors and 0 timeouts at 200 connections; search
 * p99 ≤ 300 ms at 50 connections and ≤ 1 s at 200; article pages ≥ 0.8 of the ceiling.
 */
import os from "node:os";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { applyMigrations } from "../lib/db/migrations";
import { openSqlite } from "../lib/db/sqlite";
import { importEdition, readInputs } from "../lib/import/index";
import { startNextServer } from "../scripts/lib/next-server";
import { startCachedSite } from "../scripts/lib/nginx";
import { createRandom, generateEdition } from "./lib/generate-edition";

const { values } = parseArgs({
  options: {
    issues: { type: "string", default: "365" },
    duration: { type: "string", default: "20" },
    connections: { type: "string", default: "50,200" },
    nginx: { type: "boolean", default: false },
    // Some of the targets only (the ceiling is always measured: the ratios need it).
    targets: { type: "string" },
  },
});
const ISSUES = Math.max(1, Number(values.issues) || 365);
const DURATION = Math.max(1, Number(values.duration) || 20);
const CONNECTIONS = values.connections.split(",").map(Number).filter((n) => n > 0);

const ROOT = path.join(import.meta.dirname, "..");
const TMP = path.join(ROOT, "data", "tmp");
const DB = path.join(TMP, "bench-load.db");
const DIST = ".next-bench";
const DB_URL = `file:${DB}`;

/** Query words readers type: a few very common ones (in most articles), and rarer ones. */
const WORDS = ["聊城", "服务", "群众", "公积金", "食品", "学校", "法院", "农业", "养老", "招聘", "医保", "交通", "文化", "企业", "春耕", "社区", "环境", "安全"];

async function ensureDatabase(): Promise<void> {
  fs.mkdirSync(TMP, { recursive: true });
  if (fs.existsSync(DB)) {
    const db = openSqlite(DB_URL);
    const n = (db.prepare("SELECT count(*) FROM Issue WHERE status = 'published'").pluck().get() as number) ?? 0;
    db.close();
    if (n === ISSUES) return console.log(`Reusing ${path.relative(ROOT, DB)} (${n} issues).`);
  }
  for (const s of ["", "-wal", "-shm"]) fs.rmSync(DB + s, { force: true });
  const pages = path.join(TMP, "bench-load-pages");
  fs.rmSync(pages, { recursive: true, force: true });
  console.log(`Generating and importing ${ISSUES} issues…`);
  const edition = generateEdition({ dir: pages, issues: ISSUES });
  await applyMigrations(DB);
  const db = openSqlite(DB_URL);
  const started = performance.now();
  importEdition(db, readInputs(edition.files), { publish: true });
  db.pragma("optimize");
  db.close();
  fs.rmSync(pages, { recursive: true, force: true });
  console.log(`Imported ${edition.pages} pages in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
}

async function ensureBuild(): Promise<void> {
  // scripts/lib/bootstrap.mjs: plain JavaScript (the set-up runs before anything is installed).
  const bootstrap: string = "../scripts/lib/bootstrap.mjs";
  const { ensureBuild: build } = (await import(bootstrap)) as { ensureBuild: (o: { distDir: string; databaseUrl: string }) => void };
  build({ distDir: DIST, databaseUrl: DB_URL });
}

/** The addresses to visit, drawn from the database. */
function addresses() {
  const db = openSqlite(DB_URL);
  const articles = (db.prepare("SELECT publicId FROM Article WHERE published = 1 ORDER BY random() LIMIT 5000").pluck().all() as string[]).map((id) => `/articles/${id}`);
  const pages = (db.prepare("SELECT i.date || '/' || p.number FROM Page p JOIN Issue i ON i.id = p.issueId WHERE i.status = 'published' ORDER BY random() LIMIT 2000").pluck().all() as string[]).map((p) => `/issues/${p}`);
  const issues = (db.prepare("SELECT date FROM Issue WHERE status = 'published'").pluck().all() as string[]).map((d) => `/issues/${d}`);
  db.close();
  const months = [...new Set(issues.map((i) => i.slice(8, 15)))].map((m) => `/issues?month=${m}`);
  const search = WORDS.map((w) => `/search?q=${encodeURIComponent(w)}`);
  const api = WORDS.map((w) => `/api/search?q=${encodeURIComponent(w)}`);
  return { articles, pages, issues: [...issues, ...months], search, api };
}

interface Row {
  target: string;
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** The non-2xx answers by status ("404×512 503×349"): a 404 past the last page is not an error. */
  statuses: string;
}

async function drive(base: string, target: string, connections: number, next: () => string, alongside?: () => string): Promise<Row> {
  // Half the connections each when another load runs beside the measured one.
  const measured = alongside ? Math.max(1, Math.floor(connections / 2)) : connections;
  const other = alongside ? autocannon({ url: base, connections: connections - measured, duration: DURATION, timeout: 10, requests: [{ setupRequest: (req) => ({ ...req, path: alongside() }) }] }) : null;
  const row = await driveOne(base, target, measured, next);
  await other;
  return { ...row, connections };
}

async function driveOne(base: string, target: string, connections: number, next: () => string): Promise<Row> {
  const result = await autocannon({
    url: base,
    connections,
    duration: DURATION,
    timeout: 10,
    requests: [
      {
        setupRequest: (req) => ({ ...req, path: next() }),
      },
    ],
  });
  return {
    target,
    connections,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statuses: Object.entries((result as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {})
      .filter(([code]) => !code.startsWith("2"))
      .map(([code, v]) => `${code}×${v.count}`)
      .join(" "),
  };
}

async function main(): Promise<void> {
  await ensureDatabase();
  await ensureBuild();
  const a = addresses();
  const random = createRandom(42);
  const pick = (xs: string[]) => () => xs[Math.floor(random() * xs.length)] as string;
  const mix = () => {
    const r = random();
    if (r < 0.35) return pick(a.articles)();
    if (r < 0.7) return pick(a.pages)();
    if (r < 0.8) return pick(a.search)();
    if (r < 0.9) return pick(a.api)();
    return pick(a.issues)();
  };
  // Queries not asked before: two words, a page of results and a sort (18 × 17 × 5 × 2 of them).
  let fresh = 0;
  const newSearch = () => {
    const n = fresh++;
    const w1 = WORDS[n % WORDS.length]!;
    const w2 = WORDS[(Math.floor(n / WORDS.length) % (WORDS.length - 1) + 1 + (n % WORDS.length)) % WORDS.length]!;
    const page = 1 + (Math.floor(n / (WORDS.length * (WORDS.length - 1))) % 5);
    const sort = Math.floor(n / (WORDS.length * (WORDS.length - 1) * 5)) % 2 ? "&sort=date" : "";
    return `/search?q=${encodeURIComponent(`${w1} ${w2}`)}&page=${page}${sort}`;
  };
  const targets: [string, () => string, (() => string)?][] = [
    ["ceiling", () => "/robots.txt"],
    ["article", pick(a.articles)],
    ["page", pick(a.pages)],
    ["search", pick(a.search)],
    ["search-new", newSearch],
    ["api", pick(a.api)],
    ["busy-article", pick(a.articles), newSearch],
    ["mix", mix],
  ];
  const site = values.nginx ? await startCachedSite({ distDir: DIST, databaseUrl: DB_URL }) : await startNextServer({ distDir: DIST, databaseUrl: DB_URL });
  const base = site.base;
  const rows: Row[] = [];
  try {
    // Warm up: every search word once, a few hundred articles (a server is judged warm).
    for (const u of [...a.search, ...a.api, ...a.articles.slice(0, 200)]) await fetch(base + u).then((r) => r.arrayBuffer());
    for (const c of CONNECTIONS) {
      for (const [name, next, alongside] of targets.filter(([n]) => n === "ceiling" || !values.targets || values.targets.split(",").includes(n))) {
        process.stdout.write(`${name} at ${c} connections… `);
        const row = await drive(base, name, c, next, alongside);
        rows.push(row);
        console.log(`${row.rps.toFixed(0)} req/s`);
      }
    }
  } finally {
    site.stop();
  }
  console.log(`\n${ISSUES} issues, ${DURATION} s per target, this machine (${os.cpus().length} cores)\n`);
  console.log(`search workers: ${process.env.SEARCH_WORKERS ?? "default (cores − 1, at least 1)"}`);
  if (values.nginx) console.log("through nginx in front (proxy cache, purge hook): /robots.txt (the ceiling) passes through to the server: it says max-age=0");
  console.log("target        conns   req/s  ×ceiling    p50 ms    p99 ms  errors  timeouts  non-2xx (by status)");
  for (const r of rows) {
    const ceiling = rows.find((x) => x.target === "ceiling" && x.connections === r.connections)?.rps ?? r.rps;
    console.log(
      `${r.target.padEnd(12)} ${String(r.connections).padStart(6)} ${r.rps.toFixed(0).padStart(7)} ${(r.rps / ceiling).toFixed(2).padStart(9)} ${String(r.p50).padStart(9)} ${String(r.p99).padStart(9)} ${String(r.errors).padStart(7)} ${String(r.timeouts).padStart(9)} ${String(r.non2xx).padStart(8)}${r.statuses ? ` (${r.statuses})` : ""}`,
    );
  }
  console.log(`\n(The database stays in ${path.relative(ROOT, DB)} for the next run.)`);
}

main().catch((err: unknown) => {
  console.error(`bench:load failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
