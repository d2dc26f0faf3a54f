// Replies are durable: they are written to the outbox in the same transaction as the step they
// answer, already claimed by this instance. The adapter sends them at once and each is marked sent
// right after; if the process dies in between, the claim lapses and the outbox sender delivers
// what was not confirmed. So a committed step never loses its answer, and the only message that
// can arrive twice is the one in flight at the moment of a crash.
import { randomUUID } from "node:crypto";
import type { Prisma } from "../../generated/prisma/client.js";
import type { Clock } from "../clock.js";
import { AdapterError, asMentorbroError } from "../errors.js";
import type { OutboundMessage } from "../messages.js";
import type { Db } from "../../infra/db/database.js";
import type { Logger } from "../../infra/logger.js";
import { markSent } from "../../infra/outbox/outbox.js";
import type { Tx } from "../../infra/db/tx.js";

/** How long the instance that answered has to deliver before the sender takes over. */
export const REPLY_LEASE_MS = 120_000;
/** Backoff for a reply the platform refused without saying when to retry. */
const RETRY_MS = 5_000;

export type Deliver = (message: OutboundMessage) => Promise<void>;

export interface JournalledReply {
  id: string;
  /** The outbox row's recipient (the person, or "erased"). */
  recipient: string;
  message: OutboundMessage;
}

/** Writes the replies inside the step's transaction; ordered by dueAt so the sender keeps their order. */
export async function journalReplies(
  tx: Tx,
  messages: OutboundMessage[],
  o: { personId: string; eventKey?: string; workerId: string; now: Date },
): Promise<JournalledReply[]> {
  if (messages.length === 0) return [];
  const key = o.eventKey ?? randomUUID();
  const rows = messages.map((message, i) => ({
    id: randomUUID(),
    dedupeKey: `reply:${key}:${i}`.slice(0, 250),
    recipient: o.personId,
    kind: "reply",
    payload: { raw: message } as unknown as Prisma.InputJsonValue,
    dueAt: new Date(o.now.getTime() + i),
    claimedBy: o.workerId,
    claimedUntil: new Date(o.now.getTime() + REPLY_LEASE_MS),
    attempts: 1,
  }));
  await tx.outbox.createMany({ data: rows });
  return rows.map((r, i) => ({ id: r.id, recipient: r.recipient, message: messages[i]! }));
}

/**
 * Sends the replies in order, confirming each. Without a `deliver` the caller sends them itself
 * and they are confirmed at once. When a send fails, it and everything after it go to the outbox
 * sender (after the platform's retry-after), so the order holds and nothing is dropped.
 */
export async function deliverReplies(db: Db, clock: Clock, logger: Logger, workerId: string, replies: JournalledReply[], deliver?: Deliver): Promise<void> {
  if (deliver && replies.length > 0 && (await queueBehindWaiting(db, workerId, replies))) return;
  for (let i = 0; i < replies.length; i++) {
    const r = replies[i]!;
    if (deliver) {
      try {
        await deliver(r.message);
      } catch (err) {
        const retryMs = err instanceof AdapterError && err.retryAfterMs ? err.retryAfterMs : RETRY_MS;
        logger.warn({ code: asMentorbroError(err).code, outboxId: r.id }, "reply not delivered; the sender retries");
        const at = new Date(clock.now().getTime() + retryMs);
        const lastError = asMentorbroError(err).code;
        // lastError marks them as waiting for the platform: later replies queue behind them.
        await db.outbox
          .updateMany({ where: { id: { in: replies.slice(i).map((r) => r.id) }, claimedBy: workerId }, data: { claimedUntil: at, lastError } })
          .catch(() => undefined);
        return;
      }
    }
    // A failed confirmation only risks a second copy later, never a lost reply.
    await markSent(db, r.id, workerId, clock.now()).catch((err: unknown) => logger.warn({ code: asMentorbroError(err).code }, "reply sent but not confirmed"));
  }
}

/**
 * Earlier replies to the same person still waiting for the platform (refused, to be retried) must
 * not be overtaken: the new ones queue behind them, in order, for the outbox sender. Replies
 * merely in flight on another turn are not waited for.
 */
async function queueBehindWaiting(db: Db, workerId: string, replies: JournalledReply[]): Promise<boolean> {
  const ids = replies.map((r) => r.id);
  const last = await db.outbox.findFirst({
    where: { recipient: replies[0]!.recipient, kind: "reply", status: "pending", lastError: { not: null }, id: { notIn: ids } },
    orderBy: [{ dueAt: "desc" }],
    select: { dueAt: true, claimedUntil: true },
  });
  if (!last) return false;
  const after = last.dueAt.getTime();
  const at = last.claimedUntil ?? last.dueAt;
  for (let i = 0; i < replies.length; i++) {
    await db.outbox.updateMany({
      where: { id: ids[i], claimedBy: workerId },
      data: { dueAt: new Date(after + 1 + i), claimedUntil: at, lastError: "QUEUED_BEHIND" },
    });
  }
  return true;
}
