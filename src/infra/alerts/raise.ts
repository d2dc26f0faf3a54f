// Raising an escalation: one row per dedupe key (raising twice is a no-op) and an audit entry, in
// the caller's transaction; with an open key, at most one unresolved row per key (later raises fold
// into it). Delivery is the escalation capability's job (deliver.ts): rows with
// no notification yet are sent to the coordinators right after the commit or on the next tick,
// in the configured channel, so callers need no settings.
import { MentorbroError } from "../../core/errors.js";
import type { Tx } from "../db/tx.js";

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

export type Severity = "high" | "medium" | "low";

const RANK: Record<string, number> = { low: 0, medium: 1, high: 2 };
/** The severities below `s`: the ones a message of severity `s` raises an open alert from. */
export const severitiesBelow = (s: Severity): Severity[] => (["low", "medium", "high"] as const).filter((x) => RANK[x]! < RANK[s]!);

export interface RaiseInput {
  /** One per event: raising the same key again is a no-op (a redelivered message). */
  dedupeKey: string;
  kind: EscalationKind;
  severity: Severity;
  personId?: string;
  matchId?: string;
  /** Where it came from: "intake", "checkin", "relay", "scheduler"… */
  source?: string;
  /** A short excerpt (≤ 120 chars), never the whole conversation. */
  excerpt?: string;
  /**
   * At most one unresolved alert per open key: a later raise with the same key folds into it
   * (occurrences + 1, lastSeenAt, the latest excerpt; a higher severity raises the alert and has
   * it sent again) instead of opening a new one. After it is resolved the next raise opens anew.
   */
  openKey?: string;
  /** Risk: how clear it was ("clear" | "possible") and its topic (src/lib/safety RiskTopic). */
  grade?: string;
  topic?: string;
}

export const EXCERPT_LIMIT = 120;

/** The open key of a person's risk alert. */
export const riskOpenKey = (personId: string): string => `risk:${personId}`;

export interface Raised {
  id: string;
  /** A new alert row was opened. */
  created: boolean;
  /** The raise was folded into an alert that was already open. */
  folded: boolean;
  /** Folding raised that alert's severity (it will be sent again). */
  raisedSeverity: boolean;
}

const TRIES = 3;

/** Returns the escalation id, and whether it was new, folded into an open one, or a repeat of the same event. */
export async function raiseEscalation(tx: Tx, input: RaiseInput, now: Date): Promise<Raised> {
  const excerpt = input.excerpt?.slice(0, EXCERPT_LIMIT);
  for (let i = 0; i < TRIES; i++) {
    // ON CONFLICT DO NOTHING on both unique keys: two transactions raising at once cannot fail
    // each other. PostgreSQL makes the second wait for the first's commit before it decides, so
    // with an open key exactly one row is opened and the other raise folds into it.
    const { count } = await tx.escalation.createMany({
      data: [{ ...input, excerpt, createdAt: now, lastSeenAt: now, lastEventKey: input.dedupeKey }],
      skipDuplicates: true,
    });
    if (count === 1) {
      const esc = await tx.escalation.findUniqueOrThrow({ where: { dedupeKey: input.dedupeKey }, select: { id: true } });
      await audit(tx, `escalation.${input.kind}`, input, esc.id, now);
      return { id: esc.id, created: true, folded: false, raisedSeverity: false };
    }
    const same = await tx.escalation.findUnique({ where: { dedupeKey: input.dedupeKey }, select: { id: true } });
    if (same) return { id: same.id, created: false, folded: false, raisedSeverity: false };
    if (!input.openKey) break;
    const folded = await foldInto(tx, input.openKey, input, excerpt, now);
    if (folded) return folded;
    // The open alert was resolved between the insert and the update: the next try opens a new one.
  }
  throw new MentorbroError("CONCURRENT_UPDATE", "Escalation changed meanwhile");
}

async function foldInto(tx: Tx, openKey: string, input: RaiseInput, excerpt: string | undefined, now: Date): Promise<Raised | undefined> {
  const open = await tx.escalation.findUnique({ where: { openKey } });
  if (!open) return undefined;
  const repeat: Raised = { id: open.id, created: false, folded: false, raisedSeverity: false };
  if (open.lastEventKey === input.dedupeKey) return repeat;
  // A milder message does not replace the excerpt of a more serious one: that is what needs acting on.
  const keepExcerpt = !excerpt || RANK[input.severity]! < RANK[open.severity]!;
  const n = await tx.escalation.updateMany({
    // Re-checked on the row as committed: a concurrent resolve (openKey cleared) or the same event
    // folded by another instance (lastEventKey) makes this a no-op.
    where: { id: open.id, openKey, OR: [{ lastEventKey: null }, { lastEventKey: { not: input.dedupeKey } }] },
    data: { occurrences: { increment: 1 }, lastSeenAt: now, lastEventKey: input.dedupeKey, ...(keepExcerpt ? {} : { excerpt }) },
  });
  if (n.count === 0) {
    const again = await tx.escalation.findUnique({ where: { openKey }, select: { lastEventKey: true } });
    return again?.lastEventKey === input.dedupeKey ? repeat : undefined;
  }
  // Monotonic and conditional: two raises at once cannot lower it, and only one of them re-opens
  // and re-notifies. An acknowledged alert is open again: a more serious message needs a new look.
  const up = await tx.escalation.updateMany({
    where: { id: open.id, severity: { in: severitiesBelow(input.severity) }, status: { not: "resolved" } },
    data: { severity: input.severity, severityRaised: true, status: "open" },
  });
  if (up.count === 1) await audit(tx, "escalation.severity_raised", input, open.id, now);
  return { id: open.id, created: false, folded: true, raisedSeverity: up.count === 1 };
}

async function audit(tx: Tx, action: string, input: RaiseInput, escalationId: string, now: Date): Promise<void> {
  await tx.auditLog.create({
    data: {
      action,
      subjectId: input.personId ?? null,
      details: { escalationId, severity: input.severity, source: input.source ?? null, matchId: input.matchId ?? null },
      at: now,
    },
  });
}
