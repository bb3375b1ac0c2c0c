import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ImportError } from "@/lib/import/errors";
import { lineOfJsonPath } from "@/lib/import/json-position";
import { parseManifest } from "@/lib/import/manifest";
import { readInputs } from "@/lib/import/read-inputs";
import { manifestSchema } from "@/lib/validations/manifest";
import { SAMPLE_DIR, samplePage, writeDir } from "./support/files";

function manifestError(text: string): ImportError {
  try {
    parseManifest(text, "dir/manifest.json");
  } catch (err) {
    expect(err).toBeInstanceOf(ImportError);
    return err as ImportError;
  }
  throw new Error("expected the manifest to be refused");
}

const valid = {
  issues: [
    {
      date: "2026-04-08",
      issueNumber: 12345,
      pages: [
        { file: "a.txt", page: 1, name: "要闻" },
        { file: "b.txt", page: 2 },
      ],
    },
  ],
};

describe("manifest.json", () => {
  it("should accept the sample edition's manifest", () => {
    const json: unknown = JSON.parse(fs.readFileSync(path.join(SAMPLE_DIR, "manifest.json"), "utf8"));
    const manifest = manifestSchema.parse(json);
    expect(manifest.issues.map((i) => i.date)).toEqual(["2026-04-08", "2025-12-27"]);
  });

  it("should map each file to its issue, page, name and issue number, with the line of its entry", () => {
    const { entries } = parseManifest(JSON.stringify(valid, null, 2), "m.json");
    expect(entries.get("a.txt")).toMatchObject({ date: "2026-04-08", issueNumber: 12345, page: 1, name: "要闻" });
    expect(entries.get("b.txt")).toMatchObject({ page: 2, name: undefined });
    expect(entries.get("a.txt")?.line).toBe(7);
  });

  it("should name the line of a JSON syntax error", () => {
    const err = manifestError('{\n  "issues": [\n    { "date": "2026-04-08", }\n  ]\n}');
    expect(err.code).toBe("bad-manifest");
    expect(err.file).toBe("dir/manifest.json");
    expect(err.line).toBe(3);
    expect(err.message).toMatch(/^dir\/manifest\.json:3: not valid JSON/);
  });

  it("should refuse a date that is not a calendar day, naming its line", () => {
    const text = JSON.stringify({ issues: [{ date: "2026-02-30", pages: [{ file: "a.txt", page: 1 }] }] }, null, 2);
    const err = manifestError(text);
    expect(err.line).toBe(4);
    expect(err.detail).toMatch(/issues\[0\]\.date: not a calendar date/);
  });

  it.each([
    [0, /numbered from 1/],
    [100, /up to 99/],
    [1.5, /whole number/],
  ])("should refuse page %s", (page, message) => {
    const err = manifestError(JSON.stringify({ issues: [{ date: "2026-04-08", pages: [{ file: "a.txt", page }] }] }));
    expect(err.detail).toMatch(message);
  });

  it("should refuse misspelt keys rather than ignore them", () => {
    const text = JSON.stringify({ issues: [{ date: "2026-04-08", pages: [{ file: "a.txt", pgae: 1 }] }] }, null, 2);
    const err = manifestError(text);
    expect(err.detail).toMatch(/pgae/);
    expect(err.line).toBe(6);
  });

  it("should refuse two files claiming the same page, and the same file listed twice", () => {
    const twoFiles = manifestError(
      JSON.stringify({ issues: [{ date: "2026-04-08", pages: [{ file: "a.txt", page: 1 }, { file: "b.txt", page: 1 }] }] }, null, 2),
    );
    expect(twoFiles.detail).toMatch(/two files claim 2026-04-08 page 1: a\.txt and b\.txt/);
    expect(twoFiles.line).toBe(12);
    const sameFile = manifestError(
      JSON.stringify({
        issues: [
          { date: "2026-04-08", pages: [{ file: "a.txt", page: 1 }] },
          { date: "2026-04-09", pages: [{ file: "a.txt", page: 1 }] },
        ],
      }),
    );
    expect(sameFile.detail).toMatch(/a\.txt is already listed/);
  });

  it("should refuse the same issue listed twice and paths instead of file names", () => {
    expect(
      manifestError(
        JSON.stringify({
          issues: [
            { date: "2026-04-08", pages: [{ file: "a.txt", page: 1 }] },
            { date: "2026-04-08", pages: [{ file: "b.txt", page: 2 }] },
          ],
        }),
      ).detail,
    ).toMatch(/already listed as issues\[0\]/);
    expect(
      manifestError(JSON.stringify({ issues: [{ date: "2026-04-08", pages: [{ file: "../a.txt", page: 1 }] }] })).detail,
    ).toMatch(/without a path/);
  });

  it("should refuse a manifest without issues or pages", () => {
    expect(manifestError("{}").detail).toMatch(/issues/);
    expect(manifestError(JSON.stringify({ issues: [{ date: "2026-04-08", pages: [] }] })).detail).toMatch(/at least one page/);
  });

  it("should name a listed file that is missing, and a page file the manifest does not list", () => {
    const missing = writeDir({ "manifest.json": valid, "a.txt": samplePage("2026-04-08") });
    expect(() => readInputs([missing])).toThrow(expect.objectContaining({ code: "missing-file", line: 12 }));
    const unlisted = writeDir({
      "manifest.json": valid,
      "a.txt": samplePage("2026-04-08"),
      "b.txt": samplePage("2025-12-27"),
      "c.txt": "stray",
    });
    expect(() => readInputs([unlisted])).toThrow(expect.objectContaining({ code: "not-in-manifest", file: path.join(unlisted, "c.txt") }));
  });
});

describe("lineOfJsonPath", () => {
  const text = '{\n  "a": 1,\n  "b": [\n    {"c": 2},\n    {\n      "c": [3, 4]\n    }\n  ]\n}';

  it("should find object keys and array items", () => {
    expect(lineOfJsonPath(text, ["a"])).toBe(2);
    expect(lineOfJsonPath(text, ["b", 0, "c"])).toBe(4);
    expect(lineOfJsonPath(text, ["b", 1, "c", 1])).toBe(6);
  });

  it("should fall back to the deepest parent found", () => {
    expect(lineOfJsonPath(text, ["b", 1, "missing"])).toBe(5);
    expect(lineOfJsonPath(text, ["b", 7])).toBe(3);
  });
});
