import { revalidatePath, revalidateTag } from "next/cache";
import { NextResponse } from "next/server";
import { z } from "zod";
import { apiEditor, hasRole } from "@/lib/auth/access";
import { liveIssueDates } from "@/lib/db/desk";
import { recordEvent } from "@/lib/db/audit";
import { runImport } from "@/lib/db/import";
import { tagsToRevalidate } from "@/lib/edition/cache-tags";
import { ImportError, MAX_PAGE_BYTES } from "@/lib/import";
import { defaultDependencies } from "@/lib/import/defaults";
import { inputsFromUploads, MAX_BATCH_BYTES, MAX_BATCH_FILES, planUploads, type Upload } from "@/lib/import/uploads";
import { deskWarnings } from "@/lib/editor/warnings";
import { issueDateSchema, pageNumberSchema } from "@/lib/validations/manifest";

const confirmedSchema = z.array(
  z.object({
    file: z.string().min(1).max(255),
    date: issueDateSchema,
    page: pageNumberSchema,
    name: z.string().trim().min(1).max(40).optional(),
    issueNumber: z.number().int().positive().optional(),
  }),
);

function problem(status: number, message: string, extra: Record<string, unknown> = {}) {
  return NextResponse.json({ ok: false, error: { message, ...extra } }, { status });
}

/**
 * POST /editor/api/import (multipart form, editors): `file` (repeated) holds page files and
 * optionally a manifest.json; `mode=plan` answers what would be imported (dates, pages, names
 * and where each came from, a quick parse), `mode=import` with `pages` (JSON, the confirmed
 * placement of every file) imports them as drafts in one transaction and answers the report,
 * or 422 with the ImportError (file, line, message) and nothing written.
 */
export async function POST(request: Request) {
  const editor = await apiEditor(request);
  if (editor instanceof Response) return editor;
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_BATCH_BYTES + 1024 * 1024) {
    return problem(413, `一次上传最多 ${MAX_BATCH_BYTES / 1024 / 1024} MB,这次是 ${(length / 1024 / 1024).toFixed(1)} MB:请分批导入`);
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return problem(400, "上传的内容不是表单数据(multipart/form-data)");
  }
  const files = form.getAll("file").filter((f): f is File => typeof f !== "string");
  if (files.length === 0) return problem(400, "没有收到任何文件");
  if (files.length > MAX_BATCH_FILES) return problem(413, `一次最多导入 ${MAX_BATCH_FILES} 个文件,这次是 ${files.length} 个:请分批导入`);
  const total = files.reduce((n, f) => n + f.size, 0);
  if (total > MAX_BATCH_BYTES) return problem(413, `一次上传最多 ${MAX_BATCH_BYTES / 1024 / 1024} MB:请分批导入`);
  // An oversized file is refused by name before its bytes are read (the same limit as the CLI).
  const big = files.find((f) => f.size > MAX_PAGE_BYTES);
  if (big) return problem(413, `${big.name}: 文件大小 ${(big.size / 1024 / 1024).toFixed(1)} MB,单个版面最多 ${MAX_PAGE_BYTES / 1024 / 1024} MB`, { file: big.name, code: "too-large" });
  const uploads: Upload[] = await Promise.all(files.map(async (f) => ({ name: f.name.split(/[\\/]/).pop() || f.name, bytes: Buffer.from(await f.arrayBuffer()) })));

  if (form.get("mode") === "plan") {
    return NextResponse.json({ ok: true, plan: planUploads(uploads, defaultDependencies().parse, { countWarnings: (p) => deskWarnings(p).length }) });
  }

  let confirmed: z.infer<typeof confirmedSchema>;
  try {
    const parsed = confirmedSchema.safeParse(JSON.parse(String(form.get("pages") ?? "null")));
    if (!parsed.success) {
      const i = parsed.error.issues[0]!;
      return problem(400, `第 ${Number(i.path[0] ?? 0) + 1} 个文件的 ${i.path.slice(1).join(".") || "信息"}: ${i.message}`);
    }
    confirmed = parsed.data;
  } catch {
    return problem(400, "pages 不是有效的 JSON");
  }
  // A page imported into an issue readers already see is live at once: a chief's decision.
  if (!hasRole(editor, "chief")) {
    const live = await liveIssueDates([...new Set(confirmed.map((c) => c.date))]);
    if (live.length) {
      return problem(403, `${live.join("、")} 已发布或已定时:替换其中的版面会直接影响读者,需要总编辑导入(或先由总编辑撤回)`, { code: "published-issue" });
    }
  }
  try {
    const report = runImport(inputsFromUploads(uploads, confirmed));
    const dates = [...new Set(report.pages.map((p) => p.date))];
    for (const date of dates) {
      await recordEvent({ id: editor.id, name: editor.name }, "import", { issueDate: date }, {
        files: report.pages.filter((p) => p.date === date).map((p) => ({ file: p.file, page: p.page, outcome: p.outcome, warnings: p.warnings })),
      });
    }
    // A page replaced in an issue that is already published changes what readers see.
    if (report.publishedChanges.length) for (const tag of tagsToRevalidate({ dates: report.publishedChanges })) revalidateTag(tag, { expire: 0 });
    revalidatePath("/editor", "layout");
    return NextResponse.json({ ok: true, report });
  } catch (err) {
    // The database busy with another import: try again, nothing was written.
    if (err instanceof ImportError && err.code === "locked") return NextResponse.json({ ok: false, error: { ...err.toJSON(), message: `数据库正忙(另一项导入正在进行),请稍后再试。${err.detail}` } }, { status: 503 });
    if (err instanceof ImportError) return NextResponse.json({ ok: false, error: err.toJSON() }, { status: 422 });
    throw err;
  }
}
