/**
 * `npm start`: install what is missing, generate the Prisma client, migrate, import and publish the
 * sample edition, build, and serve on PORT (default 3000). Safe to run again: every step checks
 * first and the import is idempotent.
 */
import { spawn } from "node:child_process";
import {
  ROOT,
  ensureBuild,
  ensureDependencies,
  ensurePrismaClient,
  importSample,
  migrate,
  runMain,
  step,
} from "./lib/bootstrap.mjs";

const DEFAULT_DATABASE_URL = "file:./data/edition.db";

await runMain("npm start", async () => {
  const databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const port = process.env.PORT || "3000";
  ensureDependencies();
  ensurePrismaClient();
  migrate(databaseUrl);
  importSample(databaseUrl);
  ensureBuild({ databaseUrl });
  step(`Serving on http://localhost:${port}`);
  const server = spawn("npx", ["next", "start", "-p", port], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1" },
  });
  for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
  await new Promise((resolve, reject) => {
    server.on("exit", (code) => (code === 0 || code === null ? resolve() : reject(new Error(`next start exited with code ${code}`))));
  });
});
