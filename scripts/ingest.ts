/**
 * `npm run ingest -- <file|dir>... [--date YYYY-MM-DD] [--page N] [--publish] [--reparse] [--json]`
 *
 * Imports page files into the edition store (DATABASE_URL), all or nothing. A directory is its
 * `*.txt` files, placed by its manifest.json when it has one (format: lib/validations/manifest.ts).
 *
 * Exit codes: 0 imported (or nothing to do), 1 nothing imported because of an input or database
 * problem (the message names the file and line), 2 wrong usage.
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";
import { sqlitePathFromUrl } from "../lib/db/sqlite-path";
import { openSqlite, type SqliteDb } from "../lib/db/sqlite";
import { readEnv } from "../lib/env-schema";
import { formatSummary } from "../lib/import/format-report";
import { ImportError, importEdition, readInputs, type ImportReport } from "../lib/import/index";
import { createProgressBar } from "../lib/import/progress";
import { issueDateSchema, pageNumberSchema } from "../lib/validations/manifest";

const USAGE = `usage: npm run ingest -- <file|dir>... [options]

  <file|dir>      page files, or directories of *.txt page files (with an optional manifest.json)
  --date D        issue date YYYY-MM-DD for every file (overrides manifests and file names)
  --page N        page number (only with a single file)
  --publish       publish the issues imported
  --reparse       parse unchanged files again (after a parser change); writes only pages whose parse differs
  --json          print a machine-readable report on stdout
  -h, --help      this text

Without a manifest, names like 2026-04-08_03.txt or 20260408-03.txt give date and page; otherwise
the date is read from the text and pages are numbered in file order (each guess is reported).`;

const argsSchema = z
  .object({
    inputs: z.array(z.string().min(1)).min(1, "name at least one page file or directory"),
    date: issueDateSchema.optional(),
    page: z
      .string()
      .regex(/^\d+$/, "a page number is a whole number")
      .transform(Number)
      .pipe(pageNumberSchema)
      .optional(),
    publish: z.boolean(),
    reparse: z.boolean(),
    json: z.boolean(),
  })
  .refine((a) => a.page === undefined || a.inputs.length === 1, {
    message: "--page names one page: give exactly one file with it",
    path: ["page"],
  });

type Args = z.infer<typeof argsSchema>;

class UsageError extends Error {}

function readArgs(argv: string[]): Args | "help" {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        date: { type: "string" },
        page: { type: "string" },
        publish: { type: "boolean", default: false },
        reparse: { type: "boolean", default: false },
        json: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (parsed.values.help) return "help";
  const result = argsSchema.safeParse({ ...parsed.values, inputs: parsed.positionals });
  if (!result.success) {
    throw new UsageError(result.error.issues.map((i) => `${i.path.length ? `--${i.path.join(".")}: ` : ""}${i.message}`).join("\n"));
  }
  return result.data;
}

/** Opens the store, refusing a missing or unmigrated database with the command that fixes it. */
function openStore(url: string): SqliteDb {
  const file = sqlitePathFromUrl(url);
  if (!fs.existsSync(file)) {
    throw new ImportError("not-found", file, "no database here; create it with `npm run db:migrate`");
  }
  const db = openSqlite(url);
  const columns = db.prepare(`SELECT name FROM pragma_table_info('Page')`).pluck().all() as string[];
  if (!columns.includes("parseOptions")) {
    db.close();
    throw new ImportError("not-found", file, "the database is not migrated; run `npm run db:migrate`");
  }
  return db;
}

async function main(): Promise<number> {
  let args: Args | "help";
  try {
    args = readArgs(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`ingest: ${err.message}\n\n${USAGE}`);
    return 2;
  }
  if (args === "help") {
    console.log(USAGE);
    return 0;
  }
  const envResult = readEnv(process.env);
  if (!envResult.ok) {
    console.error(`ingest: invalid environment: ${envResult.problems.join("; ")}`);
    return 2;
  }
  const env = envResult.env;
  const { json } = args;

  let report: ImportReport;
  let db: SqliteDb | undefined;
  const bar = process.stderr.isTTY ? createProgressBar(process.stderr) : undefined;
  try {
    const readStarted = performance.now();
    const inputs = readInputs(args.inputs, { date: args.date, page: args.page });
    const readMs = performance.now() - readStarted;
    db = openStore(env.DATABASE_URL);
    report = importEdition(db, inputs, {
      publish: args.publish,
      reparse: args.reparse,
      onProgress: bar && (({ done, total, file }) => bar.update(done, total, file)),
    });
    report.timings.totalMs += readMs;
  } catch (err) {
    bar?.done();
    if (!(err instanceof ImportError)) throw err;
    if (json) console.log(JSON.stringify({ ok: false, error: err.toJSON() }, null, 2));
    console.error(`✗ ingest failed: ${err.message}\nNothing was imported; the database is as it was.`);
    return 1;
  } finally {
    db?.close();
  }
  bar?.done();

  if (json) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    console.log(formatSummary(report));
    // The import wrote the cache tags it expired (CacheTagEvent) in its own transaction: a
    // running site drops them at its next request, with no token or call needed.
    if (report.publishedChanges.length) console.log(`Readers see the change at once: ${report.publishedChanges.join(", ")}.`);
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`✗ ingest failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exitCode = 1;
  },
);
