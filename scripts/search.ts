/**
 * `npm run -s search -- "<query>" [--department D] [--category C] [--from D] [--to D]
 *   [--person P] [--page-name N] [--sort relevance|date] [--page N] [--drafts] [--json] [-- words]`
 *
 * Words of the query may be separate arguments; "-税务" and "-PPT" exclude, anywhere (or after "--").
 *
 * Searches DATABASE_URL from the shell. With --json prints exactly what GET /api/search answers
 * (SearchResponse, lib/search/query.ts); otherwise one line per result. --drafts includes
 * unpublished articles (editors). Bad arguments exit with status 2 and a message.
 */
import { parseArgs } from "node:util";
import { openSqlite } from "../lib/db/sqlite";
import { searchArticles } from "../lib/search/query";
import { searchParamsSchema } from "../lib/validations/search";

function fail(message: string): never {
  console.error(`search: ${message}`);
  process.exit(2);
}

const options = {
  department: { type: "string" },
  category: { type: "string" },
  from: { type: "string" },
  to: { type: "string" },
  person: { type: "string" },
  "page-name": { type: "string" },
  sort: { type: "string" },
  page: { type: "string" },
  drafts: { type: "boolean", default: false },
  json: { type: "boolean", default: false },
} as const;

// "-税务" or "-PPT" (an exclusion) is a word of the query, not an option: the CLI has no short
// options, so every argument of one "-" and more (not an option's value) is moved after "--" for
// parseArgs. Arguments after a "--" of the caller's are left as they are.
const argv = process.argv.slice(2);
const takesValue = (a: string) => a.startsWith("--") && !a.includes("=") && (options as Record<string, { type: string }>)[a.slice(2)]?.type === "string";
const split = argv.indexOf("--");
const head = split < 0 ? argv : argv.slice(0, split);
const words: string[] = [];
const rest: string[] = [];
head.forEach((a, i) => (/^-[^-]/.test(a) && !(i > 0 && takesValue(head[i - 1]!)) ? words : rest).push(a));
const args = [...rest, "--", ...words, ...(split < 0 ? [] : argv.slice(split + 1))];

let cli: ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>;
try {
  cli = parseArgs({ args, options, allowPositionals: true });
} catch (err) {
  fail((err as Error).message);
}
const { values, positionals } = cli;
const parsed = searchParamsSchema.safeParse({
  q: positionals.join(" "),
  department: values.department,
  category: values.category,
  from: values.from,
  to: values.to,
  person: values.person,
  pageName: values["page-name"],
  sort: values.sort,
  page: values.page,
});
if (!parsed.success) fail(parsed.error.issues.map((i) => `${i.path.join(".") || "query"}: ${i.message}`).join("; "));

const db = openSqlite();
const res = searchArticles(db, { ...parsed.data, includeDrafts: values.drafts });
db.close();
if (values.json) {
  process.stdout.write(`${JSON.stringify(res, null, 2)}\n`);
} else {
  const strip = (html: string) => html.replace(/<\/?mark>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
  console.log(`${res.total} 篇${res.unknownDepartment ? "(没有这个部门)" : ""},第 ${res.page}/${Math.max(1, res.pageCount)} 页,${res.tookMs} ms`);
  if (res.ignoredTerms?.length) console.log(`检索词过多,未参与检索:${res.ignoredTerms.join(" ")}`);
  const reachable = res.reachable ?? res.total;
  if (reachable < res.total) console.log(`按相关度只排列最新的 ${reachable} 篇;--sort date 可列出全部`);
  for (const r of res.results) {
    console.log(`${r.issueDate} ${String(r.pageNumber).padStart(2, "0")}版  ${r.title}  ${r.url}`);
    console.log(`    ${strip(r.snippet)}`);
  }
  if (res.suggestions.departments.length) console.log(`部门:${res.suggestions.departments.map((d) => d.name).join("、")}`);
}
