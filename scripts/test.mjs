/**
 * `npm test`: install what is missing (npm packages, Debian's Chromium, CJK fonts and nginx), then check
 * types and the module map (scripts/check-modules.mjs), run the unit tests (vitest) and the browser tests (Playwright against a production build on a free port
 * with its own throw-away database). Exits non-zero if any step or test fails.
 */
import fs from "node:fs";
import { ensureDependencies, ensurePrismaClient, ensureSiteCss, run, runMain, step, StepError } from "./lib/bootstrap.mjs";

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

function debInstalled(pkg) {
  try {
    run("dpkg-query", ["-W", "-f=${Status}", pkg], { quiet: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Debian's Chromium (Playwright cannot download its own here), a CJK font for readable screenshots,
 * and nginx for the test of a shared cache in front (tests/e2e/nginx.spec.ts).
 */
function ensureBrowser() {
  const missing = [];
  if (!fs.existsSync(CHROMIUM)) missing.push("chromium");
  if (!debInstalled("fonts-noto-cjk")) missing.push("fonts-noto-cjk");
  if (!fs.existsSync("/usr/sbin/nginx")) missing.push("nginx-light");
  if (missing.length === 0) return;
  step(`Installing ${missing.join(" and ")} from Debian (apt-get)`);
  const sudo = process.getuid?.() === 0 ? [] : ["sudo"];
  const apt = (args) =>
    sudo.length ? run("sudo", ["apt-get", ...args], { what: `apt-get ${args[0]}` }) : run("apt-get", args, { what: `apt-get ${args[0]}` });
  try {
    apt(["update", "-qq"]);
    apt(["install", "-y", "-qq", "--no-install-recommends", ...missing]);
  } catch (err) {
    throw new StepError(`could not install ${missing.join(", ")} with apt-get: ${err.message}`);
  }
  if (!fs.existsSync(CHROMIUM)) throw new StepError(`Chromium is still missing at ${CHROMIUM}`);
}

await runMain("npm test", async () => {
  ensureDependencies();
  ensureBrowser();
  ensurePrismaClient();
  ensureSiteCss();
  step("Types and module map (npm run check)");
  run("node", ["scripts/check-modules.mjs"], { what: "npm run check" });
  step("Unit tests (vitest)");
  run("npx", ["vitest", "run"], { what: "vitest" });
  step("Browser tests (Playwright, Debian Chromium)");
  run("npx", ["playwright", "test"], { what: "playwright" });
});
