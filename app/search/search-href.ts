import type { SearchQuery } from "@/lib/validations/search";

export type SearchChange = Partial<Record<keyof SearchQuery, string | number | undefined>>;

/**
 * The /search address of `q` with `change` applied (undefined removes a parameter). Page 1 and the
 * default sort are left out, and any change other than the page starts again at page 1.
 */
export function searchHref(q: SearchQuery, change: SearchChange = {}): string {
  const merged: Record<string, string> = {};
  const next = { ...q, ...("page" in change ? {} : { page: 1 }), ...change };
  for (const [k, v] of Object.entries(next)) {
    if (v === undefined || v === "" || (k === "sort" && v === "relevance") || (k === "page" && v === 1)) continue;
    merged[k] = String(v);
  }
  const qs = new URLSearchParams(merged).toString();
  return qs ? `/search?${qs}` : "/search";
}
