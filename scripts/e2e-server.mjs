/**
 * The server the browser tests run against: a fresh throw-away database (migrated, sample edition
 * imported and published), a production build in .next-e2e, `next start` on the given port.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ROOT, ensureBuild, importSample, migrate, runMain } from "./lib/bootstrap.mjs";

const port = process.argv[2] || "3100";
const dbFile = path.join(ROOT, "data", "tmp", `e2e-${port}.db`);

await runMain("e2e server", async () => {
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(dbFile + suffix, { force: true });
  const databaseUrl = `file:${dbFile}`;
  migrate(databaseUrl);
  importSample(databaseUrl);
  const distDir = process.env.E2E_DIST_DIR || ".next-e2e";
  ensureBuild({ distDir, databaseUrl });
  const server = spawn("npx", ["next", "start", "-p", port, "-H", "127.0.0.1"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NEXT_DIST_DIR: distDir, DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1" },
  });
  const stop = () => {
    server.kill("SIGTERM");
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(dbFile + suffix, { force: true });
  };
  for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => { stop(); process.exit(0); });
  server.on("exit", (code) => process.exit(code ?? 0));
});
