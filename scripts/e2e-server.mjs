/**
 * The server the browser tests run against: a fresh throw-away database (migrated, sample edition
 * imported and published), a production build in .next-e2e, `next start` on the given port.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ROOT, ensureBuild, importSample, migrate, run, runMain } from "./lib/bootstrap.mjs";

const port = process.argv[2] || "3100";
const dbFile = path.join(ROOT, "data", "tmp", `e2e-${port}.db`);

/**
 * Desk accounts for the browser tests, made the way a newsroom makes them (editor:create, with a
 * generated password), written where the tests read them: data/tmp/e2e-accounts-<port>.json.
 */
function writeAccounts(databaseUrl) {
  const accounts = {};
  for (const [role, email, name] of [["chief", "chief@e2e.test", "王总编"], ["editor", "editor@e2e.test", "李编辑"]]) {
    const res = run("npm", ["run", "-s", "editor:create", "--", "--email", email, "--name", name, "--role", role], {
      env: { DATABASE_URL: databaseUrl },
      quiet: true,
      what: "npm run editor:create",
    });
    const password = /一次性密码:\s*(\S+)/.exec(String(res.stdout))?.[1];
    if (!password) throw new Error(`editor:create printed no password:\n${res.stdout}`);
    accounts[role] = { email, name, password };
  }
  fs.writeFileSync(path.join(ROOT, "data", "tmp", `e2e-accounts-${port}.json`), JSON.stringify(accounts, null, 2));
}

await runMain("e2e server", async () => {
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(dbFile + suffix, { force: true });
  const databaseUrl = `file:${dbFile}`;
  migrate(databaseUrl);
  // E2E_EDITION: another directory of pages (a second paper's edition, see tests/e2e/second-paper.spec.ts).
  importSample(databaseUrl, { source: process.env.E2E_EDITION || "data/sample" });
  writeAccounts(databaseUrl);
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
    fs.rmSync(path.join(ROOT, "data", "tmp", `e2e-accounts-${port}.json`), { force: true });
  };
  for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => { stop(); process.exit(0); });
  server.on("exit", (code) => process.exit(code ?? 0));
});
