import { z } from "zod";
import { CATEGORY_LABELS } from "@/lib/parser/category";
import type { CategorySlug } from "@/lib/parser/types";
import { isIsoDate } from "@/lib/edition/dates";

/** Category slugs from the parser's rule table, so the filter never drifts from the data. */
const CATEGORY_SLUGS = Object.keys(CATEGORY_LABELS) as [CategorySlug, ...CategorySlug[]];

const date = z.string().refine(isIsoDate, "日期格式应为 YYYY-MM-DD");
const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

/** The last result page a search may ask for; lib/search/query.ts never counts more pages than this. */
export const MAX_PAGE = 1000;

/** The longest query searched, in characters (code points: a character outside the BMP counts once). */
export const MAX_QUERY_LENGTH = 200;

const queryLength = (q: string) => [...q].length;

/**
 * What the search page searches for a query over MAX_QUERY_LENGTH: its first MAX_QUERY_LENGTH
 * characters (ends trimmed first, so spaces around a pasted text cost nothing), and whether
 * anything was cut, for the page to say so. A query within the limit comes back unchanged.
 * GET /api/search does not cut: a program gets a 400 it can act on rather than results for a
 * query it did not send (searchParamsSchema).
 */
export function cutQuery(q: string): { q: string; cut: boolean } {
  if (queryLength(q) <= MAX_QUERY_LENGTH) return { q, cut: false };
  const chars = [...q.trim()];
  if (chars.length <= MAX_QUERY_LENGTH) return { q: q.trim(), cut: false };
  return { q: chars.slice(0, MAX_QUERY_LENGTH).join(""), cut: true };
}

/** Query parameters of /search and GET /api/search (the page cuts a long q first: cutQuery). */
export const searchParamsSchema = z
  .object({
    q: z
      .string()
      .refine((q) => queryLength(q) <= MAX_QUERY_LENGTH, {
        error: (issue) => `检索词最长 ${MAX_QUERY_LENGTH} 字(收到 ${queryLength(String(issue.input))} 字),请缩短后再检索`,
      })
      .default(""),
    department: z.preprocess(blankToUndefined, z.string().max(50).optional()),
    category: z.preprocess(blankToUndefined, z.enum(CATEGORY_SLUGS, "未知的分类").optional()),
    from: z.preprocess(blankToUndefined, date.optional()),
    to: z.preprocess(blankToUndefined, date.optional()),
    pageName: z.preprocess(blankToUndefined, z.string().max(30).optional()),
    person: z.preprocess(blankToUndefined, z.string().max(20).optional()),
    sort: z.preprocess(blankToUndefined, z.enum(["relevance", "date"], "排序只能是 relevance(相关度)或 date(日期)").default("relevance")),
    page: z.preprocess(blankToUndefined, z.coerce.number("页码应为数字").int("页码应为整数").min(1, "页码从 1 开始").max(MAX_PAGE, `页码最大为 ${MAX_PAGE}`).default(1)),
  })
  .refine((p) => !p.from || !p.to || p.from <= p.to, { message: "起始日期不能晚于结束日期", path: ["from"] });

export type SearchQuery = z.infer<typeof searchParamsSchema>;

/**
 * What searchArticles (lib/search/query.ts) checks of its parameters itself, for in-process
 * callers that did not come through searchParamsSchema (the CLI, scripts, tests): real calendar
 * dates (a range of "2025-13-45" would silently match nothing or everything), a known sort, finite
 * numbers. Page and page size are clamped there, not rejected.
 */
export const searchOptionsSchema = z.object({
  q: z.string(),
  department: z.string().optional(),
  category: z.string().optional(),
  from: date.optional(),
  to: date.optional(),
  pageName: z.string().optional(),
  person: z.string().optional(),
  sort: z.enum(["relevance", "date"]).optional(),
  page: z.number().optional(),
  pageSize: z.number().optional(),
  includeDrafts: z.union([z.boolean(), z.object({ departments: z.array(z.string()) })]).optional(),
});
