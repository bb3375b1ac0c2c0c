/**
 * Migrations without the native schema engine: Prisma's own WebAssembly schema engine driven
 * through the better-sqlite3 driver adapter. Used by `npm run db:migrate`,
 * `npm run db:migration:new` and the schema/migrations drift test. The engine's .wasm is
 * instantiated by hand (loadSchemaEngine) so no Node flag such as --experimental-wasm-modules is
 * needed, in scripts or in test workers.
 *
 * Migrations keep Prisma's layout (`prisma/migrations/<timestamp>_<name>/migration.sql` plus
 * `migration_lock.toml`) and are recorded in `_prisma_migrations`, so `prisma migrate deploy`
 * works the same on a connected machine.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

const require = createRequire(import.meta.url);

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const SCHEMA_PATH = path.join(ROOT, "prisma", "schema.prisma");
export const MIGRATIONS_DIR = path.join(ROOT, "prisma", "migrations");

/** Tables created by hand-written SQL in migrations (FTS5 search index) that schema.prisma cannot describe. */
export const EXTERNAL_TABLES = ["article_fts", "article_fts_data", "article_fts_idx", "article_fts_content", "article_fts_docsize", "article_fts_config"];

type EngineModule = typeof import("@prisma/schema-engine-wasm");
type Engine = import("@prisma/schema-engine-wasm").SchemaEngine;
type MigrationList = import("@prisma/schema-engine-wasm").MigrationList;

export { sqlitePathFromUrl } from "./sqlite-path";

export function readSchema(): string {
  return fs.readFileSync(SCHEMA_PATH, "utf8");
}

/** Loads the migrations folder in the shape the engine expects. */
export function loadMigrationList(dir = MIGRATIONS_DIR): MigrationList {
  const names = fs.existsSync(dir)
    ? fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  const lockPath = path.join(dir, "migration_lock.toml");
  return {
    baseDir: dir,
    lockfile: { path: lockPath, content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: names.map((name) => {
      const file = path.join(dir, name, "migration.sql");
      // The engine records `path` as the migration's name in _prisma_migrations, as the CLI does.
      return {
        path: name,
        migrationFile: {
          path: file,
          content: fs.existsSync(file)
            ? { tag: "ok" as const, value: fs.readFileSync(file, "utf8") }
            : { tag: "error" as const, value: `missing ${file}` },
        },
      };
    }),
  };
}

let engineModule: Promise<EngineModule> | undefined;

/**
 * Does what the package's entry file does (`import * as wasm from "./schema_engine_bg.wasm"`),
 * which plain Node cannot import without an experimental flag.
 */
function loadSchemaEngine(): Promise<EngineModule> {
  engineModule ??= (async () => {
    const bg = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as unknown as EngineModule & {
      __wbg_set_wasm(exports: WebAssembly.Exports): void;
    };
    const wasmPath = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")), "schema_engine_bg.wasm");
    const { instance } = await WebAssembly.instantiate(fs.readFileSync(wasmPath), { "./schema_engine_bg.js": bg as never });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bg;
  })();
  return engineModule;
}

interface OpenEngine {
  engine: Engine;
  /** Frees the engine and closes every connection it opened (the engine itself does not). */
  close(): Promise<void>;
}

/** Opens the WebAssembly schema engine on a SQLite file (its shadow database is a scratch file). */
export async function openEngine(dbFile: string): Promise<OpenEngine> {
  const { SchemaEngine } = await loadSchemaEngine();
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  const shadowFile = `${dbFile}.shadow-${process.pid}-${Date.now()}`;
  const factory = new PrismaBetterSqlite3({ url: dbFile, timeout: 5000 }, { shadowDatabaseUrl: shadowFile });
  type Conn = Awaited<ReturnType<typeof factory.connect>>;
  const opened: Conn[] = [];
  // The engine sends a whole migration script through executeRaw when it replays migrations on the
  // shadow database; better-sqlite3 prepares one statement at a time, so run scripts as scripts.
  const track = (c: Conn): Conn => {
    opened.push(c);
    const executeRaw = c.executeRaw.bind(c);
    c.executeRaw = async (query) => {
      try {
        return await executeRaw(query);
      } catch (err) {
        if (query.args.length === 0 && err instanceof RangeError && /more than one statement/.test(err.message)) {
          await c.executeScript(query.sql);
          return 0;
        }
        throw err;
      }
    };
    return c;
  };
  const tracking = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => track(await factory.connect()),
    connectToShadowDb: async () => track(await factory.connectToShadowDb()),
  };
  const adapter = bindMigrationAwareSqlAdapterFactory(tracking as typeof factory);
  const log = (msg: string) => {
    if (process.env.DEBUG_SCHEMA_ENGINE) console.error(msg);
  };
  const engine = await SchemaEngine.new({ datamodels: [[SCHEMA_PATH, readSchema()]] }, log, adapter);
  return {
    engine,
    async close() {
      engine.free();
      await Promise.all(opened.map((c) => c.dispose().catch(() => undefined)));
      for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(shadowFile + suffix, { force: true });
    },
  };
}

function ensureLockfile(): void {
  const lock = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  if (fs.existsSync(lock)) return;
  fs.mkdirSync(MIGRATIONS_DIR, { recursive: true });
  fs.writeFileSync(
    lock,
    '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "sqlite"\n',
  );
}

const filters = { externalTables: EXTERNAL_TABLES, externalEnums: [] };

/** Applies pending migrations to `dbFile`; returns the names applied now. */
export async function applyMigrations(dbFile: string): Promise<string[]> {
  const { engine, close } = await openEngine(dbFile);
  try {
    const out = await engine.applyMigrations({ migrationsList: loadMigrationList(), filters });
    return out.appliedMigrationNames;
  } finally {
    await close();
  }
}

/**
 * The SQL that would bring a database built from the migrations up to schema.prisma;
 * empty when the two agree.
 */
export async function diffMigrationsToSchema(scratchDbFile: string): Promise<string> {
  const { engine, close } = await openEngine(scratchDbFile);
  try {
    const res = await engine.diff({
      from: { tag: "migrations", ...loadMigrationList() },
      to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: readSchema() }] },
      script: true,
      exitCode: null,
      filters,
    });
    return (res.stdout ?? "").replace(/^-- This is an empty migration\.\s*$/m, "").trim();
  } finally {
    await close();
  }
}

/** Writes `prisma/migrations/<timestamp>_<name>/migration.sql` from the change to schema.prisma. */
export async function createMigration(name: string, scratchDbFile: string): Promise<string | null> {
  ensureLockfile();
  const sql = await diffMigrationsToSchema(scratchDbFile);
  if (!sql) return null;
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const slug = name.trim().toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "") || "migration";
  const dir = path.join(MIGRATIONS_DIR, `${stamp}_${slug}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), sql.endsWith("\n") ? sql : sql + "\n");
  return dir;
}
