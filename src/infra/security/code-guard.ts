// Limits guessing of a secret code. Each key (a person, a platform identity) has a few free tries;
// then it is locked out, each time longer: 1 minute, 5 minutes, 1 hour, then 24 hours. While
// locked, an attempt is not even compared. The counters live in the database (table CodeGuard),
// so a restart or a second instance does not reset them, and time comes from the injected clock.
// Keys are hashed: the table holds no person or platform ids. A key that has been quiet for a week
// starts afresh, and the scheduler removes it.
import { createHash, timingSafeEqual } from "node:crypto";
import type { Db } from "../db/database.js";
import type { Tx } from "../db/tx.js";

export const FREE_TRIES = 5;
export const LOCKOUTS_MS = [60_000, 5 * 60_000, 60 * 60_000, 24 * 60 * 60_000];
export const QUIET_RESET_MS = 7 * 24 * 60 * 60_000;

const sha256 = (s: string) => createHash("sha256").update(s, "utf8").digest();

/** Constant-time comparison: both sides are hashed first, so neither length nor content leaks through timing. */
export function sameSecret(typed: string, expected: string): boolean {
  return timingSafeEqual(sha256(typed), sha256(expected));
}

/** The guard keys of one attempt: the person and the platform identity it came from. */
export function guardKeys(scope: string, personId: string, externalId: string): string[] {
  return [`${scope}:person:${personId}`, `${scope}:identity:${externalId}`].map((k) => sha256(k).toString("hex"));
}

/** The latest lock-out end among the keys, when one is still running. */
export async function lockedUntil(tx: Tx, keys: string[], now: Date): Promise<Date | undefined> {
  const rows = await tx.codeGuard.findMany({ where: { key: { in: keys }, lockedUntil: { gt: now } }, select: { lockedUntil: true } });
  const ends = rows.map((r) => r.lockedUntil!.getTime());
  return ends.length ? new Date(Math.max(...ends)) : undefined;
}

interface GuardRow {
  failures: number;
  lockouts: number;
  lockedUntil: Date | null;
  lastFailureAt: Date;
}

/** Counts a wrong code for every key; returns the lock-out that starts now, if one does. */
export async function recordFailure(tx: Tx, keys: string[], now: Date): Promise<{ until: Date; lockouts: number } | undefined> {
  let started: { until: Date; lockouts: number } | undefined;
  for (const key of keys) {
    // The row is locked for the rest of the transaction: concurrent failures count one after another.
    await tx.$executeRawUnsafe(`INSERT INTO "CodeGuard" (key, "lastFailureAt") VALUES ($1, $2) ON CONFLICT (key) DO NOTHING`, key, now);
    const [row] = await tx.$queryRawUnsafe<GuardRow[]>(
      `SELECT failures, lockouts, "lockedUntil", "lastFailureAt" FROM "CodeGuard" WHERE key = $1 FOR UPDATE`,
      key,
    );
    let { failures, lockouts } = row!;
    const quiet = now.getTime() - new Date(row!.lastFailureAt).getTime() > QUIET_RESET_MS && !(row!.lockedUntil && new Date(row!.lockedUntil) > now);
    if (quiet) [failures, lockouts] = [0, 0];
    failures += 1;
    let until = row!.lockedUntil ? new Date(row!.lockedUntil) : null;
    if (failures >= FREE_TRIES) {
      lockouts += 1;
      failures = 0;
      until = new Date(now.getTime() + LOCKOUTS_MS[Math.min(lockouts, LOCKOUTS_MS.length) - 1]!);
      if (!started || until > started.until) started = { until, lockouts };
    }
    await tx.codeGuard.update({ where: { key }, data: { failures, lockouts, lockedUntil: until, lastFailureAt: now } });
  }
  return started;
}

/** A right code: the keys start afresh. */
export async function clearGuard(tx: Tx, keys: string[]): Promise<void> {
  await tx.codeGuard.deleteMany({ where: { key: { in: keys } } });
}

/** Removes keys that have been quiet for a week and are not locked (they would start afresh anyway). */
export async function purgeQuietGuards(db: Db, now: Date): Promise<number> {
  const before = new Date(now.getTime() - QUIET_RESET_MS);
  const r = await db.codeGuard.deleteMany({ where: { lastFailureAt: { lt: before }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] } });
  return r.count;
}
