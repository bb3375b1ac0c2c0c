import { connection, NextResponse } from "next/server";
import { listPublishedIssues } from "@/lib/db/issues";

/** GET /api/issues → `{ issues: [{ date, number, pageCount }] }`, published issues, newest first. */
export async function GET() {
  // Per request from cached data, never a build-time copy (see app/feed.xml/route.ts).
  await connection();
  return NextResponse.json({ issues: await listPublishedIssues() });
}
