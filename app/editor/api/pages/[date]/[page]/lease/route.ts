import { NextResponse } from "next/server";
import { z } from "zod";
import { apiEditor } from "@/lib/auth/access";
import { releaseLease, renewLease } from "@/lib/db/leases";
import { pageParams } from "@/lib/validations/params";

const body = z.object({ action: z.enum(["renew", "leave"]) });

/**
 * POST /editor/api/pages/<date>/<page>/lease (editors) `{action:"renew"}`: the open check view's
 * heartbeat (every 30 s); answers who else has the page open. `{action:"leave"}` when it closes.
 */
export async function POST(request: Request, ctx: { params: Promise<{ date: string; page: string }> }) {
  const editor = await apiEditor(request);
  if (editor instanceof Response) return editor;
  const params = pageParams.safeParse(await ctx.params);
  if (!params.success) return NextResponse.json({ error: "没有这个版面" }, { status: 404 });
  let parsed;
  try {
    parsed = body.safeParse(JSON.parse(await request.text()));
  } catch {
    return NextResponse.json({ error: "请求内容不是 JSON" }, { status: 400 });
  }
  if (!parsed.success) return NextResponse.json({ error: "action 应为 renew 或 leave" }, { status: 400 });
  const { date, page } = params.data;
  if (parsed.data.action === "leave") {
    await releaseLease(date, page, editor.id);
    return NextResponse.json({ others: [] });
  }
  const others = await renewLease(date, page, { id: editor.id, name: editor.name });
  if (!others) return NextResponse.json({ error: "没有这个版面" }, { status: 404 });
  return NextResponse.json({ others: others.map((o) => ({ name: o.name, since: o.since.toISOString() })) });
}
