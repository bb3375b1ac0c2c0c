/**
 * `npm start`: install what is missing, generate the Prisma client, migrate, import and publish the
 * sample edition into a new (empty) database, create the first chief editor's account when there
 * is none (its one-time password is printed), build, and serve on PORT (default 3000). Safe to run
 * again: every step checks first, and no step changes editors' data.
 */
import { spawn } from "node:child_process";
import net from "node:net";
import {
  ROOT,
  StepError,
  databaseUrlFromEnv,
  ensureBuild,
  ensureDependencies,
  ensureFirstChief,
  ensurePrismaClient,
  importSample,
  migrate,
  runMain,
  step,
} from "./lib/bootstrap.mjs";

/** Fails early and clearly when another process (often an earlier `npm start`) holds the port. */
async function assertPortFree(port) {
  await new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (err) =>
      reject(
        err.code === "EADDRINUSE"
          ? new StepError(`port ${port} is already in use (is the site already running?). Stop it or set PORT=<another port>.`)
          : err,
      ),
    );
    probe.listen(Number(port), () => probe.close(resolve));
  });
}

await runMain("npm start", async () => {
  const databaseUrl = databaseUrlFromEnv();
  const port = process.env.PORT || "3000";
  await assertPortFree(port);
  ensureDependencies();
  ensurePrismaClient();
  migrate(databaseUrl);
  importSample(databaseUrl);
  const firstChief = ensureFirstChief(databaseUrl);
  ensureBuild({ databaseUrl });
  // Again after the build's long output, so the one-time password is not scrolled away.
  if (firstChief) console.log(`\n${firstChief}`);
  step(`Serving on http://localhost:${port} (editors: http://localhost:${port}/editor)`);
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
