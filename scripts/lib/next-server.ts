/**
 * A production server started for a test or a benchmark: `next start` of a given build over a
 * given database on a free loopback port, waited for until it answers. Used by the browser test
 * of two servers (tests/e2e/caches.spec.ts) and the load benchmark (bench/load.ts).
 */
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export interface NextServer {
  base: string;
  proc: ChildProcess;
  /** Stops the server and the processes npx started for it. */
  stop(): void;
}

export async function startNextServer(options: { distDir: string; databaseUrl: string; timeoutMs?: number; env?: Record<string, string>; port?: number }): Promise<NextServer> {
  const port = options.port ?? (await freePort());
  const proc = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: { ...process.env, ...options.env, NEXT_DIST_DIR: options.distDir, DATABASE_URL: options.databaseUrl, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
    detached: true,
  });
  const base = `http://127.0.0.1:${port}`;
  const stop = () => {
    try {
      process.kill(-proc.pid!, "SIGTERM");
    } catch {}
  };
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/robots.txt`)).ok) return { base, proc, stop };
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  stop();
  throw new Error(`next start (${options.distDir}) did not answer on ${base}`);
}
