import { NextResponse } from "next/server";
import { getArticle } from "@/lib/db/articles";
import { publicIdParam } from "@/lib/validations/params";

/**
 * GET /api/articles/<publicId> → the article: `{ publicId, issueDate, issueNumber, pageNumber,
 * pageName, order, label, kicker, title, subtitle, datelineDate, category, categoryEvidence,
 * blocks: [{ type, text, sourceLines, flags }], plainText, charCount, bylines: [{ name, role }],
 * departments: [{ name, slug, kind }], prev, next: { publicId, title, pageNumber } | null,
 * related: [...], updatedAt }`; 400 `{ error }` for a malformed id, 404 `{ error }` when no
 * published article has it.
 */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const parsed = publicIdParam.safeParse(await ctx.params);
  if (!parsed.success) return NextResponse.json({ error: parsed.error.issues[0]?.message ?? "参数无效" }, { status: 400 });
  const article = await getArticle(parsed.data.id);
  if (!article) return NextResponse.json({ error: `没有编号为 ${parsed.data.id} 的已发布稿件` }, { status: 404 });
  return NextResponse.json({ ...article, updatedAt: article.updatedAt.toISOString() });
}
