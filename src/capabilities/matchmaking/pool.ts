// Loads the waiting pool and the mentors with free capacity for one programme, as the pure
// matching module's candidates. Hard constraints that live in the database are applied here.
import type { Tx } from "../../infra/db/tx.js";
import type { MenteeCandidate, MentorCandidate } from "../../lib/matching/types.js";

/** Proposal states that hold a mentor's capacity and a mentee's place. */
export const OPEN_PROPOSAL = ["proposed", "held", "offered"];

const AGE: Record<string, { min: number; max: number; rep: number }> = {
  under_35: { min: 18, max: 34, rep: 30 },
  "35_55": { min: 35, max: 55, rep: 45 },
  over_55: { min: 56, max: 99, rep: 62 },
};

export interface Pool {
  mentees: MenteeCandidate[];
  mentors: MentorCandidate[];
  excluded: Set<string>;
}

export async function loadPool(tx: Tx, programmeId: string, now: Date): Promise<Pool> {
  const consenting = async (ids: string[]) =>
    new Set(
      (await tx.consent.findMany({ where: { personId: { in: ids }, purpose: "matching", granted: true }, select: { personId: true } })).map((c) => c.personId),
    );
  const open = await tx.proposal.findMany({ where: { programmeId, status: { in: OPEN_PROPOSAL } }, select: { menteeId: true, mentorId: true } });
  const busyMentees = new Set(open.map((p) => p.menteeId));
  const menteeRows = (await tx.menteeProfile.findMany({ where: { programmeId, status: "waiting", needsProfessional: false } })).filter(
    (m) => !busyMentees.has(m.personId),
  );
  const menteeConsent = await consenting(menteeRows.map((m) => m.personId));
  const mentorRows = await tx.mentorProfile.findMany({ where: { programmeId, status: "active", OR: [{ pausedUntil: null }, { pausedUntil: { lte: now } }] } });
  const mentorConsent = await consenting(mentorRows.map((m) => m.personId));
  const active = await tx.match.groupBy({ by: ["mentorId"], where: { status: { in: ["active", "paused"] } }, _count: { _all: true } });
  const load = new Map(active.map((a) => [a.mentorId, a._count._all]));
  for (const p of open) load.set(p.mentorId, (load.get(p.mentorId) ?? 0) + 1);

  const mentees: MenteeCandidate[] = menteeRows
    .filter((m) => menteeConsent.has(m.personId))
    .map((m) => {
      const wishes = (m.mentorWishes ?? {}) as { gender?: string; age?: string };
      const age = wishes.age ? AGE[wishes.age] : undefined;
      return {
        id: m.personId,
        industries: m.industries,
        municipality: m.municipality ?? undefined,
        languages: m.languages,
        helpWanted: m.helpWanted,
        wishes: { mentorGender: wishes.gender, mentorAgeMin: age?.min, mentorAgeMax: age?.max },
        targetGroup: m.targetGroup ?? undefined,
        availability: m.availability,
        meetingForms: m.meetingForms,
        waitingSince: m.waitingSince ?? m.createdAt,
      };
    });
  const mentors: MentorCandidate[] = mentorRows
    .filter((m) => mentorConsent.has(m.personId))
    .map((m) => {
      const prefs = (m.preferences ?? {}) as { targetGroups?: string[]; gender?: string; age?: number };
      return {
        id: m.personId,
        industry: m.industry ?? undefined,
        municipality: m.municipality ?? undefined,
        languages: m.languages,
        competences: m.competences,
        freeCapacity: Math.max(0, m.capacity - (load.get(m.personId) ?? 0)),
        gender: m.gender ?? prefs.gender,
        age: m.ageGroup ? AGE[m.ageGroup]?.rep : prefs.age,
        preferences: { targetGroups: prefs.targetGroups },
        availability: m.availability,
        meetingForms: m.meetingForms,
      };
    })
    .filter((m) => m.freeCapacity > 0);

  // Earlier declined, expired or ended pairings and marked conflicts are never proposed again.
  const ids = mentees.map((m) => m.id);
  const [past, ended, conflicts] = await Promise.all([
    tx.proposal.findMany({
      where: { menteeId: { in: ids }, status: { in: ["declined", "expired", "cancelled"] } },
      select: { menteeId: true, mentorId: true },
    }),
    tx.match.findMany({ where: { menteeId: { in: ids } }, select: { menteeId: true, mentorId: true } }),
    tx.conflict.findMany({ where: { menteeId: { in: ids } }, select: { menteeId: true, mentorId: true } }),
  ]);
  const excluded = new Set([...past, ...ended, ...conflicts].map((p) => `${p.menteeId}|${p.mentorId}`));
  return { mentees, mentors, excluded };
}
