/**
 * A deterministic synthetic archive for the search benchmark, written straight into the edition
 * tables (much faster than generating and parsing page files for 300,000 articles): the sample
 * edition's articles (tests/fixtures/pages/*.expected.json) recombined — a head from one article,
 * paragraphs from any, other places and numbers swapped in — over consecutive days (96 articles
 * an issue, 8 pages of 12), with departments from the gazetteer, all seven categories, a few hundred
 * people and 2% drafts.
 *
 *   const pool = loadPool();
 *   writeCorpus(db, pool, { articles: 300_000 });
 */
import fs from "node:fs";
import path from "node:path";
import type { SqliteDb } from "../../lib/db/sqlite";
import { createRandom } from "../lib/generate-edition";

const ROOT = path.resolve(import.meta.dirname, "../..");
const FIXTURES = ["tests/fixtures/pages/seed-2026-04-08.expected.json", "tests/fixtures/pages/seed-2025-12-27.expected.json"];
const GAZETTEER = "data/papers/liaocheng.json";

export const CATEGORIES = ["public-service", "courts", "food-safety", "agriculture", "education", "economy", "other"] as const;
export const PAGE_NAMES = ["要闻", "要闻", "综合", "一线微观察", "经济", "民生", "法治", "文化"];
const PLACES = ["聊城", "临清", "东昌府区", "阳谷", "莘县", "东阿", "冠县", "高唐", "茌平"];
const SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段";
const GIVEN = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平", "刚", "文斌", "海波", "晓翠", "永伟", "立明", "旭光", "金路", "莎莎", "海燕"];

export const ARTICLES_PER_ISSUE = 96;
export const PAGES_PER_ISSUE = 8;
export const FIRST_DAY = "2018-01-01";

export interface PoolArticle {
  title: string;
  label: string | null;
  kicker: string | null;
  subtitle: string | null;
  category: string;
  paragraphs: string[];
}

export interface Pool {
  articles: PoolArticle[];
  paragraphs: string[];
  departments: { name: string; kind: string; aliases: string[] }[];
}

/** The sample's articles and paragraphs, and the gazetteer's departments. */
export function loadPool(): Pool {
  const articles: PoolArticle[] = [];
  for (const file of FIXTURES) {
    const page = JSON.parse(fs.readFileSync(path.join(ROOT, file), "utf8")) as {
      articles: { title: string; label: string | null; kicker: string | null; subtitle: string | null; category: string; blocks: { type: string; text: string }[] }[];
    };
    for (const a of page.articles) {
      const paragraphs = a.blocks.filter((b) => b.type === "paragraph" && b.text.length >= 30).map((b) => b.text);
      if (paragraphs.length) articles.push({ title: a.title, label: a.label, kicker: a.kicker, subtitle: a.subtitle, category: a.category, paragraphs });
    }
  }
  const gazetteer = JSON.parse(fs.readFileSync(path.join(ROOT, GAZETTEER), "utf8")) as { departments: Pool["departments"] };
  return { articles, paragraphs: articles.flatMap((a) => a.paragraphs), departments: gazetteer.departments };
}

export { createRandom };

