import path from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { ImportError } from "@/lib/import/errors";
import { factsFromFileName, MAX_PAGE_BYTES, readInputs } from "@/lib/import/read-inputs";
import { detectNonText } from "@/lib/import/sniff";
import { SAMPLE_DIR, samplePage, writeDir } from "./support/files";

function refusal(paths: string[], options = {}): ImportError {
  try {
    readInputs(paths, options);
  } catch (err) {
    expect(err).toBeInstanceOf(ImportError);
    return err as ImportError;
  }
  throw new Error("expected the input to be refused");
}

describe("readInputs", () => {
  it("should read the sample directory in manifest order with date, page and name from the manifest", () => {
    const inputs = readInputs([SAMPLE_DIR]);
    expect(inputs.map((i) => [i.fileName, i.date, i.page, i.name])).toEqual([
      ["2026-04-08_01.txt", { value: "2026-04-08", from: "manifest" }, { value: 1, from: "manifest" }, "一线微观察"],
      ["2025-12-27_01.txt", { value: "2025-12-27", from: "manifest" }, { value: 1, from: "manifest" }, "一线微观察"],
    ]);
    expect(inputs[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(inputs[0]?.claim).toEqual({ file: path.join(SAMPLE_DIR, "manifest.json"), line: 5 });
  });

  it("should take a single file's facts from its directory's manifest", () => {
    const [input] = readInputs([path.join(SAMPLE_DIR, "2025-12-27_01.txt")]);
    expect(input?.date?.from).toBe("manifest");
    expect(input?.name).toBe("一线微观察");
  });

  it("should read date and page from file names, in natural order", () => {
    const dir = writeDir({
      "2026-04-08_10.txt": samplePage("2026-04-08"),
      "2026-04-08_2.txt": samplePage("2026-04-08"),
      "20260409-03.txt": samplePage("2026-04-08"),
      "notes.md": "not a page",
    });
    const inputs = readInputs([dir]);
    expect(inputs.map((i) => [i.fileName, i.date?.value, i.page?.value, i.page?.from])).toEqual([
      ["2026-04-08_2.txt", "2026-04-08", 2, "file-name"],
      ["2026-04-08_10.txt", "2026-04-08", 10, "file-name"],
      ["20260409-03.txt", "2026-04-09", 3, "file-name"],
    ]);
  });

  it("should let --date and --page override what the file name says", () => {
    const dir = writeDir({ "2026-04-08_03.txt": samplePage("2026-04-08") });
    const [input] = readInputs([path.join(dir, "2026-04-08_03.txt")], { date: "2026-04-09", page: 5 });
    expect(input?.date).toEqual({ value: "2026-04-09", from: "option" });
    expect(input?.page).toEqual({ value: 5, from: "option" });
  });

  it("should refuse --page with more than one file", () => {
    expect(refusal([SAMPLE_DIR], { page: 2 }).code).toBe("usage");
  });

  it("should leave date and page unknown for other names", () => {
    const dir = writeDir({ "front.txt": samplePage("2026-04-08") });
    const [input] = readInputs([dir]);
    expect(input?.date).toBeUndefined();
    expect(input?.page).toBeUndefined();
  });

  it("should refuse a dated file name with an impossible date or page", () => {
    expect(() => factsFromFileName("2026-13-01_01.txt", "x")).toThrow(/not a calendar date/);
    expect(() => factsFromFileName("2026-04-08_00.txt", "x")).toThrow(/pages are numbered 1–99/);
  });

  it("should refuse a path that does not exist, and a directory without page files", () => {
    expect(refusal(["/nonexistent/page.txt"]).code).toBe("not-found");
    const empty = writeDir({ "readme.md": "x" });
    expect(refusal([empty])).toMatchObject({ code: "no-pages", file: empty });
  });

  it("should refuse a 0-byte file, naming it", () => {
    const dir = writeDir({ "2026-04-08_01.txt": "" });
    const err = refusal([dir]);
    expect(err).toMatchObject({ code: "empty", file: path.join(dir, "2026-04-08_01.txt") });
    expect(err.message).toMatch(/empty \(0 bytes\)/);
  });

  it("should refuse a binary file, naming it and the line of the first bad byte", () => {
    const bytes = Buffer.concat([Buffer.from("第一行\n第二行\n"), Buffer.from([0x00, 0x13, 0x88, 0x00, 0x01, 0x00, 0x00, 0x7f])]);
    const dir = writeDir({ "2026-04-08_01.txt": bytes });
    const err = refusal([dir]);
    expect(err).toMatchObject({ code: "binary", file: path.join(dir, "2026-04-08_01.txt"), line: 3 });
    expect(err.message).toMatch(/binary data/);
  });

  it("should say what a known binary format is", () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(detectNonText(png)?.reason).toMatch(/PNG image/);
    expect(detectNonText(Buffer.from("%PDF-1.7\n%âãÏÓ\n"))?.reason).toMatch(/PDF/);
    expect(detectNonText(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0]))?.reason).toMatch(/\.docx/);
  });

  it("should refuse random bytes without NULs", () => {
    const bytes = Buffer.alloc(4096);
    let x = 7;
    for (let i = 0; i < bytes.length; i++) bytes[i] = (x = (x * 1103515245 + 12345) >>> 0) % 255 + 1;
    expect(detectNonText(bytes)).not.toBeNull();
  });

  it("should refuse a 5 MB page with a clear error before reading it", () => {
    const big = Buffer.alloc(5 * 1024 * 1024, Buffer.from("聊城日报一线微观察\n"));
    const dir = writeDir({ "2026-04-08_01.txt": big });
    const err = refusal([dir]);
    expect(err.code).toBe("too-large");
    expect(err.message).toContain(path.join(dir, "2026-04-08_01.txt"));
    expect(err.message).toMatch(/5\.0 MB; one page is at most 2\.0 MB/);
    expect(MAX_PAGE_BYTES).toBe(2 * 1024 * 1024);
  });

  it("should accept GB18030, UTF-16 with a BOM and UTF-8 with a BOM", () => {
    const text = samplePage("2026-04-08").toString("utf8");
    for (const bytes of [
      iconv.encode(text, "gb18030"),
      iconv.encode(text, "utf-16le", { addBOM: true }),
      iconv.encode(text, "utf-16be", { addBOM: true }),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
    ]) {
      expect(detectNonText(bytes)).toBeNull();
    }
  });

  it("should name UTF-16 without a BOM, which the parser would misread as GB18030", () => {
    const text = samplePage("2026-04-08").toString("utf8");
    for (const bytes of [iconv.encode(text, "utf-16le"), iconv.encode(text, "utf-16be")]) {
      expect(detectNonText(bytes)?.reason).toMatch(/UTF-16 text without a byte-order mark/);
    }
  });

  it("should read each file once when a directory and a file in it are both named", () => {
    expect(readInputs([SAMPLE_DIR, path.join(SAMPLE_DIR, "2026-04-08_01.txt")])).toHaveLength(2);
  });
});
