/**
 * The command line of a maintenance script that takes one file and the database of DATABASE_URL
 * (db:backup, db:restore): parsed and validated, or the exit code after saying what is wrong.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { sqlitePathFromUrl } from "../../lib/db/sqlite-path";
import { readEnv } from "../../lib/env-schema";

/** `{ file, database }`, or the exit code (0 after --help, 2 for wrong usage). */
export function parseFileCommand(name: string, usage: string, missing: string): { file: string; database: string } | number {
  let parsed;
  try {
    parsed = parseArgs({ args: process.argv.slice(2), allowPositionals: true, strict: true, options: { help: { type: "boolean", short: "h", default: false } } });
  } catch (err) {
    console.error(`${name}: ${(err as Error).message}\n\n${usage}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(usage);
    return 0;
  }
  const file = z.string().min(1, missing).safeParse(parsed.positionals[0] ?? "");
  if (!file.success || parsed.positionals.length > 1) {
    console.error(`${name}: ${file.success ? "give exactly one file" : file.error.issues[0]?.message}\n\n${usage}`);
    return 2;
  }
  const env = readEnv(process.env);
  if (!env.ok) {
    console.error(`${name}: invalid environment: ${env.problems.join("; ")}`);
    return 2;
  }
  return { file: file.data, database: sqlitePathFromUrl(env.env.DATABASE_URL) };
}
