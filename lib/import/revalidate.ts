/**
 * After an import changed what readers see, asks a running site to drop its caches
 * (POST /api/revalidate, implemented by the site). Best effort: no token, no server, a slow
 * server or an error response all leave the import a success.
 */

export type RevalidateResult = "sent" | "skipped" | "unreachable" | "refused";

export interface RevalidateRequest {
  siteUrl: string;
  /** REVALIDATE_TOKEN; without it nothing is sent. */
  token: string | undefined;
  /** Issue dates whose published edition changed. */
  dates: string[];
  timeoutMs?: number;
}

/** Sends the revalidation request; never throws. */
export async function requestRevalidation({ siteUrl, token, dates, timeoutMs = 1000 }: RevalidateRequest): Promise<RevalidateResult> {
  if (!token || dates.length === 0) return "skipped";
  try {
    const res = await fetch(new URL("/api/revalidate", siteUrl), {
      method: "POST",
      headers: { "content-type": "application/json", "x-revalidate-token": token },
      body: JSON.stringify({ dates }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    return res.ok ? "sent" : "refused";
  } catch {
    return "unreachable";
  }
}
