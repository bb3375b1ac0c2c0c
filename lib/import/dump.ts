/**
 * A deterministic text dump of a whole database: schema, then every table's rows ordered by all
 * columns. Two dumps are equal exactly when the databases hold the same data, which is how the
 * tests prove "importing twice changes nothing" and "a killed import leaves no trace".
 */
import type { SqliteDb } from "@/lib/db/sqlite";

function formatValue(value: unknown): unknown {
  if (Buffer.isBuffer(value)) return { hex: value.toString("hex") };
  if (typeof value === "bigint") return value.toString();
  return value;
}

/**
 * Dumps schema and rows. Virtual tables (FTS5) are skipped: their shadow tables, which hold the
 * index itself, are ordinary tables and are dumped. `exclude` names tables to leave out.
 */
export function dumpDatabase(db: SqliteDb, options: { exclude?: readonly string[] } = {}): string {
  const exclude = new Set(options.exclude ?? []);
  const out: string[] = [];
  const schema = db
    .prepare(`SELECT type, name, tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name`)
    .all() as { type: string; name: string; tbl_name: string; sql: string }[];
  for (const s of schema) if (!exclude.has(s.tbl_name)) out.push(`-- ${s.type} ${s.name}\n${s.sql}`);
  const tables = schema.filter(
    (s) => s.type === "table" && !exclude.has(s.name) && !/^CREATE VIRTUAL TABLE/i.test(s.sql),
  );
  for (const { name } of tables) {
    const columns = (db.prepare(`PRAGMA table_info("${name}")`).all() as { name: string }[]).map((c) => c.name);
    const order = columns.map((_, i) => i + 1).join(", ");
    const rows = db.prepare(`SELECT * FROM "${name}" ORDER BY ${order}`).raw().all() as unknown[][];
    out.push(`== ${name} (${columns.join(", ")}): ${rows.length} rows`);
    for (const row of rows) out.push(JSON.stringify(row.map(formatValue)));
  }
  return out.join("\n") + "\n";
}
