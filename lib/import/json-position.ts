/**
 * Finds where a value sits in a JSON text, so a manifest error can name its line
 * ("manifest.json:7: pages are numbered from 1") instead of a path like issues[0].pages[2].page.
 * A small scanner rather than a JSON parser with positions: manifests are tiny and already known
 * to be valid JSON when this runs.
 */

/** 1-based line of the value at `path` in `text` (or of the deepest parent found); undefined when `text` is not JSON. */
export function lineOfJsonPath(text: string, path: readonly PropertyKey[]): number | undefined {
  let pos = 0;
  const skipWs = () => {
    while (pos < text.length && /\s/.test(text[pos] ?? "")) pos++;
  };
  const readString = (): string => {
    const start = pos;
    pos++; // opening quote
    while (pos < text.length && text[pos] !== '"') pos += text[pos] === "\\" ? 2 : 1;
    pos++;
    return JSON.parse(text.slice(start, pos)) as string;
  };
  const skipValue = (): void => {
    skipWs();
    const c = text[pos];
    if (c === '"') return void readString();
    if (c === "{" || c === "[") {
      const close = c === "{" ? "}" : "]";
      pos++;
      skipWs();
      if (text[pos] === close) return void pos++;
      for (;;) {
        if (c === "{") {
          skipWs();
          readString();
          skipWs();
          pos++; // colon
        }
        skipValue();
        skipWs();
        if (text[pos] === ",") pos++;
        else return void pos++; // closing bracket
      }
    }
    while (pos < text.length && !/[\s,\]}]/.test(text[pos] ?? "")) pos++;
  };
  const lineAt = (offset: number) => text.slice(0, offset).split("\n").length;

  try {
    skipWs();
    let found = pos;
    for (const key of path) {
      const c = text[pos];
      if (c === "{" && typeof key === "string") {
        pos++;
        let hit = false;
        for (;;) {
          skipWs();
          if (text[pos] === "}") break;
          const name = readString();
          skipWs();
          pos++; // colon
          skipWs();
          if (name === key) {
            hit = true;
            break;
          }
          skipValue();
          skipWs();
          if (text[pos] === ",") pos++;
        }
        if (!hit) return lineAt(found);
      } else if (c === "[" && typeof key === "number") {
        pos++;
        for (let i = 0; i < key; i++) {
          skipWs();
          if (text[pos] === "]") return lineAt(found);
          skipValue();
          skipWs();
          if (text[pos] === ",") pos++;
        }
        skipWs();
        if (text[pos] === "]") return lineAt(found);
      } else return lineAt(found);
      found = pos;
    }
    return lineAt(found);
  } catch {
    return undefined;
  }
}

/** 1-based line of a JSON.parse SyntaxError in `text`, read from the error's message. */
export function lineOfJsonSyntaxError(text: string, err: unknown): number | undefined {
  const message = err instanceof Error ? err.message : "";
  const byLine = /line (\d+)/.exec(message);
  if (byLine) return Number(byLine[1]);
  const byPosition = /position (\d+)/.exec(message);
  if (byPosition) return text.slice(0, Number(byPosition[1])).split("\n").length;
  // "Unexpected end of JSON input": the text stops early.
  if (/end of JSON/.test(message)) return text.split("\n").length;
  // Node 20's V8 names an unexpected token without its position; the commonest cause in a
  // hand-edited manifest is a trailing comma, found here outside strings.
  return lineOfTrailingComma(text);
}

function lineOfTrailingComma(text: string): number | undefined {
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === ",") {
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j]!)) j++;
      if (text[j] === "]" || text[j] === "}") return text.slice(0, j).split("\n").length;
    }
  }
  return undefined;
}
