/** Audit actions as the desk says them. Pure. */
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
  const changes = Array.isArray(e.detail.changes)
    ? (e.detail.changes as { field: string; before: unknown; after: unknown }[])
        .map((c) => `(${FIELD_NAMES[c.field] ?? c.field}:${show(c.before)} → ${show(c.after)})`)
        .join("")
    : "";
  return `${e.actor} ${page}${what}${confirmed}${detail}${changes}`;
}

const FIELD_NAMES: Record<string, string> = { label: "栏目", kicker: "引题", title: "标题", subtitle: "副题", bylines: "署名", category: "分类", departments: "部门" };

function show(v: unknown): string {
  if (v === null || v === undefined || v === "") return "无";
  if (Array.isArray(v)) return v.map((x) => (typeof x === "object" && x && "name" in x ? String((x as { name: string }).name) : String(x))).join("、") || "无";
  return String(v);
}
