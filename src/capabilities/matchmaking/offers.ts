// Offers to mentors: an anonymised summary (no name or contact before acceptance), accept or
// decline with a reason, a reminder, and expiry to the next candidate.
import { enqueue } from "../../infra/outbox/outbox.js";
import type { Tx } from "../../infra/db/tx.js";
import { t, type Locale } from "../../core/i18n/index.js";
import { raiseEscalation } from "../../infra/alerts/raise.js";
import type { Reason } from "../../lib/matching/types.js";
import { names, reasonsText } from "./describe.js";
import type { Reply } from "../../core/flows/types.js";

/** The anonymised summary of an offer, in the mentor's words (no name or contact before acceptance). */
async function offerParams(tx: Tx, proposalId: string, l: Locale): Promise<Record<string, string>> {
  const p = await tx.proposal.findUniqueOrThrow({ where: { id: proposalId } });
  const mentee = await tx.menteeProfile.findUniqueOrThrow({ where: { personId: p.menteeId } });
  const mentor = await tx.person.findUniqueOrThrow({ where: { id: p.mentorId } });
  return {
    mentor: mentor.displayName ?? "",
    situation: names.options("situation", mentee.situation ?? "other", l),
    industries: names.industries(mentee.industries, l),
    help: names.options("help", mentee.helpWanted, l),
    goals: names.options("goals", mentee.goals, l),
    municipality: names.municipality(mentee.municipality),
    languages: names.languages(mentee.languages, l),
    reasons: reasonsText(p.reasons as unknown as Reason[], l),
  };
}

const offerButtons = (proposalId: string) => [
  { action: `off:y:${proposalId}`, labelKey: "offer.accept" },
  { action: `off:n:${proposalId}`, labelKey: "offer.decline" },
];

export async function queueOffer(tx: Tx, proposalId: string, now: Date): Promise<void> {
  const p = await tx.proposal.findUniqueOrThrow({ where: { id: proposalId } });
  const mentor = await tx.person.findUniqueOrThrow({ where: { id: p.mentorId } });
  await enqueue(tx, [
    {
      dedupeKey: `offer:${p.id}`,
      recipient: p.mentorId,
      kind: "offer",
      payload: { key: "offer.to_mentor", params: await offerParams(tx, p.id, mentor.locale as Locale), buttons: offerButtons(p.id) },
      dueAt: now,
    },
  ]);
}

/** An open offer shown again (in a mentor's status), with the same buttons as when it was sent. */
export async function offerReply(tx: Tx, proposalId: string, l: Locale): Promise<Reply> {
  return {
    text: t(l, "offer.to_mentor", await offerParams(tx, proposalId, l)),
    buttons: offerButtons(proposalId).map((b) => ({ action: b.action, label: t(l, b.labelKey) })),
  };
}

export const DECLINE_REASONS = ["no_time", "not_my_field", "other"] as const;

export function declineReasonButtons(proposalId: string, l: Locale) {
  return DECLINE_REASONS.map((r) => ({ action: `off:r:${proposalId}:${r}`, label: t(l, `offer.reason.${r}`) }));
}

/** Offers past half their time get one reminder; past their time they expire and are escalated. */
export async function offerTimeouts(tx: Tx, now: Date): Promise<number> {
  const offered = await tx.proposal.findMany({ where: { status: "offered", offeredAt: { not: null } } });
  let expired = 0;
  for (const p of offered) {
    const programme = await tx.programme.findUniqueOrThrow({ where: { id: p.programmeId }, select: { offerTimeoutHours: true } });
    const age = now.getTime() - p.offeredAt!.getTime();
    const limit = programme.offerTimeoutHours * 3_600_000;
    if (age >= limit) {
      const n = await tx.proposal.updateMany({ where: { id: p.id, status: "offered" }, data: { status: "expired", respondedAt: now } });
      if (n.count === 0) continue;
      expired++;
      await tx.menteeProfile.updateMany({ where: { personId: p.menteeId, status: "proposed" }, data: { status: "waiting" } });
      await raiseEscalation(
        tx,
        { dedupeKey: `offer-timeout:${p.id}`, kind: "offer_timed_out", severity: "low", personId: p.mentorId, source: "matching" },
        now,
      );
    } else if (age >= limit / 2 && !p.remindedAt) {
      await tx.proposal.update({ where: { id: p.id }, data: { remindedAt: now } });
      await enqueue(tx, [
        {
          dedupeKey: `offer-reminder:${p.id}`,
          recipient: p.mentorId,
          kind: "offer_reminder",
          payload: { key: "offer.reminder", buttons: offerButtons(p.id) },
          dueAt: now,
        },
      ]);
    }
  }
  return expired;
}
