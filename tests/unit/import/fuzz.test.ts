/**
 * Bad input to the import, generated: random bytes, invalid UTF-8, NULs and control characters,
 * text with broken GB18030, very long lines and files at and over the size limit, each imported
 * as page 1 of a published issue over the sample edition. Each must either import (the page
 * replaced, the database intact) or be refused with an ImportError that names the file — never
 * another exception, never a hang (a generous bound per input, far above a page's milliseconds),
 * and a refusal leaves the database byte-identical.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dumpDatabase } from "@/lib/import/dump";
import { ImportError } from "@/lib/import/errors";
import { importEditionWith, type ImportDependencies } from "@/lib/import/import-edition";
import { MAX_PAGE_BYTES, readInputs } from "@/lib/import/read-inputs";
import { createTestDatabase, type TestDatabase } from "../support/db-fixture";
import { testDependencies } from "./support/dependencies";
import { SAMPLE_DIR, samplePage } from "./support/files";

/** Far above what a page takes (milliseconds): only a hang or a blow-up reaches it. */
const BOUND_MS = 10_000;

let t: TestDatabase;
let deps: ImportDependencies;
let dir: string;
beforeAll(async () => {
  t = await createTestDatabase();
  deps = testDependencies();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "epaper-fuzz-"));
  importEditionWith(deps, t.db(), readInputs([SAMPLE_DIR]), { publish: true });
});
afterAll(() => {
  t.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

type Outcome = { ok: true } | { ok: false; error: ImportError };

/** Imports `bytes` as 2026-04-08 page 1 and checks the rules above; returns what happened. */
function importBytes(bytes: Uint8Array): Outcome {
  const file = path.join(dir, "2026-04-08_01.txt");
  fs.writeFileSync(file, bytes);
  const before = dumpDatabase(t.db());
  const started = performance.now();
  let outcome: Outcome;
  try {
    importEditionWith(deps, t.db(), readInputs([file]), { publish: true });
    outcome = { ok: true };
  } catch (err) {
    if (!(err instanceof ImportError)) throw new Error(`not an ImportError for ${bytes.length} bytes: ${String(err)}`, { cause: err });
    expect(err.message).toContain("2026-04-08_01.txt");
    expect(dumpDatabase(t.db())).toBe(before);
    outcome = { ok: false, error: err };
  }
  expect(performance.now() - started).toBeLessThan(BOUND_MS);
  expect(t.db().pragma("integrity_check", { simple: true })).toBe("ok");
  return outcome;
}

const sample = samplePage("2026-04-08");

/** Bytes a damaged or wrong file might hold. */
const damaged = fc.oneof(
  // anything at all
  fc.uint8Array({ minLength: 1, maxLength: 4096 }),
  // text with NULs, controls, lone surrogates (as UTF-8 would never hold them) and odd line ends
  fc.string({ unit: "binary", minLength: 1, maxLength: 2000 }).map((s) => Buffer.from(s, "utf8")),
  fc
    .array(fc.constantFrom("聊城", "本报讯", "(记者 王小明)", "\u0000", "\r", "\r\n", "\n\n", "——", "■", "\u001b[0m", "\ufeff", "\u2028", "%FF", "\\u0000"), {
      minLength: 1,
      maxLength: 300,
    })
    .map((parts) => Buffer.from(parts.join(""), "utf8")),
  // the sample page with bytes flipped, cut, or invalid UTF-8 sequences spliced in
  fc.tuple(fc.nat(sample.length - 1), fc.uint8Array({ minLength: 1, maxLength: 16 })).map(([at, junk]) => Buffer.concat([sample.subarray(0, at), Buffer.from(junk), sample.subarray(at)])),
  fc.nat(sample.length - 1).map((at) => sample.subarray(0, Math.max(1, at))),
  fc.constantFrom(Buffer.from([0xff, 0xfe]), Buffer.from([0xc3]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0xe8, 0x81]), Buffer.from([0x81, 0x30, 0x81])),
);

describe("the import given damaged or hostile bytes", () => {
  it("should import or refuse each with an ImportError, leaving the database intact", () => {
    const seen = { imported: 0, refused: new Set<string>() };
    fc.assert(
      fc.property(damaged, (bytes) => {
        const outcome = importBytes(bytes);
        if (outcome.ok) seen.imported++;
        else seen.refused.add(outcome.error.code);
      }),
      { numRuns: 80, seed: 20261205 },
    );
    // Both outcomes happened: the generator reaches the checks and the parser alike.
    expect(seen.imported).toBeGreaterThan(0);
    expect(seen.refused.size).toBeGreaterThan(0);
  }, 120_000);

  it("should refuse a 10 MB file by its size, naming the limit", () => {
    const outcome = importBytes(Buffer.alloc(10 * 1024 * 1024, "聊城日报".repeat(10)));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error.code).toBe("too-large");
      expect(outcome.error.message).toMatch(/10\.0 MB.*2\.0 MB/);
    }
  });

  it("should import a page with a 100,000-character line, and one just under the size limit", () => {
    const longLine = "本报讯(记者 王小明)" + "聊城市民生工程进展顺利,".repeat(100_000 / 12);
    expect(importBytes(Buffer.from(`\n\n要闻\n\n百年长句\n\n${longLine}\n`, "utf8")).ok).toBe(true);
    const asciiLine = Buffer.from(`\n\n要闻\n\n标题\n\n${"x".repeat(100_000)}\n`, "utf8");
    expect(importBytes(asciiLine).ok).toBe(true);
    const paragraph = `${"本报讯(记者 王小明)4月7日,这是一段足够长的正文段落,用来确认导入把稿件完整地存进数据库里面。".repeat(4)}\n\n`;
    const big = Buffer.from(`\n\n要闻\n\n大版面\n\n${paragraph.repeat(Math.floor((MAX_PAGE_BYTES - 100) / Buffer.byteLength(paragraph)))}`, "utf8");
    expect(big.length).toBeLessThanOrEqual(MAX_PAGE_BYTES);
    expect(importBytes(big).ok).toBe(true);
  }, 120_000);
});
