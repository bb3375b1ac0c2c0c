import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The browser tests build into their own folder so they never overwrite the site `npm start` serves.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Native modules stay in node_modules instead of being bundled.
  serverExternalPackages: ["better-sqlite3", "@node-rs/jieba", "@prisma/adapter-better-sqlite3"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
