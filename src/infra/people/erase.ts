// "Delete my data": personal data is erased; anonymised facts (a match happened, hours, outcome
// category) stay for statistics under a fresh random id, with free-text fields cleared.
import { randomUUID } from "node:crypto";
import type { Tx } from "../db/tx.js";
import { changeMentorStatus } from "./mentor-status.js";
import { personIdsOf } from "./former-ids.js";
import { requestScrub } from "../db/scrub.js";

/** Ends something the person is part of, before anything is anonymised (a capability's onErase). */
export type ErasureStep = (tx: Tx, personId: string, now: Date) => Promise<void>;

/** Erasure with every capability's steps first: what capabilities and the core are given. */
export type Eraser = (tx: Tx, personId: string, now: Date, opts?: Pick<EraseOptions, "keepAuditTrail">) => Promise<void>;

/** The reason on a match that ended because a person was erased; not personal, it stays. */
export const ERASED = "erased";

export interface EraseOptions {
  /** Run first, while the rows still name the person (ending mentorships, telling partners). */
  before?: ErasureStep[];
  /**
   * For a person merged into another by linking: the human lives on as the kept person, so the
   * audit rows keep their original actor and subject (the link's audit row names both ids).
   */
  keepAuditTrail?: boolean;
}

export function createEraser(steps: () => ErasureStep[]): Eraser {
  return (tx, personId, now, opts = {}) => erasePerson(tx, personId, now, { ...opts, before: steps() });
}

export async function erasePerson(tx: Tx, personId: string, now: Date, opts: EraseOptions = {}): Promise<void> {
  const anon = `anon-${randomUUID()}`;
  // First what the person was part of ends (partners and coordinators are told), while the rows
  // still name them; the "erased" reason on those ends is not personal and stays.
  for (const step of opts.before ?? []) await step(tx, personId, now);
  await changeMentorStatus(tx, personId, { type: "erase" }, { role: "system" }, now);
  // Audit rows written under ids later merged into this person are this person's too.
  const auditIds = opts.keepAuditTrail ? [] : await personIdsOf(tx, personId);
  // Self-assessments and the target group are intake answers: they stay (anonymised) only for
  // people who said yes to statistics.
  const stats = await tx.consent.findUnique({ where: { personId_purpose: { personId, purpose: "statistics" } } });
  if (!stats?.granted || stats.withdrawnAt) {
    await tx.selfAssessment.deleteMany({ where: { personId } });
    await tx.outcome.updateMany({ where: { menteeId: personId }, data: { targetGroup: null } });
  }
  await tx.checkIn.updateMany({ where: { personId }, data: { personId: anon, note: null, topic: null, reason: null } });
  await tx.goal.deleteMany({ where: { menteeId: personId } });
  await tx.outcome.updateMany({ where: { menteeId: personId }, data: { menteeId: anon, note: null } });
  await tx.selfAssessment.updateMany({ where: { personId }, data: { personId: anon } });
  await tx.matchEvent.updateMany({
    where: { match: { OR: [{ menteeId: personId }, { mentorId: personId }] }, NOT: { reason: ERASED } },
    data: { reason: null },
  });
  await tx.matchEvent.updateMany({ where: { actorId: personId }, data: { actorId: null } });
  await tx.match.updateMany({ where: { menteeId: personId }, data: { menteeId: anon } });
  await tx.match.updateMany({ where: { mentorId: personId }, data: { mentorId: anon } });
  await tx.match.updateMany({
    where: { OR: [{ menteeId: anon }, { mentorId: anon }] },
    data: { purposeCodes: [], goals: [], mentorTaskCodes: [], qualifications: null },
  });
  await tx.match.updateMany({ where: { OR: [{ menteeId: anon }, { mentorId: anon }], NOT: { endReason: ERASED } }, data: { endReason: null } });
  await tx.proposal.updateMany({ where: { menteeId: personId }, data: { menteeId: anon, reasons: [], declineReason: null } });
  await tx.proposal.updateMany({ where: { mentorId: personId }, data: { mentorId: anon, reasons: [], declineReason: null } });
  await tx.conflict.deleteMany({ where: { OR: [{ menteeId: personId }, { mentorId: personId }] } });
  await tx.escalation.updateMany({ where: { personId }, data: { personId: anon, excerpt: null, source: null, resolution: null } });
  // Where the person acted as a coordinator (recorded an outcome, approved a mentor, took an alert).
  await tx.outcome.updateMany({ where: { recordedBy: personId }, data: { recordedBy: null } });
  await tx.mentorProfile.updateMany({ where: { approvedBy: personId }, data: { approvedBy: null } });
  await tx.escalation.updateMany({ where: { assignedTo: personId }, data: { assignedTo: null } });
  if (auditIds.length > 0) {
    await tx.auditLog.updateMany({ where: { actorId: { in: auditIds } }, data: { actorId: null } });
    await tx.auditLog.updateMany({ where: { subjectId: { in: auditIds } }, data: { subjectId: null } });
  }
  // Dedupe and open keys and audit details may name the person ("human:<id>:<day>"): the anonymous id keeps
  // them unique without pointing at anyone.
  for (const sql of [
    `UPDATE "Escalation" SET "dedupeKey" = replace("dedupeKey", $1, $2) WHERE position($1 in "dedupeKey") > 0`,
    `UPDATE "Escalation" SET "openKey" = replace("openKey", $1, $2) WHERE position($1 in "openKey") > 0`,
    `UPDATE "Escalation" SET "lastEventKey" = replace("lastEventKey", $1, $2) WHERE position($1 in "lastEventKey") > 0`,
    `UPDATE "Outbox" SET "dedupeKey" = replace("dedupeKey", $1, $2) WHERE position($1 in "dedupeKey") > 0`,
  ])
    await tx.$executeRawUnsafe(sql, personId, anon);
  for (const id of auditIds) {
    await tx.$executeRawUnsafe(
      `UPDATE "AuditLog" SET details = replace(details::text, $1, $2)::jsonb WHERE position($1 in details::text) > 0`,
      id,
      id === personId ? anon : `anon-${randomUUID()}`,
    );
  }
  await tx.outbox.deleteMany({ where: { recipient: personId } });
  await tx.linkCode.deleteMany({ where: { personId } });
  // Identities, consents, profiles and the conversation cascade with the person.
  await tx.person.delete({ where: { id: personId } });
  // The rows are gone, their bytes not yet: the database files are scrubbed once this commits.
  await requestScrub(tx);
}
