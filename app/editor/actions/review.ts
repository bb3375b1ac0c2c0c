"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireEditor } from "@/lib/auth/access";
import { recordEvent } from "@/lib/db/audit";
import { getDeskPage, writeReviewMarks } from "@/lib/db/desk";
import { deskWarnings, parseReviewMarks } from "@/lib/editor/warnings";
import { issueDateSchema, pageNumberSchema } from "@/lib/validations/manifest";

const input = z.object({
  date: issueDateSchema,
  page: z.coerce.number().pipe(pageNumberSchema),
  key: z.string().min(1).max(2000),
  reviewed: z.enum(["yes", "no"]),
});

/** Marks one warning of a page reviewed (or not again). Editors and chiefs. */
export async function reviewWarningAction(form: FormData): Promise<void> {
  const editor = await requireEditor();
  const parsed = input.safeParse({ date: form.get("date"), page: form.get("page"), key: form.get("key"), reviewed: form.get("reviewed") });
  if (!parsed.success) throw new Error(`reviewWarningAction: ${parsed.error.issues[0]?.message}`);
  const { date, page, key, reviewed } = parsed.data;
  const desk = await getDeskPage(date, page);
  const warning = desk ? deskWarnings(desk.parsed).find((w) => w.key === key) : undefined;
  // Gone meanwhile (a correction or a re-import by someone else): the page shows what is there now.
  if (!desk || !warning) {
    revalidatePath(`/editor/issues/${date}/${page}`);
    return;
  }
  const marks = parseReviewMarks(desk.reviewedJson).filter((m) => m.key !== key);
  if (reviewed === "yes") marks.push({ key, by: editor.name, at: new Date().toISOString() });
  await writeReviewMarks(date, page, JSON.stringify(marks));
  await recordEvent({ id: editor.id, name: editor.name }, reviewed === "yes" ? "review-warning" : "unreview-warning", { issueDate: date, pageNumber: page }, { code: warning.code, lines: warning.lines });
  revalidatePath(`/editor/issues/${date}/${page}`);
}
