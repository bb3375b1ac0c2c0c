import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { cacheTagEvent, issueTag, tagsToRevalidate } from "@/lib/edition/cache-tags";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { applyEdits, type Edit, EditSchema, type EditOutcome } from "@/lib/corrections";
import type { ParsedPage } from "@/lib/parser/types";
import { paper } from "@/lib/paper";

/**
 * The desk's queries: every issue whatever its status, pages with their parse, and the status
 * changes of publishing. Uncached: editors must see what is in the database now. What readers see
 * is revalidated by the callers (lib/editor/publishing.ts).
 */

export type IssueStatus = "draft" | "scheduled" | "published";

export interface DeskPageSummary {
  id: number;
  editVersion: number;
  number: number;
  name: string | null;
  sourceFile: string;
  status: string;
  articles: number;
  /** Corrections that no longer fit the page (its file changed). */
  staleEdits: number;
  warningsJson: string;
  parsedJson: string;
  reviewedJson: string;
  updatedAt: Date;
}

export interface DeskIssue {
  id: number;
  date: string;
  number: number | null;
  status: IssueStatus;
  publishAt: Date | null;
  publishedAt: Date | null;
  previewToken: string | null;
  updatedAt: Date;
  pages: DeskPageSummary[];
}

const pageSummarySelect = {
  id: true,
  editVersion: true,
  number: true,
  name: true,
  sourceFile: true,
  status: true,
  warnings: true,
  parsed: true,
  reviewedWarnings: true,
  updatedAt: true,
  // Edits a re-import left stale: listed on the desk for an editor to redo or discard.
  _count: { select: { articles: true, edits: { where: { state: "active", staleReason: { not: null } } } } },
} as const;

type PageRow = Prisma.PageGetPayload<{ select: typeof pageSummarySelect }>;

function toSummary(p: PageRow): DeskPageSummary {
  return {
    id: p.id,
    editVersion: p.editVersion,
    number: p.number,
    name: p.name,
    sourceFile: p.sourceFile,
    status: p.status,
    articles: p._count.articles,
    staleEdits: p._count.edits,
    warningsJson: p.warnings,
    parsedJson: p.parsed,
    reviewedJson: p.reviewedWarnings,
    updatedAt: p.updatedAt,
  };
}

const issueSelect = {
  id: true,
  date: true,
  number: true,
  status: true,
  publishAt: true,
  publishedAt: true,
  previewToken: true,
  updatedAt: true,
  pages: { orderBy: { number: "asc" }, select: pageSummarySelect },
} as const;

function toIssue(row: Prisma.IssueGetPayload<{ select: typeof issueSelect }>): DeskIssue {
  return { ...row, status: row.status as IssueStatus, pages: row.pages.map(toSummary) };
}

/** The newest `take` issues, plus every issue not yet published (they are the desk's work). */
export async function listDeskIssues(take = 40): Promise<DeskIssue[]> {
  const [recent, open] = await Promise.all([
    db.issue.findMany({ orderBy: { date: "desc" }, take, select: issueSelect }),
    db.issue.findMany({ where: { status: { not: "published" } }, orderBy: { date: "desc" }, select: issueSelect }),
  ]);
  const byDate = new Map<string, DeskIssue>();
  for (const r of [...open, ...recent]) byDate.set(r.date, await withEffectivePages(toIssue(r)));
  return [...byDate.values()].sort((a, b) => b.date.localeCompare(a.date));
}

export async function getDeskIssue(date: string): Promise<DeskIssue | null> {
  const row = await db.issue.findUnique({ where: { date }, select: issueSelect });
  return row ? withEffectivePages(toIssue(row)) : null;
}

/** The parse of each corrected page as readers see it (applyEdits), for its warnings. */
async function withEffectivePages(issue: DeskIssue): Promise<DeskIssue> {
  const edited = issue.pages.filter((p) => p.editVersion > 0);
  for (const p of edited) {
    const page = await db.page.findUniqueOrThrow({ where: { id: p.id }, select: { rawText: true } });
    const edits = await activeEdits(p.id);
    if (edits.length) p.parsedJson = JSON.stringify(applyEdits(JSON.parse(p.parsedJson) as ParsedPage, page.rawText, edits.map((e) => e.edit), paper.profile).page);
  }
  return issue;
}

async function activeEdits(pageId: number): Promise<{ seq: number; edit: Edit }[]> {
  const rows = await db.pageEdit.findMany({ where: { pageId, state: "active" }, orderBy: { seq: "asc" }, select: { seq: true, edit: true } });
  return rows.map((r) => ({ seq: r.seq, edit: EditSchema.parse(JSON.parse(r.edit)) }));
}

