/**
 * Which filter values the search page offers (its selects and facet links): only values that give
 * results, as counted by the search itself (SearchResponse.facets: each facet with its own filter
 * left out), plus the value chosen, even without results, so that it shows and can be removed.
 */
import { CATEGORY_LABELS } from "@/lib/parser/category";
import type { Facet, SearchResponse } from "@/lib/search/query";
import type { SearchQuery } from "@/lib/validations/search";

const categoryLabels = CATEGORY_LABELS as Record<string, string>;

export type FilterFacets = Pick<SearchResponse["facets"], "category" | "department">;

/**
 * The year a date range is exactly (YYYY-01-01 to YYYY-12-31: what a year facet link sets), or null.
 */
export function wholeYear(q: Pick<SearchQuery, "from" | "to">): string | null {
  const { from, to } = q;
  return from && to && from.slice(0, 4) === to.slice(0, 4) && from.endsWith("-01-01") && to.endsWith("-12-31") ? from.slice(0, 4) : null;
}

/**
 * How many filters narrow the search: department, category, dates (one filter, whichever of from
 * and to is set), page name and person. The sort order and the words are not filters.
 */
export function countActiveFilters(q: Pick<SearchQuery, "department" | "category" | "from" | "to" | "pageName" | "person">): number {
  return [q.department, q.category, q.from || q.to, q.pageName, q.person].filter(Boolean).length;
}

/** A value a filter may take, with its count of results when known. */
export interface FilterOption {
  value: string;
  label: string;
  count?: number;
}

/**
 * The values to offer for one filter: the first `limit` of `facets` (those with results, in their
 * order) and the chosen value when it is not among them, last: with its count when it is further
 * down the list, with 0 when it has no results.
 */
export function offeredValues<T extends FilterOption>(
  facets: readonly T[],
  chosen: string | null | undefined,
  label: (value: string) => string = (v) => v,
  limit = Infinity,
): (T | Facet)[] {
  const shown: (T | Facet)[] = facets.slice(0, limit);
  if (!chosen || shown.some((f) => f.value === chosen)) return shown;
  shown.push(facets.find((f) => f.value === chosen) ?? { value: chosen, label: label(chosen), count: 0 });
  return shown;
}

/** A category's name for the reader (its slug when the table has none). */
export const categoryLabel = (slug: string): string => categoryLabels[slug] ?? slug;

/** Every category of the parser's table, counts unknown. */
export const everyCategory = (): FilterOption[] => Object.keys(categoryLabels).map((slug) => ({ value: slug, label: categoryLabel(slug) }));

/**
 * The category and department facets the form's selects offer: the search's own when it counted
 * them, otherwise those of every published article (`published`): before anything is searched, and
 * when the search stopped before counting — an unknown department, or only excluded words
 * (there the reader is asked to change the query, and any filter may still be combined with it).
 */
export function formFacets(res: SearchResponse | null, published: FilterFacets): FilterFacets {
  if (!res || res.unknownDepartment || res.excludedOnly?.length) return published;
  return { category: res.facets.category, department: res.facets.department };
}
