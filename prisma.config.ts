import path from "node:path";
import { defineConfig } from "prisma/config";

// The CLI is only used offline here (`prisma generate`); migrations are applied by
// scripts/db-migrate.ts with the WebAssembly schema engine. The URL mirrors lib/env.ts.
export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  datasource: { url: process.env.DATABASE_URL ?? "file:./data/edition.db" },
});
