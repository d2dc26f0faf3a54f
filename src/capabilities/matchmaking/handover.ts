// Acceptance: the match is created with its documented purpose, goals, the mentor's tasks and
// qualifications (seed 001), and both get an introduction. Contact details are shared only when
// both consented; otherwise they write through Mentorbro ("msg …").
import { enqueue } from "../../infra/outbox/outbox.js";
import type { Tx } from "../../infra/db/tx.js";
import { t, type Locale } from "../../core/i18n/index.js";
import type { Mention } from "../../core/messages.js";
import { names } from "./describe.js";
import { contactLine, latest, placeMention, type ContactIdentity } from "./contact-line.js";

/** The match is made; the mentor's introduction is the answer to their press (from `mentorIdentity`). */
export async function acceptProposal(
  tx: Tx,
  proposalId: string,
  now: Date,
  mentorIdentity?: string,
): Promise<{ matchId: string; mentorIntro: string; mentions?: Mention[] } | undefined> {
  const n = await tx.proposal.updateMany({ where: { id: proposalId, status: "offered" }, data: { status: "accepted", respondedAt: now } });
  if (n.count === 0) return undefined;
  const p = await tx.proposal.findUniqueOrThrow({ where: { id: proposalId } });
  const programme = await tx.programme.findUniqueOrThrow({ where: { id: p.programmeId } });
  const mentee = await tx.menteeProfile.findUniqueOrThrow({
    where: { personId: p.menteeId },
    include: { person: { include: { identities: true, consents: true } } },
  });
  const mentor = await tx.mentorProfile.findUniqueOrThrow({
    where: { personId: p.mentorId },
    include: { person: { include: { identities: true, consents: true } } },
  });
  const endsAt = new Date(now);
  endsAt.setUTCMonth(endsAt.getUTCMonth() + programme.durationMonths);
  const share = [mentee.person, mentor.person].every((x) =>
    x.consents.some((c) => c.purpose === (x === mentee.person ? "share_contact" : "matching") && c.granted),
  );
  const match = await tx.match.create({
    data: {
      programmeId: p.programmeId,
      menteeId: p.menteeId,
      mentorId: p.mentorId,
      proposalId: p.id,
      status: "active",
      // Codes, not words: each reader (an export, a coordinator) sees them in their own language.
      purposeCodes: mentee.goals,
      goals: mentee.goals,
      mentorTaskCodes: mentee.helpWanted.filter((h) => mentor.competences.includes(h)).concat(mentee.helpWanted.filter((h) => !mentor.competences.includes(h))),
      qualifications: mentor.qualifications,
      contactShared: share,
      startedAt: now,
      endsAt,
      checkinWeekday: ((now.getUTCDay() + 6) % 7) + 1,
      history: { create: { from: null, to: "active", reason: "accepted", actorId: p.mentorId, at: now } },
    },
  });
  await tx.menteeProfile.update({ where: { personId: p.menteeId }, data: { status: "matched" } });
  await tx.auditLog.create({ data: { actorId: p.mentorId, action: "match.created", subjectId: match.id, at: now } });

  // Each reads about the other where they are: the mentor where they accepted, the mentee where
  // they wrote last (where the outbox reaches them).
  const readers = {
    mentee: latest(mentee.person.identities),
    mentor: mentor.person.identities.find((i) => i.externalId === mentorIdentity) ?? latest(mentor.person.identities),
  };
  const lineFor = (l: Locale, forMentee: boolean) => {
    const other = forMentee ? mentor.person : mentee.person;
    const reader: ContactIdentity | undefined = forMentee ? readers.mentee : readers.mentor;
    return contactLine(l, share, reader, { name: other.displayName ?? "", identities: other.identities });
  };
  const introFor = (l: Locale, forMentee: boolean, contact: string): string => {
    const common = { purpose: names.options("goals", mentee.goals, l), goals: names.options("goals", mentee.goals, l), contact };
    const caseworker = mentee.caseworker ? `\n${t(l, "intro.caseworker", { mentee: mentee.person.displayName ?? "" })}` : "";
    if (forMentee) {
      return (
        t(l, "intro.mentee", {
          ...common,
          mentee: mentee.person.displayName ?? "",
          mentor: mentor.person.displayName ?? "",
          role: mentor.role ?? "",
          industry: names.industries(mentor.industry ?? "", l),
          offers: names.options("help", mentor.competences, l),
          hours: programme.hoursPerMonth,
          months: programme.durationMonths,
        }) + caseworker
      );
    }
    return t(l, "intro.mentor", { ...common, mentee: mentee.person.displayName ?? "", help: names.options("help", mentee.helpWanted, l) }) + caseworker;
  };
  const menteeLocale = mentee.person.locale as Locale;
  const mentorLocale = mentor.person.locale as Locale;
  const menteeLine = lineFor(menteeLocale, true);
  const menteeIntro = placeMention(introFor(menteeLocale, true, menteeLine.text), menteeLine.mention);
  const mentorLine = lineFor(mentorLocale, false);
  const mentorIntro = placeMention(
    t(mentorLocale, "offer.accepted_mentor", { mentor: mentor.person.displayName ?? "", intro: introFor(mentorLocale, false, mentorLine.text) }),
    mentorLine.mention,
  );
  // The mentee hears it through the outbox (they may be on another platform); the mentor gets it as the reply.
  await enqueue(tx, [
    {
      dedupeKey: `intro:${match.id}:${p.menteeId}`,
      recipient: p.menteeId,
      kind: "introduction",
      payload: { key: "raw.text", params: { text: menteeIntro.text }, ...(menteeIntro.mentions ? { mentions: menteeIntro.mentions } : {}) },
      dueAt: now,
    },
  ]);
  return { matchId: match.id, mentorIntro: mentorIntro.text, ...(mentorIntro.mentions ? { mentions: mentorIntro.mentions } : {}) };
}
