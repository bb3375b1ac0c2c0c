/**
 * The client's address for the sign-in throttle. X-Forwarded-For is written by whoever sends the
 * request, so it is believed only when TRUST_PROXY says a reverse proxy sits in front: then the
 * entry that proxy appended (the last one) is the client's. Without a proxy, Next does not hand a
 * route the socket's address, and every attempt counts under one "direct" key (the per-account
 * count does not depend on this).
 */
export function clientIp(headers: Headers, trustProxy: boolean): string {
  if (!trustProxy) return "direct";
  const forwarded = headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  const real = headers.get("x-real-ip")?.trim();
  return (forwarded || real || "direct").slice(0, 64);
}
