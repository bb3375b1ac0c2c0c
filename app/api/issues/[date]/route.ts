import { NextResponse } from "next/server";
import { getIssue, getIssueNeighbours } from "@/lib/db/issues";
import { dateParams } from "@/lib/validations/params";

/**
 * GET /api/issues/YYYY-MM-DD → `{ date, number, prevIssue, nextIssue, pages: [{ number, name,
 * articles: [{ publicId, order, label, kicker, title, subtitle, charCount }] }] }`;
 * 400 `{ error }` for a malformed date, 404 `{ error }` when no issue of that date is published.
 */
export async function GET(_req: Request, ctx: { params: Promise<{ date: string }> }) {
  const parsed = dateParams.safeParse(await ctx.params);
  if (!parsed.success) return NextResponse.json({ error: parsed.error.issues[0]?.message ?? "参数无效" }, { status: 400 });
  const [issue, neighbours] = await Promise.all([getIssue(parsed.data.date), getIssueNeighbours(parsed.data.date)]);
  if (!issue) return NextResponse.json({ error: `没有 ${parsed.data.date} 的已发布报纸` }, { status: 404 });
  return NextResponse.json({ date: issue.date, number: issue.number, ...neighbours, pages: issue.pages });
}
