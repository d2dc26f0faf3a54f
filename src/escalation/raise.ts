// Raising an escalation: one row per dedupe key (raising twice is a no-op) and an alert queued
// for the coordinators in the same transaction. Other capabilities call this; the escalation
// capability owns delivery details (channel target, buttons, re-notification).
import type { Tx } from "../outbox/outbox.js";
import { notifyCoordinators } from "../conversation/apply-effects.js";

export type EscalationKind =
  | "risk"
  | "no_contact"
  | "unanswered_checkins"
  | "falling_wellbeing"
  | "mentor_needs_help"
  | "new_mentor_requested"
  | "offer_timed_out"
  | "waiting_too_long"
  | "needs_professional"
  | "human_requested";

export interface RaiseInput {
  dedupeKey: string;
  kind: EscalationKind;
  severity: "high" | "medium" | "low";
  personId?: string;
  matchId?: string;
  /** Where it came from: "intake", "checkin", "relay", "scheduler"… */
  source?: string;
  /** A short excerpt (≤ 120 chars), never the whole conversation. */
  excerpt?: string;
}

/** Returns the escalation id and whether it was new. */
export async function raiseEscalation(tx: Tx, input: RaiseInput, now: Date): Promise<{ id: string; created: boolean }> {
  const existing = await tx.escalation.findUnique({ where: { dedupeKey: input.dedupeKey }, select: { id: true } });
  if (existing) return { id: existing.id, created: false };
  const esc = await tx.escalation.create({
    data: { ...input, excerpt: input.excerpt?.slice(0, 120), createdAt: now, lastNotifiedAt: now },
  });
  await notifyCoordinators(tx, `alert:${esc.id}:0`, `alert.${input.kind}`, { severity: input.severity }, now);
  await tx.auditLog.create({ data: { action: `escalation.${input.kind}`, subjectId: input.personId ?? null, details: { escalationId: esc.id, severity: input.severity }, at: now } });
  return { id: esc.id, created: true };
}
