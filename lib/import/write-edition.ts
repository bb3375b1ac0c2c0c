/**
 * The import's writes: prepared statements over one better-sqlite3 connection. Every method runs
 * inside the caller's transaction (see importEdition), so a failure or a kill -9 anywhere leaves
 * the database as it was. Updates are written only when a value differs, so re-importing the same
 * pages leaves every row, timestamps included, byte for byte as it was.
 */
import { CACHE_TAG_EVENT_KEEP_MS, cacheTagEvent } from "@/lib/edition/cache-tags";
import type { SqliteDb } from "@/lib/db/sqlite";
import { anchorLine, applyEdits, type EditOutcome } from "@/lib/corrections";
import type { Edit } from "@/lib/corrections";
import type { ParsedPage } from "@/lib/parser/types";
import { formatPublicId } from "@/lib/edition/public-id";
import { toArticleRecords } from "./materialise";
import { paper } from "@/lib/paper";

/** The search index as the import sees it (lib/search/indexer.ts). */
export interface SearchIndexer {
  /** Adds articles (by row id) to the index; called after they are inserted. */
  indexArticles(db: SqliteDb, articleIds: number[]): void;
  /** Removes articles from the index; called before they are deleted, while their rows still exist. */
  removeFromIndex(db: SqliteDb, articleIds: number[]): void;
}

/** What the store keeps about a department besides its name (from the parser's gazetteer). */
export interface DepartmentInfo {
  kind: string;
  aliases: string[];
}

export interface IssueState {
  id: number;
  date: string;
  number: number | null;
  status: string;
}

export interface PageState {
  id: number;
  name: string | null;
  sourceFile: string;
  sourceSha256: string;
  parseOptions: string;
  status: string;
  /** The page has an edit log (editors' corrections, re-applied to every new parse). */
  edited: boolean;
  /** What readers see now: article and ad rows, and warnings of the effective version. */
  articleCount: number;
  adCount: number;
  warningCount: number;
}

/** A page's source and parse, as written to the Page row. */
export interface PageSource {
  name: string | null;
  sourceFile: string;
  sourceSha256: string;
  rawText: string;
  parsed: ParsedPage;
  /** Canonical JSON of the ParseOptions that produced `parsed`. */
  parseOptions: string;
}

/** Time spent in the search indexer, accumulated over a run (the benchmark reports it apart). */
export interface WriteTimings {
  indexMs: number;
}

/**
 * Articles are handed to the search index in batches of about this many. FTS5 writes its pending
 * terms out as a new segment whenever another statement of the transaction opens a savepoint (every
 * page insert does), so indexing page by page made one tiny segment per page and a year's import
 * spent most of its time merging them.
 */
const INDEX_BATCH = 1000;

