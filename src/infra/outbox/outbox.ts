// The durable outbox: everything sent later (nudges, alerts, introductions) is a row first.
// Rows have a unique dedupe key, so queueing twice is a no-op; senders claim rows with
// FOR UPDATE SKIP LOCKED, so several instances never send the same row at once.
import type { Prisma } from "../../generated/prisma/client.js";
import type { OutboundMessage } from "../../core/messages.js";
import type { Db } from "../db/database.js";
import type { Tx } from "../db/tx.js";

export interface OutboxPayload {
  /** Catalogue key and parameters: rendered in the recipient's language at send time. */
  key: string;
  params?: Record<string, string | number>;
  /** Extra catalogue-rendered lines or raw buttons. */
  buttons?: { action: string; label?: string; labelKey?: string }[];
  /** Send to a channel target (e.g. "slack:T1:C9") instead of the person's own identity. */
  target?: string;
  /** People named in the rendered text (OutboundMessage.mentions); offsets hold for "raw.text" only. */
  mentions?: OutboundMessage["mentions"];
  /** A reply already rendered by the conversation (src/conversation/reply-journal.ts); key is then unused. */
  raw?: OutboundMessage;
}

export interface QueueItem {
  dedupeKey: string;
  recipient: string;
  kind: string;
  payload: OutboxPayload;
  dueAt: Date;
}

/** Queues messages; rows whose dedupe key already exists are skipped. Returns how many were new. */
export async function enqueue(tx: Tx, items: QueueItem[]): Promise<number> {
  if (items.length === 0) return 0;
  const res = await tx.outbox.createMany({
    data: items.map((i) => ({ ...i, payload: i.payload as unknown as Prisma.InputJsonValue })),
    skipDuplicates: true,
  });
  return res.count;
}

export interface ClaimedRow {
  id: string;
  recipient: string;
  kind: string;
  payload: OutboxPayload;
  attempts: number;
}

/** Claims up to `limit` due rows for `worker` until `leaseMs` from now. */
export async function claimDue(db: Db, worker: string, now: Date, limit: number, leaseMs = 60_000): Promise<ClaimedRow[]> {
  const until = new Date(now.getTime() + leaseMs);
  const rows = await db.$queryRawUnsafe<(ClaimedRow & { dueAt: Date })[]>(
    `UPDATE "Outbox" SET "claimedBy" = $1, "claimedUntil" = $2, attempts = attempts + 1
     WHERE id IN (
       SELECT id FROM "Outbox"
       WHERE status = 'pending' AND "dueAt" <= $3 AND ("claimedUntil" IS NULL OR "claimedUntil" <= $3)
       ORDER BY "dueAt", id LIMIT $4 FOR UPDATE SKIP LOCKED)
     RETURNING id, recipient, kind, payload, attempts, "dueAt"`,
    worker,
    until,
    now,
    limit,
  );
  // RETURNING comes in no particular order; one person's messages must go out in queue order
  // (a stable sort: rows due at the same moment keep the order they were written in).
  return rows.sort((a, b) => new Date(a.dueAt).getTime() - new Date(b.dueAt).getTime());
}

export async function markSent(db: Db, id: string, worker: string, now: Date): Promise<void> {
  // Sent rows keep only the key: texts may carry names, and the outbox is not an archive.
  await db.$executeRawUnsafe(
    `UPDATE "Outbox" SET status = 'sent', "sentAt" = $1, payload = jsonb_build_object('key', payload->'key') WHERE id = $2 AND "claimedBy" = $3`,
    now,
    id,
    worker,
  );
}

/** A failed send goes back to pending after the backoff; after maxAttempts it is parked as dead. */
export async function markFailed(db: Db, id: string, worker: string, error: string, retryAt: Date, dead: boolean): Promise<void> {
  await db.outbox.updateMany({
    where: { id, claimedBy: worker },
    data: { status: dead ? "dead" : "pending", lastError: error.slice(0, 300), claimedUntil: retryAt },
  });
}

/** Puts a claimed row back unsent until `at` without counting it as a failed attempt (rate limit). */
export async function release(db: Db, id: string, worker: string, at: Date): Promise<void> {
  await db.$executeRawUnsafe(
    `UPDATE "Outbox" SET "claimedUntil" = $1, attempts = GREATEST(attempts - 1, 0) WHERE id = $2 AND "claimedBy" = $3 AND status = 'pending'`,
    at,
    id,
    worker,
  );
}

/**
 * Embedded PGlite serves one process only, so at start-up every claim belongs to a process that is
 * gone: hand its rows back at once instead of waiting for the leases.
 */
export async function releaseAllClaims(db: Db): Promise<number> {
  return db.$executeRawUnsafe(`UPDATE "Outbox" SET "claimedBy" = NULL, "claimedUntil" = NULL WHERE status = 'pending' AND "claimedBy" IS NOT NULL`);
}
