import { NextResponse } from "next/server";
import { listPublishedIssues } from "@/lib/db/issues";

/** GET /api/issues → `{ issues: [{ date, number, pageCount }] }`, published issues, newest first. */
export async function GET() {
  return NextResponse.json({ issues: await listPublishedIssues() });
}
