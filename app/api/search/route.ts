import { NextResponse, type NextRequest } from "next/server";
import { searchPublished } from "@/lib/db/search";
import { searchParamsSchema } from "@/lib/validations/search";

/** GET /api/search?q=&department=&category=&from=&to=&page=&sort= → SearchResponse JSON. */
export function GET(req: NextRequest) {
  const parsed = searchParamsSchema.safeParse(Object.fromEntries(req.nextUrl.searchParams));
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    return NextResponse.json({ error: `${i?.path.join(".") || "参数"}: ${i?.message ?? "无效"}` }, { status: 400 });
  }
  return NextResponse.json(searchPublished(parsed.data));
}
