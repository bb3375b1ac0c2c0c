import "server-only";
import { db } from "@/lib/db/client";

/** Who has a page's check view open (PageLease): renewed while open, lapsing when not. */

export const LEASE_MS = 2 * 60_000;

async function pageId(date: string, number: number): Promise<number | null> {
  return (await db.page.findFirst({ where: { number, issue: { date } }, select: { id: true } }))?.id ?? null;
}

/** Renews `user`'s lease on the page and returns the others who have it open now; null: no such page. */
export async function renewLease(date: string, number: number, user: { id: number; name: string }, now = new Date()): Promise<{ name: string; since: Date }[] | null> {
  const id = await pageId(date, number);
  if (id === null) return null;
  const expiresAt = new Date(now.getTime() + LEASE_MS);
  await db.$transaction([
    db.pageLease.deleteMany({ where: { expiresAt: { lte: now } } }),
    db.pageLease.upsert({
      where: { pageId_userId: { pageId: id, userId: user.id } },
      create: { pageId: id, userId: user.id, name: user.name, since: now, expiresAt },
      update: { name: user.name, expiresAt },
    }),
  ]);
  return db.pageLease.findMany({
    where: { pageId: id, userId: { not: user.id }, expiresAt: { gt: now } },
    orderBy: { since: "asc" },
    select: { name: true, since: true },
  });
}

export async function releaseLease(date: string, number: number, userId: number): Promise<void> {
  const id = await pageId(date, number);
  if (id !== null) await db.pageLease.deleteMany({ where: { pageId: id, userId } });
}
