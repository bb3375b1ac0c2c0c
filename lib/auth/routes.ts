/**
 * Which desk addresses need which role: the one table the proxy (proxy.ts) and the pages agree
 * on. Pure. Everything under /editor needs a signed-in editor except the sign-in page; account
 * management, the audit log and articles' correction histories need a chief. (Publishing is a chief's by its actions, not by an address.)
 */
export type Requirement = "public" | "editor" | "chief";

const RULES: [RegExp, Requirement][] = [
  [/^\/editor\/sign-in(?:\/|$)/, "public"],
  [/^\/editor\/accounts(?:\/|$)/, "chief"],
  [/^\/editor\/audit(?:\/|$)/, "chief"],
  [/^\/editor\/articles(?:\/|$)/, "chief"],
  [/^\/editor(?:\/|$)/, "editor"],
];

export function requirementFor(pathname: string): Requirement | null {
  for (const [pattern, req] of RULES) if (pattern.test(pathname)) return req;
  return null;
}
