import { describe, expect, it } from "vitest";
import { dateParams, listPage, pageParams, publicIdParam, revalidateBody } from "@/lib/validations/params";

describe("route params", () => {
  it("should accept real calendar dates only", () => {
    expect(dateParams.safeParse({ date: "2026-04-08" }).success).toBe(true);
    for (const date of ["2026-02-30", "2026-13-01", "2026-4-8", "20260408", "not-a-date", ""]) expect(dateParams.safeParse({ date }).success).toBe(false);
  });

  it("should read page numbers without leading zeros so one page has one URL", () => {
    expect(pageParams.parse({ date: "2026-04-08", page: "1" })).toEqual({ date: "2026-04-08", page: 1 });
    expect(pageParams.parse({ date: "2026-04-08", page: "12" }).page).toBe(12);
    for (const page of ["0", "01", "1.0", " 1", "1000", "-1", "a"]) expect(pageParams.safeParse({ date: "2026-04-08", page }).success).toBe(false);
  });

  it("should accept public ids of the form YYYYMMDD-PP-NN", () => {
    expect(publicIdParam.safeParse({ id: "20260408-01-03" }).success).toBe(true);
    for (const id of ["nope", "20260408-1-3", "20260408-01-03x", ""]) expect(publicIdParam.safeParse({ id }).success).toBe(false);
  });

  it("should fall back to the first page of a list for anything but a positive integer", () => {
    expect(listPage.parse("3")).toBe(3);
    for (const p of [undefined, "", "0", "-2", "abc", "1.5"]) expect(listPage.parse(p)).toBe(1);
  });
});

describe("revalidateBody", () => {
  it("should take dates and known tags, and nothing else", () => {
    expect(revalidateBody.parse({})).toEqual({});
    expect(revalidateBody.parse({ dates: ["2026-04-08"], tags: ["issues"] })).toEqual({ dates: ["2026-04-08"], tags: ["issues"] });
    expect(revalidateBody.safeParse({ dates: ["2026-04-31"] }).success).toBe(false);
    expect(revalidateBody.safeParse({ tags: ["pages"] }).success).toBe(false);
    expect(revalidateBody.safeParse({ paths: ["/"] }).success).toBe(false);
  });
});
