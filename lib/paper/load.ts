/**
 * Reading a paper profile from its file (data/papers/<id>.json) and validating it against the
 * parser's schema. A bad profile stops the start with a message that names the file and every
 * field at fault, never a half-read paper.
 */
import fs from "node:fs";
import path from "node:path";
import { PaperProfileSchema, type PaperProfile } from "@/lib/parser/profile";
import type { ParseOptions } from "@/lib/parser/types";

/** Where profiles live, relative to the project (the site and the scripts run from its root). */
export const PAPERS_DIR = path.join(process.cwd(), "data", "papers");

export class PaperProfileError extends Error {
  override name = "PaperProfileError";
}

/** The profile data/papers/<id>.json, validated; throws PaperProfileError saying what and where. */
export function loadPaperProfile(id: string, dir: string = PAPERS_DIR): PaperProfile {
  if (!/^[a-z0-9][a-z0-9-]{0,40}$/.test(id)) throw new PaperProfileError(`报纸配置名“${id}”无效:只能用小写字母、数字和连字符(PAPER=liaocheng)。`);
  const file = path.join(dir, `${id}.json`);
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    const known = listPaperIds(dir);
    throw new PaperProfileError(`找不到报纸配置 ${file}${known.length ? `(现有:${known.join("、")})` : ""}。`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new PaperProfileError(`报纸配置 ${file} 不是有效的 JSON:${err instanceof Error ? err.message : String(err)}`);
  }
  const parsed = PaperProfileSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".") || "(根)"}: ${i.message}`);
    throw new PaperProfileError(`报纸配置 ${file} 有误:\n${problems.join("\n")}`);
  }
  if (parsed.data.id !== id) throw new PaperProfileError(`报纸配置 ${file} 的 id 是“${parsed.data.id}”,应与文件名“${id}”一致。`);
  return parsed.data;
}

/** The ids of the profiles in `dir` (file names without .json). */
export function listPaperIds(dir: string = PAPERS_DIR): string[] {
  try {
    return fs
      .readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      .map((f) => f.slice(0, -5))
      .sort();
  } catch {
    return [];
  }
}

/**
 * Parse options as fixture files and scripts write them, `{ issueDate, pageNumber, paper }`, with
 * the paper's id turned into its profile (`paper` absent: the parser's default, 聊城日报).
 */
export function resolvePaperOption(options: Omit<ParseOptions, "profile"> & { paper?: string }, dir: string = PAPERS_DIR): ParseOptions {
  const { paper, ...rest } = options;
  return paper === undefined ? rest : { ...rest, profile: loadPaperProfile(paper, dir) };
}
