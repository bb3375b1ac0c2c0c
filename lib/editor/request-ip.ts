/**
 * The client's address for the sign-in throttle. Behind a reverse proxy it is the first
 * X-Forwarded-For entry (or X-Real-IP); a direct connection without those headers is counted
 * under one "direct" key. (A client can forge X-Forwarded-For when nothing in front strips it;
 * the per-account counter does not depend on it.)
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const real = headers.get("x-real-ip")?.trim();
  const ip = forwarded || real || "direct";
  return ip.slice(0, 64);
}
