/** Corrections as the desk says them, for the history and the audit log. Pure. */
import type { Edit } from "@/lib/corrections";
import { ROLE_NAMES } from "@/lib/corrections/role-names";
import { FIELD_NAMES, type FieldName } from "./page-diff";

const lines = (refs: { line: number }[]) => `第${refs.map((r) => r.line).join("、")}行`;

export function describeEdit(edit: Edit): string {
  switch (edit.op) {
    case "set-article": {
      const fields = Object.keys(edit.set).map((k) => FIELD_NAMES[k as FieldName] ?? k).join("、");
      const title = edit.set.title ? `为“${edit.set.title}”` : "";
      return `修改第${edit.article.line}行起稿件的${fields}${title}`;
    }
    case "set-line":
      return `第${edit.line.line}行改为${ROLE_NAMES[edit.role]}`;
    case "split-block":
      return `拆开${lines(edit.block)}的拼接`;
    case "join-blocks":
      return `合并${lines(edit.first)}与${lines(edit.second)}`;
    case "move-block":
      return `把${lines(edit.block)}移到第${edit.to.line}行起的稿件`;
    case "split-article":
      return `从${lines(edit.at)}拆出新稿件${edit.title ? `“${edit.title}”` : ""}`;
    case "merge-articles":
      return `把第${edit.from.line}行起的稿件并入第${edit.into.line}行起的稿件`;
    case "adopt-orphan":
      return edit.into ? `把孤立文字${lines(edit.orphan)}并入第${edit.into.line}行起的稿件` : `孤立文字${lines(edit.orphan)}成为新稿件`;
    case "review-warning":
      return `审阅警告 ${edit.code}`;
  }
}
