import { NextResponse } from "next/server";
import { getArticle } from "@/lib/db/articles";
import { publicIdParam } from "@/lib/validations/params";

/** GET /api/articles/<publicId> → the article with bylines, departments, blocks and neighbours. */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const parsed = publicIdParam.safeParse(await ctx.params);
  if (!parsed.success) return NextResponse.json({ error: parsed.error.issues[0]?.message ?? "参数无效" }, { status: 400 });
  const a = await getArticle(parsed.data.id);
  if (!a) return NextResponse.json({ error: `没有编号为 ${parsed.data.id} 的已发布稿件` }, { status: 404 });
  const { updatedAt, ...rest } = a;
  return NextResponse.json({ ...rest, updatedAt: updatedAt.toISOString() });
}
