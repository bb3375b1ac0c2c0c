import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ArchiveMain } from "@/components/archive";
import { ArticleMain } from "@/components/article-view";
import { PageViewSection } from "@/components/page-view";
import type { ArticleView } from "@/lib/db/articles";
import type { PageView } from "@/lib/db/pages";
import type { SearchResponse } from "@/lib/search/query";
import { pageNeedsScript, READER_PAGE_SCRIPT } from "@/lib/site/html/islands";
import { renderToHtml } from "@/lib/site/html/render";
import { searchParamsSchema } from "@/lib/validations/search";
import { SearchForm } from "@/app/search/search-form";
import { SearchResults } from "@/app/search/search-results";
import { normalise } from "./same-as-react";

/**
 * Our static renderer and React DOM's own must write the same document for the site's components:
 * the same elements, attributes, text and order, up to the spelling normalise() documents.
 */
async function expectSameAsReact(node: React.ReactElement) {
  const ours = await renderToHtml(node);
  expect(normalise(ours)).toBe(normalise(renderToStaticMarkup(node)));
  return ours;
}

const article: ArticleView = {
  publicId: "20260408-01-02",
  issueDate: "2026-04-08",
  issueNumber: 1234,
  pageNumber: 1,
  pageName: "一线微观察",
  order: 2,
  label: "东昌府区人民法院",
  kicker: "“你点我检”",
  title: "司法为民<暖>人心 & “一站式”",
  subtitle: "市住房公积金管理中心服务创新",
  datelineDate: "2026-04-07",
  category: "courts",
  categoryEvidence: ["法院"],
  blocks: [
    { type: "paragraph", text: "本报讯(记者 张三)4月7日,<b>不是标签</b>。", sourceLines: [5], flags: [] },
    { type: "subhead", text: "铸魂强基\n党建引领", sourceLines: [6, 7], flags: [] },
    { type: "caption", text: "图为现场。 记者 李四 摄", sourceLines: [9], flags: [] },
  ],
  plainText: "本报讯(记者 张三)4月7日,不是标签。",
  charCount: 20,
  bylines: [
    { name: "张三", role: "reporter" },
    { name: "李四", role: "photographer" },
  ],
  departments: [{ name: "东昌府区人民法院", slug: "东昌府区人民法院", kind: "法院" }],
  prev: { publicId: "20260408-01-01", title: "潮头攻坚 实干争先", pageNumber: 1 },
  next: null,
  related: [{ publicId: "20251227-01-03", title: "相关", label: null, subtitle: null, issueDate: "2025-12-27", pageNumber: 1, category: "courts" }],
  updatedAt: new Date("2026-04-08T00:00:00Z"),
  correctedAt: null,
  pageMap: {
    articles: [
      { publicId: "20260408-01-01", order: 1, label: null, kicker: null, title: "潮头攻坚 实干争先", subtitle: "副题", charCount: 3000, captions: [] },
      { publicId: "20260408-01-02", order: 2, label: "东昌府区人民法院", kicker: "“你点我检”", title: "司法为民<暖>人心 & “一站式”", subtitle: null, charCount: 20, captions: ["图为现场。 记者 李四 摄"] },
    ],
    ads: [{ id: "ad-1", lines: ["公益广告"] }],
  },
};

const pageView: PageView = {
  issue: { date: "2026-04-08", number: 1234 },
  page: { number: 1, name: "一线微观察", rawText: "第01版:一线微观察\n\n<原文>" },
  articles: [
    { publicId: "20260408-01-01", order: 1, label: null, kicker: null, title: "潮头攻坚 实干争先", subtitle: "副题", charCount: 3000, captions: ["图为现场"] },
    { publicId: "20260408-01-02", order: 2, label: "临清市", kicker: "引题", title: "农技下沉筑牢夏粮丰收根基", subtitle: null, charCount: 900, captions: [] },
  ],
  ads: [{ id: "ad-1", lines: ["聊城日报 公益广告", "深化移风易俗 倡树文明新风"] }],
  pages: [
    { number: 1, name: "一线微观察" },
    { number: 2, name: null },
  ],
  prevPage: null,
  nextPage: 2,
  prevIssue: "2025-12-27",
  nextIssue: null,
};

