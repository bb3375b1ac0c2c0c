import path from "node:path";
import { DATABASE_URL_HINT } from "../env-defaults";

/** Turns a `file:` URL (relative paths are relative to the project root, i.e. the cwd) into a path. */
export function sqlitePathFromUrl(url: string): string {
  // Anything else would be read as a relative path ("postgresql://…" → a folder "postgresql:").
  if (!/^file:.+/.test(url)) throw new Error(`DATABASE_URL "${url}" ${DATABASE_URL_HINT}`);
  const p = url.replace(/^file:/, "").replace(/\?.*$/, "");
  return path.isAbsolute(p) ? p : path.resolve(/*turbopackIgnore: true*/ process.cwd(), p);
}
