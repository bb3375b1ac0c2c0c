/**
 * A plain better-sqlite3 connection for bulk work (the import, the search index, benchmarks),
 * where one SQLite transaction over prepared statements is both the all-or-nothing guarantee and
 * the speed. Reader pages go through the Prisma client in lib/db/client.ts.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { DEFAULT_DATABASE_URL } from "../env-defaults";
import { sqlitePathFromUrl } from "./sqlite-path";

export type SqliteDb = Database.Database;

/** Opens the database named by `url` (default: DATABASE_URL) in WAL mode with a busy timeout. */
export function openSqlite(url: string = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL): SqliteDb {
  const db = new Database(sqlitePathFromUrl(url), { timeout: 5000 });
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  db.pragma("synchronous = NORMAL");
  return db;
}

/**
 * Everything below is SQLite-only maintenance (WAL checkpoints, online backup, restore): kept in
 * this one module so a second database engine has one place to replace.
 */

/** What `PRAGMA wal_checkpoint` reported: busy when readers kept it from finishing. */
export interface CheckpointResult {
  busy: boolean;
  /** Frames in the WAL before it was reset (-1 when the database is not in WAL mode). */
  walFrames: number;
}

/**
 * Copies the WAL into the database file and truncates it to zero bytes. Without this a large
 * import leaves a WAL as big as everything it wrote (SQLite's automatic checkpoints reuse the
 * file but never shrink it), and a plain copy of the database file misses what is only in it.
 * TRUNCATE waits for readers still using the WAL; the wait is capped at `waitMs` (the site's
 * readers run short statements) so the writer — possibly the server's own thread — is never held
 * long. A checkpoint that could not finish is harmless: the next one completes it.
 */
