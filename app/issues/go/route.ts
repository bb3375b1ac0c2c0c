import { NextResponse, type NextRequest } from "next/server";
import { isoDate, pageNumber } from "@/lib/validations/params";

/**
 * The target of the page selector and the date picker (plain GET forms, so they work without
 * JavaScript): `?date=YYYY-MM-DD` goes to the issue, `&page=N` to one of its pages. Whether the
 * issue exists is the destination's business (it answers 404).
 */
export function GET(req: NextRequest) {
  const q = req.nextUrl.searchParams;
  const date = isoDate.safeParse(q.get("date") ?? "");
  if (!date.success) return NextResponse.json({ error: "参数无效:需要 date=YYYY-MM-DD" }, { status: 400 });
  const page = q.get("page") ? pageNumber.safeParse(q.get("page")) : null;
  if (page && !page.success) return NextResponse.json({ error: "参数无效:page 应为版次" }, { status: 400 });
  const path = page ? `/issues/${date.data}/${page.data}` : `/issues/${date.data}`;
  // A relative Location: the browser resolves it against the address it used. An absolute one
  // built from req.url can name another host than the reader typed (Next's own view of the
  // origin), which the page's form-action 'self' policy then refuses to follow.
  return new Response(null, { status: 303, headers: { location: path } });
}
