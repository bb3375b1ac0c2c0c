import { describe, expect, it } from "vitest";
import { PageMap } from "@/components/page-map";
import { renderToHtml } from "@/lib/site/html/render";
import type { MapBlock } from "@/lib/site/page-map";

const articles = [
  { publicId: "20260408-01-01", title: "潮头攻坚 实干争先", charCount: 1700, subtitle: "副题", captions: ["图为现场"] },
  { publicId: "20260408-01-02", title: "聊城仲裁委部署", charCount: 480 },
];
const ads = [{ id: "ad-1", lines: ["公益广告"] }];

describe("PageMap", () => {
  it("should call itself a schematic and link only articles; captions and ads are named pictures", async () => {
    const html = await renderToHtml(<PageMap articles={articles} ads={ads} pageLabel="第01版" describedBy="note" />);
    expect(html).toMatch(/<svg[^>]* role="group" aria-label="第01版版面示意图" aria-describedby="note"/);
    expect(html.match(/<a /g)).toHaveLength(2);
    expect(html).toContain('<g role="img" aria-label="图片说明:图为现场" data-map-ref="20260408-01-01"');
    expect(html).toContain('<g role="img" aria-label="广告:公益广告"');
    // Neither is inside a link.
    expect(html).not.toMatch(/<a [^>]*>(?:(?!<\/a>).)*aria-label="(?:图片说明|广告):/s);
  });

  it("should mark the current article, not as a link, in the small map", async () => {
    const html = await renderToHtml(<PageMap articles={articles} pageLabel="第01版" current="20260408-01-02" compact label="本文在第01版的位置" />);
    expect(html).toContain('<g role="img" aria-label="本文:聊城仲裁委部署" class="page-map-here">');
    expect(html).not.toContain('href="/articles/20260408-01-02"');
    expect(html).toContain("page-map-current");
  });

  it("should draw a page image under the blocks measured on it, and then not call itself a schematic", async () => {
    const blocks: MapBlock[] = [{ kind: "article", id: "20260408-01-02", articleId: "20260408-01-02", text: "聊城仲裁委部署", lead: true, x: 100, y: 200, width: 300, height: 400 }];
    const html = await renderToHtml(<PageMap articles={articles} pageLabel="第01版" underlay={{ href: "/scans/p1.png", blocks }} />);
    expect(html).toContain('<image href="/scans/p1.png"');
    expect(html).toContain('aria-label="第01版版面图"');
    expect(html).toContain('<rect x="100" y="200" width="300" height="400"');
    expect(html.match(/<a /g)).toHaveLength(1);
  });
});
