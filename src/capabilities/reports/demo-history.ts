// Eleven months of made-up history for the demo programme (mentees, offers, mentorships, weekly
// check-ins, self-assessments, outcomes), so `rapport` shows something real in the console demo
// and tests can check the report against the tables. Deterministic and seeded once.
import { randomUUID } from "node:crypto";
import type { Prisma } from "../../generated/prisma/client.js";
import type { Db } from "../../infra/db/database.js";
import { DAY } from "../../lib/time.js";

const MARKER = "demo_history_v1";
const NAMES = [
  "Ali",
  "Sara",
  "Jonas",
  "Fatima",
  "Mikkel",
  "Nadia",
  "Ahmad",
  "Line",
  "Omid",
  "Camilla",
  "Hassan",
  "Ida",
  "Yasmin",
  "Rasmus",
  "Leyla",
  "Tobias",
  "Amal",
  "Freja",
  "Dawit",
  "Emma",
  "Karim",
  "Signe",
  "Hiba",
  "Mads",
  "Rania",
  "Anders",
  "Zahra",
  "Julie",
  "Bilal",
  "Maja",
  "Samir",
  "Nanna",
  "Aisha",
  "Oliver",
  "Hanan",
  "Sofie",
];
// Round-robin over the target groups; sick leave has only four people, so the report must
// suppress that group.
const GROUP_SIZES: [string, number][] = [
  ["refugee_immigrant", 20],
  ["new_graduate", 16],
  ["long_term_unemployed", 10],
  ["young_no_education", 10],
  ["sick_leave", 4],
];

function groups(scale: number): string[] {
  const out: string[] = [];
  for (let round = 0; out.length < 60 * scale; round++) for (const [g, n] of GROUP_SIZES) if (round < n * scale) out.push(g);
  return out;
}
const OUTCOMES: [string, number][] = [
  ["job", 0.4],
  ["education", 0.15],
  ["internship", 0.15],
  ["wage_subsidy", 0.1],
  ["other", 0.1],
  ["none", 0.1],
];

function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

