/**
 * The steps behind `npm start` and `npm test`. Plain ESM JavaScript on purpose: it has to run on a
 * fresh clone before any dependency (tsx, TypeScript) is installed.
 *
 * Every step is idempotent: it checks a stamp or the state of the machine first and does nothing
 * when there is nothing to do, so running the commands twice changes nothing.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const NODE_MODULES = path.join(ROOT, "node_modules");
const INSTALL_STAMP = path.join(NODE_MODULES, ".epaper-install-stamp");
const GENERATE_STAMP = path.join(ROOT, "lib", "generated", "prisma", ".epaper-generate-stamp");
export const NO_SCHEMA_ENGINE = path.join(ROOT, "scripts", "bin", "no-schema-engine");

export class StepError extends Error {}

/** Prints a step heading the way both commands show progress. */
export function step(message) {
  console.log(`\n\u25b6 ${message}`);
}

/** Runs a command in the project root, streaming its output; throws StepError when it fails. */
export function run(cmd, args, { env = {}, what = `${cmd} ${args.join(" ")}`, quiet = false } = {}) {
  const res = spawnSync(cmd, args, {
    cwd: ROOT,
    stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit",
    env: { ...process.env, ...env },
  });
  if (res.error) throw new StepError(`${what}: ${res.error.message}`);
  if (res.status !== 0) {
    const tail = quiet ? `\n${String(res.stdout ?? "")}${String(res.stderr ?? "")}`.trimEnd() : "";
    throw new StepError(`${what} exited with code ${res.status ?? res.signal}${tail}`);
  }
  return res;
}

function hashFiles(files, extra = "") {
  const h = createHash("sha256");
  h.update(extra);
  for (const f of files) {
    const p = path.join(ROOT, f);
    h.update(f);
    h.update(fs.existsSync(p) ? fs.readFileSync(p) : Buffer.from("missing"));
  }
  return h.digest("hex");
}

function readStamp(file) {
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    return null;
  }
}

function nativeModulesLoad() {
  const probe = spawnSync(
    process.execPath,
    ["-e", "const D=require('better-sqlite3');new D(':memory:').prepare('select 1').get();require('@node-rs/jieba')"],
    { cwd: ROOT, stdio: "pipe" },
  );
  return probe.status === 0;
}

/** Installs dependencies when node_modules is missing or older than package-lock.json. */
export function ensureDependencies() {
  const want = hashFiles(["package.json", "package-lock.json"]);
  const fresh = fs.existsSync(NODE_MODULES) && readStamp(INSTALL_STAMP) === want;
  if (!fresh) {
    step("Installing dependencies (npm install)");
    // allowScripts in package.json lets better-sqlite3 build its native binding and keeps Prisma's
    // engine download scripts from running (they need the network this machine does not have).
    // `npm ci` is not used: npm 11 rejects this lockfile for lacking other platforms' optional
    // binaries (jieba, tailwind oxide), which `npm install` resolves from the same lockfile.
    run("npm", ["install", "--no-audit", "--no-fund"], { what: "npm install" });
  }
  if (!nativeModulesLoad()) {
    step("Building the native SQLite binding (npm rebuild better-sqlite3)");
    run("npm", ["rebuild", "better-sqlite3"], { what: "npm rebuild better-sqlite3" });
    if (!nativeModulesLoad()) {
      throw new StepError(
        "better-sqlite3 or @node-rs/jieba does not load after install. Check that python3, make and g++ are installed.",
      );
    }
  }
  // Hashed again: npm install may have normalised package-lock.json.
  fs.writeFileSync(INSTALL_STAMP, hashFiles(["package.json", "package-lock.json"]) + "\n");
}

