import { z } from "zod";
import { isIsoDate } from "@/lib/site/format";

const date = z.string().refine(isIsoDate, "日期格式应为 YYYY-MM-DD");
const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

/** Query parameters of /search and GET /api/search. */
export const searchParamsSchema = z
  .object({
    q: z.string().max(200, "检索词最长 200 字").default(""),
    department: z.preprocess(blankToUndefined, z.string().max(50).optional()),
    category: z.preprocess(blankToUndefined, z.enum(["public-service", "courts", "food-safety", "agriculture", "education", "economy", "other"]).optional()),
    from: z.preprocess(blankToUndefined, date.optional()),
    to: z.preprocess(blankToUndefined, date.optional()),
    pageName: z.preprocess(blankToUndefined, z.string().max(30).optional()),
    person: z.preprocess(blankToUndefined, z.string().max(20).optional()),
    sort: z.preprocess(blankToUndefined, z.enum(["relevance", "date"]).default("relevance")),
    page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(1000).default(1)),
  })
  .refine((p) => !p.from || !p.to || p.from <= p.to, { message: "起始日期不能晚于结束日期", path: ["from"] });

export type SearchQuery = z.infer<typeof searchParamsSchema>;
