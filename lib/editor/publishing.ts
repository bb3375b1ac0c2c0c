import "server-only";
import { recordEvent, type Actor } from "@/lib/db/audit";
import { tagsToRevalidate } from "@/lib/edition/cache-tags";
import { getDeskIssue, listDueIssues, setDraft, setPublished, setScheduled } from "@/lib/db/desk";
import type { ParsedPage } from "@/lib/parser/types";
import { deskWarnings, parseReviewMarks, unreviewed, type DeskWarning } from "./warnings";

/**
 * Publishing, scheduling and unpublishing an issue, with the audit record and the list of cache
 * tags every reader address depends on. The callers revalidate those tags: a server action with
 * revalidateTag, the scheduler through the site's own /api/revalidate (a timer has no request).
 */

export class PublishError extends Error {}

/** Every reader-visible thing of an issue: its pages and articles, and the lists, feeds, sitemap and archive around it. */
export function tagsForIssue(date: string): string[] {
  return tagsToRevalidate({ dates: [date] });
}

/** The warnings of the issue no editor has marked reviewed, per page. */
export async function unreviewedWarnings(date: string): Promise<{ page: number; warnings: DeskWarning[] }[]> {
  const issue = await getDeskIssue(date);
  if (!issue) return [];
  return issue.pages
    .map((p) => ({ page: p.number, warnings: unreviewed(deskWarnings(JSON.parse(p.parsedJson) as ParsedPage), parseReviewMarks(p.reviewedJson)) }))
    .filter((p) => p.warnings.length > 0);
}

/**
 * Publishes now. With unreviewed warnings it refuses unless `confirmWarnings` is set, and then
 * records who confirmed publishing them.
 */
export async function publishNow(date: string, actor: Actor, options: { confirmWarnings?: boolean; now?: Date } = {}): Promise<void> {
  const issue = await getDeskIssue(date);
  if (!issue) throw new PublishError(`没有 ${date} 这一期`);
  if (issue.pages.length === 0) throw new PublishError("这一期还没有版面,不能发布");
  const open = await unreviewedWarnings(date);
  const count = open.reduce((n, p) => n + p.warnings.length, 0);
  if (count > 0 && !options.confirmWarnings) throw new PublishError(`还有 ${count} 条警告未审阅:请先审阅,或确认仍要发布`);
  await setPublished(date, options.now ?? new Date());
  await recordEvent(actor, "publish", { issueDate: date }, count > 0 ? { confirmedUnreviewedWarnings: count, pages: open.map((p) => p.page) } : {});
}

export async function schedule(date: string, at: Date, actor: Actor, options: { confirmWarnings?: boolean; now?: Date } = {}): Promise<void> {
  const now = options.now ?? new Date();
  const issue = await getDeskIssue(date);
  if (!issue) throw new PublishError(`没有 ${date} 这一期`);
  if (issue.pages.length === 0) throw new PublishError("这一期还没有版面,不能定时发布");
  // Scheduling takes an issue off the site until its time: for a published one that is an
  // unpublish, which must be asked for as such.
  if (issue.status === "published") throw new PublishError("这一期已发布。如要改为定时发布,请先撤回,再设定时间");
  if (at.getTime() <= now.getTime()) throw new PublishError("定时发布的时间已过:请选择将来的时间,或直接发布");
  const open = await unreviewedWarnings(date);
  const count = open.reduce((n, p) => n + p.warnings.length, 0);
  if (count > 0 && !options.confirmWarnings) throw new PublishError(`还有 ${count} 条警告未审阅:请先审阅,或确认仍要定时发布`);
  await setScheduled(date, at);
  await recordEvent(actor, "schedule", { issueDate: date }, { at: at.toISOString(), ...(count > 0 ? { confirmedUnreviewedWarnings: count } : {}) });
}

export async function unpublish(date: string, actor: Actor): Promise<void> {
  const issue = await getDeskIssue(date);
  if (!issue) throw new PublishError(`没有 ${date} 这一期`);
  const was = issue.status;
  await setDraft(date);
  await recordEvent(actor, was === "scheduled" ? "unschedule" : "unpublish", { issueDate: date });
}

/** Publishes every scheduled issue whose time has come; returns their dates. Safe to run from several processes at once. */
export async function publishDue(now = new Date()): Promise<string[]> {
  const published: string[] = [];
  for (const date of await listDueIssues(now)) {
    if (await setPublished(date, now, true)) {
      published.push(date);
      await recordEvent({ id: null, name: "系统" }, "publish-scheduled", { issueDate: date });
    }
  }
  return published;
}
