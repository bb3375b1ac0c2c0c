/**
 * Runs after migrations (`npm run db:migrate`): each whole-page correction snapshot kept in
 * LegacyCorrection and not yet converted becomes edits in the page's log (lib/corrections/legacy.ts),
 * the page is re-materialised from them, and what could not be converted is written on the row
 * (and printed) for an editor to redo. One transaction per page; a converted row is marked, so
 * running it again does nothing.
 */
import { tagsToRevalidate } from "@/lib/edition/cache-tags";
import type { SqliteDb } from "@/lib/db/sqlite";
import { editsFromSnapshot } from "@/lib/corrections/legacy";
import type { ParsedPage } from "@/lib/parser/types";
import { defaultDependencies } from "./defaults";
import { EditionWriter, formatTimestamp, type IssueState } from "./write-edition";

export function convertLegacyCorrections(db: SqliteDb, now = new Date()): string[] {
  const rows = db
    .prepare(
      `SELECT l.pageId, l.snapshot, l.correctedAt, l.correctedBy, p.parsed, p.rawText, p.number, p.editVersion,
              i.id AS issueId, i.date, i.number AS issueNumber, i.status
       FROM LegacyCorrection l JOIN Page p ON p.id = l.pageId JOIN Issue i ON i.id = p.issueId WHERE l.unconverted IS NULL`,
    )
    .all() as {
    pageId: number;
    snapshot: string;
    correctedAt: string | null;
    correctedBy: string | null;
    parsed: string;
    rawText: string;
    number: number;
    editVersion: number;
    issueId: number;
    date: string;
    issueNumber: number | null;
    status: string;
  }[];
  const out: string[] = [];
  const deps = defaultDependencies();
  for (const r of rows) {
    const { edits, unconverted } = editsFromSnapshot(JSON.parse(r.parsed) as ParsedPage, r.rawText, JSON.parse(r.snapshot) as ParsedPage);
    const stamp = formatTimestamp(now);
    db.transaction(() => {
      const maxSeq = (db.prepare(`SELECT coalesce(max(seq), 0) AS n FROM PageEdit WHERE pageId = ?`).get(r.pageId) as { n: number }).n;
      edits.forEach((edit, i) => {
        db.prepare(`INSERT INTO PageEdit (pageId, seq, basedOn, edit, actor, at, state) VALUES (?, ?, ?, ?, ?, ?, 'active')`).run(
          r.pageId,
          maxSeq + i + 1,
          r.editVersion + i,
          JSON.stringify(edit),
          r.correctedBy ?? "旧版更正",
          r.correctedAt ?? stamp,
        );
      });
      if (edits.length) {
        db.prepare(`UPDATE Page SET editVersion = editVersion + ? WHERE id = ?`).run(edits.length, r.pageId);
        const writer = new EditionWriter(db, deps.indexer, deps.describeDepartment, stamp);
        const issue: IssueState = { id: r.issueId, date: r.date, number: r.issueNumber, status: r.status };
        writer.rematerialise(issue, r.pageId);
        writer.finish();
        if (r.status === "published") writer.announce(tagsToRevalidate({ dates: [r.date] }));
      }
      db.prepare(`UPDATE LegacyCorrection SET unconverted = ? WHERE pageId = ?`).run(JSON.stringify(unconverted), r.pageId);
    })();
    out.push(`Converted the old correction of ${r.date} page ${r.number} into ${edits.length} edit(s)${unconverted.length ? `; to redo at the desk: ${unconverted.join("; ")}` : ""}.`);
  }
  return out;
}
