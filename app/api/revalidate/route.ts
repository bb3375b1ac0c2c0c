import { revalidatePath } from "next/cache";
import { NextResponse } from "next/server";
import { env } from "@/lib/env";

/**
 * POST /api/revalidate with header x-revalidate-token: the import CLI calls this after publishing
 * so a running site drops its cached pages at once instead of after their revalidate period.
 */
export async function POST(req: Request) {
  if (!env.REVALIDATE_TOKEN || req.headers.get("x-revalidate-token") !== env.REVALIDATE_TOKEN) {
    return NextResponse.json({ error: "unauthorized" }, { status: 401 });
  }
  revalidatePath("/", "layout");
  return NextResponse.json({ revalidated: true });
}
