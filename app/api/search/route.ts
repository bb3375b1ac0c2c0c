import { NextResponse, type NextRequest } from "next/server";
import { searchPublished } from "@/lib/db/search";
import { SEARCH_RETRY_AFTER, SearchBusy, searchGate } from "@/lib/site/search-gate";
import { searchParamsSchema } from "@/lib/validations/search";

/** GET /api/search?q=&department=&category=&from=&to=&page=&sort= → SearchResponse JSON; 503 with Retry-After when too many searches are in progress. */
export async function GET(req: NextRequest) {
  const parsed = searchParamsSchema.safeParse(Object.fromEntries(req.nextUrl.searchParams));
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    return NextResponse.json({ error: `${i?.path.join(".") || "参数"}: ${i?.message ?? "无效"}` }, { status: 400 });
  }
  try {
    const res = await searchGate.run(() => searchPublished(parsed.data));
    // A page past the last is not an empty page of results (as the search page and the lists answer).
    if (res.page > Math.max(1, res.pageCount)) return NextResponse.json({ error: `没有第 ${res.page} 页:共 ${res.pageCount} 页`, pageCount: res.pageCount }, { status: 404 });
    return NextResponse.json(res);
  } catch (err) {
    if (!(err instanceof SearchBusy)) throw err;
    // Shed at once rather than queue: 503 with the wait (lib/site/search-gate.ts).
    return NextResponse.json({ error: err.message }, { status: 503, headers: { "retry-after": String(SEARCH_RETRY_AFTER), "cache-control": "no-store" } });
  }
}
