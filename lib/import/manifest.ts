/**
 * Reads and validates a directory's manifest.json (format: lib/validations/manifest.ts). Every
 * problem becomes an ImportError naming manifest.json and the line of the offending value.
 */
import fs from "node:fs";
import path from "node:path";
import { manifestSchema } from "@/lib/validations/manifest";
import { ImportError } from "./errors";
import { lineOfJsonPath, lineOfJsonSyntaxError } from "./json-position";

export const MANIFEST_NAME = "manifest.json";

/** What a manifest says about one file. */
export interface ManifestEntry {
  date: string;
  issueNumber: number | undefined;
  page: number;
  name: string | undefined;
  /** Line of the file's entry in manifest.json, for error messages. */
  line: number | undefined;
}

/** A directory's validated manifest, keyed by file name. */
export interface DirectoryManifest {
  /** Path of manifest.json as shown to the user. */
  file: string;
  entries: Map<string, ManifestEntry>;
}

/**
 * Reads `<dir>/manifest.json` if there is one. `shownDir` is the directory as the user wrote it,
 * used in messages.
 */
export function readManifest(dir: string, shownDir: string = dir): DirectoryManifest | null {
  const abs = path.join(dir, MANIFEST_NAME);
  if (!fs.existsSync(abs)) return null;
  const shown = path.join(shownDir, MANIFEST_NAME);
  let text: string;
  try {
    text = fs.readFileSync(abs, "utf8").replace(/^\uFEFF/, "");
  } catch (err) {
    throw new ImportError("unreadable", shown, `cannot read the manifest (${(err as Error).message})`, { cause: err });
  }
  return parseManifest(text, shown);
}

/** Validates manifest text; `shown` names it in errors. */
export function parseManifest(text: string, shown: string): DirectoryManifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ImportError("bad-manifest", shown, `not valid JSON (${(err as Error).message})`, {
      line: lineOfJsonSyntaxError(text, err),
      cause: err,
    });
  }
  const result = manifestSchema.safeParse(json);
  if (!result.success) {
    // The first problem, with its line; the rest listed after it so one run shows them all.
    const issues = result.error.issues;
    const describe = (i: (typeof issues)[number]) =>
      `${i.path.length ? `${formatPath(i.path)}: ` : ""}${i.message}`;
    const [first, ...rest] = issues;
    const more = rest.length ? `\n${rest.map((i) => `  line ${lineOfJsonPath(text, i.path) ?? "?"}: ${describe(i)}`).join("\n")}` : "";
    throw new ImportError("bad-manifest", shown, `${first ? describe(first) : "invalid manifest"}${more}`, {
      line: first ? lineOfJsonPath(text, first.path) : undefined,
    });
  }
  const entries = new Map<string, ManifestEntry>();
  result.data.issues.forEach((issue, i) => {
    issue.pages.forEach((page, j) => {
      entries.set(page.file, {
        date: issue.date,
        issueNumber: issue.issueNumber,
        page: page.page,
        name: page.name,
        line: lineOfJsonPath(text, ["issues", i, "pages", j]),
      });
    });
  });
  return { file: shown, entries };
}

function formatPath(p: readonly PropertyKey[]): string {
  return p.map((k, i) => (typeof k === "number" ? `[${k}]` : `${i ? "." : ""}${String(k)}`)).join("");
}
