/**
 * The purge side of an nginx cache in front of the site, for PURGE_HOOK_URL (README "Caches"):
 *
 *   node scripts/nginx-purge-hook.mjs --cache /var/cache/nginx/epaper [--port 3100]
 *   PURGE_HOOK_URL=http://127.0.0.1:3100/ npm start
 *
 * Each server process POSTs every change here as `{ "urls": [...], "prefixes": [...] }`
 * (lib/site/purge.ts); this deletes the cache files whose key is one of the urls (any query
 * string included) or starts with one of the prefixes. nginx writes each entry's key into its file
 * ("KEY: …" after a binary header), and treats a deleted file as a miss, so no nginx module is
 * needed (open-source nginx cannot purge by prefix). The key must be the one the README's
 * configuration sets, `proxy_cache_key $uri$is_args$args;`. Each purge reads the head of every
 * cached file: fine for tens of thousands of entries; a larger cache wants an index (or a CDN).
 * Plain Node, no dependencies; listens on the loopback interface only.
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";

/** The key nginx wrote into a cache file, or null when it is not one (a temporary file). */
export function cacheKeyOf(file) {
  let fd;
  try {
    fd = fs.openSync(file, "r");
    const head = Buffer.alloc(8192);
    const n = fs.readSync(fd, head, 0, head.length, 0);
    const at = head.subarray(0, n).indexOf("\nKEY: ");
    if (at < 0) return null;
    const end = head.indexOf("\n", at + 6);
    return head.subarray(at + 6, end < 0 ? n : end).toString("utf8");
  } catch {
    return null; // gone meanwhile (nginx's own cache manager, another purge)
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function* files(dir) {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (e.isFile()) yield p;
  }
}

/** nginx's $uri is decoded: compare decoded paths. */
function decoded(p) {
  try {
    return decodeURI(p);
  } catch {
    return p;
  }
}

/** Deletes the entries of `cacheDir` that `list` names; returns how many. */
export function purge(cacheDir, list) {
  const urls = new Set(list.urls.map(decoded));
  const prefixes = list.prefixes.map(decoded);
  let purged = 0;
  for (const file of files(cacheDir)) {
    const key = cacheKeyOf(file);
    if (key === null) continue;
    const q = key.indexOf("?");
    const pathPart = q < 0 ? key : key.slice(0, q);
    if (urls.has(pathPart) || prefixes.some((p) => key.startsWith(p))) {
      try {
        fs.rmSync(file);
        purged++;
      } catch {}
    }
  }
  return purged;
}

/** Reads `{ urls, prefixes }` from a request body; throws with what is wrong. */
function parseList(body) {
  const v = JSON.parse(body);
  const strings = (x, name) => {
    if (x === undefined) return [];
    if (!Array.isArray(x) || !x.every((s) => typeof s === "string" && s.startsWith("/"))) throw new Error(`${name} must be an array of paths starting with /`);
    return x;
  };
  return { urls: strings(v?.urls, "urls"), prefixes: strings(v?.prefixes, "prefixes") };
}

export function createPurgeHook(cacheDir) {
  return http.createServer((req, res) => {
    const answer = (status, body) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.method !== "POST") return answer(405, { error: "POST { urls, prefixes } here" });
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk) => {
      body += chunk;
      if (body.length > 1_000_000) req.destroy();
    });
    req.on("end", () => {
      let list;
      try {
        list = parseList(body);
      } catch (err) {
        return answer(400, { error: `bad purge request: ${err.message}` });
      }
      answer(200, { purged: purge(cacheDir, list) });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { cache: { type: "string" }, port: { type: "string", default: "3100" } } });
  if (!values.cache) {
    console.error("usage: node scripts/nginx-purge-hook.mjs --cache <nginx proxy_cache_path directory> [--port 3100]");
    process.exit(2);
  }
  if (!fs.existsSync(values.cache)) {
    console.error(`nginx-purge-hook: no such directory: ${values.cache} (the proxy_cache_path of the nginx in front)`);
    process.exit(2);
  }
  const port = Number(values.port);
  createPurgeHook(values.cache).listen(port, "127.0.0.1", () => console.log(`purge hook for ${values.cache} on http://127.0.0.1:${port}/`));
}
