/** Runs `scripts/ingest.ts` as `npm run ingest` does, in one process (so a kill reaches the import itself). */
import { spawn, spawnSync, type ChildProcess, type SpawnSyncReturns } from "node:child_process";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../../../..");
const ARGS = ["--import", "tsx", path.join(ROOT, "scripts/ingest.ts")];

function env(databaseUrl: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { REVALIDATE_TOKEN: _unused, ...rest } = process.env;
  return { ...rest, DATABASE_URL: databaseUrl, ...extra };
}

/** Runs the CLI to completion. */
export function runIngest(databaseUrl: string, args: string[], extra?: Record<string, string>): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [...ARGS, ...args], { cwd: ROOT, env: env(databaseUrl, extra), encoding: "utf8" });
}

/** Starts the CLI in the background. */
export function startIngest(databaseUrl: string, args: string[]): ChildProcess {
  return spawn(process.execPath, [...ARGS, ...args], { cwd: ROOT, env: env(databaseUrl), stdio: ["ignore", "pipe", "pipe"] });
}
