// Joins two persons into one when one human links their identity on another platform. Linking
// joins identities; it never changes what anyone may do. So the two persons must hold the same
// roles (a coordinator joins only a coordinator), or one of them must be blank: no role, no
// profile, no flow started — a new account that brings nothing with it. At most one has a profile.
// The kept person keeps exactly its own roles; the other one's identities and the few rows that
// can point at a person without a profile move over, and it is marked deleted, to be removed after
// the commit (it may still be the person whose message is being stored). Audit rows are history:
// they keep their original actor and subject; the link itself is recorded with both ids.
import { riskOpenKey } from "../../infra/alerts/raise.js";
import type { Tx } from "../../infra/db/tx.js";

export type MergeRefusal = "both_profiles" | "coordinator_only" | "roles_differ" | "gone";
export type MergeResult = { ok: true; keepId: string; removedId: string } | { ok: false; reason: MergeRefusal };

export interface LinkSide {
  id: string;
  roles: string[];
  hasProfile: boolean;
  /** In a flow or has answered a consent question: not a blank new account any more. */
  started: boolean;
}

export async function loadSide(tx: Tx, id: string): Promise<LinkSide | undefined> {
  const p = await tx.person.findFirst({
    where: { id, deletedAt: null },
    select: {
      id: true,
      roles: true,
      mentee: { select: { personId: true } },
      mentor: { select: { personId: true } },
      conversation: { select: { flowId: true } },
      _count: { select: { consents: true } },
    },
  });
  if (!p) return undefined;
  const started = (p.conversation?.flowId ?? null) !== null || p._count.consents > 0;
  return { id: p.id, roles: p.roles, hasProfile: p.mentee !== null || p.mentor !== null, started };
}

const isBlank = (p: LinkSide) => p.roles.length === 0 && !p.hasProfile && !p.started;
const sameRoles = (a: string[], b: string[]) => a.length === b.length && a.every((r) => b.includes(r)) && b.every((r) => a.includes(r));

/** Why these two persons may not be joined, or undefined when they may. */
export function linkRefusal(a: LinkSide, b: LinkSide): MergeRefusal | undefined {
  if (a.hasProfile && b.hasProfile) return "both_profiles";
  // Checked before "blank": a new account never becomes a coordinator by linking.
  if (a.roles.includes("coordinator") !== b.roles.includes("coordinator")) return "coordinator_only";
  if (!sameRoles(a.roles, b.roles) && !isBlank(a) && !isBlank(b)) return "roles_differ";
  return undefined;
}

/** Which of two joinable persons is kept: the one with a profile, else the one that is not blank, else the code's owner. */
function keeper(owner: LinkSide, redeemer: LinkSide): [LinkSide, LinkSide] {
  if (redeemer.hasProfile) return [redeemer, owner];
  if (owner.hasProfile) return [owner, redeemer];
  if (isBlank(owner) && !isBlank(redeemer)) return [redeemer, owner];
  return [owner, redeemer];
}

/** Merges `codeOwnerId` and `redeemerId` (both exist and differ) when the rules allow it. */
export async function mergePersons(tx: Tx, codeOwnerId: string, redeemerId: string, now: Date): Promise<MergeResult> {
  const [owner, redeemer] = await Promise.all([loadSide(tx, codeOwnerId), loadSide(tx, redeemerId)]);
  if (!owner || !redeemer) return { ok: false, reason: "gone" };
  const refusal = linkRefusal(owner, redeemer);
  if (refusal) return { ok: false, reason: refusal };
  const [keep, other] = keeper(owner, redeemer);
  const from = other.id;
  const to = keep.id;

  await tx.identity.updateMany({ where: { personId: from }, data: { personId: to } });
  // Roles are not touched: the kept person has exactly the roles it had (the other one had the
  // same, or none). Only a missing display name is taken over.
  const names = await tx.person.findMany({ where: { id: { in: [from, to] } }, select: { id: true, displayName: true } });
  const keptName = names.find((n) => n.id === to)?.displayName;
  const otherName = names.find((n) => n.id === from)?.displayName;
  if (!keptName && otherName) await tx.person.update({ where: { id: to }, data: { displayName: otherName } });
  // Everything that may name a person without a profile. Profile-bound rows (matches, proposals,
  // check-ins) cannot exist for `other`, but cost nothing to move as well.
  await tx.escalation.updateMany({ where: { personId: from }, data: { personId: to } });
  await tx.escalation.updateMany({ where: { assignedTo: from }, data: { assignedTo: to } });
  // An open risk alert goes on counting the person's risky messages under the kept person's key,
  // unless the kept person has an open one already (then both stay listed, the older one uncounted).
  const taken = await tx.escalation.findUnique({ where: { openKey: riskOpenKey(to) }, select: { id: true } });
  await tx.escalation.updateMany({ where: { openKey: riskOpenKey(from) }, data: { openKey: taken ? null : riskOpenKey(to) } });
  await tx.outbox.updateMany({ where: { recipient: from }, data: { recipient: to } });
  await tx.matchEvent.updateMany({ where: { actorId: from }, data: { actorId: to } });
  await tx.mentorProfile.updateMany({ where: { approvedBy: from }, data: { approvedBy: to } });
  await tx.selfAssessment.updateMany({ where: { personId: from }, data: { personId: to } });
  await tx.checkIn.updateMany({ where: { personId: from }, data: { personId: to } });
  await tx.goal.updateMany({ where: { menteeId: from }, data: { menteeId: to } });
  await tx.outcome.updateMany({ where: { recordedBy: from }, data: { recordedBy: to } });
  await tx.outcome.updateMany({ where: { confirmedBy: from }, data: { confirmedBy: to } });
  await tx.linkCode.deleteMany({ where: { OR: [{ personId: { in: [from, to] } }, { redeemerId: { in: [from, to] } }] } });
  await tx.person.update({ where: { id: from }, data: { deletedAt: now } });
  return { ok: true, keepId: to, removedId: from };
}
