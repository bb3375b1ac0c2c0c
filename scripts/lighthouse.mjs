/**
 * `npm run audit:lighthouse [-- <base-url>] [--json]`
 *
 * Audits the reader's site with Lighthouse (mobile: the default form factor, simulated throttling)
 * in Debian's Chromium and prints the four category scores for the home page, a page (版面), an
 * article and a search, plus the figures behind the performance score and each page's transferred
 * bytes. It audits a server that is already running (default http://localhost:3000, i.e.
 * `npm start`): a production build, since scores of `next dev` mean nothing.
 *
 * Environment: CHROMIUM_PATH (default /usr/bin/chromium), LIGHTHOUSE_URL (default base URL).
 * Prints figures only; it never fails on a score (benchmarks are not tests).
 */
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";

const args = process.argv.slice(2);
const asJson = args.includes("--json");
const base = (args.find((a) => !a.startsWith("--")) ?? process.env.LIGHTHOUSE_URL ?? "http://localhost:3000").replace(/\/+$/, "");
const chromePath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];

function fail(message) {
  console.error(`✗ ${message}`);
  process.exit(1);
}

async function getJson(path) {
  const res = await fetch(base + path, { signal: AbortSignal.timeout(15_000) });
  if (!res.ok) throw new Error(`GET ${path} → ${res.status}`);
  return res.json();
}

/** The four URLs: the home page, the latest issue's first page, its first article, a search for a word of that article's title. */
async function pickUrls() {
  try {
    await fetch(base + "/", { signal: AbortSignal.timeout(10_000) });
  } catch {
    fail(`No server answers at ${base}. Start the site first (npm start), or pass its URL: npm run audit:lighthouse -- http://host:port`);
  }
  const { issues } = await getJson("/api/issues");
  const latest = issues[0];
  if (!latest) fail(`${base} has no published issue to audit (npm start imports the sample edition).`);
  const issue = await getJson(`/api/issues/${latest.date}`);
  const page = issue.pages[0];
  const article = page?.articles[0];
  if (!page || !article) fail(`The issue of ${latest.date} has no page with articles.`);
  const word = [...article.title.replace(/[^\p{Script=Han}A-Za-z0-9]/gu, "")].slice(0, 2).join("") || "聊城";
  return [
    { name: "home", path: "/" },
    { name: "page", path: `/issues/${issue.date}/${page.number}` },
    { name: "article", path: `/articles/${article.publicId}` },
    { name: "search", path: `/search?q=${encodeURIComponent(word)}` },
  ];
}

function score(lhr, id) {
  const s = lhr.categories[id]?.score;
  return s === null || s === undefined ? null : Math.round(s * 100);
}

function metric(lhr, id) {
  return lhr.audits[id]?.displayValue ?? "–";
}

/** Bytes transferred by type (document, stylesheet, script, other), from the network requests audit. */
function transferred(lhr) {
  const items = lhr.audits["network-requests"]?.details?.items ?? [];
  const by = { document: 0, stylesheet: 0, script: 0, other: 0 };
  for (const r of items) {
    const type = String(r.resourceType ?? "").toLowerCase();
    const key = type === "document" ? "document" : type === "stylesheet" ? "stylesheet" : type === "script" ? "script" : "other";
    by[key] += r.transferSize ?? 0;
  }
  return by;
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

async function main() {
  const urls = await pickUrls();
  const chrome = await chromeLauncher.launch({
    chromePath,
    // The background-networking flags keep Chromium from dialling out on this closed network (and from noise in the figures).
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const rows = [];
  try {
    for (const u of urls) {
      const url = base + u.path;
      process.stderr.write(`▶ ${u.name}: ${url}\n`);
      const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: CATEGORIES });
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
      const { lhr } = result;
      if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      const bytes = transferred(lhr);
      rows.push({
        name: u.name,
        url,
        performance: score(lhr, "performance"),
        accessibility: score(lhr, "accessibility"),
        bestPractices: score(lhr, "best-practices"),
        seo: score(lhr, "seo"),
        fcp: metric(lhr, "first-contentful-paint"),
        lcp: metric(lhr, "largest-contentful-paint"),
        tbt: metric(lhr, "total-blocking-time"),
        cls: metric(lhr, "cumulative-layout-shift"),
        bytes,
        htmlCssJs: bytes.document + bytes.stylesheet + bytes.script,
        failing: Object.values(lhr.audits)
          .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === "binary")
          .map((a) => a.id),
      });
    }
  } finally {
    await chrome.kill();
  }

  if (asJson) {
    console.log(JSON.stringify({ base, formFactor: "mobile", results: rows }, null, 2));
    return;
  }
  const pad = (s, n) => String(s ?? "–").padEnd(n);
  const num = (s, n) => String(s ?? "–").padStart(n);
  console.log(`\nLighthouse (mobile, simulated throttling) against ${base}\n`);
  console.log(`${pad("", 9)}${num("perf", 6)}${num("a11y", 6)}${num("best", 6)}${num("seo", 6)}   ${pad("FCP", 8)}${pad("LCP", 8)}${pad("TBT", 8)}${pad("CLS", 7)}HTML+CSS+JS  path`);
  for (const r of rows) {
    console.log(
      `${pad(r.name, 9)}${num(r.performance, 6)}${num(r.accessibility, 6)}${num(r.bestPractices, 6)}${num(r.seo, 6)}   ${pad(r.fcp, 8)}${pad(r.lcp, 8)}${pad(r.tbt, 8)}${pad(r.cls, 7)}${pad(kb(r.htmlCssJs), 13)}${r.url.slice(base.length)}`,
    );
  }
  const failing = rows.filter((r) => r.failing.length);
  if (failing.length) {
    console.log("\nFailing pass/fail audits:");
    for (const r of failing) console.log(`  ${r.name}: ${r.failing.join(", ")}`);
  }
}

main().catch((err) => fail(err instanceof Error ? err.message : String(err)));