export interface DeskPage {
  issue: { date: string; number: number | null; status: IssueStatus; previewToken: string | null };
  page: { number: number; name: string | null; sourceFile: string; rawText: string; updatedAt: Date; status: string };
  /** What readers see: the parse with the active edits applied. */
  parsed: ParsedPage;
  /** The parser's own output, before any edit. */
  original: ParsedPage;
  reviewedJson: string;
  /** The edit log's version (saves name it) and its entries, oldest first. */
  editVersion: number;
  edits: DeskEdit[];
  /** The stored articles, in page order (their public ids link the parse to the reader's pages). */
  articles: { publicId: string; order: number; title: string }[];
  /** Every page of the issue, for the page switcher. */
  pages: { number: number; name: string | null }[];
  /** What an old whole-page correction held that could not become edits (db:migrate), for an editor to redo. */
  legacyUnconverted: { by: string | null; at: Date | null; notes: string[] } | null;
}

export interface DeskEdit {
  seq: number;
  edit: Edit;
  actor: string;
  at: Date;
  state: "active" | "undone" | "superseded" | "discarded";
  staleReason: string | null;
  undoneBy: string | null;
  outcome: EditOutcome | null;
}

export async function getDeskPage(date: string, number: number): Promise<DeskPage | null> {
  const issue = await db.issue.findUnique({
    where: { date },
    select: { id: true, date: true, number: true, status: true, previewToken: true, pages: { orderBy: { number: "asc" }, select: { number: true, name: true } } },
  });
  if (!issue) return null;
  const page = await db.page.findUnique({
    where: { issueId_number: { issueId: issue.id, number } },
    select: {
      number: true,
      name: true,
      sourceFile: true,
      rawText: true,
      parsed: true,

      reviewedWarnings: true,
      updatedAt: true,
      status: true,
      id: true,
      editVersion: true,
      articles: { orderBy: { order: "asc" }, select: { publicId: true, order: true, title: true } },
      legacyCorrection: { select: { unconverted: true, correctedBy: true, correctedAt: true } },
    },
  });
  if (!page) return null;
  const { id: _, pages, ...issueFields } = issue;
  const original = JSON.parse(page.parsed) as ParsedPage;
  const log = await db.pageEdit.findMany({ where: { pageId: page.id }, orderBy: { seq: "asc" } });
  const active = log.filter((e) => e.state === "active");
  const applied = applyEdits(original, page.rawText, active.map((e) => EditSchema.parse(JSON.parse(e.edit))), paper.profile);
  const outcomeOf = new Map(active.map((e, i) => [e.seq, applied.outcomes[i] ?? null]));
  return {
    issue: { ...issueFields, status: issue.status as IssueStatus },
    page: { number: page.number, name: page.name, sourceFile: page.sourceFile, rawText: page.rawText, updatedAt: page.updatedAt, status: page.status },
    parsed: applied.page,
    original,
    editVersion: page.editVersion,
    edits: log.map((e) => ({
      seq: e.seq,
      edit: EditSchema.parse(JSON.parse(e.edit)),
      actor: e.actor,
      at: e.at,
      state: (["active", "undone", "superseded", "discarded"] as const).find((x) => x === e.state) ?? "active",
      staleReason: e.staleReason,
      undoneBy: e.undoneBy,
      outcome: outcomeOf.get(e.seq) ?? null,
    })),
    reviewedJson: page.reviewedWarnings,
    articles: page.articles,
    pages,
    legacyUnconverted: legacyNotes(page.legacyCorrection),
  };
}

function legacyNotes(row: { unconverted: string | null; correctedBy: string | null; correctedAt: Date | null } | null): DeskPage["legacyUnconverted"] {
  if (!row?.unconverted) return null;
  const notes = z.array(z.string()).catch([]).parse(JSON.parse(row.unconverted));
  return notes.length ? { by: row.correctedBy, at: row.correctedAt, notes } : null;
}

/** Replaces a page's reviewed-warning marks (the caller merges). */
export async function writeReviewMarks(date: string, number: number, json: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const res = await tx.page.updateMany({ where: { number, issue: { date } }, data: { reviewedWarnings: json } });
    // A gap an editor reviewed is no longer marked in the reader's article (lib/corrections/gaps.ts), so a
    // published issue's cached documents are read again.
    if (res.count > 0 && (await tx.issue.count({ where: { date, status: "published" } })) > 0) {
      await tx.cacheTagEvent.create({ data: cacheTagEvent([issueTag(date)]) });
    }
    return res.count > 0;
  });
}

/** The issue's preview token, made on first use: 128 random bits, so the address cannot be guessed. */
export async function ensurePreviewToken(date: string): Promise<string | null> {
  const issue = await db.issue.findUnique({ where: { date }, select: { previewToken: true } });
  if (!issue) return null;
  if (issue.previewToken) return issue.previewToken;
  const token = randomBytes(16).toString("base64url");
  await db.issue.updateMany({ where: { date, previewToken: null }, data: { previewToken: token } });
  return (await db.issue.findUnique({ where: { date }, select: { previewToken: true } }))?.previewToken ?? null;
}

