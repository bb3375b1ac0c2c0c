/** `npm run db:generate`: generates the Prisma client offline (see scripts/lib/bootstrap.mjs). */
import fs from "node:fs";
import path from "node:path";
import { ROOT, ensurePrismaClient, runMain } from "./lib/bootstrap.mjs";

await runMain("db:generate", async () => {
  fs.rmSync(path.join(ROOT, "lib", "generated", "prisma", ".epaper-generate-stamp"), { force: true });
  ensurePrismaClient();
});
