// When a person is erased, what they were part of ends with them: their running mentorships (the
// history records the end, reason "erased"), their open proposals and offers. The partner is told
// kindly in their own language, a mentee who lost their mentor goes back to the waiting list first
// in line, and coordinators are told. Nothing here names the erased person: these rows outlive them.
import { coordinatorIds } from "../../infra/people/coordinators.js";
import { ERASED } from "../../infra/people/erase.js";
import { enqueue, type QueueItem } from "../../infra/outbox/outbox.js";
import type { Tx } from "../../infra/db/tx.js";
import { firstName } from "../../core/conversation/kit.js";
import { transition } from "./lifecycle.js";

const LIVE = ["active", "paused"];
const OPEN_PROPOSALS = ["proposed", "held", "offered"];
/** Stalled-pair alerts: about a pair that no longer exists once the match has ended. */
const STALLED = ["no_contact", "unanswered_checkins"];

/** A mentee who lost their mentor: waiting again (paused if they no longer consent to matching). */
async function backToWaiting(tx: Tx, menteeId: string, now: Date): Promise<void> {
  const consent = await tx.consent.findUnique({ where: { personId_purpose: { personId: menteeId, purpose: "matching" } } });
  const status = consent?.granted && !consent.withdrawnAt ? "waiting" : "paused";
  const mentee = await tx.menteeProfile.findUnique({ where: { personId: menteeId }, select: { status: true, waitingSince: true } });
  if (!mentee || !["matched", "proposed"].includes(mentee.status)) return;
  // Their wait counts from before: first in line, as after a reassignment.
  await tx.menteeProfile.update({ where: { personId: menteeId }, data: { status, waitingSince: mentee.waitingSince ?? now } });
}

async function tellCoordinators(tx: Tx, dedupe: string, key: string, name: string, now: Date): Promise<void> {
  const ids = await coordinatorIds(tx);
  await enqueue(
    tx,
    ids.map((id) => ({ dedupeKey: `${dedupe}:${id}`, recipient: id, kind: "coordinator_notice", payload: { key, params: { name } }, dueAt: now })),
  );
}

/** Ends everything the person is part of; called by erasePerson before anything is anonymised. */
export async function endForErasure(tx: Tx, personId: string, now: Date): Promise<void> {
  const matches = await tx.match.findMany({ where: { status: { in: LIVE }, OR: [{ menteeId: personId }, { mentorId: personId }] } });
  const proposals = await tx.proposal.findMany({ where: { status: { in: OPEN_PROPOSALS }, OR: [{ menteeId: personId }, { mentorId: personId }] } });
  const partnerIds = [...matches, ...proposals].map((x) => (x.mentorId === personId ? x.menteeId : x.mentorId));
  const people = new Map((await tx.person.findMany({ where: { id: { in: partnerIds } }, select: { id: true, displayName: true } })).map((p) => [p.id, p]));
  const notices: QueueItem[] = [];

  for (const m of matches) {
    const mentorGone = m.mentorId === personId;
    const partnerId = mentorGone ? m.menteeId : m.mentorId;
    await transition(tx, m.id, "ended", ERASED, null, now, { endedAt: now, endReason: ERASED, pausedUntil: null });
    await tx.escalation.updateMany({
      where: { matchId: m.id, kind: { in: STALLED }, status: { in: ["open", "acknowledged"] } },
      data: { status: "resolved", resolvedAt: now, resolution: ERASED },
    });
    if (mentorGone) await backToWaiting(tx, partnerId, now);
    if (!people.has(partnerId)) continue;
    notices.push({
      dedupeKey: `erased:${m.id}:${partnerId}`,
      recipient: partnerId,
      kind: "match_ended",
      payload: { key: mentorGone ? "erase.to_mentee" : "erase.to_mentor" },
      dueAt: now,
    });
    await tellCoordinators(
      tx,
      `erased:${m.id}`,
      mentorGone ? "erase.co_mentor_gone" : "erase.co_mentee_gone",
      firstName(people.get(partnerId)?.displayName),
      now,
    );
  }

  for (const p of proposals) {
    const n = await tx.proposal.updateMany({ where: { id: p.id, status: { in: OPEN_PROPOSALS } }, data: { status: "cancelled", respondedAt: now } });
    if (n.count === 0) continue;
    await tx.auditLog.create({ data: { action: "proposal.cancelled", subjectId: p.id, details: { reason: ERASED }, at: now } });
    const mentorGone = p.mentorId === personId;
    const partnerId = mentorGone ? p.menteeId : p.mentorId;
    if (mentorGone) await backToWaiting(tx, partnerId, now);
    // The mentor saw the offer and may be about to answer it; a mentee is never shown a proposal.
    else if (p.status === "offered" && people.has(partnerId))
      notices.push({
        dedupeKey: `erased:${p.id}:${partnerId}`,
        recipient: partnerId,
        kind: "offer_closed",
        payload: { key: "erase.offer_closed" },
        dueAt: now,
      });
    if (people.has(partnerId)) await tellCoordinators(tx, `erased:${p.id}`, "erase.co_proposal", firstName(people.get(partnerId)?.displayName), now);
  }
  await enqueue(tx, notices);
}

/** For the relay: a partner who is gone (erased, or merged away) cannot be written to. */
export async function reachable(tx: Tx, ids: string[]): Promise<Set<string>> {
  const rows = await tx.person.findMany({ where: { id: { in: ids }, deletedAt: null }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}
