/**
 * Environment, parsed once with zod at start-up and typed from the schema. Everything that reads
 * configuration imports `env` from here rather than touching process.env.
 */
import { z } from "zod";
import { DEFAULT_DATABASE_URL } from "./env-defaults";

const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^file:.+/, "DATABASE_URL must be a SQLite file URL such as file:./data/edition.db")
    .default(DEFAULT_DATABASE_URL),
  /** Public origin used in feeds, sitemap, canonical links and citations. */
  SITE_URL: z.url().default("http://localhost:3000"),
  SITE_NAME: z.string().min(1).default("聊城日报"),
  /** Shared secret for POST /api/revalidate (a manual purge of reader caches). */
  REVALIDATE_TOKEN: z.string().min(8).optional(),
  /**
   * A CDN's or nginx's purge endpoint. When set, reader documents may be kept by shared caches
   * (s-maxage) and every change is POSTed there as the list of addresses it made stale
   * (lib/site/purge.ts); unset, shared caches must revalidate every document with its ETag.
   */
  PURGE_HOOK_URL: z.url().optional(),
  /** A reverse proxy in front sets X-Forwarded-For (the sign-in throttle then counts per client address). */
  TRUST_PROXY: z
    .enum(["1", "true", "0", "false", ""])
    .default("")
    .transform((v) => v === "1" || v === "true"),
  /** Pages a regular issue has (the desk names the ones still missing). */
  EXPECTED_PAGES: z.coerce.number().int().min(1).max(99).default(8),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type Env = z.infer<typeof schema>;

function parseEnv(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${lines}`);
  }
  return parsed.data;
}

export const env: Env = parseEnv();
