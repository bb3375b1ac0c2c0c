/**
 * `npm run check`: the whole project type-checks (`tsc --noEmit`, tests and scripts included),
 * keeps to its module map (dependency-cruiser with .dependency-cruiser.cjs: no import cycle, no
 * arrow up a layer, SQLite-only code in one module) and has no dead code (knip with knip.json: no
 * unused export, file or dependency, no package imported but not listed). Run by `npm test` before
 * the unit tests, so a cycle, a back-arrow or a dead export fails the tests like a broken assertion
 * does.
 *
 * knip.json's ignoreDependencies (JSON has no comments, so the reasons are here): @prisma/client
 * is imported only by the generated client in lib/generated (git-ignored, so knip never reads
 * it); dependency-cruiser runs as `npx depcruise` above; @prisma/driver-adapter-utils
 * (lib/db/migrations.ts) and chrome-launcher (scripts/lighthouse.mjs) are imported but arrive
 * through @prisma/adapter-better-sqlite3 and lighthouse, which pin the versions they work with.
 */
import { run, runMain, step } from "./lib/bootstrap.mjs";

await runMain("check", async () => {
  step("Types (tsc --noEmit)");
  run("npx", ["tsc", "--noEmit", "-p", "tsconfig.json"], { what: "tsc" });
  step("Module map (dependency-cruiser)");
  run("npx", ["depcruise", "app", "components", "lib", "scripts", "bench", "tests", "proxy.ts", "instrumentation.ts", "next.config.ts", "--config", ".dependency-cruiser.cjs", "--output-type", "err"], {
    what: "dependency-cruiser",
  });
  step("Dead exports (knip)");
  run("npx", ["knip", "--no-progress"], { what: "knip" });
});
