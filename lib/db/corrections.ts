import "server-only";
import { applyEdits, type Edit, EditSchema, type EditOutcome, rebaseEdit, sourceLines } from "@/lib/corrections";
import { articleTag, tagsToRevalidate } from "@/lib/edition/cache-tags";
import { writeConnection } from "@/lib/db/import";
import { defaultDependencies } from "@/lib/import/defaults";
import { EditionWriter, formatTimestamp, type IssueState } from "@/lib/import/write-edition";
import type { ParsedPage } from "@/lib/parser/types";
import { paper } from "@/lib/paper";

/**
 * The edit log's writes: a correction saved, undone or redone, and the page re-materialised
 * (lib/import/write-edition.ts rematerialise) in the same IMMEDIATE transaction, so the log and
 * what readers see never disagree. Every change names the edit-log version it was based on: if
 * another editor changed the page in between, nothing is written and the caller gets the conflict.
 */

/**
 * active: applied; undone: taken out by undo (redo puts back the most recently undone);
 * superseded: undone, then a new edit was made (no longer redoable, kept for the history);
 * discarded: a stale edit an editor chose not to keep.
 */
export type EditState = "active" | "undone" | "superseded" | "discarded";

export interface EditEntry {
  seq: number;
  edit: Edit;
  actor: string;
  at: string;
  state: EditState;
  staleReason: string | null;
  undoneBy: string | null;
}

export type EditResult =
  | {
      ok: true;
      version: number;
      outcome?: EditOutcome;
      changedIds: string[];
      published: boolean;
      /** The page readers saw before the change and see after it, for the log's before/after. */
      before: ParsedPage;
      after: ParsedPage;
      rawText: string;
    }
  | { ok: false; conflict: { version: number; since: ConflictEntry[] } }
  | { ok: false; refused: string }
  | { ok: false; missing: string };

/** A change someone else made after the version a save was based on. */
export interface ConflictEntry {
  actor: string;
  at: string;
  /** A new edit, or (for undo, redo, discard) the audit action. */
  edit?: Edit;
  action?: string;
}

interface PageRow {
  id: number;
  number: number;
  editVersion: number;
  issueId: number;
  date: string;
  issueNumber: number | null;
  issueStatus: string;
  pageStatus: string;
}

function pageRow(date: string, pageNumber: number): PageRow | undefined {
  return writeConnection()
    .prepare(
      `SELECT p.id, p.number, p.editVersion, p.issueId, i.date, i.number AS issueNumber, i.status AS issueStatus, p.status AS pageStatus
       FROM Page p JOIN Issue i ON i.id = p.issueId WHERE i.date = ? AND p.number = ?`,
    )
    .get(date, pageNumber) as PageRow | undefined;
}

function toEntry(r: { seq: number; edit: string; actor: string; at: string; state: string; staleReason: string | null; undoneBy: string | null }): EditEntry {
  const state = (["active", "undone", "superseded", "discarded"] as const).find((x) => x === r.state) ?? "active";
  return { ...r, edit: EditSchema.parse(JSON.parse(r.edit)), state };
}

/** A page's edit log, oldest first. */
export function listEdits(date: string, pageNumber: number): { version: number; entries: EditEntry[] } | null {
  const page = pageRow(date, pageNumber);
  if (!page) return null;
  const rows = writeConnection()
    .prepare(`SELECT seq, edit, actor, at, state, staleReason, undoneBy FROM PageEdit WHERE pageId = ? ORDER BY seq`)
    .all(page.id) as Parameters<typeof toEntry>[0][];
  return { version: page.editVersion, entries: rows.map(toEntry) };
}

/** What readers see of a page now: its parse with the active edits applied. */
function effectivePage(pageId: number): ParsedPage {
  const db = writeConnection();
  const row = db.prepare(`SELECT parsed, rawText FROM Page WHERE id = ?`).get(pageId) as { parsed: string; rawText: string };
  const edits = (db.prepare(`SELECT edit FROM PageEdit WHERE pageId = ? AND state = 'active' ORDER BY seq`).all(pageId) as { edit: string }[]).map((e) =>
    EditSchema.parse(JSON.parse(e.edit)),
  );
  return applyEdits(JSON.parse(row.parsed) as ParsedPage, row.rawText, edits, paper.profile).page;
}

