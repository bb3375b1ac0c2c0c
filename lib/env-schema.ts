/**
 * The environment's schema, without reading it: the app parses process.env once at start-up
 * (lib/env.ts); the command-line scripts parse it with `readEnv` and print a clear message instead
 * of throwing at import. One schema, so `DATABASE_URL=postgresql://…` is refused the same way by
 * the site, `npm run db:migrate`, the import and the maintenance commands.
 */
import { z } from "zod";
import { DATABASE_URL_HINT, DEFAULT_DATABASE_URL } from "./env-defaults";

export const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^file:.+/, DATABASE_URL_HINT)
    .default(DEFAULT_DATABASE_URL),
  /** Public origin used in feeds, sitemap, canonical links and citations. */
  SITE_URL: z.url().default("http://localhost:3000"),
  /** The paper served: its profile is data/papers/<PAPER>.json (lib/paper). */
  PAPER: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,40}$/, "PAPER is a profile's name in data/papers (lower-case letters, digits, hyphens), e.g. liaocheng")
    .default("liaocheng"),
  /** The paper's name on the site, if not its profile's. */
  SITE_NAME: z.string().min(1).optional(),
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
  /** Pages every regular issue has, if not what the paper's profile says per weekday (the desk names the missing ones). */
  EXPECTED_PAGES: z.coerce.number().int().min(1).max(99).optional(),
  /**
   * Search worker threads (lib/db/search-pool.ts); 0 runs searches on the server's own thread.
   * Default: one fewer than the cores, at least one (the server's thread renders the pages).
   */
  SEARCH_WORKERS: z.coerce.number().int().min(0).max(32).optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type Env = z.infer<typeof envSchema>;

/** The environment `source` as the schema reads it, or one line per problem ("DATABASE_URL: …"). */
export function readEnv(source: Record<string, string | undefined> = process.env): { ok: true; env: Env } | { ok: false; problems: string[] } {
  const parsed = envSchema.safeParse(source);
  if (parsed.success) return { ok: true, env: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) };
}
