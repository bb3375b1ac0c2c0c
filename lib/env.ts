/**
 * Environment, parsed once at start-up with the schema of lib/env-schema.ts and typed from it.
 * Everything in the app that reads configuration imports `env` from here rather than touching
 * process.env; command-line scripts use `readEnv` to report a bad setting without a stack trace.
 */
import { readEnv, type Env } from "./env-schema";

export type { Env };
export { readEnv };

function parseEnv(): Env {
  const result = readEnv(process.env);
  if (!result.ok) throw new Error(`Invalid environment:\n${result.problems.map((p) => `  ${p}`).join("\n")}`);
  return result.env;
}

export const env: Env = parseEnv();
