/** `npm run db:migration:new -- <name>`: writes the next migration from the change to schema.prisma. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createMigration } from "../lib/db/migrations";

const name = process.argv.slice(2).find((a) => !a.startsWith("-"));
if (!name) {
  console.error("用法: npm run db:migration:new -- <name>   (e.g. add_issue_note)");
  process.exit(1);
}
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "epaper-migration-"));
try {
  const dir = await createMigration(name, path.join(scratch, "scratch.db"));
  if (dir) console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  else console.log("schema.prisma and the migrations agree: no migration written.");
} catch (err) {
  console.error(`db:migration:new failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