describe("renderToHtml", () => {
  it("should write an article page as React DOM does", async () => {
    const html = await expectSameAsReact(<ArticleMain a={article} />);
    expect(html).toContain("司法为民&lt;暖&gt;人心 &amp; “一站式”");
    expect(html).not.toContain("<b>");
    // Controls that need the page script start hidden.
    expect(html).toMatch(/<div role="group" aria-label="字号"[^>]* hidden>/);
  });

  it("should write a page with its SVG page map and page selector as React DOM does", async () => {
    const html = await expectSameAsReact(<PageViewSection view={pageView} />);
    expect(html).toContain('text-anchor="middle"');
    expect(html).toContain('patternUnits="userSpaceOnUse"');
    expect(html).toContain('<option value="1" selected>');
  });

  it("should write the archive calendar and the search form and results as React DOM does", async () => {
    await expectSameAsReact(<ArchiveMain issues={[{ date: "2026-04-08", number: null, pageCount: 1 }]} month="2026-04" range={{ oldest: "2025-12", newest: "2026-04" }} />);
    const q = searchParamsSchema.parse({ q: "法院 -税务", category: "courts", sort: "date", page: "2" });
    await expectSameAsReact(<SearchForm q={q} departments={[{ name: "聊城仲裁委员会", count: 2 }]} department="聊城仲裁委" />);
    const res: SearchResponse = {
      q: q.q,
      department: null,
      unknownDepartment: false,
      total: 41,
      page: 2,
      pageSize: 20,
      pageCount: 3,
      sort: "date",
      results: [
        {
          publicId: "20260408-01-02",
          url: "/articles/20260408-01-02?hl=%E6%B3%95%E9%99%A2",
          title: "司法为民暖人心",
          titleHtml: "司法为民暖人心",
          issueDate: "2026-04-08",
          pageNumber: 1,
          pageName: "一线微观察",
          label: "东昌府区人民法院",
          kicker: null,
          subtitle: null,
          departments: ["东昌府区人民法院"],
          category: "courts",
          categoryLabel: "法院与法治",
          snippet: "东昌府区<mark>法院</mark>…",
        },
      ],
      facets: { category: [{ value: "courts", label: "法院与法治", count: 41 }], department: [], year: [{ value: "2026", label: "2026年", count: 41 }] },
      suggestions: { departments: [] },
      tookMs: 1,
    };
    const html = await expectSameAsReact(<SearchResults q={q} res={res} />);
    expect(html).toContain("东昌府区<mark>法院</mark>…");
  });

  it("should write attributes React DOM treats specially as it does", async () => {
    await expectSameAsReact(
      <div>
        <input spellCheck={false} disabled={false} readOnly autoComplete="off" tabIndex={-1} />
        <p draggable contentEditable={false} hidden={false} itemScope className="x" />
        <time dateTime="2026-04-08">4月8日</time>
        <button type="button" disabled={"" as unknown as boolean}>x</button>
        <a href="/x" download>下载</a>
        <a href="/y" download="y.txt">y</a>
        <svg viewBox="0 0 10 10" focusable={false} tabIndex={0} aria-hidden>
          <a {...({ xlinkHref: "/z" } as object)} tabIndex={0}>
            <text textAnchor="end" dominantBaseline="middle" fontSize={12} strokeWidth={2} xmlSpace="preserve">t</text>
          </a>
          <rect fillOpacity={0.5} strokeDasharray="2 2" />
        </svg>
        <div style={{ color: "red", marginTop: 4, lineHeight: 1.5, zIndex: 2, opacity: 0, WebkitLineClamp: 3, msTransform: "none", gridColumn: 2, flex: 1, aspectRatio: 1.5 }} />
      </div>,
    );
  });

  it("should write script and style text as is, breaking up only a closing tag", async () => {
    expect(await renderToHtml(<><style>{"a>b{color:red}"}</style><script>{"if(a<b&&c)x='</script>'"}</script></>)).toBe(
      "<style>a>b{color:red}</style><script>if(a<b&&c)x='<\\/script>'</script>",
    );
  });

  it("should refuse what cannot be safe or meaningful in a static document", async () => {
    await expect(renderToHtml(<a href=" javascript:alert(1)">x</a>)).rejects.toThrow(/javascript/);
    await expect(renderToHtml(<a href={"java\tscript:alert(1)"}>x</a>)).rejects.toThrow(/javascript/);
    await expect(renderToHtml(<div {...({ "x onmouseover=alert(1) y": "1" } as object)} />)).rejects.toThrow(/属性名无效/);
    await expect(renderToHtml(<div {...({ onclick: "alert(1)" } as object)} />)).rejects.toThrow(/事件处理/);
    await expect(renderToHtml(<form action={(async () => undefined) as unknown as string} />)).rejects.toThrow(/不能是 function/);
    await expect(renderToHtml(<div style={"color:red" as unknown as object} />)).rejects.toThrow(/应为对象/);
  });

  it("should escape text and attributes, and drop false, null and undefined", async () => {
    expect(await renderToHtml(<p title={'a"b<c>&'} data-x={false} aria-hidden={true} hidden={false} className={undefined}>{"<&>"}{null}{false}{0}</p>)).toBe(
      '<p title="a&quot;b&lt;c&gt;&amp;" data-x="false" aria-hidden="true">&lt;&amp;&gt;0</p>',
    );
  });

  it("should await async components and keep document order", async () => {
    const Slow = async ({ n }: { n: number }) => {
      await new Promise((r) => setTimeout(r, 5 - n));
      return <li>{n}</li>;
    };
    expect(await renderToHtml(<ol>{[1, 2, 3].map((n) => <Slow key={n} n={n} />)}</ol>)).toBe("<ol><li>1</li><li>2</li><li>3</li></ol>");
  });

  it("should write void elements, inner HTML and form values", async () => {
    expect(await renderToHtml(<><br /><input name="q" defaultValue="a&b" /><script dangerouslySetInnerHTML={{ __html: "1<2" }} /><textarea defaultValue="x<y" /></>)).toBe(
      '<br><input name="q" value="a&amp;b"><script>1<2</script><textarea>x&lt;y</textarea>',
    );
  });

  it("should write one more newline where content starts with one that the HTML parser would eat, as React DOM does", async () => {
    // A page's raw text (the 原文 view) starts with blank lines.
    expect(await expectSameAsReact(<pre className="x">{"\n\n第01版"}</pre>)).toBe('<pre class="x">\n\n\n第01版</pre>');
    expect(await expectSameAsReact(<textarea defaultValue={"\nx<y"} />)).toBe("<textarea>\n\nx&lt;y</textarea>");
    expect(await expectSameAsReact(<pre dangerouslySetInnerHTML={{ __html: "\n<b>a</b>" }} />)).toBe("<pre>\n\n<b>a</b></pre>");
    expect(await expectSameAsReact(<>{"\n"}<div>{"\nx"}</div><pre>{"a\n"}</pre><pre>{""}</pre><pre><b>{"\nb"}</b></pre></>)).toBe(
      "\n<div>\nx</div><pre>a\n</pre><pre></pre><pre><b>\nb</b></pre>",
    );
  });

  it("should keep the leading newline where React DOM loses it: children in pieces, or a CR", async () => {
    // React DOM looks only at a single string child (a TODO in its source), and the parser reads
    // CR and CRLF as LF before it drops one: in these cases the browser would lose React's newline.
    const Text = () => "\nb";
    expect(renderToStaticMarkup(<pre>{"\n"}{"a"}</pre>)).toBe("<pre>\na</pre>");
    expect(await renderToHtml(<pre>{"\n"}{"a"}</pre>)).toBe("<pre>\n\na</pre>");
    expect(renderToStaticMarkup(<pre><Text /></pre>)).toBe("<pre>\nb</pre>");
    expect(await renderToHtml(<pre><Text /></pre>)).toBe("<pre>\n\nb</pre>");
    expect(renderToStaticMarkup(<pre>{"\r\nc"}</pre>)).toBe("<pre>\r\nc</pre>");
    expect(await renderToHtml(<pre>{"\r\nc"}</pre>)).toBe("<pre>\n\r\nc</pre>");
  });

  it("should refuse event handlers, which cannot work in a static document", async () => {
    await expect(renderToHtml(<button type="button" onClick={() => undefined}>x</button>)).rejects.toThrow(/事件处理/);
  });
});

