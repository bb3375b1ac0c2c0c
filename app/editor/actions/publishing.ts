"use server";

import { revalidatePath, revalidateTag } from "next/cache";
import { z } from "zod";
import { requireEditor } from "@/lib/auth/access";
import { fromChinaLocalInput } from "@/lib/site/china-time";
import { PublishError, publishNow, schedule, tagsForIssue, unpublish } from "@/lib/editor/publishing";
import { wakeScheduler } from "@/lib/editor/scheduler";
import { issueDateSchema } from "@/lib/validations/manifest";

export interface PublishState {
  ok: boolean;
  message: string | null;
  /** Set when the action stopped for unreviewed warnings: the form then asks to confirm. */
  needsConfirmation?: boolean;
}

const base = z.object({ date: issueDateSchema, confirm: z.literal("yes").optional() });

function refresh(date: string) {
  // Every reader address that shows the issue, at once (expire: 0, not stale-while-revalidate).
  for (const tag of tagsForIssue(date)) revalidateTag(tag, { expire: 0 });
  revalidatePath("/editor", "layout");
}

function failed(err: unknown): PublishState {
  if (err instanceof PublishError) return { ok: false, message: err.message, needsConfirmation: err.message.includes("未审阅") };
  throw err;
}

/** Publishes an issue now (chief). */
export async function publishNowAction(_prev: PublishState, form: FormData): Promise<PublishState> {
  const editor = await requireEditor({ role: "chief" });
  const input = base.safeParse({ date: form.get("date"), confirm: form.get("confirm") || undefined });
  if (!input.success) return { ok: false, message: "期次日期无效" };
  try {
    await publishNow(input.data.date, { id: editor.id, name: editor.name }, { confirmWarnings: input.data.confirm === "yes" });
  } catch (err) {
    return failed(err);
  }
  refresh(input.data.date);
  wakeScheduler();
  return { ok: true, message: "已发布:读者现在可以看到这一期。" };
}

/** Schedules an issue for a time given in China time (chief). */
export async function scheduleAction(_prev: PublishState, form: FormData): Promise<PublishState> {
  const editor = await requireEditor({ role: "chief" });
  const input = base.extend({ at: z.string() }).safeParse({ date: form.get("date"), at: form.get("at"), confirm: form.get("confirm") || undefined });
  if (!input.success) return { ok: false, message: "期次日期或发布时间无效" };
  const at = fromChinaLocalInput(input.data.at);
  if (!at) return { ok: false, message: "发布时间的格式应为 年-月-日 时:分(北京时间)" };
  try {
    await schedule(input.data.date, at, { id: editor.id, name: editor.name }, { confirmWarnings: input.data.confirm === "yes" });
  } catch (err) {
    return failed(err);
  }
  // The issue leaves the reader's site if it was published: same revalidation as unpublishing.
  refresh(input.data.date);
  wakeScheduler();
  return { ok: true, message: "已定时:到时自动发布,无需有人在场。" };
}

/** Takes an issue back to draft (chief): readers no longer see it; nothing is deleted. */
export async function unpublishAction(_prev: PublishState, form: FormData): Promise<PublishState> {
  const editor = await requireEditor({ role: "chief" });
  const input = base.safeParse({ date: form.get("date") });
  if (!input.success) return { ok: false, message: "期次日期无效" };
  try {
    await unpublish(input.data.date, { id: editor.id, name: editor.name });
  } catch (err) {
    return failed(err);
  }
  refresh(input.data.date);
  wakeScheduler();
  return { ok: true, message: "已撤回:这一期回到草稿,读者不再能看到。" };
}
