// Changes to a running mentorship, each recorded in the match's status history.
import { enqueue } from "../../infra/outbox/outbox.js";
import type { Tx } from "../../infra/db/tx.js";
import { MentorbroError } from "../../core/errors.js";
import { startClosing } from "../checkins/index.js";
import { changeMentorStatus, type MentorActor, type MentorChange } from "../../infra/people/mentor-status.js";

const SYSTEM: MentorActor = { role: "system" };

/** Moves a match to `to`, with its history row and an audit row. */
export async function transition(
  tx: Tx,
  matchId: string,
  to: string,
  reason: string | null,
  actorId: string | null,
  now: Date,
  extra: object = {},
): Promise<{ menteeId: string; mentorId: string; from: string }> {
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
  await enqueue(
    tx,
    [m.menteeId, m.mentorId].map((id) => ({
      dedupeKey: `ended:${matchId}:${id}`,
      recipient: id,
      kind: "match_ended",
      payload: { key: "match.ended_to_person" },
      dueAt: now,
    })),
  );
  // An early end still records the outcome, a final self-assessment and feedback.
  await startClosing(tx, matchId, now);
}

/** Ends the match and puts the mentee back on the waiting list (first in line: their wait counts from before). */
export async function reassignMatch(tx: Tx, matchId: string, reason: string, actorId: string | null, now: Date): Promise<void> {
  const m = await transition(tx, matchId, "ended", reason, actorId, now, { endedAt: now, endReason: `reassigned: ${reason}` });
  await tx.menteeProfile.update({ where: { personId: m.menteeId }, data: { status: "waiting" } });
}

/**
 * Pauses a mentor (holiday, illness) until a date, or ends the pause (until = null): no new offers
 * meanwhile, their matches' check-ins pause; nobody is lost. The status itself changes only
 * through mentor-status.ts, which may refuse (a date in the past, a coordinator's pause).
 */
export async function pauseMentor(tx: Tx, personId: string, until: Date | null, actor: MentorActor, now: Date): Promise<MentorChange> {
  const change = await changeMentorStatus(tx, personId, until ? { type: "pause", until } : { type: "resume" }, actor, now);
  if (change.ok) await pauseMatches(tx, personId, until, actor.id ?? null, now);
  return change;
}

async function pauseMatches(tx: Tx, personId: string, until: Date | null, actorId: string | null, now: Date): Promise<void> {
  const matches = await tx.match.findMany({ where: { mentorId: personId, status: { in: until ? ["active"] : ["paused"] } }, select: { id: true } });
  for (const m of matches)
    await transition(tx, m.id, until ? "paused" : "active", until ? "mentor paused" : "mentor back", actorId, now, { pausedUntil: until });
}

/** Pauses that have run out end: each mentor returns to the status the pause interrupted. */
export async function endExpiredPauses(tx: Tx, now: Date): Promise<void> {
  const due = await tx.mentorProfile.findMany({ where: { status: "paused", pausedUntil: { lte: now } }, select: { personId: true } });
  for (const d of due) {
    const change = await changeMentorStatus(tx, d.personId, { type: "expire" }, SYSTEM, now);
    if (change.ok) await pauseMatches(tx, d.personId, null, null, now);
  }
}
