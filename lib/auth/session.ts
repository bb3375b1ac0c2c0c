/**
 * Sessions owned by the site (the pattern the Lucia project teaches): a random token in an
 * HttpOnly cookie, and in the database only its SHA-256, so a copied database holds no token
 * anyone could sign in with. 30 days, renewed (sliding) when less than half is left; signing out
 * deletes the row.
 */
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { deleteSession, extendSession, findSession, insertSession, type UserRecord } from "@/lib/db/users";

import { SESSION_MS } from "./session-constants";

/** 20 random bytes (160 bits) as 32 base32 characters: the cookie's value. */
export function generateSessionToken(): string {
  const bytes = randomBytes(20);
  const alphabet = "abcdefghijklmnopqrstuvwxyz234567";
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

/** The Session row's id for a token. */
export function sessionIdOf(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export interface ValidSession {
  id: string;
  expiresAt: Date;
  user: UserRecord;
  /** True when this validation pushed the expiry forward (the cookie should be set again). */
  renewed: boolean;
}

export async function createSession(userId: number, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
  const token = generateSessionToken();
  const expiresAt = new Date(now.getTime() + SESSION_MS);
  await insertSession(sessionIdOf(token), userId, expiresAt);
  return { token, expiresAt };
}

/** The session a token stands for, or null (unknown, malformed or expired: an expired row is deleted). */
export async function validateSessionToken(token: string, now = new Date()): Promise<ValidSession | null> {
  if (!/^[a-z2-7]{32}$/.test(token)) return null;
  const id = sessionIdOf(token);
  const row = await findSession(id);
  if (!row) return null;
  if (row.expiresAt.getTime() <= now.getTime()) {
    await deleteSession(id);
    return null;
  }
  if (row.expiresAt.getTime() - now.getTime() < SESSION_MS / 2) {
    const expiresAt = new Date(now.getTime() + SESSION_MS);
    await extendSession(id, expiresAt);
    return { id, expiresAt, user: row.user, renewed: true };
  }
  return { id, expiresAt: row.expiresAt, user: row.user, renewed: false };
}

export async function invalidateSession(sessionId: string): Promise<void> {
  await deleteSession(sessionId);
}
