// "Delete my data": personal data is erased; anonymised facts (a match happened, hours, outcome
// category) stay for statistics under a fresh random id, with free-text fields cleared.
import { randomUUID } from "node:crypto";
import type { Tx } from "../outbox/outbox.js";

export async function erasePerson(tx: Tx, personId: string): Promise<void> {
  const anon = `anon-${randomUUID()}`;
  await tx.checkIn.updateMany({ where: { personId }, data: { personId: anon, note: null, topic: null, reason: null } });
  await tx.goal.deleteMany({ where: { menteeId: personId } });
  await tx.outcome.updateMany({ where: { menteeId: personId }, data: { menteeId: anon, note: null } });
  await tx.selfAssessment.updateMany({ where: { personId }, data: { personId: anon } });
  await tx.matchEvent.updateMany({ where: { match: { OR: [{ menteeId: personId }, { mentorId: personId }] } }, data: { reason: null } });
  await tx.matchEvent.updateMany({ where: { actorId: personId }, data: { actorId: null } });
  await tx.match.updateMany({ where: { menteeId: personId }, data: { menteeId: anon } });
  await tx.match.updateMany({ where: { mentorId: personId }, data: { mentorId: anon } });
  await tx.match.updateMany({ where: { OR: [{ menteeId: anon }, { mentorId: anon }] }, data: { purpose: null, goals: [], mentorTasks: null, qualifications: null } });
  await tx.proposal.updateMany({ where: { menteeId: personId }, data: { menteeId: anon, reasons: [], declineReason: null } });
  await tx.proposal.updateMany({ where: { mentorId: personId }, data: { mentorId: anon, reasons: [], declineReason: null } });
  await tx.conflict.deleteMany({ where: { OR: [{ menteeId: personId }, { mentorId: personId }] } });
  await tx.escalation.updateMany({ where: { personId }, data: { personId: anon, excerpt: null, source: null, resolution: null } });
  await tx.auditLog.updateMany({ where: { actorId: personId }, data: { actorId: null } });
  await tx.auditLog.updateMany({ where: { subjectId: personId }, data: { subjectId: null } });
  await tx.outbox.deleteMany({ where: { recipient: personId } });
  await tx.linkCode.deleteMany({ where: { personId } });
  // Identities, consents, profiles and the conversation cascade with the person.
  await tx.person.delete({ where: { id: personId } });
}
