/** `npm run -s search -- "<query>" [--department D] [--category C] [--from D] [--to D] [--sort date] [--page N] --json` */
import { parseArgs } from "node:util";
import { openSqlite } from "../lib/db/sqlite";
import { searchArticles } from "../lib/search/query";
import { searchParamsSchema } from "../lib/validations/search";

const { values, positionals } = parseArgs({
  options: {
    department: { type: "string" },
    category: { type: "string" },
    from: { type: "string" },
    to: { type: "string" },
    sort: { type: "string" },
    page: { type: "string" },
    drafts: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
  },
  allowPositionals: true,
});
const parsed = searchParamsSchema.safeParse({ ...values, q: positionals.join(" ") });
if (!parsed.success) {
  console.error(`search: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  process.exit(1);
}
const db = openSqlite();
const res = searchArticles(db, { ...parsed.data, includeDrafts: values.drafts });
if (values.json) process.stdout.write(JSON.stringify(res, null, 2) + "\n");
else {
  console.log(`${res.total} 篇`);
  for (const r of res.results) console.log(`${r.issueDate} ${String(r.pageNumber).padStart(2, "0")}版  ${r.title}  /articles/${r.publicId}`);
}
