import { describe, expect, it } from "vitest";
import { ISSUES_TAG, READER_TAG, articleTag, isReaderTag, issueTag, tagsToRevalidate } from "@/lib/edition/cache-tags";

describe("tagsToRevalidate", () => {
  it("should revalidate every reader entry when the request names nothing", () => {
    expect(tagsToRevalidate({})).toEqual([READER_TAG]);
    expect(tagsToRevalidate({ dates: [], tags: [] })).toEqual([READER_TAG]);
  });

  it("should revalidate the published issues' own tags and the cross-issue tag", () => {
    expect(tagsToRevalidate({ dates: ["2026-04-08", "2025-12-27"] })).toEqual([ISSUES_TAG, "issue:2026-04-08", "issue:2025-12-27"]);
  });

  it("should pass explicit tags through once each", () => {
    expect(tagsToRevalidate({ tags: ["article:20260408-01-03", "article:20260408-01-03"] })).toEqual(["article:20260408-01-03"]);
    expect(tagsToRevalidate({ dates: ["2026-04-08"], tags: [ISSUES_TAG] })).toEqual([ISSUES_TAG, "issue:2026-04-08"]);
  });
});

describe("isReaderTag", () => {
  it("should accept exactly the tags lib/db uses", () => {
    for (const t of [READER_TAG, ISSUES_TAG, issueTag("2026-04-08"), articleTag("20260408-01-03")]) expect(isReaderTag(t)).toBe(true);
    for (const t of ["", "issue:", "issue:2026-4-8", "article:x", "reader ", "ISSUES", "pages"]) expect(isReaderTag(t)).toBe(false);
  });
});