export async function issueDateForPreviewToken(token: string): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{22}$/.test(token)) return null;
  return (await db.issue.findUnique({ where: { previewToken: token }, select: { date: true } }))?.date ?? null;
}

// Publishing. Article.published mirrors "issue published and page not held back", so every
// status change writes the issue, its pages and its articles in one transaction.

/**
 * Publishes an issue: status, publishedAt (kept from the first time), pages, articles, in one
 * transaction. With `onlyIfDue`, only a still-scheduled issue whose time has come is published:
 * the status change is the claim, so two processes (or the timer and a chief's click) cannot both
 * publish it. False when nothing was published.
 */
export async function setPublished(date: string, now: Date, onlyIfDue = false): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const claim = await tx.issue.updateMany({
      where: { date, ...(onlyIfDue ? { status: "scheduled", publishAt: { lte: now } } : {}) },
      data: { status: "published", publishAt: null },
    });
    if (claim.count === 0) return false;
    const issue = await tx.issue.findUniqueOrThrow({ where: { date }, select: { id: true, publishedAt: true } });
    if (!issue.publishedAt) await tx.issue.update({ where: { id: issue.id }, data: { publishedAt: now } });
    await tx.page.updateMany({ where: { issueId: issue.id, status: "draft" }, data: { status: "published" } });
    await tx.article.updateMany({ where: { issueId: issue.id, page: { status: "published" } }, data: { published: true } });
    await tx.cacheTagEvent.create({ data: cacheTagEvent(tagsToRevalidate({ dates: [date] }), now) });
    return true;
  });
}

/** Takes an issue off the reader's site (pages and articles with it) and sets its status. */
async function takeOffSite(date: string, status: { status: "scheduled"; publishAt: Date } | { status: "draft"; publishAt: null }): Promise<boolean> {
  const issue = await db.issue.findUnique({ where: { date }, select: { id: true } });
  if (!issue) return false;
  await db.$transaction([
    db.issue.update({ where: { id: issue.id }, data: status }),
    db.page.updateMany({ where: { issueId: issue.id }, data: { status: "draft" } }),
    db.article.updateMany({ where: { issueId: issue.id }, data: { published: false } }),
    db.cacheTagEvent.create({ data: cacheTagEvent(tagsToRevalidate({ dates: [date] })) }),
  ]);
  return true;
}

/** Scheduled for `at`: readers see nothing of it until the scheduler publishes it. */
export function setScheduled(date: string, at: Date): Promise<boolean> {
  return takeOffSite(date, { status: "scheduled", publishAt: at });
}

/** Back to draft: readers no longer see the issue; nothing of it is deleted. */
export function setDraft(date: string): Promise<boolean> {
  return takeOffSite(date, { status: "draft", publishAt: null });
}

/** Scheduled issues whose time has come. */
export async function listDueIssues(now: Date): Promise<string[]> {
  const rows = await db.issue.findMany({ where: { status: "scheduled", publishAt: { lte: now } }, orderBy: { date: "asc" }, select: { date: true } });
  return rows.map((r) => r.date);
}

/** The earliest upcoming scheduled time, for the timer. */
export async function nextScheduledAt(): Promise<Date | null> {
  const row = await db.issue.findFirst({ where: { status: "scheduled", publishAt: { not: null } }, orderBy: { publishAt: "asc" }, select: { publishAt: true } });
  return row?.publishAt ?? null;
}

/** Of these dates, the issues readers see or will see on their own (published or scheduled). */
export async function liveIssueDates(dates: string[]): Promise<string[]> {
  const rows = await db.issue.findMany({ where: { date: { in: dates }, status: { in: ["published", "scheduled"] } }, select: { date: true }, orderBy: { date: "asc" } });
  return rows.map((r) => r.date);
}

/** An article of any status by its public id, for the desk; an address an edit moved follows its redirect. */
export async function findDeskArticle(publicId: string): Promise<{
  publicId: string;
  issueDate: string;
  pageNumber: number;
  order: number;
  anchorLine: number | null;
  title: string;
  correctedAt: Date | null;
  /** The address asked for, when it redirected here. */
  movedFrom: string | null;
} | null> {
  const select = { publicId: true, issueDate: true, pageNumber: true, order: true, anchorLine: true, title: true, correctedAt: true } as const;
  const found = await db.article.findUnique({ where: { publicId }, select });
  if (found) return { ...found, movedFrom: null };
  const redirect = await db.articleRedirect.findUnique({ where: { fromPublicId: publicId }, select: { toPublicId: true } });
  if (!redirect) return null;
  const target = await db.article.findUnique({ where: { publicId: redirect.toPublicId }, select });
  return target ? { ...target, movedFrom: publicId } : null;
}
