// Retention: personal data is erased when a person's mentorships all ended longer ago than the
// retention period (default 24 months) and they take no part any more (not waiting, not an active
// mentor, no open proposal, not a coordinator). People who never got a mentor are erased when they
// have not written for that long. Anonymised statistics remain (see people/erase.ts).
import type { Db } from "../../infra/db/database.js";
import type { Logger } from "../../infra/logger.js";
import { erasePerson, type Eraser } from "../../infra/people/erase.js";
import { requestScrub } from "../../infra/db/scrub.js";

export const DEFAULT_RETENTION_MONTHS = 24;
const BATCH = 200;
const INVOLVED_MENTEE = ["intake", "waiting", "proposed", "matched"];
const INVOLVED_MENTOR = ["pending", "active", "paused", "invited"];
const OPEN_PROPOSALS = ["proposed", "held", "offered"];
const LAST_RUN = "retention_last_run";

export function retentionCutoff(now: Date, months: number): Date {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

/** Ids of people whose data is due for erasure at `now`. */
export async function dueForPurge(db: Db, now: Date, months: number): Promise<string[]> {
  const cutoff = retentionCutoff(now, months);
  const people = await db.person.findMany({
    where: {
      deletedAt: null,
      NOT: { roles: { has: "coordinator" } },
      OR: [{ mentee: { is: null } }, { mentee: { is: { status: { notIn: INVOLVED_MENTEE } } } }],
      AND: [{ OR: [{ mentor: { is: null } }, { mentor: { is: { status: { notIn: INVOLVED_MENTOR } } } }] }],
    },
    select: { id: true, createdAt: true, identities: { select: { lastSeenAt: true } } },
    take: 5000,
  });
  if (people.length === 0) return [];
  const ids = people.map((p) => p.id);
  const [matches, proposals] = await Promise.all([
    db.match.findMany({
      where: { OR: [{ menteeId: { in: ids } }, { mentorId: { in: ids } }] },
      select: { menteeId: true, mentorId: true, status: true, endedAt: true },
    }),
    db.proposal.findMany({
      where: { status: { in: OPEN_PROPOSALS }, OR: [{ menteeId: { in: ids } }, { mentorId: { in: ids } }] },
      select: { menteeId: true, mentorId: true },
    }),
  ]);
  const busy = new Set(proposals.flatMap((p) => [p.menteeId, p.mentorId]));
  const due: string[] = [];
  for (const p of people) {
    if (busy.has(p.id)) continue;
    const own = matches.filter((m) => m.menteeId === p.id || m.mentorId === p.id);
    if (own.length > 0) {
      if (own.every((m) => m.status === "ended" && m.endedAt && m.endedAt < cutoff)) due.push(p.id);
      continue;
    }
    if (p.createdAt < cutoff && p.identities.every((i) => i.lastSeenAt < cutoff)) due.push(p.id);
  }
  return due.slice(0, BATCH);
}

/** Processed event ids, and the replies delivered for them, are forgotten after this many days. */
const EVENT_DAYS = 3;

/** Erases what is due, once per Danish day at most; returns how many people were erased. */
export async function purgeExpired(db: Db, now: Date, months: number, logger?: Logger, erase: Eraser = erasePerson): Promise<number> {
  const today = now.toISOString().slice(0, 10);
  const last = await db.setting.findUnique({ where: { key: LAST_RUN } });
  if ((last?.value as { day?: string } | undefined)?.day === today) return 0;
  // Platforms redeliver within minutes or hours; event ids kept longer only grow the table (and
  // Telegram restarts its update ids at random after a quiet week, so an old id could block a new one).
  const eventCutoff = new Date(now.getTime() - EVENT_DAYS * 864e5);
  const events = await db.inboundEvent.deleteMany({ where: { receivedAt: { lt: eventCutoff } } });
  // Delivered replies have done their job (their key only guards against a redelivery of that event).
  const replies = await db.outbox.deleteMany({ where: { kind: "reply", status: "sent", sentAt: { lt: eventCutoff } } });
  // Reply texts name people and quote them: like an erasure, the deletion is scrubbed from the files.
  if (events.count + replies.count > 0) await requestScrub(db);
  const ids = await dueForPurge(db, now, months);
  for (const id of ids) {
    await db.$transaction(async (tx) => {
      await tx.auditLog.create({ data: { action: "person.purged", details: { reason: "retention", months }, at: now } });
      await erase(tx, id, now);
    });
  }
  // A full batch may leave more: run again on the next tick instead of waiting a day.
  if (ids.length < BATCH)
    await db.setting.upsert({ where: { key: LAST_RUN }, create: { key: LAST_RUN, value: { day: today } }, update: { value: { day: today } } });
  if (ids.length) logger?.info({ purged: ids.length, months }, "retention purge");
  return ids.length;
}