export function checkpointWal(db: SqliteDb, waitMs = 1000): CheckpointResult {
  // Inside a transaction the WAL cannot be reset; the caller's commit is not ours to force.
  if (db.inTransaction) return { busy: true, walFrames: -1 };
  const previous = db.pragma("busy_timeout", { simple: true }) as number;
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(waitMs))}`);
  try {
    const [row] = db.pragma("wal_checkpoint(TRUNCATE)") as { busy: number; log: number; checkpointed: number }[];
    return { busy: (row?.busy ?? 0) !== 0, walFrames: row?.log ?? -1 };
  } finally {
    db.pragma(`busy_timeout = ${previous}`);
  }
}

/** A backup or restore refused or failed; the message says what, where, and what to do. */
export class SqliteMaintenanceError extends Error {
  override name = "SqliteMaintenanceError";
}

/** What a database file holds, as far as a restore cares. */
export interface DatabaseCheck {
  /** Migrations recorded as applied (finished and not rolled back), in order. */
  migrations: string[];
  issues: number;
  pages: number;
  articles: number;
}

const SQLITE_HEADER = "SQLite format 3\u0000";

/** Fsyncs a file or directory (a rename is durable only once its directory is synced). */
function fsyncPath(p: string): void {
  const fd = fs.openSync(p, "r");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function removeWithSidecars(file: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
}

/**
 * Takes a consistent copy of a live database into `destination` with `VACUUM INTO`: one read
 * transaction, so the copy is the database as of one instant, WAL included, while other
 * connections go on reading and writing (SQLite's backup API would restart its copy on every
 * write another connection makes, and might never finish on a busy desk). The copy is written
 * under a temporary name, fsynced and checked before it takes its name, so a file with that name
 * is always a complete backup. Refuses to overwrite an existing file.
 */
export function backupDatabase(sourceFile: string, destination: string): DatabaseCheck & { bytes: number } {
  if (!fs.existsSync(sourceFile)) throw new SqliteMaintenanceError(`no database at ${sourceFile} (check DATABASE_URL)`);
  if (fs.existsSync(destination)) throw new SqliteMaintenanceError(`${destination} already exists; name a new file (a backup never overwrites one)`);
  const dir = path.dirname(path.resolve(destination));
  if (!fs.existsSync(dir)) throw new SqliteMaintenanceError(`the folder ${dir} does not exist`);
  const partial = `${destination}.partial-${process.pid}`;
  removeWithSidecars(partial);
  const source = new Database(sourceFile, { fileMustExist: true, timeout: 5000 });
  try {
    source.prepare("VACUUM INTO ?").run(partial);
  } catch (err) {
    removeWithSidecars(partial);
    throw new SqliteMaintenanceError(`could not copy ${sourceFile}: ${(err as Error).message}`, { cause: err });
  } finally {
    source.close();
  }
  try {
    const check = checkDatabaseFile(partial);
    fsyncPath(partial);
    fs.renameSync(partial, destination);
    fsyncPath(dir);
    return { ...check, bytes: fs.statSync(destination).size };
  } catch (err) {
    removeWithSidecars(partial);
    throw err;
  }
}

/**
 * Checks that `file` is a sound database of this site: a SQLite file, `PRAGMA integrity_check`
 * clean, and (when `expectedMigrations` is given) exactly the migrations this code has applied —
 * no fewer (the copy must be migrated first) and none unknown (it comes from a newer version).
 * Opens the file read-write (a WAL database cannot be opened read-only without its -shm) but
 * changes nothing in it. `name` is the file as messages call it.
 */
export function checkDatabaseFile(file: string, expectedMigrations?: readonly string[], name = file): DatabaseCheck {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new SqliteMaintenanceError(`${name}: no such file`);
  const head = Buffer.alloc(16);
  const fd = fs.openSync(file, "r");
  const read = fs.readSync(fd, head, 0, 16, 0);
  fs.closeSync(fd);
  if (read < 16 || head.toString("latin1") !== SQLITE_HEADER) throw new SqliteMaintenanceError(`${name} is not a SQLite database (its first bytes are not "SQLite format 3")`);
  let db: SqliteDb;
  try {
    db = new Database(file, { fileMustExist: true, timeout: 5000 });
  } catch (err) {
    throw new SqliteMaintenanceError(`${name}: cannot be opened: ${(err as Error).message}`, { cause: err });
  }
  try {
    let problems: string[];
    try {
      problems = db.prepare("PRAGMA integrity_check(20)").pluck().all() as string[];
    } catch (err) {
      throw new SqliteMaintenanceError(`${name} is damaged: ${(err as Error).message}`, { cause: err });
    }
    if (problems.length !== 1 || problems[0] !== "ok") {
      throw new SqliteMaintenanceError(`${name} fails PRAGMA integrity_check:\n  ${problems.join("\n  ")}`);
    }
    const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
    for (const t of ["_prisma_migrations", "Issue", "Page", "Article"]) {
      if (!tables.has(t)) throw new SqliteMaintenanceError(`${name} is not a database of this site (it has no ${t} table)`);
    }
    const migrations = db
      .prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name")
      .pluck()
      .all() as string[];
    if (expectedMigrations) {
      const have = new Set(migrations);
      const known = new Set(expectedMigrations);
      const missing = expectedMigrations.filter((m) => !have.has(m));
      const unknown = migrations.filter((m) => !known.has(m));
      if (unknown.length) {
        throw new SqliteMaintenanceError(`${name} has migrations this version of the site does not know (${unknown.join(", ")}): it comes from a newer version; restore it with that version`);
      }
      if (missing.length) {
        throw new SqliteMaintenanceError(
          `${name} lacks ${missing.length} migration(s) (${missing.join(", ")}): it comes from an older version. Bring a copy up to date ` +
            `first (cp ${name} upgraded.db && DATABASE_URL=file:./upgraded.db npm run db:migrate), then restore that copy`,
        );
      }
    }
    const count = (table: string) => db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number;
    return { migrations, issues: count("Issue"), pages: count("Page"), articles: count("Article") };
  } finally {
    db.close();
  }
}

/**
 * Puts a backup in place of the database at `targetFile`, after checking it (checkDatabaseFile).
 * The current database is moved aside (`<target>.before-restore-<time>`, WAL folded in first so
 * the moved file is complete on its own), never deleted.
 *
 * Refuses while anything else has the database open — the site's server (which holds it open
 * from start: its scheduler reads it at once), an import, a shell: switching it out of WAL mode
 * needs every other connection closed, so SQLite's own lock is the test, and it cannot be fooled
 * by a stale pid file. Replacing a file under an open connection would have that process write
 * into the moved-aside file, or corrupt the restored one.
 */
export function restoreDatabase(backupFile: string, targetFile: string, expectedMigrations: readonly string[]): DatabaseCheck & { movedAside: string | null } {
  if (path.resolve(backupFile) === path.resolve(targetFile)) throw new SqliteMaintenanceError(`${backupFile} is the database itself`);
  const dir = path.dirname(path.resolve(targetFile));
  if (!fs.existsSync(dir)) throw new SqliteMaintenanceError(`the folder ${dir} does not exist`);
  // Checked as a copy beside the target: what is checked is what is put in place, and the final
  // rename is atomic (same file system).
  const incoming = `${targetFile}.restoring-${process.pid}`;
  removeWithSidecars(incoming);
  if (!fs.existsSync(backupFile) || !fs.statSync(backupFile).isFile()) throw new SqliteMaintenanceError(`${backupFile}: no such file`);
  let check: DatabaseCheck;
  try {
    fs.copyFileSync(backupFile, incoming);
    check = checkDatabaseFile(incoming, expectedMigrations, backupFile);
    // Leave it as the site expects it (WAL); closing the last connection removes -wal and -shm.
    const db = new Database(incoming, { fileMustExist: true });
    db.pragma("journal_mode = WAL");
    db.close();
    fsyncPath(incoming);
  } catch (err) {
    removeWithSidecars(incoming);
    if (err instanceof SqliteMaintenanceError) throw err;
    throw new SqliteMaintenanceError(`${backupFile}: ${(err as Error).message}`, { cause: err });
  }

  let movedAside: string | null = null;
  try {
    if (fs.existsSync(targetFile)) {
      closeOutWal(targetFile);
      const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
      movedAside = `${targetFile}.before-restore-${stamp}`;
      fs.renameSync(targetFile, movedAside);
      // Nothing should be left beside it (closeOutWal removed the WAL); anything that is goes with it.
      for (const suffix of ["-wal", "-shm", "-journal"]) if (fs.existsSync(targetFile + suffix)) fs.renameSync(targetFile + suffix, movedAside + suffix);
    }
    fs.renameSync(incoming, targetFile);
    fsyncPath(dir);
  } catch (err) {
    removeWithSidecars(incoming);
    if (err instanceof SqliteMaintenanceError) throw err;
    throw new SqliteMaintenanceError(`could not put the backup in place of ${targetFile}: ${(err as Error).message}`, { cause: err });
  }
  return { ...check, movedAside };
}

/**
 * Folds the WAL of `file` into it and leaves it in rollback-journal mode, or refuses when another
 * connection has it open (SQLite only leaves WAL mode with no other connection).
 */
function closeOutWal(file: string): void {
  let db: SqliteDb;
  try {
    db = new Database(file, { fileMustExist: true, timeout: 0 });
  } catch (err) {
    throw new SqliteMaintenanceError(`${file}: cannot be opened: ${(err as Error).message}`, { cause: err });
  }
  try {
    let mode: unknown;
    try {
      mode = db.pragma("journal_mode = DELETE", { simple: true });
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === "SQLITE_BUSY" || code === "SQLITE_LOCKED") mode = "busy";
      else throw new SqliteMaintenanceError(`${file}: ${(err as Error).message}`, { cause: err });
    }
    if (mode !== "delete") {
      throw new SqliteMaintenanceError(
        `${file} is in use by another program (the site's server, an import, a shell?): stop the server first, then restore. Nothing was changed.`,
      );
    }
  } finally {
    db.close();
  }
}
