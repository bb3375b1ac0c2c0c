import { NextResponse, type NextRequest } from "next/server";
import { pageParams } from "@/lib/validations/params";

/** The page selector's form target (works without JavaScript): redirects to the chosen page. */
export function GET(req: NextRequest) {
  const parsed = pageParams.safeParse({ date: req.nextUrl.searchParams.get("date"), page: req.nextUrl.searchParams.get("page") });
  if (!parsed.success) return NextResponse.json({ error: "参数无效:需要 date=YYYY-MM-DD 和 page=版次" }, { status: 400 });
  return NextResponse.redirect(new URL(`/issues/${parsed.data.date}/${parsed.data.page}`, req.url), 303);
}
