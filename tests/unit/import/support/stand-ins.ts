/**
 * Stand-ins for the import's collaborators in tests: a recording search indexer and, for as long
 * as lib/parser is being written, a small parser that reads the sample layout (head lines, then a
 * "■" byline or a "本报讯" lead). `testDependencies()` is what the import tests run with.
 */
import iconv from "iconv-lite";
import type { SqliteDb } from "@/lib/db/sqlite";
import type { ImportDependencies } from "@/lib/import/import-edition";
import type { SearchIndexer } from "@/lib/import/write-edition";
import type { Byline, ParsedArticle, ParsedPage, ParseOptions } from "@/lib/parser/types";

function decode(bytes: Uint8Array): { text: string; encoding: ParsedPage["encoding"] } {
  const buf = Buffer.from(bytes);
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: iconv.decode(buf, "utf-16le"), encoding: "utf-16le" };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { text: iconv.decode(buf, "utf-16be"), encoding: "utf-16be" };
  if (buf.includes(0)) return { text: iconv.decode(buf, "utf-16le"), encoding: "utf-16le" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(buf).replace(/^\uFEFF/, ""), encoding: "utf-8" };
  } catch {
    return { text: iconv.decode(buf, "gb18030"), encoding: "gb18030" };
  }
}

const short = (l: string) => l.length > 0 && l.length <= 40 && !/[。！？”]$/.test(l);

function bylinesOf(text: string): Byline[] {
  const out: Byline[] = [];
  let role: Byline["role"] = "reporter";
  for (const token of text.replace(/[■()（）]/g, " ").split(/\s+/)) {
    if (token.includes("记者")) role = "reporter";
    else if (token.includes("通讯员")) role = "correspondent";
    else if (/^[\u4e00-\u9fa5]{2,3}$/.test(token)) out.push({ name: token, role });
  }
  return out;
}

/** Parses the sample layout well enough to exercise the import (not the real parser). */
export function standInParse(bytes: Uint8Array, options: ParseOptions): ParsedPage {
  const { text, encoding } = decode(bytes);
  const lines = text.replace(/\r\n?/g, "\n").split("\n").map((l) => l.trim());
  const header = lines.findIndex((l) => l !== "");
  const anchors = lines.flatMap((l, i) => (l.startsWith("本报讯") || l.startsWith("■") ? [i] : []));
  const headStart = (anchor: number) => {
    let start = anchor;
    for (let i = anchor - 1; i > header && anchor - i <= 8; i--) {
      if (lines[i] === "") continue;
      if (!short(lines[i]!)) break;
      start = i;
    }
    return start;
  };
  const articles: ParsedArticle[] = [];
  const ads: ParsedPage["ads"] = [];
  anchors.forEach((anchor, k) => {
    const start = headStart(anchor);
    const end = k + 1 < anchors.length ? headStart(anchors[k + 1]!) : lines.length;
    const headIdx = lines.slice(start, anchor).flatMap((l, i) => (l ? [start + i] : []));
    const head = headIdx.map((i) => lines[i]!);
    const subtitle = head.find((l) => l.startsWith("——"))?.replace(/^——/, "") ?? null;
    const titles = head.filter((l) => !l.startsWith("——"));
    const blocks: ParsedArticle["blocks"] = [];
    let byline = "";
    for (let i = anchor; i < end; i++) {
      const l = lines[i]!;
      if (!l) continue;
      if (l.includes("公益广告")) {
        const rest = lines.slice(i, end).flatMap((x, j) => (x ? [{ x, n: i + j + 1 }] : []));
        ads.push({ lines: rest.map((r) => r.x), sourceLines: rest.map((r) => r.n) });
        break;
      }
      if (l.startsWith("■") || (i > anchor && !blocks.length && short(l) && /通讯员|记者/.test(l))) {
        byline += ` ${l}`;
        continue;
      }
      blocks.push({ type: short(l) ? "subhead" : "paragraph", text: l, sourceLines: [i + 1], flags: [] });
    }
    const lead = blocks[0]?.text ?? "";
    const bylines = bylinesOf(byline || (/^本报讯[(（]([^)）]*)/.exec(lead)?.[1] ?? ""));
    const label = titles.length > 1 ? titles[0]! : null;
    articles.push({
      label,
      kicker: null,
      title: titles[titles.length - 1] ?? "(无题)",
      subtitle,
      bylines,
      datelineDate: null,
      category: /法院|仲裁/.test(head.join("")) ? "courts" : "other",
      categoryEvidence: [],
      departments: label ? [label] : [],
      blocks,
      headLines: headIdx.map((i) => i + 1),
    });
  });
  const inferred = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(text);
  const issueDate =
    options.issueDate ??
    (inferred ? `${inferred[1]}-${inferred[2]!.padStart(2, "0")}-${inferred[3]!.padStart(2, "0")}` : null);
  const headerNumber = /^第(\d{1,2})版/.exec(lines[header] ?? "");
  return {
    pageName: lines[header]?.replace(/^第\d{1,2}版\s*/, "") || null,
    pageNumber: options.pageNumber ?? (headerNumber ? Number(headerNumber[1]) : null),
    issueDate,
    issueDateSource: options.issueDate ? "given" : issueDate ? "inferred" : null,
    articles,
    ads,
    orphans: [],
    warnings: articles.length ? [] : [{ code: "no-articles", message: "未找到稿件", lines: [] }],
    headerLines: header >= 0 ? [header + 1] : [],
    encoding,
  };
}

/** A search indexer that records what it was asked to do (and checks the rows are there). */
export function createRecordingIndexer(): SearchIndexer & { indexed: number[][]; removed: number[][] } {
  const indexed: number[][] = [];
  const removed: number[][] = [];
  const assertRows = (db: SqliteDb, ids: number[], when: string) => {
    const n = db.prepare(`SELECT count(*) FROM Article WHERE id IN (${ids.map(() => "?").join(",")})`).pluck().get(...ids);
    if (n !== ids.length) throw new Error(`indexer ${when}: ${ids.length - Number(n)} article rows missing`);
  };
  return {
    indexed,
    removed,
    indexArticles(db, ids) {
      assertRows(db, ids, "indexArticles");
      indexed.push([...ids]);
    },
    removeFromIndex(db, ids) {
      assertRows(db, ids, "removeFromIndex");
      removed.push([...ids]);
    },
  };
}

/** The collaborators the import tests run with. */
export function testDependencies(overrides: Partial<ImportDependencies> = {}): ImportDependencies {
  return {
    parse: standInParse,
    indexer: createRecordingIndexer(),
    describeDepartment: () => ({ kind: "其他", aliases: [] }),
    ...overrides,
  };
}
