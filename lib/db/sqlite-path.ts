import path from "node:path";

/** Turns a `file:` URL (relative paths are relative to the project root, i.e. the cwd) into a path. */
export function sqlitePathFromUrl(url: string): string {
  const p = url.replace(/^file:/, "").replace(/\?.*$/, "");
  return path.isAbsolute(p) ? p : path.resolve(/*turbopackIgnore: true*/ process.cwd(), p);
}
