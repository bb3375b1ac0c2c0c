import { z } from "zod";
import { isIsoDate } from "@/lib/site/format";

/** Route and query parameters of the reader's site, validated at the edge. */
export const isoDate = z.string().refine(isIsoDate, "日期格式应为 YYYY-MM-DD");
export const pageNumber = z.coerce.number().int().min(1).max(999);
export const pageParams = z.object({ date: isoDate, page: pageNumber });
export const dateParams = z.object({ date: isoDate });
export const publicIdParam = z.object({ id: z.string().regex(/^\d{8}-\d{2}-\d{2}$/, "稿件编号格式应为 YYYYMMDD-PP-NN") });
export const listPage = z.coerce.number().int().min(1).max(10_000).catch(1);
export const monthParam = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
