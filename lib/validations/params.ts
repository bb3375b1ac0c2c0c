import { z } from "zod";
import { isReaderTag } from "@/lib/edition/cache-tags";
import { isIsoDate } from "@/lib/edition/dates";
import { PUBLIC_ID } from "@/lib/edition/public-id";

/** Route and query parameters of the reader's site and its JSON API, validated at the edge. */

/** A real calendar date written YYYY-MM-DD. */
export const isoDate = z.string().refine(isIsoDate, "日期格式应为 YYYY-MM-DD");

/** A page number as it appears in URLs: 1–999 without leading zeros ("/issues/2026-04-08/1"). */
export const pageNumber = z
  .union([z.string(), z.number()])
  .transform(String)
  .pipe(z.string().regex(/^[1-9]\d{0,2}$/, "版次应为 1–999 的整数"))
  .transform(Number);

export const dateParams = z.object({ date: isoDate });
export const pageParams = z.object({ date: isoDate, page: pageNumber });

/** An article's public id: issue date, page, order on the page ("20260408-01-03"). */
export const publicId = z.string().regex(PUBLIC_ID, "稿件编号格式应为 YYYYMMDD-PP-NN");
export const publicIdParam = z.object({ id: publicId });

/** `?page=` of a paginated list; anything else falls back to the first page. */
export const listPage = z.coerce.number().int().min(1).max(10_000).catch(1);

/** `?month=` of the archive calendar. */
export const monthParam = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

/** A name from a URL segment (people, departments): non-empty, bounded. */
export const nameSegment = z.string().trim().min(1).max(64);

/**
 * Body of POST /api/revalidate: the issue dates whose published content changed (what the import
 * sends) and/or explicit cache tags (lib/edition/cache-tags.ts). An empty body means "everything".
 */
export const revalidateBody = z
  .object({
    dates: z.array(isoDate).max(1000).optional(),
    tags: z.array(z.string().refine(isReaderTag, "未知的缓存标签")).max(128).optional(),
  })
  .strict();
