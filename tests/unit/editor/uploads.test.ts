/**
 * The desk's browser import (lib/import/uploads.ts): page files that arrive as bytes. planUploads
 * proposes date and page per file (manifest → file name → text → file order) and a quick parse;
 * inputsFromUploads turns the editor's confirmed plan into import inputs. Parsed with the real
 * parser on fixture pages.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { deskWarnings } from "@/lib/editor/warnings";
import { ImportError } from "@/lib/import/errors";
import { parseManifest } from "@/lib/import/manifest";
import { checkPageBytes } from "@/lib/import/read-inputs";
import { inputsFromUploads, planUploads, type ConfirmedPage, type Upload } from "@/lib/import/uploads";
import { parsePage, type ParseOptions } from "@/lib/parser";

const DIR = path.join(import.meta.dirname, "../../fixtures/pages");

describe("planUploads with a manifest.json", () => {
  const manifest = {
    issues: [
      {
        date: "2026-04-08",
        issueNumber: 9876,
        pages: [
          { file: "front.txt", page: 1, name: "要闻" },
          { file: "second.txt", page: 2 },
        ],
      },
    ],
  };

  it("should take date, page, name and issue number from the manifest, and not plan the manifest itself", () => {
    const plan = planUploads(
      [upload("manifest.json", JSON.stringify(manifest, null, 2)), fixtureUpload("front.txt", "photo-captions"), fixtureUpload("second.txt", "titles-subheads")],
      parsePage,
    );
    expect(plan.manifestError).toBeNull();
    expect(plan.pages.map((p) => [p.file, p.date, p.dateFrom, p.page, p.pageFrom, p.name, p.issueNumber, p.error])).toEqual([
      // The manifest says page 1 although the page header says 第05版: the manifest wins.
      ["front.txt", "2026-04-08", "manifest", 1, "manifest", "要闻", 9876, null],
      // No name in the manifest: the one printed on the page.
      ["second.txt", "2026-04-08", "manifest", 2, "manifest", "一线微观察", 9876, null],
    ]);
  });

  it("should parse each page with the facts it found, and report what the parse found", () => {
    const calls: ParseOptions[] = [];
    const spy = (bytes: Uint8Array, options: ParseOptions) => {
      calls.push(options);
      return parsePage(bytes, options);
    };
    const front = fixture("photo-captions");
    const plan = planUploads([upload("manifest.json", JSON.stringify(manifest)), { name: "front.txt", bytes: front }, fixtureUpload("second.txt", "titles-subheads")], spy);
    expect(calls).toEqual([
      { issueDate: "2026-04-08", pageNumber: 1 },
      { issueDate: "2026-04-08", pageNumber: 2 },
    ]);
    const parsed = parsePage(front, { issueDate: "2026-04-08", pageNumber: 1 });
    expect(plan.pages[0]).toMatchObject({
      bytes: front.length,
      articles: parsed.articles.length,
      warnings: parsed.warnings.length,
      titles: parsed.articles.map((a) => a.title),
    });
    expect(plan.pages[0]?.titles).toEqual(["运河古城迎来赏花游客", "东阿县消防救援大队开展实战演练"]);
  });

  it("should read a manifest saved with a byte-order mark", () => {
    const plan = planUploads([upload("manifest.json", `\uFEFF${JSON.stringify(manifest)}`), fixtureUpload("front.txt", "photo-captions"), fixtureUpload("second.txt", "titles-subheads")], parsePage);
    expect(plan.manifestError).toBeNull();
    expect(plan.pages.map((p) => p.pageFrom)).toEqual(["manifest", "manifest"]);
  });

  it("should add an error entry, with the manifest line, for a listed file that was not uploaded", () => {
    const text = JSON.stringify(manifest, null, 2);
    const plan = planUploads([upload("manifest.json", text), fixtureUpload("front.txt", "photo-captions")], parsePage);
    expect(plan.pages.map((p) => p.file)).toEqual(["front.txt", "second.txt"]);
    const missing = plan.pages[1]!;
    expect(missing).toMatchObject({ bytes: 0, date: "2026-04-08", dateFrom: "manifest", page: 2, pageFrom: "manifest", issueNumber: 9876, articles: 0, titles: [] });
    expect(missing.error).toEqual({ code: "missing-file", message: "manifest.json lists second.txt, which was not uploaded", line: lineOf(text, '"file": "second.txt"') - 1 });
    expect(plan.pages[0]?.error).toBeNull();
  });

  it("should fall back on file names and text for a file the manifest does not list", () => {
    const plan = planUploads(
      [upload("manifest.json", JSON.stringify(manifest)), fixtureUpload("front.txt", "photo-captions"), fixtureUpload("second.txt", "titles-subheads"), fixtureUpload("2026-04-09_04.txt", "relocated-strays")],
      parsePage,
    );
    expect(plan.pages[2]).toMatchObject({ file: "2026-04-09_04.txt", date: "2026-04-09", dateFrom: "file-name", page: 4, pageFrom: "file-name", error: null });
  });
});

describe("planUploads with an invalid manifest", () => {
  it("should report a JSON syntax error with its line and place the pages without it", () => {
    // A trailing comma after the last key, the commonest slip when editing a manifest by hand.
    const text = '{\n  "issues": [\n    { "date": "2026-04-08",\n      "pages": [ { "file": "a.txt", "page": 1, } ]\n    }\n  ]\n}';
    const plan = planUploads([upload("manifest.json", text), fixtureUpload("2026-04-08_03.txt", "photo-captions")], parsePage);
    expect(plan.manifestError?.message).toMatch(/^not valid JSON/);
    expect(plan.manifestError?.line).toBe(4);
    // The same message the command-line import gives for this manifest.
    expect(plan.manifestError?.message).toBe(manifestRefusal(text).detail);
    expect(plan.pages).toHaveLength(1);
    expect(plan.pages[0]).toMatchObject({ dateFrom: "file-name", page: 3, pageFrom: "file-name", error: null });
  });

  // Was a bug (lib/import/json-position.ts:92, lineOfJsonSyntaxError, surfacing through planUploads'
  // manifestError): the line is read from the SyntaxError's message, but V8 words an unexpected
  // token as `Unexpected token ']', "…" is not valid JSON` with no position, so a trailing comma
  // in an array (`[ {…}, ]`) gives a manifestError without a line (seen on Node 20).
  it("should report the line of a trailing comma in an array", () => {
    const text = '{\n  "issues": [\n    { "date": "2026-04-08",\n      "pages": [ { "file": "a.txt", "page": 1 }, ]\n    }\n  ]\n}';
    const plan = planUploads([upload("manifest.json", text), fixtureUpload("a.txt", "photo-captions")], parsePage);
    expect(plan.manifestError?.message).toMatch(/^not valid JSON/);
    expect(plan.manifestError?.line).toBe(4);
  });

  it("should report a schema problem with the line of the offending value", () => {
    const text = JSON.stringify({ issues: [{ date: "2026-04-08", pages: [{ file: "a.txt", page: 1 }, { file: "b.txt", page: 0 }] }] }, null, 2);
    const plan = planUploads([upload("manifest.json", text), fixtureUpload("a.txt", "photo-captions"), fixtureUpload("b.txt", "titles-subheads")], parsePage);
    expect(plan.manifestError).toEqual({ message: "issues[0].pages[1].page: pages are numbered from 1", line: lineOf(text, '"page": 0') });
    // Not placed by the broken manifest: from the text, or the order of the files.
    expect(plan.pages.map((p) => [p.file, p.page, p.pageFrom, p.error])).toEqual([
      ["a.txt", 5, "text", null],
      ["b.txt", 2, "file-order", null],
    ]);
  });
});

describe("planUploads from file names", () => {
  it("should read date and page from names like 2026-04-08_03.txt and 20260408-12.txt", () => {
    const plan = planUploads([fixtureUpload("2026-04-08_03.txt", "photo-captions"), fixtureUpload("20260409-12.txt", "titles-subheads")], parsePage);
    expect(plan.manifestError).toBeNull();
    expect(plan.pages.map((p) => [p.file, p.date, p.dateFrom, p.page, p.pageFrom])).toEqual([
      ["2026-04-08_03.txt", "2026-04-08", "file-name", 3, "file-name"],
      ["20260409-12.txt", "2026-04-09", "file-name", 12, "file-name"],
    ]);
  });

  it("should refuse a dated name with an impossible date or page, naming why", () => {
    const plan = planUploads([fixtureUpload("2026-02-30_01.txt", "photo-captions"), fixtureUpload("2026-04-08_00.txt", "photo-captions")], parsePage);
    expect(plan.pages.map((p) => p.error)).toEqual([
      { code: "bad-file-name", message: "the file name says 2026-02-30, which is not a calendar date" },
      { code: "bad-file-name", message: "the file name says page 0; pages are numbered 1–99" },
    ]);
  });
});

describe("planUploads with neither manifest nor file-name facts", () => {
  it("should take date and page from the text, else the page from the file order", () => {
    const plan = planUploads(
      [fixtureUpload("a.txt", "photo-captions"), fixtureUpload("b.txt", "titles-subheads"), fixtureUpload("c.txt", "fullwidth-crlf-indent-numbered-header")],
      parsePage,
    );
    expect(plan.pages.map((p) => [p.file, p.date, p.dateFrom, p.page, p.pageFrom, p.name])).toEqual([
      // 第05版:一线微观察; the date inferred from the datelines.
      ["a.txt", "2026-04-08", "text", 5, "text", "一线微观察"],
      // No page number printed: second file, page 2.
      ["b.txt", "2026-04-08", "text", 2, "file-order", "一线微观察"],
      // 第03版：要闻, and no dateline to infer the date from.
      ["c.txt", null, "none", 3, "text", "要闻"],
    ]);
  });

  it("should count the file order over page files only, not the manifest or what comes after", () => {
    const plan = planUploads([fixtureUpload("x.txt", "titles-subheads"), upload("manifest.json", "{"), fixtureUpload("y.txt", "titles-subheads")], parsePage);
    expect(plan.pages.map((p) => [p.file, p.page, p.pageFrom])).toEqual([
      ["x.txt", 1, "file-order"],
      ["y.txt", 2, "file-order"],
    ]);
  });

  it("should count warnings the way the caller says (the desk's list, joined blocks included)", () => {
    const bytes = fixture("column-breaks");
    const parser = planUploads([{ name: "a.txt", bytes }], parsePage);
    const desk = planUploads([{ name: "a.txt", bytes }], parsePage, { countWarnings: (p) => deskWarnings(p).length });
    expect(parser.pages[0]?.warnings).toBe(parsePage(bytes).warnings.length);
    expect(desk.pages[0]?.warnings).toBe(deskWarnings(parsePage(bytes)).length);
    expect(desk.pages[0]!.warnings).toBeGreaterThan(parser.pages[0]!.warnings);
  });

  it("should list at most six titles", () => {
    const plan = planUploads([fixtureUpload("a.txt", "seed-2025-12-27")], parsePage);
    expect(plan.pages[0]?.articles).toBe(7);
    expect(plan.pages[0]?.titles).toEqual(parsePage(fixture("seed-2025-12-27")).articles.slice(0, 6).map((a) => a.title));
  });
});

describe("planUploads: files that cannot be pages", () => {
  it("should give empty, binary and oversized files their own error, with the import's message, and plan the rest", () => {
    const big = Buffer.from("一".repeat(2000)); // 6000 bytes
    const uploads: Upload[] = [
      { name: "empty.txt", bytes: Buffer.alloc(0) },
      fixtureUpload("good.txt", "photo-captions"),
      { name: "scan.pdf", bytes: Buffer.from("%PDF-1.7\n%binary\n") },
      { name: "nul.txt", bytes: Buffer.from("第一行\n第二行\n\u0000\u0001\u0002") },
      { name: "big.txt", bytes: big },
    ];
    const plan = planUploads(uploads, parsePage, { maxBytes: 4096 });
    expect(plan.pages.map((p) => p.file)).toEqual(uploads.map((u) => u.name));
    for (const [i, p] of plan.pages.entries()) {
      const u = uploads[i]!;
      const err = refusalOf(() => checkPageBytes(u.bytes, u.name, 4096));
      if (!err) {
        expect(p.error).toBeNull();
        continue;
      }
      expect(p.error).toEqual({ code: err.code, message: err.detail, ...(err.line ? { line: err.line } : {}) });
      expect(p).toMatchObject({ bytes: u.bytes.length, date: null, page: null, articles: 0, titles: [] });
    }
    expect(plan.pages.map((p) => p.error?.code ?? null)).toEqual(["empty", null, "binary", "binary", "too-large"]);
    expect(plan.pages[0]?.error?.message).toBe("the file is empty (0 bytes); a page file holds the page's text");
    expect(plan.pages[2]?.error?.message).toBe("this is a PDF document, not page text");
    // The line of the first NUL byte.
    expect(plan.pages[3]?.error).toMatchObject({ message: "binary data (a NUL byte), not page text", line: 3 });
    expect(plan.pages[4]?.error?.message).toBe("the file is 6 KB; one page is at most 4 KB (is this a whole archive or a binary file?)");
    expect(plan.pages[1]).toMatchObject({ page: 5, articles: 2 });
  });

  it("should not parse a file it refused", () => {
    let calls = 0;
    planUploads([{ name: "empty.txt", bytes: Buffer.alloc(0) }], (b, o) => {
      calls++;
      return parsePage(b, o);
    });
    expect(calls).toBe(0);
  });
});

describe("inputsFromUploads", () => {
  it("should build one input per confirmed file, facts marked as given by the editor", () => {
    const a = fixtureUpload("a.txt", "photo-captions");
    const b = fixtureUpload("b.txt", "titles-subheads");
    const inputs = inputsFromUploads(
      [upload("manifest.json", "{}"), a, b],
      [
        { file: "b.txt", date: "2026-04-08", page: 2 },
        { file: "a.txt", date: "2026-04-08", page: 1, name: "要闻", issueNumber: 9876 },
      ],
    );
    // In the order confirmed; the manifest is not a page and need not be confirmed.
    expect(inputs.map((i) => [i.file, i.fileName, i.date, i.page, i.name, i.issueNumber, i.claim])).toEqual([
      ["b.txt", "b.txt", { value: "2026-04-08", from: "option" }, { value: 2, from: "option" }, undefined, undefined, { file: "b.txt" }],
      ["a.txt", "a.txt", { value: "2026-04-08", from: "option" }, { value: 1, from: "option" }, "要闻", 9876, { file: "a.txt" }],
    ]);
    expect(inputs[1]?.bytes.equals(a.bytes)).toBe(true);
  });

  it("should give the SHA-256 of each file's bytes", () => {
    const a = fixtureUpload("a.txt", "photo-captions");
    const [input] = inputsFromUploads([a], [{ file: "a.txt", date: "2026-04-08", page: 1 }]);
    expect(input?.sha256).toBe(createHash("sha256").update(fixture("photo-captions")).digest("hex"));
    expect(input?.sha256).toMatch(/^[0-9a-f]{64}$/);
    // A known vector: the hash is of the bytes as uploaded, not of decoded text.
    const [abc] = inputsFromUploads([upload("abc.txt", "abc")], [confirm("abc.txt", 1)]);
    expect(abc?.sha256).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("should refuse two uploads with the same name", () => {
    const err = refusal(() => inputsFromUploads([fixtureUpload("a.txt", "photo-captions"), fixtureUpload("a.txt", "titles-subheads")], [{ file: "a.txt", date: "2026-04-08", page: 1 }]));
    expect(err).toMatchObject({ code: "usage", file: "a.txt", detail: "two uploaded files have this name; rename one" });
  });

  it("should refuse a confirmed file that was not uploaded", () => {
    const err = refusal(() => inputsFromUploads([fixtureUpload("a.txt", "photo-captions")], [confirm("a.txt", 1), confirm("ghost.txt", 2)]));
    expect(err).toMatchObject({ code: "not-found", file: "ghost.txt", detail: "this file was not uploaded with the request" });
  });

  it("should refuse a file confirmed twice", () => {
    const err = refusal(() => inputsFromUploads([fixtureUpload("a.txt", "photo-captions")], [confirm("a.txt", 1), confirm("a.txt", 2)]));
    expect(err).toMatchObject({ code: "usage", file: "a.txt", detail: "listed twice in the import" });
  });

  it("should refuse an upload that was not confirmed, naming it", () => {
    const err = refusal(() => inputsFromUploads([fixtureUpload("a.txt", "photo-captions"), fixtureUpload("b.txt", "titles-subheads")], [confirm("a.txt", 1)]));
    expect(err).toMatchObject({ code: "usage", file: "b.txt", detail: "uploaded but not placed (no date and page given for it)" });
  });

  it("should run the page checks again on the confirmed files", () => {
    expect(refusal(() => inputsFromUploads([{ name: "e.txt", bytes: Buffer.alloc(0) }], [confirm("e.txt", 1)])).code).toBe("empty");
    expect(refusal(() => inputsFromUploads([upload("big.txt", "一".repeat(2000))], [confirm("big.txt", 1)], 4096)).code).toBe("too-large");
    expect(refusal(() => inputsFromUploads([upload("doc.pdf", "%PDF-1.4\n")], [confirm("doc.pdf", 1)])).code).toBe("binary");
  });
});

function fixture(name: string): Buffer {
  return fs.readFileSync(path.join(DIR, `${name}.txt`));
}

function fixtureUpload(name: string, fixtureName: string): Upload {
  return { name, bytes: fixture(fixtureName) };
}

function upload(name: string, text: string): Upload {
  return { name, bytes: Buffer.from(text, "utf8") };
}

function confirm(file: string, page: number): ConfirmedPage {
  return { file, date: "2026-04-08", page };
}

/** 1-based line of the first line of `text` containing `needle`. */
function lineOf(text: string, needle: string): number {
  const i = text.split("\n").findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`${needle} not in text`);
  return i + 1;
}

function refusalOf(fn: () => unknown): ImportError | null {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ImportError);
    return err as ImportError;
  }
  return null;
}

function refusal(fn: () => unknown): ImportError {
  const err = refusalOf(fn);
  if (!err) throw new Error("expected an ImportError");
  return err;
}

/** The ImportError the command-line import's manifest reader (lib/import/manifest.ts) gives for `text`. */
function manifestRefusal(text: string): ImportError {
  return refusal(() => parseManifest(text, "manifest.json"));
}