/** Prisma's DateTime text format for SQLite (what @prisma/adapter-better-sqlite3 writes and reads). */
export function formatTimestamp(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

/** Every statement the import runs, prepared once per run. */
function prepareStatements(db: SqliteDb) {
  const p = (sql: string) => db.prepare(sql);
  return {
    issueByDate: p(`SELECT id, date, number, status FROM Issue WHERE date = ?`),
    insertIssue: p(`INSERT INTO Issue (date, number, status, createdAt, updatedAt) VALUES (?, ?, 'draft', ?, ?) RETURNING id`),
    setIssueNumber: p(`UPDATE Issue SET number = ?, updatedAt = ? WHERE id = ?`),
    touchIssue: p(`UPDATE Issue SET updatedAt = ? WHERE id = ? AND updatedAt IS NOT ?`),
    publishIssue: p(
      `UPDATE Issue SET status = 'published', publishedAt = COALESCE(publishedAt, ?), updatedAt = ? WHERE id = ? AND status <> 'published'`,
    ),
    publishPages: p(`UPDATE Page SET status = 'published', updatedAt = ? WHERE issueId = ? AND status = 'draft'`),
    publishArticles: p(
      `UPDATE Article SET published = 1, updatedAt = ? WHERE issueId = ? AND published = 0
         AND pageId IN (SELECT id FROM Page WHERE issueId = ? AND status = 'published')`,
    ),
    pageBySlot: p(
      `SELECT id, name, sourceFile, sourceSha256, parseOptions, status, EXISTS (SELECT 1 FROM PageEdit WHERE pageId = Page.id) AS edited,
         (SELECT count(*) FROM Article WHERE pageId = Page.id) AS articleCount,
         (SELECT count(*) FROM Ad WHERE pageId = Page.id) AS adCount,
         json_array_length(warnings) AS warningCount
       FROM Page WHERE issueId = ? AND number = ?`,
    ),
    parsedOfPage: p(`SELECT parsed FROM Page WHERE id = ?`),
    insertPage: p(
      `INSERT INTO Page (issueId, number, name, sourceFile, sourceSha256, rawText, encoding, parsed, parseOptions, warnings, status, createdAt, updatedAt)
       VALUES (@issueId, @number, @name, @sourceFile, @sourceSha256, @rawText, @encoding, @parsed, @parseOptions, @warnings, @status, @now, @now)
       RETURNING id`,
    ),
    replacePage: p(
      `UPDATE Page SET name = @name, sourceFile = @sourceFile, sourceSha256 = @sourceSha256, rawText = @rawText, encoding = @encoding,
         parsed = @parsed, parseOptions = @parseOptions, warnings = @warnings, updatedAt = @now
       WHERE id = @id`,
    ),
    // A re-parse of the same bytes that gives the same parse: only the options and labels change.
    updateParseOnly: p(
      `UPDATE Page SET name = @name, sourceFile = @sourceFile, parsed = @parsed, parseOptions = @parseOptions, updatedAt = @now WHERE id = @id`,
    ),
    updatePageLabels: p(`UPDATE Page SET name = ?, sourceFile = ?, updatedAt = ? WHERE id = ?`),
    articlesOfPage: p(`SELECT id, publicId, createdAt FROM Article WHERE pageId = ? ORDER BY "order"`),
    peopleOfPage: p(
      `SELECT DISTINCT b.personId AS id FROM ArticleByline b JOIN Article a ON a.id = b.articleId WHERE a.pageId = ?`,
    ),
    departmentsOfPage: p(
      `SELECT DISTINCT d.departmentId AS id FROM ArticleDepartment d JOIN Article a ON a.id = d.articleId WHERE a.pageId = ?`,
    ),
    deleteArticles: p(`DELETE FROM Article WHERE pageId = ?`),
    deleteAds: p(`DELETE FROM Ad WHERE pageId = ?`),
    insertArticle: p(
      `INSERT INTO Article (publicId, pageId, issueId, issueDate, pageNumber, "order", label, kicker, title, subtitle, datelineDate,
         category, categoryEvidence, blocks, plainText, charCount, published, anchorLine, correctedAt, createdAt, updatedAt)
       VALUES (@publicId, @pageId, @issueId, @issueDate, @pageNumber, @order, @label, @kicker, @title, @subtitle, @datelineDate,
         @category, @categoryEvidence, @blocks, @plainText, @charCount, @published, @anchorLine, @correctedAt, @createdAt, @now)
       RETURNING id`,
    ),
    // The edit log (lib/corrections): what readers see of a page with active edits is applyEdits.
    pageForEdits: p(`SELECT id, number, status, parsed, rawText FROM Page WHERE id = ?`),
    activeEdits: p(`SELECT id, edit FROM PageEdit WHERE pageId = ? AND state = 'active' ORDER BY seq`),
    insertTagEvent: p(`INSERT INTO CacheTagEvent (tags, durations, at) VALUES (?, ?, ?)`),
    pruneTagEvents: p(`DELETE FROM CacheTagEvent WHERE at < ?`),
    hasEditLog: p(`SELECT 1 FROM PageEdit WHERE pageId = ? LIMIT 1`),
    setEditStale: p(`UPDATE PageEdit SET staleReason = ? WHERE id = ? AND staleReason IS NOT ?`),
    previousArticles: p(`SELECT publicId, anchorLine, title, kicker, label, subtitle, blocks, correctedAt FROM Article WHERE pageId = ?`),
    redirectSources: p(`SELECT fromPublicId, fromAnchorLine FROM ArticleRedirect WHERE fromPublicId LIKE ?`),
    upsertRedirect: p(
      `INSERT INTO ArticleRedirect (fromPublicId, toPublicId, fromAnchorLine, at) VALUES (?, ?, ?, ?)
       ON CONFLICT(fromPublicId) DO UPDATE SET toPublicId = excluded.toPublicId, fromAnchorLine = excluded.fromAnchorLine, at = excluded.at`,
    ),
    // A redirect that pointed at an address now moved on follows it.
    retargetRedirects: p(`UPDATE ArticleRedirect SET toPublicId = ? WHERE toPublicId = ?`),
    deleteRedirect: p(`DELETE FROM ArticleRedirect WHERE fromPublicId = ?`),
    setPageWarnings: p(`UPDATE Page SET warnings = ?, updatedAt = ? WHERE id = ? AND warnings IS NOT ?`),
    insertByline: p(`INSERT INTO ArticleByline (articleId, personId, role, "order") VALUES (?, ?, ?, ?)`),
    personByName: p(`SELECT id FROM Person WHERE name = ?`),
    insertPerson: p(`INSERT INTO Person (name) VALUES (?) RETURNING id`),
    departmentByName: p(`SELECT id, kind, aliases FROM Department WHERE name = ?`),
    insertDepartment: p(`INSERT INTO Department (name, slug, kind, aliases) VALUES (?, ?, ?, ?) RETURNING id`),
    updateDepartment: p(`UPDATE Department SET kind = ?, aliases = ? WHERE id = ?`),
    insertArticleDepartment: p(`INSERT INTO ArticleDepartment (articleId, departmentId, rank) VALUES (?, ?, ?)`),
    insertAd: p(`INSERT INTO Ad (pageId, "order", lines, sourceLines) VALUES (?, ?, ?, ?)`),
    deletePersonIfUnused: p(`DELETE FROM Person WHERE id = ? AND NOT EXISTS (SELECT 1 FROM ArticleByline WHERE personId = ?)`),
    deleteDepartmentIfUnused: p(
      `DELETE FROM Department WHERE id = ? AND NOT EXISTS (SELECT 1 FROM ArticleDepartment WHERE departmentId = ?)`,
    ),
  };
}

/**
 * Writes issues, pages and their articles. One instance per import run: it caches people and
 * departments by name, and remembers which of them lost an article so `collectOrphans` can drop
 * the ones nothing points to any more.
 */
export class EditionWriter {
  readonly timings: WriteTimings = { indexMs: 0 };
  private readonly people = new Map<string, number>();
  private readonly departments = new Map<string, number>();
  private readonly touchedPeople = new Set<number>();
  private readonly touchedDepartments = new Set<number>();
  /** Inserted articles not yet handed to the search index (see INDEX_BATCH). */
  private pendingIndex: number[] = [];
  private readonly s: ReturnType<typeof prepareStatements>;

  constructor(
    private readonly db: SqliteDb,
    private readonly indexer: SearchIndexer,
    private readonly describeDepartment: (name: string) => DepartmentInfo,
    /** The run's timestamp, in formatTimestamp's format: every row written by one run shares it. */
    private readonly now: string,
  ) {
    this.s = prepareStatements(db);
  }

  getIssue(date: string): IssueState | undefined {
    return this.s.issueByDate.get(date) as IssueState | undefined;
  }

  /** The issue for `date`, created as a draft when missing; its 期号 set when one is given and differs. */
  ensureIssue(date: string, number: number | undefined): { issue: IssueState; created: boolean; renumbered: boolean } {
    const existing = this.getIssue(date);
    if (!existing) {
      const { id } = this.s.insertIssue.get(date, number ?? null, this.now, this.now) as { id: number };
      return { issue: { id, date, number: number ?? null, status: "draft" }, created: true, renumbered: false };
    }
    if (number !== undefined && existing.number !== number) {
      this.s.setIssueNumber.run(number, this.now, existing.id);
      return { issue: { ...existing, number }, created: false, renumbered: true };
    }
    return { issue: existing, created: false, renumbered: false };
  }

  /**
   * Publishes an issue with its pages and articles (publishedAt is set the first time only).
   * Returns true when the issue was not published before. Pages an editor holds back keep their status.
   */
  publishIssue(issue: IssueState): boolean {
    const changed = this.s.publishIssue.run(this.now, this.now, issue.id).changes > 0;
    this.s.publishPages.run(this.now, issue.id);
    this.s.publishArticles.run(this.now, issue.id, issue.id);
    issue.status = "published";
    return changed;
  }

  /** Marks the issue as changed (a page of it was added or replaced). */
  touchIssue(issue: IssueState): void {
    this.s.touchIssue.run(this.now, issue.id, this.now);
  }

  getPage(issueId: number, number: number): PageState | undefined {
    const row = this.s.pageBySlot.get(issueId, number) as (Omit<PageState, "edited"> & { edited: number }) | undefined;
    return row && { ...row, edited: row.edited === 1 };
  }

  /** The stored parse of a page, as JSON text. */
  getParsedJson(pageId: number): string {
    return (this.s.parsedOfPage.get(pageId) as { parsed: string }).parsed;
  }

  /** Inserts a new page and its articles and ads. Returns the page id and article count. */
  insertPage(issue: IssueState, number: number, source: PageSource): { pageId: number; articles: number } {
    const status = issue.status === "published" ? "published" : "draft";
    const { id } = this.s.insertPage.get({
      issueId: issue.id,
      number,
      ...this.pageColumns(source),
      status,
      now: this.now,
    }) as { id: number };
    const articles = this.writeContent(issue, id, number, source.parsed, status === "published", new Map());
    return { pageId: id, articles };
  }

  /**
   * Replaces a page's source and parse and rebuilds its articles and ads from the new parse, with
   * the page's edit log applied again to it.
   */
  replacePage(issue: IssueState, page: PageState, number: number, source: PageSource): number {
    this.s.replacePage.run({ id: page.id, ...this.pageColumns(source), now: this.now });
    // Editors' edits outlive a new parse: they are applied to it (and marked stale where the
    // lines they were made on changed).
    if (this.hasEditLog(page.id)) return this.rematerialise(issue, page.id).articles;
    const createdAt = this.clearContent(page.id);
    const published = page.status === "published" && issue.status === "published";
    return this.writeContent(issue, page.id, number, source.parsed, published, createdAt);
  }

  /** Edits the last rematerialise found no longer fitting the page (for the import's notes). */
  staleEdits = 0;

  /** Whether a page has ever been corrected through the edit log. */
  hasEditLog(pageId: number): boolean {
    return this.s.hasEditLog.get(pageId) !== undefined;
  }

  /**
   * Rebuilds what readers see of a page from its parse and its active edits: the effective page
   * (applyEdits), its articles with stable public ids (an article keeps its address while its
   * first line is the same; an address whose article an edit split or merged away redirects to
   * where its first line went), its ads and warnings, and the stale marks of edits that no longer
   * fit. `correcting` marks the articles whose text changed as corrected (更正) now.
   */
  rematerialise(issue: IssueState, pageId: number, correcting = false): { articles: number; outcomes: EditOutcome[]; editIds: number[]; effective: ParsedPage; rawText: string } {
    const row = this.s.pageForEdits.get(pageId) as { id: number; number: number; status: string; parsed: string; rawText: string };
    const entries = this.s.activeEdits.all(pageId) as { id: number; edit: string }[];
    const edits = entries.map((e) => JSON.parse(e.edit) as Edit);
    const { page: effective, outcomes } = applyEdits(JSON.parse(row.parsed) as ParsedPage, row.rawText, edits, paper.profile);
    this.staleEdits = outcomes.filter((o) => o.status === "stale").length;
    outcomes.forEach((o, i) => {
      const reason = o.status === "stale" ? (o.reason ?? "不再适用") : null;
      this.s.setEditStale.run(reason, entries[i]!.id, reason);
    });
    const previous = this.s.previousArticles.all(pageId) as PreviousArticle[];
    const placements = placeArticles(issue.date, row.number, effective, previous, this.usedRedirectSources(issue.date, row.number), correcting ? this.now : null);
    for (const [from, { to, anchor }] of placements.redirects) {
      this.s.upsertRedirect.run(from, to, anchor, this.now);
      this.s.retargetRedirects.run(to, from);
    }
    for (const p of placements.articles) this.s.deleteRedirect.run(p.publicId);
    const createdAt = this.clearContent(pageId);
    const published = row.status === "published" && issue.status === "published";
    const articles = this.writeContent(issue, pageId, row.number, effective, published, createdAt, placements.articles);
    const warnings = JSON.stringify(effective.warnings);
    this.s.setPageWarnings.run(warnings, this.now, pageId, warnings);
    return { articles, outcomes, editIds: entries.map((e) => e.id), effective, rawText: row.rawText };
  }

  private usedRedirectSources(date: string, pageNumber: number): Map<string, number | null> {
    const prefix = `${date.replaceAll("-", "")}-${String(pageNumber).padStart(2, "0")}-%`;
    const rows = this.s.redirectSources.all(prefix) as { fromPublicId: string; fromAnchorLine: number | null }[];
    return new Map(rows.map((r) => [r.fromPublicId, r.fromAnchorLine]));
  }

  /** Stores a new parse of the same bytes that reads the same (new parse options, a page name). */
  updateParseOnly(page: PageState, source: PageSource): void {
    this.s.updateParseOnly.run({
      id: page.id,
      name: source.name,
      sourceFile: source.sourceFile,
      parsed: JSON.stringify(source.parsed),
      parseOptions: source.parseOptions,
      now: this.now,
    });
  }

  /** Renames a page (版名) or records a new source file name for the same bytes. */
  updatePageLabels(page: PageState, name: string | null, sourceFile: string): void {
    this.s.updatePageLabels.run(name, sourceFile, this.now, page.id);
  }

  /** Hands the articles inserted since the last call to the search index. */
  flushIndex(): void {
    if (this.pendingIndex.length === 0) return;
    const ids = this.pendingIndex;
    this.pendingIndex = [];
    const t = performance.now();
    this.indexer.indexArticles(this.db, ids);
    this.timings.indexMs += performance.now() - t;
  }

  /**
   * Finishes the run's writes, inside its transaction: indexes the articles still pending and
   * deletes people and departments that lost their last article. Call once, at the end.
   */
  finish(): void {
    this.flushIndex();
    this.collectOrphans();
  }

  /**
   * Tells every server process which cached reader data this run made stale (CacheTagEvent, read
   * by lib/cache/edition-cache-handler.mjs at each request), inside the run's transaction: the
   * caches follow the commit, whether a server is running, reachable or configured or not.
   */
  announce(tags: readonly string[]): void {
    if (tags.length === 0) return;
    const row = cacheTagEvent(tags);
    this.s.insertTagEvent.run(row.tags, row.durations, this.now);
    this.s.pruneTagEvents.run(formatTimestamp(new Date(Date.now() - CACHE_TAG_EVENT_KEEP_MS)));
  }

  /** Deletes people and departments that lost their last article in this run. */
  private collectOrphans(): { people: number; departments: number } {
    let people = 0;
    let departments = 0;
    for (const id of this.touchedPeople) people += this.s.deletePersonIfUnused.run(id, id).changes;
    for (const id of this.touchedDepartments) departments += this.s.deleteDepartmentIfUnused.run(id, id).changes;
    this.touchedPeople.clear();
    this.touchedDepartments.clear();
    // Cached ids may now name deleted rows.
    this.people.clear();
    this.departments.clear();
    return { people, departments };
  }

  private pageColumns(source: PageSource) {
    return {
      name: source.name,
      sourceFile: source.sourceFile,
      sourceSha256: source.sourceSha256,
      rawText: source.rawText,
      encoding: source.parsed.encoding,
      parsed: JSON.stringify(source.parsed),
      parseOptions: source.parseOptions,
      warnings: JSON.stringify(source.parsed.warnings),
    };
  }

  /**
   * Removes a page's articles (from the search index first, while their rows exist) and ads, and
   * remembers their people and departments for collectOrphans. Returns the removed articles'
   * createdAt by public id: an article that comes back keeps its first-import time.
   */
  private clearContent(pageId: number): Map<string, string> {
    const old = this.s.articlesOfPage.all(pageId) as { id: number; publicId: string; createdAt: string }[];
    if (old.length) {
      const t = performance.now();
      this.indexer.removeFromIndex(this.db, old.map((a) => a.id));
      this.timings.indexMs += performance.now() - t;
    }
    for (const { id } of this.s.peopleOfPage.all(pageId) as { id: number }[]) this.touchedPeople.add(id);
    for (const { id } of this.s.departmentsOfPage.all(pageId) as { id: number }[]) this.touchedDepartments.add(id);
    // ON DELETE CASCADE removes bylines and department links.
    this.s.deleteArticles.run(pageId);
    this.s.deleteAds.run(pageId);
    return new Map(old.map((a) => [a.publicId, a.createdAt]));
  }

  /** Inserts a page's articles (with bylines and departments) and ads, and queues the articles for the search index. */
  private writeContent(
    issue: IssueState,
    pageId: number,
    pageNumber: number,
    parsed: ParsedPage,
    published: boolean,
    createdAt: ReadonlyMap<string, string>,
    placements?: readonly Placement[],
  ): number {
    const ids: number[] = [];
    for (const [i, record] of toArticleRecords(parsed, issue.date, pageNumber).entries()) {
      const placed = placements?.[i];
      const publicId = placed?.publicId ?? record.publicId;
      const { id } = this.s.insertArticle.get({
        publicId,
        pageId,
        issueId: issue.id,
        issueDate: issue.date,
        pageNumber,
        order: record.order,
        label: record.label,
        kicker: record.kicker,
        title: record.title,
        subtitle: record.subtitle,
        datelineDate: record.datelineDate,
        category: record.category,
        categoryEvidence: record.categoryEvidence,
        blocks: record.blocks,
        plainText: record.plainText,
        charCount: record.charCount,
        published: published ? 1 : 0,
        anchorLine: anchorLine(parsed.articles[i]!),
        correctedAt: placed?.correctedAt ?? null,
        createdAt: createdAt.get(publicId) ?? this.now,
        now: this.now,
      }) as { id: number };
      ids.push(id);
      record.bylines.forEach((byline, order) => {
        this.s.insertByline.run(id, this.personId(byline.name), byline.role, order);
      });
      record.departments.forEach((name, rank) => {
        this.s.insertArticleDepartment.run(id, this.departmentId(name), rank);
      });
    }
    parsed.ads.forEach((ad, i) => {
      this.s.insertAd.run(pageId, i + 1, JSON.stringify(ad.lines), JSON.stringify(ad.sourceLines));
    });
    this.pendingIndex.push(...ids);
    if (this.pendingIndex.length >= INDEX_BATCH) this.flushIndex();
    return ids.length;
  }

  private personId(name: string): number {
    let id = this.people.get(name);
    if (id === undefined) {
      const row = this.s.personByName.get(name) as { id: number } | undefined;
      id = row?.id ?? (this.s.insertPerson.get(name) as { id: number }).id;
      this.people.set(name, id);
    }
    return id;
  }

  /** The department's id, created (or its gazetteer entry refreshed) on first use in the run. */
  private departmentId(name: string): number {
    let id = this.departments.get(name);
    if (id === undefined) {
      const info = this.describeDepartment(name);
      const aliases = JSON.stringify(info.aliases);
      const row = this.s.departmentByName.get(name) as { id: number; kind: string; aliases: string } | undefined;
      if (!row) id = (this.s.insertDepartment.get(name, name, info.kind, aliases) as { id: number }).id;
      else {
        id = row.id;
        if (row.kind !== info.kind || row.aliases !== aliases) this.s.updateDepartment.run(info.kind, aliases, id);
      }
      this.departments.set(name, id);
    }
    return id;
  }
}

/** Where an article of a re-materialised page goes: its public id, and when it was corrected. */
export interface Placement {
  publicId: string;
  correctedAt: string | null;
}

interface PreviousArticle {
  publicId: string;
  anchorLine: number | null;
  title: string;
  kicker: string | null;
  label: string | null;
  subtitle: string | null;
  blocks: string;
  correctedAt: string | null;
}

/** What readers read of an article: a change here is a correction (更正). */
function fingerprint(a: { title: string; kicker: string | null; label: string | null; subtitle: string | null; blocks: string }): string {
  return JSON.stringify([a.label, a.kicker, a.title, a.subtitle, (JSON.parse(a.blocks) as { type: string; text: string }[]).map((b) => [b.type, b.text])]);
}

/**
 * Public ids for the articles of an edited page. An article whose anchor line (first head line)
 * was an article's before keeps that article's id; a new one takes the id of its reading order
 * when that is free, else the next unused number on the page. Every id that disappears redirects
 * to the article now holding its anchor line (or its first block's line). Pure.
 */
export function placeArticles(
  date: string,
  pageNumber: number,
  effective: ParsedPage,
  previous: readonly PreviousArticle[],
  /** Addresses of the page that redirect now, with the anchor line of the article they had. */
  redirectSources: ReadonlyMap<string, number | null>,
  correctedNow: string | null,
): { articles: Placement[]; redirects: Map<string, { to: string; anchor: number | null }> } {
  const byAnchor = new Map(previous.filter((p) => p.anchorLine !== null).map((p) => [p.anchorLine!, p]));
  const taken = new Set<string>();
  const ids: (string | null)[] = effective.articles.map((a) => {
    const prev = byAnchor.get(anchorLine(a) ?? -1);
    if (prev && !taken.has(prev.publicId)) {
      taken.add(prev.publicId);
      return prev.publicId;
    }
    return null;
  });
  // An article an undo brings back takes back the address it had.
  ids.forEach((id, i) => {
    if (id) return;
    const anchor = anchorLine(effective.articles[i]!);
    const back = [...redirectSources].find(([from, a]) => a !== null && a === anchor && !taken.has(from))?.[0];
    if (back) {
      taken.add(back);
      ids[i] = back;
    }
  });
  // Rows written before anchors were recorded: the same title is the same article.
  ids.forEach((id, i) => {
    if (id) return;
    const prev = previous.find((p) => p.anchorLine === null && !taken.has(p.publicId) && p.title === effective.articles[i]!.title);
    if (prev) {
      taken.add(prev.publicId);
      ids[i] = prev.publicId;
    }
  });
  // Numbers no article of the page may take again: those kept, those of articles that are gone
  // (they redirect), and those that already redirect.
  const reserved = new Set<string>([...taken, ...previous.map((p) => p.publicId), ...redirectSources.keys()]);
  let next = 1;
  const fresh = (order: number) => {
    const own = formatPublicId(date, pageNumber, order);
    if (!reserved.has(own)) return own;
    while (reserved.has(formatPublicId(date, pageNumber, next))) next++;
    return formatPublicId(date, pageNumber, next);
  };
  const records = toArticleRecords(effective, date, pageNumber);
  const articles: Placement[] = effective.articles.map((_, i) => {
    const publicId = ids[i] ?? fresh(i + 1);
    reserved.add(publicId);
    const prev = previous.find((p) => p.publicId === publicId);
    const record = records[i]!;
    const changed = !prev || fingerprint(prev) !== fingerprint(record);
    return { publicId, correctedAt: changed && correctedNow && prev ? correctedNow : (prev?.correctedAt ?? null) };
  });
  const redirects = new Map<string, { to: string; anchor: number | null }>();
  const kept = new Set(articles.map((a) => a.publicId));
  for (const prev of previous) {
    if (kept.has(prev.publicId)) continue;
    const line = prev.anchorLine ?? (JSON.parse(prev.blocks) as { sourceLines: number[] }[])[0]?.sourceLines[0];
    const holder = effective.articles.findIndex((a) => a.headLines.includes(line ?? -1) || a.blocks.some((b) => b.sourceLines.includes(line ?? -1)));
    const to = articles[holder >= 0 ? holder : 0]?.publicId;
    if (to) redirects.set(prev.publicId, { to, anchor: prev.anchorLine });
  }
  return { articles, redirects };
}
