import { formatChinaDateTime } from "@/lib/site/china-time";
import { STATUS_LABELS } from "@/lib/editor/issue-summary";

const STYLE: Record<string, string> = {
  draft: "border-rule text-ink",
  scheduled: "border-amber-700 text-amber-800 dark:text-amber-300",
  published: "border-green-700 text-green-800 dark:text-green-300",
};

export function StatusBadge({ status, publishAt }: { status: string; publishAt?: Date | null }) {
  return (
    <span className={`inline-block rounded border px-2 py-0.5 text-sm ${STYLE[status] ?? STYLE.draft}`}>
      {STATUS_LABELS[status] ?? status}
      {status === "scheduled" && publishAt ? ` · ${formatChinaDateTime(publishAt)}` : ""}
    </span>
  );
}
