// Joins two persons into one when someone links their identity on another platform. The person
// with a profile is kept (the code's owner when neither or only they have one); the other one must
// be "fresh" (no mentee or mentor profile): its identities, roles and the few things that can point
// at it (an alert about a first message, queued notices, audit rows) move over, and it is marked
// deleted, to be erased after the commit (it may still be the person whose message is being stored).
import { riskOpenKey } from "../escalation/raise.js";
import type { Tx } from "../outbox/outbox.js";

export type MergeResult = { ok: true; keepId: string; removedId: string } | { ok: false; reason: "both_profiles" | "gone" };

async function load(tx: Tx, id: string) {
  return tx.person.findFirst({
    where: { id, deletedAt: null },
    select: { id: true, roles: true, displayName: true, mentee: { select: { personId: true } }, mentor: { select: { personId: true } } },
  });
}

/** Merges `codeOwnerId` and `redeemerId`; both exist and differ. */
export async function mergePersons(tx: Tx, codeOwnerId: string, redeemerId: string, now: Date): Promise<MergeResult> {
  const [owner, redeemer] = await Promise.all([load(tx, codeOwnerId), load(tx, redeemerId)]);
  if (!owner || !redeemer) return { ok: false, reason: "gone" };
  const hasProfile = (p: NonNullable<typeof owner>) => p.mentee !== null || p.mentor !== null;
  if (hasProfile(owner) && hasProfile(redeemer)) return { ok: false, reason: "both_profiles" };
  const [keep, other] = !hasProfile(owner) && hasProfile(redeemer) ? [redeemer, owner] : [owner, redeemer];
  const from = other.id;
  const to = keep.id;

  await tx.identity.updateMany({ where: { personId: from }, data: { personId: to } });
  await tx.person.update({
    where: { id: to },
    data: { roles: [...new Set([...keep.roles, ...other.roles])], displayName: keep.displayName ?? other.displayName },
  });
  // Everything that may name a person without a profile. Profile-bound rows (matches, proposals,
  // check-ins) cannot exist for `other`, but cost nothing to move as well.
  await tx.escalation.updateMany({ where: { personId: from }, data: { personId: to } });
  await tx.escalation.updateMany({ where: { assignedTo: from }, data: { assignedTo: to } });
  // An open risk alert goes on counting the person's risky messages under the kept person's key,
  // unless the kept person has an open one already (then both stay listed, the older one uncounted).
  const taken = await tx.escalation.findUnique({ where: { openKey: riskOpenKey(to) }, select: { id: true } });
  await tx.escalation.updateMany({ where: { openKey: riskOpenKey(from) }, data: { openKey: taken ? null : riskOpenKey(to) } });
  await tx.outbox.updateMany({ where: { recipient: from }, data: { recipient: to } });
  await tx.auditLog.updateMany({ where: { actorId: from }, data: { actorId: to } });
  await tx.auditLog.updateMany({ where: { subjectId: from }, data: { subjectId: to } });
  await tx.matchEvent.updateMany({ where: { actorId: from }, data: { actorId: to } });
  await tx.mentorProfile.updateMany({ where: { approvedBy: from }, data: { approvedBy: to } });
  await tx.selfAssessment.updateMany({ where: { personId: from }, data: { personId: to } });
  await tx.checkIn.updateMany({ where: { personId: from }, data: { personId: to } });
  await tx.goal.updateMany({ where: { menteeId: from }, data: { menteeId: to } });
  await tx.outcome.updateMany({ where: { recordedBy: from }, data: { recordedBy: to } });
  await tx.linkCode.deleteMany({ where: { personId: { in: [from, to] } } });
  await tx.person.update({ where: { id: from }, data: { deletedAt: now } });
  return { ok: true, keepId: to, removedId: from };
}