function isoWeek(d: Date): string {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = (t.getUTCDay() + 6) % 7;
  t.setUTCDate(t.getUTCDate() - day + 3);
  const firstThursday = new Date(Date.UTC(t.getUTCFullYear(), 0, 4));
  const week = 1 + Math.round(((t.getTime() - firstThursday.getTime()) / DAY - 3 + ((firstThursday.getUTCDay() + 6) % 7)) / 7);
  return `${t.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

const at = (base: Date, days: number) => new Date(base.getTime() + days * DAY);
const clamp = (n: number) => Math.max(1, Math.min(5, Math.round(n)));

/** `scale` multiplies the 60 mentees (benchmarks); the time span stays eleven months. */
export async function seedDemoHistory(db: Db, programmeId: string, now: Date, scale = 1): Promise<boolean> {
  if (await db.setting.findUnique({ where: { key: MARKER } })) return false;
  const mentors = await db.mentorProfile.findMany({
    where: { programmeId, status: "active" },
    orderBy: { createdAt: "asc" },
    select: { personId: true, industry: true, municipality: true },
  });
  if (mentors.length === 0) return false;
  const rand = rng(2026);
  const people: Prisma.PersonCreateManyInput[] = [];
  const profiles: Prisma.MenteeProfileCreateManyInput[] = [];
  const consents: Prisma.ConsentCreateManyInput[] = [];
  const assessments: Prisma.SelfAssessmentCreateManyInput[] = [];
  const proposals: Prisma.ProposalCreateManyInput[] = [];
  const matches: Prisma.MatchCreateManyInput[] = [];
  const checkins: Prisma.CheckInCreateManyInput[] = [];
  const outcomes: Prisma.OutcomeCreateManyInput[] = [];
  const all = groups(scale);
  all.forEach((group, i) => {
    const id = randomUUID();
    const mentor = mentors[i % mentors.length]!;
    const intake = at(now, -(330 - (i * 5) / scale));
    const scores = { confidence: 1 + Math.floor(rand() * 3), clarity: 1 + Math.floor(rand() * 3), network: 1 + Math.floor(rand() * 2) };
    people.push({
      id,
      displayName: `${NAMES[i % NAMES.length]!}${i >= NAMES.length ? ` ${String.fromCharCode(65 + (i % 26))}.` : ""}`,
      roles: ["mentee"],
      locale: i % 3 === 0 ? "en" : "da",
    });
    consents.push(
      { personId: id, purpose: "matching", granted: true, at: intake },
      { personId: id, purpose: "statistics", granted: i % 9 !== 4, at: intake, withdrawnAt: i % 9 !== 4 ? null : intake },
    );
    assessments.push({ personId: id, kind: "intake", scores, at: intake });
    const matched = i < 52 * scale;
    let status = "waiting";
    if (matched) {
      const wait = 5 + Math.floor(rand() * 30);
      if (i % 4 === 0)
        proposals.push({
          programmeId,
          menteeId: id,
          mentorId: mentors[(i + 1) % mentors.length]!.personId,
          score: 50,
          status: "declined",
          declineReason: "no_time",
          createdAt: at(intake, 1),
          offeredAt: at(intake, 1),
          respondedAt: at(intake, 2),
        });
      if (i % 7 === 0)
        proposals.push({
          programmeId,
          menteeId: id,
          mentorId: mentors[(i + 2) % mentors.length]!.personId,
          score: 45,
          status: "expired",
          createdAt: at(intake, 2),
          offeredAt: at(intake, 2),
          respondedAt: at(intake, 5),
        });
      const offered = at(intake, wait - 2);
      const start = new Date(offered.getTime() + Math.round(2 + rand() * 46) * 36e5);
      const proposalId = randomUUID();
      proposals.push({
        id: proposalId,
        programmeId,
        menteeId: id,
        mentorId: mentor.personId,
        score: 70 + Math.round(rand() * 25),
        status: "accepted",
        createdAt: at(offered, -1),
        offeredAt: offered,
        respondedAt: start,
      });
      const matchId = randomUUID();
      const endsAt = at(start, 182);
      const early = i % 11 === 0;
      const endedAt = early ? at(start, 60) : endsAt < now ? endsAt : null;
      const paused = !endedAt && i % 13 === 5;
      status = endedAt ? "ended" : "matched";
      matches.push({
        id: matchId,
        programmeId,
        menteeId: id,
        mentorId: mentor.personId,
        proposalId,
        status: endedAt ? "ended" : paused ? "paused" : "active",
        purposeCodes: ["job"],
        goals: ["job"],
        startedAt: start,
        endsAt,
        endedAt,
        endReason: endedAt ? (early ? "mentee_withdrew" : "completed") : null,
      });
      const last = endedAt ?? now;
      for (let d = 7, week = 1; at(start, d) < last; d += 7, week++) {
        const when = at(start, d);
        const hours = [0.5, 1, 1.5][Math.floor(rand() * 3)]!;
        const met = rand() < 0.8;
        const mentorAnswered = rand() < 0.85;
        const menteeAnswered = rand() < 0.7;
        const menteeHours = rand() < 0.2 ? hours + 1 : hours;
        checkins.push({
          matchId,
          personId: mentor.personId,
          role: "mentor",
          period: isoWeek(when),
          status: mentorAnswered ? "answered" : "missed",
          met: mentorAnswered ? met : null,
          hours: mentorAnswered && met ? hours : null,
          createdAt: when,
          answeredAt: mentorAnswered ? when : null,
        });
        checkins.push({
          matchId,
          personId: id,
          role: "mentee",
          period: isoWeek(when),
          status: menteeAnswered ? "answered" : "missed",
          met: menteeAnswered ? met : null,
          hours: menteeAnswered && met ? menteeHours : null,
          createdAt: when,
          answeredAt: menteeAnswered ? when : null,
        });
        if (week % 4 === 0)
          assessments.push({
            personId: id,
            matchId,
            kind: "monthly",
            scores: {
              confidence: clamp(scores.confidence + week / 8 + rand() - 0.3),
              clarity: clamp(scores.clarity + week / 6),
              network: clamp(scores.network + week / 10),
            },
            at: when,
          });
      }
      if (endedAt) {
        let r = early ? 1 : rand();
        const category = early ? "none" : (OUTCOMES.find(([, p]) => (r -= p) < 0) ?? OUTCOMES[0]!)[0];
        outcomes.push({ matchId, menteeId: id, category, date: endedAt, targetGroup: group, recordedBy: "demo" });
      }
    }
    profiles.push({
      personId: id,
      programmeId,
      situation: group,
      targetGroup: group,
      industries: mentor.industry ? [mentor.industry] : [],
      goals: ["job"],
      municipality: mentor.municipality,
      status,
      waitingSince: intake,
      createdAt: intake,
    });
  });
  await db.$transaction(async (tx) => {
    await tx.person.createMany({ data: people });
    await tx.menteeProfile.createMany({ data: profiles });
    await tx.consent.createMany({ data: consents });
    await tx.selfAssessment.createMany({ data: assessments });
    await tx.proposal.createMany({ data: proposals });
    await tx.match.createMany({ data: matches });
    await tx.checkIn.createMany({ data: checkins });
    await tx.outcome.createMany({ data: outcomes });
    await tx.setting.create({ data: { key: MARKER, value: { seededAt: now.toISOString() } } });
  });
  return true;
}
