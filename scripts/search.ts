/**
 * `npm run -s search -- "<query>" [--department D] [--category C] [--from D] [--to D]
 *   [--person P] [--page-name N] [--sort relevance|date] [--page N] [--drafts] [--json]`
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

// "-税务" (an exclusion) is a word of the query, not an option: pass such arguments after "--".
const argv = process.argv.slice(2);
const isExclusion = (a: string) => /^-[^-a-z]/i.test(a) && !/^-[a-z]$/i.test(a);
const args = argv.includes("--") ? argv : [...argv.filter((a) => !isExclusion(a)), "--", ...argv.filter(isExclusion)];

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
  for (const r of res.results) {
    console.log(`${r.issueDate} ${String(r.pageNumber).padStart(2, "0")}版  ${r.title}  ${r.url}`);
    console.log(`    ${strip(r.snippet)}`);
  }
  if (res.suggestions.departments.length) console.log(`部门:${res.suggestions.departments.map((d) => d.name).join("、")}`);
}