function articleIds(pageId: number): Map<string, string> {
  const rows = writeConnection().prepare(`SELECT publicId, blocks || title || coalesce(kicker,'') || coalesce(label,'') || coalesce(subtitle,'') AS body FROM Article WHERE pageId = ?`).all(pageId) as { publicId: string; body: string }[];
  return new Map(rows.map((r) => [r.publicId, r.body]));
}

/**
 * Runs `change` on the page's log in one transaction, then re-materialises the page. `change`
 * returns false to refuse (nothing written).
 */
function changeLog(
  date: string,
  pageNumber: number,
  basedOn: number,
  change: (page: PageRow, db: ReturnType<typeof writeConnection>, now: string) => Change,
): EditResult {
  const db = writeConnection();
  const now = formatTimestamp(new Date());
  const run = db.transaction((): EditResult => {
    const page = pageRow(date, pageNumber);
    if (!page) return { ok: false, missing: `没有 ${date} 第${pageNumber}版` };
    if (page.editVersion !== basedOn) {
      // New edits made on or after the version the editor saw, and the undo/redo/discard
      // events the desk logged with the version they produced.
      const edits = db
        .prepare(`SELECT actor, at, edit FROM PageEdit WHERE pageId = ? AND basedOn >= ? ORDER BY seq`)
        .all(page.id, basedOn) as { actor: string; at: string; edit: string }[];
      const events = db
        .prepare(`SELECT actor, at, action, detail FROM AuditEvent WHERE issueDate = ? AND pageNumber = ? AND action IN ('edit-undo', 'edit-redo', 'edit-discard', 'edit-reapply') ORDER BY at`)
        .all(date, pageNumber) as { actor: string; at: string; action: string; detail: string }[];
      const since: ConflictEntry[] = [
        ...edits.map((e) => ({ actor: e.actor, at: e.at, edit: EditSchema.parse(JSON.parse(e.edit)) })),
        ...events.filter((e) => Number((JSON.parse(e.detail) as { version?: number }).version ?? 0) > basedOn).map((e) => ({ actor: e.actor, at: e.at, action: e.action })),
      ].sort((a, b) => a.at.localeCompare(b.at));
      return { ok: false, conflict: { version: page.editVersion, since } };
    }
    const before = effectivePage(page.id);
    const result = change(page, db, now);
    if ("refused" in result) return { ok: false, refused: result.refused };
    db.prepare(`UPDATE Page SET editVersion = editVersion + 1, updatedAt = ? WHERE id = ?`).run(now, page.id);
    const idsBefore = articleIds(page.id);
    const deps = defaultDependencies();
    const writer = new EditionWriter(db, deps.indexer, deps.describeDepartment, now);
    const issue: IssueState = { id: page.issueId, date: page.date, number: page.issueNumber, status: page.issueStatus };
    const published = page.issueStatus === "published" && page.pageStatus === "published";
    const { outcomes, editIds, effective, rawText } = writer.rematerialise(issue, page.id, published);
    writer.finish();
    const idsAfter = articleIds(page.id);
    const changedIds = [...new Set([...idsBefore.keys(), ...idsAfter.keys()])].filter((id) => idsBefore.get(id) !== idsAfter.get(id));
    if (published) writer.announce(tagsToRevalidate({ dates: [page.date], tags: changedIds.map(articleTag) }));
    let outcome: EditOutcome | undefined;
    if (result.seq !== undefined) {
      const mine = db.prepare(`SELECT id FROM PageEdit WHERE pageId = ? AND seq = ?`).get(page.id, result.seq) as { id: number };
      outcome = outcomes[editIds.indexOf(mine.id)];
      // A new edit that does not apply is not kept: the editor sees why, the log stays clean.
      if (outcome?.status === "stale") throw new RefusedEdit(outcome.reason ?? "这项修改无法应用");
    }
    return { ok: true, version: page.editVersion + 1, outcome, changedIds, published, before, after: effective, rawText };
  });
  try {
    return run.immediate();
  } catch (err) {
    if (err instanceof RefusedEdit) return { ok: false, refused: err.message };
    throw err;
  }
}

class RefusedEdit extends Error {}

type Change = { refused: string } | { seq?: number };

