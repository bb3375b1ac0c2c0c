/**
 * The `npm run parse` CLI: the page's ParsedPage as JSON on stdout and nothing else; bad
 * arguments, unreadable or empty files exit 1 with a message on stderr.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parsePage } from "@/lib/parser";

const ROOT = path.join(import.meta.dirname, "../../..");
const SEED = path.join(ROOT, "tests/fixtures/pages/seed-2026-04-08.txt");

/** Runs the CLI as `npm run parse` does (tsx), without npm's own output. */
function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", "tsx", "scripts/parse.ts", ...args], { cwd: ROOT, encoding: "utf8", timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe.concurrent("npm run parse", () => {
  it("should print exactly the page's parse as indented JSON, with --date and --page", async () => {
    const r = await run(SEED, "--date", "2026-04-09", "--page", "4");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(`${JSON.stringify(parsePage(fs.readFileSync(SEED), { issueDate: "2026-04-09", pageNumber: 4 }), null, 2)}\n`);
  }, 60_000);

  it("should exit 1 with a message for a file it cannot read", async () => {
    const r = await run("/no/such/file.txt");
    expect(r).toMatchObject({ code: 1, stdout: "" });
    expect(r.stderr).toMatch(/cannot read .*no such file/);
  }, 60_000);

  it("should exit 1 with a message for bad arguments", async () => {
    const r = await run(SEED, "--date", "2026-02-30");
    expect(r).toMatchObject({ code: 1, stdout: "" });
    expect(r.stderr).toMatch(/calendar date/);
  }, 60_000);

  it("should exit 1 with a message for an empty file", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "parse-")), "empty.txt");
    fs.writeFileSync(file, "\u3000\n\n");
    const r = await run(file);
    expect(r).toMatchObject({ code: 1, stdout: "" });
    expect(r.stderr).toMatch(/empty/);
  }, 60_000);
});
