import "server-only";
import { db } from "@/lib/db/client";

/**
 * Editors' accounts and their sessions. Policy (who may do what, how long a session lives, how
 * passwords are hashed) is in lib/auth/; these are only the queries.
 */

export type Role = "editor" | "chief";

export interface UserRecord {
  id: number;
  email: string;
  name: string;
  role: Role;
}

const userSelect = { id: true, email: true, name: true, role: true } as const;

function asUser(row: { id: number; email: string; name: string; role: string }): UserRecord {
  return { ...row, role: row.role === "chief" ? "chief" : "editor" };
}

export async function countUsers(): Promise<number> {
  return db.user.count();
}

export async function findUserForSignIn(email: string): Promise<(UserRecord & { passwordHash: string }) | null> {
  const row = await db.user.findUnique({ where: { email }, select: { ...userSelect, passwordHash: true } });
  return row ? { ...asUser(row), passwordHash: row.passwordHash } : null;
}

export async function findUser(id: number): Promise<UserRecord | null> {
  const row = await db.user.findUnique({ where: { id }, select: userSelect });
  return row ? asUser(row) : null;
}

export async function listUsers(): Promise<(UserRecord & { createdAt: Date; sessions: number })[]> {
  const rows = await db.user.findMany({
    orderBy: [{ role: "asc" }, { name: "asc" }],
    select: { ...userSelect, createdAt: true, _count: { select: { sessions: true } } },
  });
  return rows.map(({ _count, createdAt, ...r }) => ({ ...asUser(r), createdAt, sessions: _count.sessions }));
}

/** Creates an account; null when the email is taken. */
export async function insertUser(input: { email: string; name: string; role: Role; passwordHash: string }): Promise<UserRecord | null> {
  try {
    return asUser(await db.user.create({ data: input, select: userSelect }));
  } catch (err) {
    if ((err as { code?: string }).code === "P2002") return null;
    throw err;
  }
}

/**
 * Sets a password or role and ends the account's sessions but `keepSessionId` (the one making the
 * change, when it is the account's own) in the same transaction: whoever held another session
 * must sign in again with the new password or under the new role.
 */
export async function updateUserCredentials(
  id: number,
  change: { passwordHash?: string; role?: Role },
  keepSessionId?: string,
): Promise<void> {
  await db.$transaction([
    db.user.update({ where: { id }, data: change }),
    db.session.deleteMany({ where: { userId: id, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) } }),
  ]);
}

export async function countChiefs(): Promise<number> {
  return db.user.count({ where: { role: "chief" } });
}

// Sessions: the id is the SHA-256 of the cookie's token (lib/auth/session.ts).

export async function insertSession(id: string, userId: number, expiresAt: Date): Promise<void> {
  await db.session.create({ data: { id, userId, expiresAt } });
}

export async function findSession(id: string): Promise<{ id: string; expiresAt: Date; user: UserRecord } | null> {
  const row = await db.session.findUnique({ where: { id }, select: { id: true, expiresAt: true, user: { select: userSelect } } });
  return row ? { id: row.id, expiresAt: row.expiresAt, user: asUser(row.user) } : null;
}

export async function extendSession(id: string, expiresAt: Date): Promise<void> {
  await db.session.updateMany({ where: { id }, data: { expiresAt } });
}

export async function deleteSession(id: string): Promise<void> {
  await db.session.deleteMany({ where: { id } });
}

/** Removes expired sessions (called now and then on sign-in, so the table does not grow forever). */
export async function deleteExpiredSessions(now: Date): Promise<void> {
  await db.session.deleteMany({ where: { expiresAt: { lte: now } } });
}

// The sign-in throttle's counters (policy in lib/auth/throttle.ts).

export interface ThrottleRow {
  key: string;
  failures: number;
  lockedUntil: Date | null;
  lastFailureAt: Date;
}

export async function readThrottles(keys: string[]): Promise<ThrottleRow[]> {
  return db.signInThrottle.findMany({ where: { key: { in: keys } } });
}

export async function writeThrottle(row: ThrottleRow): Promise<void> {
  await db.signInThrottle.upsert({ where: { key: row.key }, create: row, update: row });
}

export async function clearThrottle(key: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key } });
}
