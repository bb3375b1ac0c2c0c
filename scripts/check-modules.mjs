/**
 * `npm run check`: the whole project type-checks (`tsc --noEmit`, tests and scripts included) and
 * keeps to its module map (dependency-cruiser with .dependency-cruiser.cjs: no import cycle, no
 * arrow up a layer, SQLite-only code in one module). Run by `npm test` before the unit tests, so a
 * cycle or a back-arrow fails the tests like a broken assertion does.
 */
import { run, runMain, step } from "./lib/bootstrap.mjs";

await runMain("check", async () => {
  step("Types (tsc --noEmit)");
  run("npx", ["tsc", "--noEmit", "-p", "tsconfig.json"], { what: "tsc" });
  step("Module map (dependency-cruiser)");
  run("npx", ["depcruise", "app", "components", "lib", "scripts", "bench", "tests", "proxy.ts", "instrumentation.ts", "next.config.ts", "--config", ".dependency-cruiser.cjs", "--output-type", "err"], {
    what: "dependency-cruiser",
  });
});
