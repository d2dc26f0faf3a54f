// Drains the outbox: renders each row in the recipient's language and sends it through the
// channel of the identity they used last. Failures go back to the queue with backoff (or the
// platform's retry-after); nothing is dropped silently.
import type { Clock } from "../../core/clock.js";
import { AdapterError, asMentorbroError } from "../../core/errors.js";
import type { Channel, OutboundMessage, Platform } from "../../core/messages.js";
import { platformOf } from "../../core/messages.js";
import type { Db } from "../db/database.js";
import { t, type Locale } from "../../core/i18n/index.js";
import type { Logger } from "../logger.js";
import { claimDue, markFailed, markSent, release, type ClaimedRow } from "./outbox.js";
import type { RateLimiter } from "./rate-limit.js";

export interface SenderOptions {
  db: Db;
  clock: Clock;
  logger: Logger;
  channels: Map<Platform, Channel>;
  workerId: string;
  batchSize?: number;
  maxAttempts?: number;
  /** Per-platform send rate (token bucket) and retry-after hold-offs; unset = send as fast as possible. */
  rateLimiter?: RateLimiter;
  /** How long a claimed batch is ours; rows not sent well within it go back for others. */
  leaseMs?: number;
  /** Sends in flight at once (default 1). */
  concurrency?: number;
}

function laneOf(recipient: string, lanes: number): number {
  let h = 0;
  for (let i = 0; i < recipient.length; i++) h = (h * 31 + recipient.charCodeAt(i)) >>> 0;
  return h % lanes;
}

export interface Sender {
  /** Sends everything due now; returns the number sent. */
  drain(): Promise<number>;
}

export function backoffMs(attempt: number): number {
  return Math.min(60 * 60_000, 5_000 * 2 ** Math.max(0, attempt - 1));
}

export function createSender(opts: SenderOptions): Sender {
  const { db, clock, logger, channels } = opts;
  const maxAttempts = opts.maxAttempts ?? 8;

  type Recipient = NonNullable<Awaited<ReturnType<typeof loadRecipients>>[number]>;

  /** One query per batch for the recipients' language and identities. */
  async function loadRecipients(rows: ClaimedRow[]) {
    return db.person.findMany({
      where: { id: { in: [...new Set(rows.map((r) => r.recipient))] } },
      include: { identities: { orderBy: { lastSeenAt: "desc" } } },
    });
  }

  function render(row: ClaimedRow, person: Recipient | undefined): { message: OutboundMessage; ref?: unknown } | undefined {
    // A reply the answering instance could not confirm: already rendered, addressed to where the person wrote from.
    const raw = row.payload.raw;
    if (raw) return { message: raw, ref: person?.identities.find((i) => i.externalId === raw.to)?.conversationRef ?? undefined };
    if (!person) return undefined;
    const locale = person.locale as Locale;
    const p = row.payload;
    const text = t(locale, p.key, p.params ?? {});
    const buttons = (p.buttons ?? []).map((b) => ({ action: b.action, label: b.labelKey ? t(locale, b.labelKey, p.params ?? {}) : (b.label ?? b.action) }));
    const identity = p.target ? undefined : person.identities.find((i) => channels.has(i.platform as Platform));
    const to = p.target ?? identity?.externalId;
    if (!to) return undefined;
    const mentions = p.mentions?.length ? { mentions: p.mentions } : {};
    return { message: { to, text, ...(buttons.length ? { buttons } : {}), ...mentions }, ref: identity?.conversationRef ?? undefined };
  }

  async function sendOne(row: ClaimedRow, person: Recipient | undefined): Promise<boolean> {
    const now = clock.now();
    let platform: Platform | undefined;
    try {
      const r = render(row, person);
      if (!r) {
        await markFailed(db, row.id, opts.workerId, "no reachable identity", now, true);
        return false;
      }
      platform = platformOf(r.message.to);
      const channel = channels.get(platform);
      if (!channel) throw new Error("channel not running");
      const holdMs = (await opts.rateLimiter?.acquire(platform)) ?? 0;
      if (holdMs > 0) {
        await release(db, row.id, opts.workerId, new Date(clock.now().getTime() + holdMs));
        return false;
      }
      await channel.send(r.message, r.ref);
      await markSent(db, row.id, opts.workerId, clock.now());
      return true;
    } catch (err) {
      const e = asMentorbroError(err);
      const retryMs = err instanceof AdapterError && err.retryAfterMs ? err.retryAfterMs : backoffMs(row.attempts);
      if (err instanceof AdapterError && err.retryAfterMs && platform) opts.rateLimiter?.holdOff(platform, err.retryAfterMs);
      const dead = row.attempts >= maxAttempts;
      logger.warn({ code: e.code, outboxId: row.id, attempts: row.attempts, dead }, "send failed");
      await markFailed(db, row.id, opts.workerId, e.code, new Date(now.getTime() + retryMs), dead).catch(() => undefined);
      return false;
    }
  }

  return {
    async drain() {
      let sent = 0;
      const leaseMs = opts.leaseMs ?? 60_000;
      for (;;) {
        const claimedAt = clock.now().getTime();
        const rows = await claimDue(db, opts.workerId, new Date(claimedAt), opts.batchSize ?? 50, leaseMs);
        if (rows.length === 0) return sent;
        const people = new Map((await loadRecipients(rows)).map((p) => [p.id, p]));
        // Lanes send in parallel (platform latency, not our CPU, bounds a sequential sender); one
        // recipient's messages stay in one lane, so they arrive in order.
        const lanes = Array.from({ length: Math.max(1, Math.min(opts.concurrency ?? 1, rows.length)) }, () => [] as ClaimedRow[]);
        for (const row of rows) lanes[laneOf(row.recipient, lanes.length)]!.push(row);
        await Promise.all(
          lanes.map(async (lane) => {
            for (const row of lane) {
              // A slow platform must not outlive the lease: another worker could then send the row too.
              if (clock.now().getTime() - claimedAt > leaseMs * 0.8) await release(db, row.id, opts.workerId, clock.now());
              else if (await sendOne(row, people.get(row.recipient))) sent++;
            }
          }),
        );
      }
    },
  };
}
