// "Delete my data": personal data is erased; anonymised facts (a match happened, hours, outcome
// category) stay for statistics, with free-text fields cleared and the person row gone.
import type { Tx } from "../outbox/outbox.js";

export async function erasePerson(tx: Tx, personId: string): Promise<void> {
  await tx.checkIn.updateMany({ where: { personId }, data: { note: null, topic: null, reason: null } });
  await tx.goal.deleteMany({ where: { menteeId: personId } });
  await tx.outcome.updateMany({ where: { menteeId: personId }, data: { note: null } });
  await tx.match.updateMany({ where: { OR: [{ menteeId: personId }, { mentorId: personId }] }, data: { purpose: null, goals: [], mentorTasks: null, qualifications: null } });
  await tx.matchEvent.updateMany({ where: { match: { OR: [{ menteeId: personId }, { mentorId: personId }] } }, data: { reason: null } });
  await tx.escalation.updateMany({ where: { personId }, data: { excerpt: null, source: null, resolution: null } });
  await tx.proposal.updateMany({ where: { OR: [{ menteeId: personId }, { mentorId: personId }] }, data: { reasons: [], declineReason: null } });
  await tx.outbox.deleteMany({ where: { recipient: personId } });
  await tx.linkCode.deleteMany({ where: { personId } });
  // Identities, consents, profiles and the conversation cascade with the person.
  await tx.person.delete({ where: { id: personId } });
}
