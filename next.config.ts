import path from "node:path";
import type { NextConfig } from "next";
import { COMMON_SECURITY_HEADERS } from "./lib/site/common-headers";

const nextConfig: NextConfig = {
  // The browser tests build into their own folder so they never overwrite the site `npm start` serves.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Native modules stay in node_modules instead of being bundled.
  serverExternalPackages: ["better-sqlite3", "@node-rs/jieba", "@node-rs/argon2", "@prisma/adapter-better-sqlite3"],
  // Reader data is cached with `use cache` + cacheTag (lib/db/*) and revalidated by whatever
  // changes it (see cacheHandlers). Partial Prefetching stays off: with it, a request for a date that was not
  // prerendered gets the App Shell (HTTP 200) before the page can call notFound(); without it the
  // first request waits for the render, so an unknown or draft date answers a real 404.
  cacheComponents: true,
  // Next's in-memory "use cache" store, with tag expirations shared through the database, so a
  // change made by any process (another server, the import CLI, the scheduler) reaches every
  // process's cache at its next request. Absolute: Next resolves a relative one against distDir.
  cacheHandlers: { default: path.resolve(process.cwd(), "lib/cache/edition-cache-handler.mjs") },
  partialPrefetching: false,
  poweredByHeader: false,
  experimental: {
    // forbidden() answers 403 to a signed-in editor without the role (lib/auth/access.ts).
    authInterrupts: true,
    // Server actions carry forms (sign-in, publishing, accounts), never page files: those go to
    // the import route (app/editor/api/import), which sets and explains its own limits. 1 MB is
    // Next's default, written here so the choice is deliberate.
    serverActions: { bodySizeLimit: "1mb" },
  },
  reactStrictMode: true,
  // nosniff, referrer policy, frame protection and permissions on every response; the
  // Content-Security-Policy is set where the documents are made (lib/site/security-headers.ts).
  async headers() {
    return [{ source: "/:path*", headers: Object.entries(COMMON_SECURITY_HEADERS).map(([key, value]) => ({ key, value })) }];
  },
};

export default nextConfig;
