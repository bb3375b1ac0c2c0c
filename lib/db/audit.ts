import "server-only";
import { db } from "@/lib/db/client";

/** The desk's activity log: who did what, when (AuditEvent). */

export interface AuditEntry {
  at: Date;
  actor: string;
  action: string;
  issueDate: string | null;
  pageNumber: number | null;
  detail: Record<string, unknown>;
}

export interface Actor {
  id: number | null;
  name: string;
}

export async function recordEvent(
  actor: Actor,
  action: string,
  where: { issueDate?: string; pageNumber?: number } = {},
  detail: Record<string, unknown> = {},
): Promise<void> {
  await db.auditEvent.create({
    data: { userId: actor.id, actor: actor.name, action, issueDate: where.issueDate, pageNumber: where.pageNumber, detail: JSON.stringify(detail) },
  });
}

function toEntry(r: { at: Date; actor: string; action: string; issueDate: string | null; pageNumber: number | null; detail: string }): AuditEntry {
  return { ...r, detail: JSON.parse(r.detail) as Record<string, unknown> };
}

/** The latest event of each of the given issues (the desk's "who changed what last"). */
export async function lastEventByIssue(dates: string[]): Promise<Map<string, AuditEntry>> {
  const out = new Map<string, AuditEntry>();
  if (dates.length === 0) return out;
  // One small query per issue on the (issueDate, at) index: the list shows a few dozen issues.
  const rows = await Promise.all(
    dates.map((issueDate) => db.auditEvent.findFirst({ where: { issueDate }, orderBy: [{ at: "desc" }, { id: "desc" }] })),
  );
  for (const r of rows) if (r?.issueDate) out.set(r.issueDate, toEntry(r));
  return out;
}

/** An issue's events, newest first. */
export async function listIssueEvents(issueDate: string, take = 50): Promise<AuditEntry[]> {
  const rows = await db.auditEvent.findMany({ where: { issueDate }, orderBy: [{ at: "desc" }, { id: "desc" }], take });
  return rows.map(toEntry);
}

/** Events across the desk, newest first, filtered by who and by day (China time, YYYY-MM-DD). */
export async function listEvents(filter: { actor?: string; from?: Date; to?: Date; take?: number }): Promise<AuditEntry[]> {
  const rows = await db.auditEvent.findMany({
    where: {
      ...(filter.actor ? { actor: filter.actor } : {}),
      ...(filter.from || filter.to ? { at: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } } : {}),
    },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: filter.take ?? 200,
  });
  return rows.map(toEntry);
}

/** Everyone who appears in the log, for the filter. */
export async function listActors(): Promise<string[]> {
  const rows = await db.auditEvent.findMany({ distinct: ["actor"], select: { actor: true }, orderBy: { actor: "asc" } });
  return rows.map((r) => r.actor);
}