/** Generates the Prisma client offline (the native schema engine is never downloaded). */
export function ensurePrismaClient() {
  const want = hashFiles(["prisma/schema.prisma", "package-lock.json"]);
  if (readStamp(GENERATE_STAMP) === want) return;
  step("Generating the Prisma client");
  run("npx", ["prisma", "generate"], {
    env: { PRISMA_SCHEMA_ENGINE_BINARY: NO_SCHEMA_ENGINE, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
    what: "prisma generate",
  });
  fs.writeFileSync(GENERATE_STAMP, want + "\n");
}

/**
 * Compiles the reader pages' inlined stylesheet (lib/generated/site-css.ts) from app/globals.css.
 * Quick, and the file is rewritten only when its content changes.
 */
export function ensureSiteCss() {
  run("node", ["scripts/build-site-css.mjs"], { what: "scripts/build-site-css.mjs", quiet: true });
}

/**
 * DATABASE_URL as the setup commands use it (lib/env-schema.ts checks the same rule once the
 * dependencies are installed): a SQLite file URL, or the default. Anything else is refused here,
 * before a step could read "postgresql://…" as a relative path and create a folder of that name.
 */
export function databaseUrlFromEnv() {
  const url = process.env.DATABASE_URL || "file:./data/edition.db";
  if (!/^file:.+/.test(url)) {
    throw new StepError(`DATABASE_URL "${url}" must be a SQLite file URL such as file:./data/edition.db (this build stores the edition in SQLite; postgres:// URLs are not supported yet)`);
  }
  return url;
}

/** Applies pending migrations to the database named by `databaseUrl`. */
export function migrate(databaseUrl) {
  step(`Migrating the database (${databaseUrl})`);
  run("npm", ["run", "-s", "db:migrate"], { env: { DATABASE_URL: databaseUrl }, what: "npm run db:migrate" });
}

/** Number of issues in the database (0 for a new one). */
function countIssues(databaseUrl) {
  const file = databaseUrl.replace(/^file:/, "").replace(/\?.*$/, "");
  const Database = createRequire(import.meta.url)("better-sqlite3");
  const db = new Database(path.resolve(ROOT, file), { readonly: true, fileMustExist: true });
  try {
    return db.prepare("SELECT COUNT(*) AS n FROM Issue").get().n;
  } finally {
    db.close();
  }
}

/**
 * Imports and publishes the sample edition in data/sample, only into a database with no issues:
 * once a paper has imported its own pages (which may have the sample's dates), a restart must
 * never replace or republish them. `force` imports it anyway (the import itself is idempotent).
 */
export function importSample(databaseUrl, { force = false, source = "data/sample" } = {}) {
  if (!fs.existsSync(path.join(ROOT, "scripts", "ingest.ts"))) return;
  if (!force) {
    const issues = countIssues(databaseUrl);
    if (issues > 0) {
      console.log(`\n\u2713 The database holds ${issues} issue(s): the sample edition is not imported over them`);
      return;
    }
  }
  step(`Importing the sample edition (${source})`);
  run("npm", ["run", "-s", "ingest", "--", source, "--publish"], {
    env: { DATABASE_URL: databaseUrl },
    what: `npm run ingest -- ${source} --publish`,
  });
}

/**
 * On a database without accounts, creates the first chief editor (FIRST_CHIEF_EMAIL, default
 * chief@newsroom.local) and prints its one-time password; does nothing once any account exists.
 */
export function ensureFirstChief(databaseUrl) {
  const email = process.env.FIRST_CHIEF_EMAIL || "chief@newsroom.local";
  const res = run("npm", ["run", "-s", "editor:create", "--", "--first", "--email", email, "--name", "总编辑", "--role", "chief"], {
    env: { DATABASE_URL: databaseUrl },
    what: "npm run editor:create -- --first",
    quiet: true,
  });
  const printed = String(res.stdout ?? "").trim();
  if (printed) console.log(`\n${printed}`);
  return printed || null;
}

function listFiles(dir) {
  const out = [];
  const abs = path.join(ROOT, dir);
  if (!fs.existsSync(abs)) return out;
  for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === "generated" || entry.name === "node_modules") continue;
      out.push(...listFiles(rel));
    } else out.push(rel);
  }
  return out;
}

/** Builds the site with `next build` unless the sources are unchanged since the last build. */
export function ensureBuild({ distDir = ".next", databaseUrl, force = false } = {}) {
  const sources = ["app", "components", "lib", "public"].flatMap(listFiles).sort();
  // The paper's settings are part of what a build is of: prerendered shells carry its name.
  const settings = ["PAPER", "SITE_NAME", "EXPECTED_PAGES"].map((k) => `${k}=${process.env[k] ?? ""}`).join("\n");
  const want = hashFiles([...sources, "next.config.ts", "postcss.config.mjs", "package-lock.json", "tsconfig.json", "scripts/build-site-css.mjs"], settings);
  const stampFile = path.join(ROOT, distDir, ".epaper-build-stamp");
  if (!force && fs.existsSync(path.join(ROOT, distDir, "BUILD_ID")) && readStamp(stampFile) === want) {
    console.log(`\n\u2713 Build in ${distDir} is up to date`);
    return;
  }
  step(`Building the site (next build → ${distDir})`);
  ensureSiteCss();
  // tsconfig.json includes the route types Next generates in every dist dir. Another build's
  // validator.ts imports that build's route files, so once a route is renamed it fails this
  // build's type check; it is rewritten by that build's next run. (Declarations are left alone.)
  const distDirs = fs.readdirSync(ROOT).filter((d) => d.startsWith(".next") && fs.statSync(path.join(ROOT, d)).isDirectory());
  for (const other of distDirs) {
    if (other === distDir) continue;
    for (const sub of ["types", path.join("dev", "types")]) fs.rmSync(path.join(ROOT, other, sub, "validator.ts"), { force: true });
  }
  run("npx", ["next", "build"], {
    env: { NEXT_DIST_DIR: distDir, DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1" },
    what: "next build",
  });
  fs.writeFileSync(stampFile, want + "\n");
}

/** Runs `main`, turning a failed step into a clear message and a non-zero exit. */
export async function runMain(name, main) {
  try {
    await main();
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    console.error(`\n\u2717 ${name} failed: ${msg}`);
    process.exit(1);
  }
}
