// Raising an escalation: one row per dedupe key (raising twice is a no-op) and an audit entry, in
// the caller's transaction. Delivery is the escalation capability's job (deliver.ts): rows with
// no notification yet are sent to the coordinators right after the commit or on the next tick,
// in the configured channel, so callers need no settings.
import type { Tx } from "../outbox/outbox.js";

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
  | "human_requested"
  | "code_guessing";

export const ESCALATION_KINDS: EscalationKind[] = [
  "risk",
  "no_contact",
  "unanswered_checkins",
  "falling_wellbeing",
  "mentor_needs_help",
  "new_mentor_requested",
  "offer_timed_out",
  "waiting_too_long",
  "needs_professional",
  "human_requested",
  "code_guessing",
];

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

export const EXCERPT_LIMIT = 120;

/** Returns the escalation id and whether it was new. */
export async function raiseEscalation(tx: Tx, input: RaiseInput, now: Date): Promise<{ id: string; created: boolean }> {
  // ON CONFLICT DO NOTHING: two transactions raising the same signal at once cannot fail each other.
  const { count } = await tx.escalation.createMany({
    data: [{ ...input, excerpt: input.excerpt?.slice(0, EXCERPT_LIMIT), createdAt: now }],
    skipDuplicates: true,
  });
  const esc = await tx.escalation.findUniqueOrThrow({ where: { dedupeKey: input.dedupeKey }, select: { id: true } });
  if (count === 1) {
    await tx.auditLog.create({
      data: {
        action: `escalation.${input.kind}`,
        subjectId: input.personId ?? null,
        details: { escalationId: esc.id, severity: input.severity, source: input.source ?? null, matchId: input.matchId ?? null },
        at: now,
      },
    });
  }
  return { id: esc.id, created: count === 1 };
}
