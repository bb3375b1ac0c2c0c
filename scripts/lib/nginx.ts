/**
 * Debian's nginx started in front of a server, configured as the README shows ("Caches"): a
 * proxy cache keyed by `$uri$is_args$args` (the key scripts/nginx-purge-hook.mjs matches), the
 * desk never cached, `X-Cache-Status` added to each answer. Everything it writes (configuration,
 * cache, logs) stays in one scratch directory under data/tmp, removed by stop(). Used by the
 * browser test of a cache in front (tests/e2e/nginx.spec.ts) and `npm run bench:load -- --nginx`.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createPurgeHook } from "../nginx-purge-hook.mjs";
import { freePort, startNextServer, type NextServer } from "./next-server";

const ROOT = path.resolve(import.meta.dirname, "../..");
export const NGINX = "/usr/sbin/nginx";

export interface Nginx {
  base: string;
  /** The proxy_cache_path directory (for the purge hook). */
  cacheDir: string;
  stop(): void;
}

function conf(dir: string, listen: number, upstream: string): string {
  return `daemon off;
master_process off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  proxy_cache_path ${dir}/cache keys_zone=epaper:10m max_size=500m inactive=1d;
  upstream app {
    server ${upstream};
    keepalive 64;
  }
  server {
    listen 127.0.0.1:${listen} backlog=4096;
    location / {
      proxy_pass http://app;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_cache epaper;
      proxy_cache_key $uri$is_args$args;
      proxy_cache_revalidate on;
      proxy_cache_use_stale updating;
      proxy_cache_lock on;
      proxy_set_header X-Forwarded-For $remote_addr;
      add_header X-Cache-Status $upstream_cache_status always;
    }
    location /editor {
      proxy_pass http://app;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header X-Forwarded-For $remote_addr;
      add_header X-Cache-Status $upstream_cache_status always;
    }
  }
}
`;
}

/** Starts nginx in front of `upstream` ("127.0.0.1:3000") on a free loopback port. */
export async function startNginx(upstream: string): Promise<Nginx> {
  fs.mkdirSync(path.join(ROOT, "data", "tmp"), { recursive: true });
  const dir = fs.mkdtempSync(path.join(ROOT, "data", "tmp", "nginx-"));
  const port = await freePort();
  fs.writeFileSync(path.join(dir, "nginx.conf"), conf(dir, port, upstream));
  const proc = spawn(NGINX, ["-p", dir, "-e", `${dir}/error.log`, "-c", `${dir}/nginx.conf`], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  proc.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  const base = `http://127.0.0.1:${port}`;
  const stop = () => {
    proc.kill("SIGTERM");
    fs.rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 100 && proc.exitCode === null; i++) {
    try {
      await fetch(`${base}/robots.txt`);
      return { base, cacheDir: path.join(dir, "cache"), stop };
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  const log = fs.existsSync(`${dir}/error.log`) ? fs.readFileSync(`${dir}/error.log`, "utf8") : "";
  stop();
  throw new Error(`nginx did not start: ${stderr}${log}`);
}

export interface CachedSite {
  /** nginx's address: what readers are sent to. */
  base: string;
  nginx: Nginx;
  server: NextServer;
  /** Requests the purge hook has received. */
  purges: number;
  stop(): void;
}

/**
 * The production set-up for a busy paper: nginx in front of `next start`, the purge hook
 * (scripts/nginx-purge-hook.mjs) on its cache, and the server told of the hook (PURGE_HOOK_URL).
 * nginx starts first (the hook needs its cache directory), pointed at the port the server takes.
 */
export async function startCachedSite(options: { distDir: string; databaseUrl: string }): Promise<CachedSite> {
  const port = await freePort();
  const nginx = await startNginx(`127.0.0.1:${port}`);
  const hook = createPurgeHook(nginx.cacheDir);
  const site = { purges: 0 };
  hook.on("request", () => site.purges++);
  const stopFront = () => {
    nginx.stop();
    hook.close();
  };
  try {
    const hookPort = await freePort();
    await new Promise<void>((r) => hook.listen(hookPort, "127.0.0.1", r));
    const server = await startNextServer({ ...options, port, env: { PURGE_HOOK_URL: `http://127.0.0.1:${hookPort}/` } });
    return Object.assign(site, {
      base: nginx.base,
      nginx,
      server,
      stop() {
        server.stop();
        stopFront();
      },
    });
  } catch (err) {
    stopFront();
    throw err;
  }
}
