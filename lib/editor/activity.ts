/** Audit actions as the desk says them. Pure. */
import { describeChange, FIELD_NAMES, type FieldName, type PageChange } from "./page-diff";

export const ACTION_LABELS: Record<string, string> = {
  import: "导入版面",
  "review-warning": "审阅警告",
  "unreview-warning": "取消审阅",
  publish: "发布",
  schedule: "定时发布",
  unschedule: "取消定时",
  unpublish: "撤回发布",
  "publish-scheduled": "定时发布生效",
  "sign-in": "登录",
  "sign-out": "退出",
  "user-create": "创建账号",
  "user-reset-password": "重置密码",
  "user-role": "更改角色",
  "password-change": "更改密码",
  "edit-edit": "更正",
  "edit-undo": "撤销更正",
  "edit-redo": "重做更正",
  "edit-discard": "放弃失效的更正",
  "edit-reapply": "重新应用失效的更正",
};

export function describeEvent(e: { actor: string; action: string; pageNumber: number | null; detail: Record<string, unknown> }): string {
  const what = ACTION_LABELS[e.action] ?? e.action;
  const page = e.pageNumber ? `第${String(e.pageNumber).padStart(2, "0")}版 ` : "";
  const confirmed = typeof e.detail.confirmedUnreviewedWarnings === "number" ? `(确认 ${e.detail.confirmedUnreviewedWarnings} 条未审阅警告)` : "";
  const detail = typeof e.detail.what === "string" ? `:${e.detail.what}` : "";
  return `${e.actor} ${page}${what}${confirmed}${detail}`;
}

/** What a logged correction changed, one "what:before → after" per change. */
export function eventChanges(e: { detail: Record<string, unknown> }): string[] {
  return Array.isArray(e.detail.changes) ? (e.detail.changes as unknown[]).map(changeText).filter(Boolean) : [];
}

/**
 * A logged change: the page's before/after (lib/editor/page-diff.ts), or the field-only form the
 * log held before every change was diffed.
 */
function changeText(c: unknown): string {
  if (typeof c !== "object" || c === null) return "";
  if ("kind" in c) {
    const d = describeChange(c as PageChange);
    return `${d.what}:${d.before} → ${d.after}`;
  }
  const old = c as { field?: string; before?: unknown; after?: unknown };
  return `${FIELD_NAMES[old.field as FieldName] ?? old.field}:${show(old.before)} → ${show(old.after)}`;
}

function show(v: unknown): string {
  if (v === null || v === undefined || v === "") return "无";
  if (Array.isArray(v)) return v.map((x) => (typeof x === "object" && x && "name" in x ? String((x as { name: string }).name) : String(x))).join("、") || "无";
  return String(v);
}
