// Changes to a running mentorship, each recorded in the match's status history.
import { enqueue, type Tx } from "../outbox/outbox.js";
import { MentorbroError } from "../core/errors.js";
import { startClosing } from "../checkins/lifecycle.js";

async function transition(tx: Tx, matchId: string, to: string, reason: string | null, actorId: string | null, now: Date, extra: object = {}): Promise<{ menteeId: string; mentorId: string; from: string }> {
  const m = await tx.match.findUnique({ where: { id: matchId } });
  if (!m) throw new MentorbroError("NOT_FOUND", "No such match");
  await tx.match.update({ where: { id: matchId }, data: { status: to, ...extra } });
  await tx.matchEvent.create({ data: { matchId, from: m.status, to, reason, actorId, at: now } });
  await tx.auditLog.create({ data: { actorId, action: `match.${to}`, subjectId: matchId, at: now } });
  return { menteeId: m.menteeId, mentorId: m.mentorId, from: m.status };
}

export async function endMatch(tx: Tx, matchId: string, reason: string, actorId: string | null, now: Date): Promise<void> {
  const m = await transition(tx, matchId, "ended", reason, actorId, now, { endedAt: now, endReason: reason });
  await tx.menteeProfile.updateMany({ where: { personId: m.menteeId, status: "matched" }, data: { status: "ended" } });
  await enqueue(tx, [m.menteeId, m.mentorId].map((id) => ({ dedupeKey: `ended:${matchId}:${id}`, recipient: id, kind: "match_ended", payload: { key: "match.ended_to_person" }, dueAt: now })));
  // An early end still records the outcome, a final self-assessment and feedback.
  await startClosing(tx, matchId, now);
}

/** Ends the match and puts the mentee back on the waiting list (first in line: their wait counts from before). */
export async function reassignMatch(tx: Tx, matchId: string, reason: string, actorId: string | null, now: Date): Promise<void> {
  const m = await transition(tx, matchId, "ended", reason, actorId, now, { endedAt: now, endReason: `reassigned: ${reason}` });
  await tx.menteeProfile.update({ where: { personId: m.menteeId }, data: { status: "waiting" } });
}

/** Pauses a mentor (holiday, illness): no new offers, their matches' check-ins pause; nobody is lost. */
export async function pauseMentor(tx: Tx, personId: string, until: Date | null, actorId: string | null, now: Date): Promise<void> {
  await tx.mentorProfile.update({ where: { personId }, data: { status: until ? "paused" : "active", pausedUntil: until } });
  const matches = await tx.match.findMany({ where: { mentorId: personId, status: { in: until ? ["active"] : ["paused"] } }, select: { id: true } });
  for (const m of matches) await transition(tx, m.id, until ? "paused" : "active", until ? "mentor paused" : "mentor back", actorId, now, { pausedUntil: until });
  await tx.auditLog.create({ data: { actorId, action: until ? "mentor.paused" : "mentor.resumed", subjectId: personId, at: now } });
}

/** Mentors whose pause has run out are active again. */
export async function endExpiredPauses(tx: Tx, now: Date): Promise<void> {
  const due = await tx.mentorProfile.findMany({ where: { status: "paused", pausedUntil: { lte: now } }, select: { personId: true } });
  for (const d of due) await pauseMentor(tx, d.personId, null, null, now);
}