export const pick = <T>(random: () => number, xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

/** Another place for 聊城 now and then, and other numbers, so recombined text is not all alike. */
function vary(random: () => number, text: string): string {
  const place = random() < 0.5 ? pick(random, PLACES) : "聊城";
  const out = place === "聊城" ? text : text.replaceAll("聊城", place);
  return out.replace(/\d+/g, (d) => (random() < 0.5 ? d : String(Math.floor(random() * 10 ** d.length)).padStart(d.length, "1")));
}

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export interface CorpusStats {
  articles: number;
  issues: number;
  firstDate: string;
  lastDate: string;
  bodyChars: number;
}

/** Writes `articles` articles (and their issues, pages, people, departments) into an empty, migrated database. */
export function writeCorpus(db: SqliteDb, pool: Pool, options: { articles: number; seed?: number; onProgress?: (done: number) => void }): CorpusStats {
  const random = createRandom(options.seed ?? 20260408);
  const now = new Date().toISOString();
  const insertDepartment = db.prepare("INSERT INTO Department (id, name, slug, kind, aliases) VALUES (?, ?, ?, ?, ?)");
  const insertPerson = db.prepare("INSERT INTO Person (id, name) VALUES (?, ?)");
  const insertIssue = db.prepare("INSERT INTO Issue (id, date, number, status, publishedAt, updatedAt) VALUES (?, ?, ?, 'published', ?, ?)");
  const insertPage = db.prepare(
    "INSERT INTO Page (id, issueId, number, name, sourceFile, sourceSha256, rawText, parsed, status, updatedAt) VALUES (?, ?, ?, ?, ?, '', '', '{}', 'published', ?)",
  );
  const insertArticle = db.prepare(
    `INSERT INTO Article (id, publicId, pageId, issueId, issueDate, pageNumber, "order", label, kicker, title, subtitle, category, blocks, plainText, charCount, published, updatedAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertDept = db.prepare("INSERT INTO ArticleDepartment (articleId, departmentId, rank) VALUES (?, ?, ?)");
  const insertByline = db.prepare(`INSERT INTO ArticleByline (articleId, personId, role, "order") VALUES (?, ?, ?, ?)`);

  const people: string[] = [];
  for (const s of SURNAMES) for (const g of GIVEN) if (random() < 0.25) people.push(s + g);
  let bodyChars = 0;
  let issues = 0;
  let lastDate = FIRST_DAY;

  db.transaction(() => {
    pool.departments.forEach((d, i) => insertDepartment.run(i + 1, d.name, `dept-${i + 1}`, d.kind, JSON.stringify(d.aliases)));
    people.forEach((name, i) => insertPerson.run(i + 1, name));
    const perPage = ARTICLES_PER_ISSUE / PAGES_PER_ISSUE;
    for (let id = 1; id <= options.articles; id++) {
      const n = id - 1;
      const issue = Math.floor(n / ARTICLES_PER_ISSUE) + 1;
      const inIssue = n % ARTICLES_PER_ISSUE;
      const pageNumber = Math.floor(inIssue / perPage) + 1;
      const order = (inIssue % perPage) + 1;
      const date = addDays(FIRST_DAY, issue - 1);
      const pageId = (issue - 1) * PAGES_PER_ISSUE + pageNumber;
      if (inIssue === 0) {
        insertIssue.run(issue, date, issue, now, now);
        for (let p = 1; p <= PAGES_PER_ISSUE; p++) {
          insertPage.run((issue - 1) * PAGES_PER_ISSUE + p, issue, p, PAGE_NAMES[p - 1]!, `${date}_${String(p).padStart(2, "0")}.txt`, now);
        }
        issues = issue;
        lastDate = date;
      }

      const base = pick(random, pool.articles);
      const paragraphs = [vary(random, base.paragraphs[0]!)];
      const extra = 2 + Math.floor(random() * 6);
      for (let k = 0; k < extra; k++) paragraphs.push(vary(random, pick(random, pool.paragraphs)));
      const plainText = paragraphs.join("\n");
      bodyChars += plainText.length;
      const blocks = JSON.stringify(paragraphs.map((text, k) => ({ type: "paragraph", text, sourceLines: [k + 1], flags: [] })));
      const category = random() < 0.7 ? base.category : pick(random, CATEGORIES);
      const published = random() < 0.98 ? 1 : 0;
      const publicId = `${date.replaceAll("-", "")}-${String(pageNumber).padStart(2, "0")}-${String(order).padStart(2, "0")}`;
      insertArticle.run(
        id,
        publicId,
        pageId,
        issue,
        date,
        pageNumber,
        order,
        base.label,
        base.kicker,
        vary(random, base.title),
        base.subtitle,
        category,
        blocks,
        plainText,
        plainText.replace(/\s/g, "").length,
        published,
        now,
      );
      const departments = new Set<number>();
      const count = 1 + Math.floor(random() * random() * 3);
      // A skewed choice: a few departments appear far more often than the rest, as in a real paper.
      while (departments.size < count) departments.add(1 + Math.floor(random() * random() * pool.departments.length));
      [...departments].forEach((d, rank) => insertDept.run(id, d, rank));
      const authors = 1 + Math.floor(random() * 2);
      for (let k = 0; k < authors; k++) insertByline.run(id, 1 + Math.floor(random() * people.length), k === 0 ? "reporter" : "correspondent", k);
      if (id % 10_000 === 0) options.onProgress?.(id);
    }
  })();
  return { articles: options.articles, issues, firstDate: FIRST_DAY, lastDate, bodyChars };
}
