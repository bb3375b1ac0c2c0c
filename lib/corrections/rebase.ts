/**
 * A stale edit made to fit the page as it reads now: every line it names gets the text that line
 * has today (same numbers). Used when an editor has looked at a stale correction and says it still
 * holds for the changed lines ("按现在的文字重新应用"); the edit then runs again and may still not
 * fit (a line now empty, a block cut differently), which is reported as before. Pure.
 */
import type { Line } from "@/lib/parser/lines";
import { EditSchema, type Edit } from "./schema";

function rebaseValue(value: unknown, lines: readonly Line[]): unknown {
  if (Array.isArray(value)) return value.map((v) => rebaseValue(v, lines));
  if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (typeof o.line === "number" && typeof o.text === "string" && Object.keys(o).length === 2) {
      return { line: o.line, text: lines[o.line - 1]?.text ?? o.text };
    }
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, rebaseValue(v, lines)]));
  }
  return value;
}

export function rebaseEdit(edit: Edit, lines: readonly Line[]): Edit {
  return EditSchema.parse(rebaseValue(edit, lines));
}
