/** Scratch directories of page files for import tests. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const SAMPLE_DIR = path.resolve(import.meta.dirname, "../../../../data/sample");

/** The sample page of `date` (2026-04-08 or 2025-12-27), as bytes. */
export function samplePage(date: "2026-04-08" | "2025-12-27"): Buffer {
  return fs.readFileSync(path.join(SAMPLE_DIR, `${date}_01.txt`));
}

/** A new temporary directory holding `files` (name → content; objects are written as JSON). */
export function writeDir(files: Record<string, string | Buffer | object> = {}, parent?: string): string {
  const dir = parent ?? fs.mkdtempSync(path.join(os.tmpdir(), "epaper-pages-"));
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    const data = typeof content === "string" || Buffer.isBuffer(content) ? content : JSON.stringify(content, null, 2);
    fs.writeFileSync(path.join(dir, name), data);
  }
  return dir;
}