export function saveEdit(date: string, pageNumber: number, basedOn: number, edit: Edit, actor: { id: number; name: string }): EditResult {
  return changeLog(date, pageNumber, basedOn, (page, db, now): Change => {
    const seq = ((db.prepare(`SELECT coalesce(max(seq), 0) AS n FROM PageEdit WHERE pageId = ?`).get(page.id) as { n: number }).n) + 1;
    // Redo is for the edits just undone: after a new edit they can no longer be redone, as
    // editors expect; they stay in the history.
    db.prepare(`UPDATE PageEdit SET state = 'superseded' WHERE pageId = ? AND state = 'undone'`).run(page.id);
    db.prepare(`INSERT INTO PageEdit (pageId, seq, basedOn, edit, userId, actor, at, state) VALUES (?, ?, ?, ?, ?, ?, ?, 'active')`).run(
      page.id,
      seq,
      page.editVersion,
      JSON.stringify(edit),
      actor.id,
      actor.name,
      now,
    );
    return { seq };
  });
}

/** Takes the newest active edit out of the page (it stays in the log, marked undone). */
export function undoEdit(date: string, pageNumber: number, basedOn: number, actor: { name: string }): EditResult {
  return changeLog(date, pageNumber, basedOn, (page, db, now): Change => {
    const last = db.prepare(`SELECT id FROM PageEdit WHERE pageId = ? AND state = 'active' ORDER BY seq DESC LIMIT 1`).get(page.id) as { id: number } | undefined;
    if (!last) return { refused: "没有可以撤销的修改" };
    db.prepare(`UPDATE PageEdit SET state = 'undone', undoneAt = ?, undoneBy = ? WHERE id = ?`).run(now, actor.name, last.id);
    return {};
  });
}

/** Puts back the edit undone last. */
export function redoEdit(date: string, pageNumber: number, basedOn: number): EditResult {
  return changeLog(date, pageNumber, basedOn, (page, db): Change => {
    // The most recently undone first: undo, undo, redo gives back the second undo's edit.
    const next = db.prepare(`SELECT id FROM PageEdit WHERE pageId = ? AND state = 'undone' ORDER BY undoneAt DESC, seq DESC LIMIT 1`).get(page.id) as { id: number } | undefined;
    if (!next) return { refused: "没有可以重做的修改" };
    db.prepare(`UPDATE PageEdit SET state = 'active', undoneAt = NULL, undoneBy = NULL WHERE id = ?`).run(next.id);
    return {};
  });
}

/**
 * Re-applies a stale edit to the lines as they read now (the editor judged it still holds): its
 * line references take today's text, it runs again, and is refused (nothing written) if it still
 * does not fit.
 */
export function reapplyEdit(date: string, pageNumber: number, basedOn: number, seq: number): EditResult {
  return changeLog(date, pageNumber, basedOn, (page, db): Change => {
    const row = db.prepare(`SELECT id, edit, staleReason FROM PageEdit WHERE pageId = ? AND seq = ? AND state = 'active'`).get(page.id, seq) as
      | { id: number; edit: string; staleReason: string | null }
      | undefined;
    if (!row) return { refused: "这项修改已不在生效中" };
    if (!row.staleReason) return { refused: "这项修改没有失效,无需重新应用" };
    const raw = (db.prepare(`SELECT rawText FROM Page WHERE id = ?`).get(page.id) as { rawText: string }).rawText;
    const rebased = rebaseEdit(EditSchema.parse(JSON.parse(row.edit)), sourceLines(raw));
    db.prepare(`UPDATE PageEdit SET edit = ?, staleReason = NULL WHERE id = ?`).run(JSON.stringify(rebased), row.id);
    return { seq };
  });
}

/** Discards a stale edit (it stays in the log as discarded, with its reason; redo never brings it back). */
export function discardEdit(date: string, pageNumber: number, basedOn: number, seq: number, actor: { name: string }): EditResult {
  return changeLog(date, pageNumber, basedOn, (page, db, now): Change => {
    const row = db.prepare(`SELECT id FROM PageEdit WHERE pageId = ? AND seq = ? AND state = 'active'`).get(page.id, seq) as { id: number } | undefined;
    if (!row) return { refused: "这项修改已不在生效中" };
    db.prepare(`UPDATE PageEdit SET state = 'discarded', undoneAt = ?, undoneBy = ? WHERE id = ?`).run(now, actor.name, row.id);
    return {};
  });
}
