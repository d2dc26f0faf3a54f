// Seed 004: severe psychiatric diagnoses or heavy abuse exceed what a volunteer mentor can carry.
// A coordinator marks the case; the flag stays on the profile and an alert asks someone to
// arrange a professional mentor. The coordinator tools own the command that calls this.
import { MentorbroError } from "../../core/errors.js";
import type { Tx } from "../../infra/db/tx.js";
import { raiseEscalation } from "../../infra/alerts/raise.js";
import { professionalEscalation } from "./scan-signals.js";

export async function markNeedsProfessional(tx: Tx, personId: string, actorId: string, now: Date): Promise<{ escalationId: string; created: boolean }> {
  const n = await tx.menteeProfile.updateMany({ where: { personId }, data: { needsProfessional: true } });
  if (n.count === 0) throw new MentorbroError("NOT_FOUND", "No mentee profile for that person");
  await tx.auditLog.create({ data: { actorId, action: "mentee.needs_professional", subjectId: personId, at: now } });
  const { id, created } = await raiseEscalation(tx, professionalEscalation(personId), now);
  return { escalationId: id, created };
}
