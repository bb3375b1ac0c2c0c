/**
 * Accounts, sessions and the sign-in throttle against a real (scratch) database: what is stored,
 * what ends a session, and when sign-in is refused.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/db-fixture";

let t: TestDatabase;
let auth: {
  password: typeof import("@/lib/auth/password");
  session: typeof import("@/lib/auth/session");
  accounts: typeof import("@/lib/auth/accounts");
  signIn: typeof import("@/lib/auth/sign-in");
  throttle: typeof import("@/lib/auth/throttle");
};

beforeAll(async () => {
  t = await createTestDatabase();
  // lib/db/client.ts reads DATABASE_URL when first imported.
  process.env.DATABASE_URL = t.url;
  auth = {
    password: await import("@/lib/auth/password"),
    session: await import("@/lib/auth/session"),
    accounts: await import("@/lib/auth/accounts"),
    signIn: await import("@/lib/auth/sign-in"),
    throttle: await import("@/lib/auth/throttle"),
  };
});

afterAll(() => t.cleanup());

beforeEach(() => {
  const db = t.db();
  for (const table of ["Session", "SignInThrottle", "AuditEvent", "User"]) db.prepare(`DELETE FROM "${table}"`).run();
});

describe("passwords", () => {
  it("should hash with argon2id at m=19456 KiB, t=2, p=1 and verify only the right password", async () => {
    const hash = await auth.password.hashPassword("correct horse battery");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await auth.password.verifyPassword(hash, "correct horse battery")).toBe(true);
    expect(await auth.password.verifyPassword(hash, "correct horse batterx")).toBe(false);
    expect(await auth.password.verifyPassword("not a hash", "x")).toBe(false);
  });

  it("should generate long, different passwords and refuse short chosen ones", () => {
    const a = auth.password.generatePassword();
    expect(a).toMatch(/^[A-Za-z2-9]{5}(-[A-Za-z2-9]{5}){3}$/);
    expect(auth.password.generatePassword()).not.toBe(a);
    expect(auth.password.passwordProblem("short")).toMatch(/至少 12/);
    expect(auth.password.passwordProblem("aaaaaaaaaaaaaaa")).not.toBeNull();
    expect(auth.password.passwordProblem("a perfectly fine one")).toBeNull();
  });
});

describe("sessions", () => {
  it("should store only the SHA-256 of the token, so the database holds no usable token", async () => {
    const { user } = await auth.accounts.createAccount({ email: "A@Example.cn ", name: "甲", role: "editor" });
    expect(user.email).toBe("a@example.cn");
    const { token } = await auth.session.createSession(user.id);
    expect(token).toMatch(/^[a-z2-7]{32}$/); // 160 random bits
    const rows = t.db().prepare(`SELECT * FROM "Session"`).all() as Record<string, unknown>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).toBe(auth.session.sessionIdOf(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    const valid = await auth.session.validateSessionToken(token);
    expect(valid?.user.email).toBe("a@example.cn");
    // The id itself is not a token: presenting it signs nobody in.
    expect(await auth.session.validateSessionToken(String(rows[0]!.id))).toBeNull();
  });

  it("should expire after 30 days, renew when less than half is left, and end on sign-out", async () => {
    const { user } = await auth.accounts.createAccount({ email: "b@example.cn", name: "乙", role: "editor" });
    const start = new Date("2026-12-01T00:00:00Z");
    const { token, expiresAt } = await auth.session.createSession(user.id, start);
    expect(expiresAt.getTime() - start.getTime()).toBe(30 * 24 * 3600_000);
    const day = (n: number) => new Date(start.getTime() + n * 24 * 3600_000);
    expect((await auth.session.validateSessionToken(token, day(10)))?.renewed).toBe(false);
    const renewed = await auth.session.validateSessionToken(token, day(20));
    expect(renewed?.renewed).toBe(true);
    expect(renewed!.expiresAt.getTime()).toBe(day(50).getTime());
    // Unused past its expiry (day 50), it is gone, and so is its row.
    expect(await auth.session.validateSessionToken(token, day(51))).toBeNull();
    expect(t.db().prepare(`SELECT count(*) AS n FROM "Session"`).get()).toEqual({ n: 0 });

    const again = await auth.session.createSession(user.id);
    await auth.session.invalidateSession(auth.session.sessionIdOf(again.token));
    expect(await auth.session.validateSessionToken(again.token)).toBeNull();
  });

  it("should end the other sessions when a password or role changes, and keep the last chief", async () => {
    const { user } = await auth.accounts.createAccount({ email: "c@example.cn", name: "丙", role: "chief" });
    const here = await auth.session.createSession(user.id);
    const there = await auth.session.createSession(user.id);
    await auth.accounts.changeOwnPassword(user.id, auth.session.sessionIdOf(here.token), "a new long password");
    expect(await auth.session.validateSessionToken(here.token)).not.toBeNull();
    expect(await auth.session.validateSessionToken(there.token)).toBeNull();
    await expect(auth.accounts.changeOwnPassword(user.id, "x", "short")).rejects.toThrow(/至少 12/);

    await expect(auth.accounts.changeRole(user.id, "editor")).rejects.toThrow(/最后一位总编辑/);
    const { user: other } = await auth.accounts.createAccount({ email: "d@example.cn", name: "丁", role: "editor" });
    const theirs = await auth.session.createSession(other.id);
    await auth.accounts.changeRole(other.id, "chief");
    expect(await auth.session.validateSessionToken(theirs.token)).toBeNull();
    const reset = await auth.accounts.resetPassword(other.id);
    const signed = await auth.signIn.signIn({ email: "d@example.cn", password: reset, ip: "10.0.0.1" });
    expect(signed.ok).toBe(true);
    await expect(auth.accounts.createAccount({ email: "D@example.cn", name: "又一个丁", role: "editor" })).rejects.toThrow(/已有账号/);
  });
});

describe("the sign-in throttle", () => {
  it("should answer a wrong email and a wrong password alike", async () => {
    const { password } = await auth.accounts.createAccount({ email: "e@example.cn", name: "戊", role: "editor" });
    const wrongPassword = await auth.signIn.signIn({ email: "e@example.cn", password: password + "x", ip: "10.0.0.2" });
    const wrongEmail = await auth.signIn.signIn({ email: "nobody@example.cn", password, ip: "10.0.0.3" });
    expect(wrongPassword).toEqual({ ok: false, message: auth.signIn.WRONG_CREDENTIALS });
    expect(wrongEmail).toEqual({ ok: false, message: auth.signIn.WRONG_CREDENTIALS });
    expect((await auth.signIn.signIn({ email: "e@example.cn", password, ip: "10.0.0.2" })).ok).toBe(true);
  });

  it("should give five free tries per account, then make it wait (even with the right password), longer each time", async () => {
    const { password } = await auth.accounts.createAccount({ email: "f@example.cn", name: "己", role: "editor" });
    const now = new Date("2026-12-03T08:00:00Z");
    for (let i = 0; i < 4; i++) expect(messageOf(await auth.signIn.signIn({ email: "f@example.cn", password: "wrong", ip: `10.1.0.${i}` }, now))).toBe(auth.signIn.WRONG_CREDENTIALS);
    const fifth = await auth.signIn.signIn({ email: "f@example.cn", password: "wrong", ip: "10.1.0.9" }, now);
    expect(fifth.ok).toBe(false);
    if (fifth.ok) return;
    expect(fifth.message).toMatch(/尝试次数过多,请 30 秒后再试/);
    const locked = await auth.signIn.signIn({ email: "f@example.cn", password, ip: "10.1.0.10" }, new Date(now.getTime() + 10_000));
    expect(locked).toMatchObject({ ok: false, message: expect.stringMatching(/^尝试次数过多,请 20 秒后再试/) });
    // After the wait, one more failure doubles it.
    const later = new Date(now.getTime() + 31_000);
    const sixth = await auth.signIn.signIn({ email: "f@example.cn", password: "wrong", ip: "10.1.0.11" }, later);
    expect(sixth).toMatchObject({ ok: false, waitMs: 60_000 });
    // And the right password works once the wait is over; success clears the account's count.
    expect((await auth.signIn.signIn({ email: "f@example.cn", password, ip: "10.1.0.12" }, new Date(later.getTime() + 61_000))).ok).toBe(true);
    expect(t.db().prepare(`SELECT count(*) AS n FROM "SignInThrottle" WHERE key = 'account:f@example.cn'`).get()).toEqual({ n: 0 });
  });

  it("should count every one of a burst of simultaneous guesses", async () => {
    await auth.accounts.createAccount({ email: "g@example.cn", name: "庚", role: "editor" });
    const now = new Date("2026-12-03T10:00:00Z");
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => auth.signIn.signIn({ email: "g@example.cn", password: `guess-${i}`, ip: "10.9.0.1" }, now)));
    expect(results.every((r) => !r.ok)).toBe(true);
    // Five were let through to the password check; the rest were refused before it.
    expect(results.filter((r) => messageOf(r)?.startsWith(auth.signIn.WRONG_CREDENTIALS))).toHaveLength(5);
    expect(t.db().prepare(`SELECT failures FROM "SignInThrottle" WHERE key = 'account:g@example.cn'`).get()).toEqual({ failures: 5 });
  });

  it("should count per address too, across accounts, and keep the count in the database", async () => {
    const now = new Date("2026-12-03T09:00:00Z");
    let last;
    for (let i = 0; i < 20; i++) last = await auth.signIn.signIn({ email: `guess${i}@example.cn`, password: "x", ip: "203.0.113.7" }, now);
    expect(last).toMatchObject({ ok: false, message: expect.stringContaining("尝试次数过多") });
    expect(messageOf(await auth.signIn.signIn({ email: "guess99@example.cn", password: "x", ip: "203.0.113.8" }, now))).toBe(auth.signIn.WRONG_CREDENTIALS);
    const row = t.db().prepare(`SELECT failures, lockedUntil FROM "SignInThrottle" WHERE key = 'ip:203.0.113.7'`).get() as { failures: number; lockedUntil: unknown };
    expect(row.failures).toBe(20);
    expect(row.lockedUntil).not.toBeNull();
    expect(auth.throttle.waitAfter(19, auth.throttle.IP_POLICY)).toBe(0);
    expect(auth.throttle.waitAfter(30, auth.throttle.ACCOUNT_POLICY)).toBe(60 * 60_000);
  });
});

function messageOf(result: { ok: boolean }): string | undefined {
  return (result as { message?: string }).message;
}
