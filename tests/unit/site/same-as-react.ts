/**
 * Comparing our static renderer's HTML with React DOM's (static-html.test.tsx for hand-built
 * renders, reader-routes.test.tsx for every reader page of the sample edition).
 *
 * Only spelling that an HTML parser reads alike is normalised: attribute order and name case
 * (`charSet`/`charset`), a boolean attribute bare or empty (`hidden` / `hidden=""`), a void
 * element closed or not (`<br/>` / `<br>`), and which characters are written as entities
 * (`&#x27;` / `'`). Elements, attribute values, text — whitespace included — and order must match.
 */
export function normalise(html: string): string {
  const decode = (s: string) =>
    s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
      e[0] === "#" ? String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" } as Record<string, string>)[e.toLowerCase()]!,
    );
  return html
    .replace(/<([a-zA-Z][\w-]*)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*\/?>/g, (_, tag: string, attrs: string) => {
      const list = [...attrs.matchAll(/\s+([^\s=>/]+)(?:="([^"]*)")?/g)].map(([, name, value]) => `${name!.toLowerCase()}=${JSON.stringify(decode(value ?? ""))}`);
      return `<${tag.toLowerCase()}${list.sort().map((a) => ` ${a}`).join("")}>`;
    })
    .replace(/>([^<]+)</g, (_, text: string) => `>${decode(text)}<`);
}

/**
 * The normalised HTML one tag a line, so a failed comparison's diff points at the element that
 * differs instead of at one line of a whole page. Only for reading: the break is added before
 * every tag on both sides alike, so it hides no difference.
 */
export function comparable(html: string): string {
  return normalise(html).replace(/</g, "\n<");
}
