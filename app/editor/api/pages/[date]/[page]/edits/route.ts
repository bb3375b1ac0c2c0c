import { revalidatePath, revalidateTag } from "next/cache";
import { NextResponse } from "next/server";
import { z } from "zod";
import { apiEditor } from "@/lib/auth/access";
import { EditSchema } from "@/lib/corrections";
import { recordEvent } from "@/lib/db/audit";
import { articleTag } from "@/lib/edition/cache-tags";
import { discardEdit, reapplyEdit, redoEdit, saveEdit, undoEdit, type EditResult } from "@/lib/db/corrections";
import { ACTION_LABELS } from "@/lib/editor/activity";
import { describeEdit } from "@/lib/editor/edit-labels";
import { pageChanges } from "@/lib/editor/page-diff";
import { tagsForIssue } from "@/lib/editor/publishing";
import { pageParams } from "@/lib/validations/params";

const body = z.discriminatedUnion("action", [
  z.object({ action: z.literal("edit"), basedOn: z.int().min(0), edit: EditSchema }),
  z.object({ action: z.literal("undo"), basedOn: z.int().min(0) }),
  z.object({ action: z.literal("redo"), basedOn: z.int().min(0) }),
  z.object({ action: z.literal("discard"), basedOn: z.int().min(0), seq: z.int().min(1) }),
  z.object({ action: z.literal("reapply"), basedOn: z.int().min(0), seq: z.int().min(1) }),
]);

/**
 * POST /editor/api/pages/<date>/<page>/edits (editors): one change to the page's edit log —
 * `{action:"edit", basedOn, edit}`, `{action:"undo"|"redo", basedOn}`, `{action:"discard"|"reapply", basedOn, seq}`
 * (a stale edit dropped, or applied again to the lines as they read now).
 * 200 `{version, outcome}`; 409 `{conflict:{version, since}}` when someone else changed the page
 * after `basedOn` (nothing written); 422 `{error}` when the edit does not fit the page; 400 for a
 * malformed body. A published page's reader addresses are revalidated at once.
 */
export async function POST(request: Request, ctx: { params: Promise<{ date: string; page: string }> }) {
  const editor = await apiEditor(request);
  if (editor instanceof Response) return editor;
  const params = pageParams.safeParse(await ctx.params);
  if (!params.success) return NextResponse.json({ error: "没有这个版面" }, { status: 404 });
  let json: unknown;
  try {
    json = await request.json();
  } catch {
    return NextResponse.json({ error: "请求内容不是 JSON" }, { status: 400 });
  }
  const parsed = body.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return NextResponse.json({ error: `${issue?.path.join(".") || "body"}: ${issue?.message ?? "无效"}` }, { status: 400 });
  }
  const { date, page } = params.data;
  const input = parsed.data;
  const actor = { id: editor.id, name: editor.name };
  let result: EditResult;
  if (input.action === "edit") result = saveEdit(date, page, input.basedOn, input.edit, actor);
  else if (input.action === "undo") result = undoEdit(date, page, input.basedOn, actor);
  else if (input.action === "redo") result = redoEdit(date, page, input.basedOn);
  else if (input.action === "reapply") result = reapplyEdit(date, page, input.basedOn, input.seq);
  else result = discardEdit(date, page, input.basedOn, input.seq, actor);

  if (!result.ok) {
    if ("conflict" in result) {
      const since = result.conflict.since.map((e) => ({ actor: e.actor, at: e.at, what: e.edit ? describeEdit(e.edit) : (ACTION_LABELS[e.action ?? ""] ?? e.action) }));
      return NextResponse.json({ conflict: { version: result.conflict.version, since } }, { status: 409 });
    }
    if ("missing" in result) return NextResponse.json({ error: result.missing }, { status: 404 });
    return NextResponse.json({ error: result.refused }, { status: 422 });
  }
  // Every change, undo and redo included, is logged with what it did to the page readers see.
  const changes = pageChanges(result.rawText, result.before, result.after);
  await recordEvent(
    actor,
    `edit-${input.action}`,
    { issueDate: date, pageNumber: page },
    { version: result.version, ...(input.action === "edit" ? { op: input.edit.op, what: describeEdit(input.edit) } : {}), changes },
  );
  if (result.published) {
    for (const tag of [...tagsForIssue(date), ...result.changedIds.map(articleTag)]) revalidateTag(tag, { expire: 0 });
  }
  revalidatePath(`/editor/issues/${date}/${page}`);
  return NextResponse.json({ version: result.version, outcome: result.outcome ?? null });
}
