import { revalidateTag } from "next/cache";
import { NextResponse } from "next/server";
import { tagsToRevalidate } from "@/lib/edition/cache-tags";
import { env } from "@/lib/env";
import { revalidateBody } from "@/lib/validations/params";
import { timingSafeEqual } from "node:crypto";

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * POST /api/revalidate, header `x-revalidate-token: $REVALIDATE_TOKEN`, body (JSON, optional):
 * `{ "dates": ["2026-04-08"] }` (what `npm run ingest -- --publish` sends) and/or
 * `{ "tags": ["issues", "issue:2026-04-08", "article:20260408-01-03"] }`; no body revalidates every
 * reader page. → 200 `{ revalidated: [tags] }`, 400 `{ error }`, 401 `{ error }`.
 *
 * Entries expire at once (`expire: 0`): the next reader gets the new edition, not the old one
 * while it is rebuilt.
 */
export async function POST(req: Request) {
  const token = req.headers.get("x-revalidate-token");
  const accepted = [env.REVALIDATE_TOKEN].filter((t): t is string => !!t && t.length >= 8);
  if (!token || !accepted.some((t) => safeEqual(t, token))) {
    return NextResponse.json({ error: "unauthorized: x-revalidate-token does not match REVALIDATE_TOKEN" }, { status: 401 });
  }
  const text = await req.text();
  let json: unknown = {};
  if (text.trim()) {
    try {
      json = JSON.parse(text);
    } catch {
      return NextResponse.json({ error: "body is not JSON" }, { status: 400 });
    }
  }
  const parsed = revalidateBody.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return NextResponse.json({ error: `${issue?.path.join(".") || "body"}: ${issue?.message ?? "invalid"}` }, { status: 400 });
  }
  const tags = tagsToRevalidate(parsed.data);
  for (const tag of tags) revalidateTag(tag, { expire: 0 });
  return NextResponse.json({ revalidated: tags });
}