describe("the page script", () => {
  it("should be a self-contained expression the browser can parse", () => {
    expect(() => new Function(READER_PAGE_SCRIPT)).not.toThrow();
    // Sent as source text: nothing it calls may live outside it (bundler helpers, imports).
    expect(READER_PAGE_SCRIPT).not.toMatch(/\b(require|import|__vite|_interop)\b/);
    expect(READER_PAGE_SCRIPT.length).toBeLessThan(7000);
  });
  it("should be sent with every page that holds something it acts on, and only with those", () => {
    // The attributes the islands look up in the whole document, read from the script itself, so
    // an island added later with a new one fails here until pageNeedsScript knows it.
    const looked = [...READER_PAGE_SCRIPT.matchAll(/document\.querySelector(?:All)?\(\s*"([^"]*\[[^"]*)"/g)].map((m) => m[1]!);
    expect(looked.length).toBeGreaterThanOrEqual(6);
    for (const selector of looked) {
      const [, tag = "div", attr, value] = /^(\w*)\[([\w-]+)(?:~?=(\w+))?\]$/.exec(selector) ?? [];
      expect(attr, selector).toBeDefined();
      expect(pageNeedsScript(`<main><p>x</p><${tag || "div"} ${attr}="${value ?? ""}">y</${tag || "div"}></main>`), selector).toBe(true);
    }
    expect(pageNeedsScript('<main><h1>往期回顾</h1><a href="/issues/2026-04-08" class="prev">4月8日</a><p data-x="1">rel="prev" 的说明</p></main>')).toBe(false);
  });
});
