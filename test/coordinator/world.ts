// A small programme for coordinator tests: the demo coordinator and mentors, a mentee with an
// open proposal (Ali), one waiting (Noor), two in active mentorships (Sara with Anna, Mia with
// Karen) and one whose mentorship ended (Bo with Lars).
import type { Database } from "../../src/infra/db/database.js";
import { seedDemo } from "../../src/infra/seed/demo-data.js";
import { ensureProgramme } from "../../src/infra/seed/programme.js";
import { T0 } from "../helpers/bot-harness.js";

const DAY = 864e5;
export const ago = (days: number) => new Date(T0.getTime() - days * DAY);

export interface World {
  programmeId: string;
  coordinator: string;
  mentor: (key: string) => Promise<string>;
  ali: string;
  noor: string;
  sara: string;
  mia: string;
  bo: string;
  proposalId: string;
  saraMatch: string;
  miaMatch: string;
  boMatch: string;
}

async function mentee(
  db: Database,
  key: string,
  name: string,
  status: string,
  waitingDays: number,
  extra: { targetGroup?: string; municipality?: string } = {},
): Promise<string> {
  const p = await db.prisma.person.create({
    data: {
      displayName: name,
      roles: ["mentee"],
      identities: { create: { externalId: `console:${key}`, platform: "console" } },
      conversation: { create: { data: { mode: "idle" } } },
    },
  });
  const programmeId = (await db.prisma.programme.findFirstOrThrow()).id;
  await db.prisma.menteeProfile.create({
    data: {
      personId: p.id,
      programmeId,
      situation: extra.targetGroup ?? "refugee_immigrant",
      targetGroup: extra.targetGroup ?? "refugee_immigrant",
      industries: ["it"],
      municipality: extra.municipality ?? "aarhus",
      goals: ["job"],
      status,
      waitingSince: ago(waitingDays),
      createdAt: ago(waitingDays),
    },
  });
  await db.prisma.consent.createMany({ data: ["matching", "statistics"].map((purpose) => ({ personId: p.id, purpose, granted: true, at: ago(waitingDays) })) });
  await db.prisma.selfAssessment.create({ data: { personId: p.id, kind: "intake", scores: { confidence: 2, clarity: 2, network: 1 }, at: ago(waitingDays) } });
  return p.id;
}

async function match(db: Database, programmeId: string, menteeId: string, mentorId: string, startedDays: number, ended?: number): Promise<string> {
  const m = await db.prisma.match.create({
    data: {
      programmeId,
      menteeId,
      mentorId,
      status: ended ? "ended" : "active",
      goals: ["job"],
      startedAt: ago(startedDays),
      endsAt: ago(startedDays - 182),
      endedAt: ended ? ago(ended) : null,
    },
  });
  return m.id;
}

export async function makeWorld(db: Database): Promise<World> {
  const programmeId = await ensureProgramme(db.prisma);
  await seedDemo(db.prisma, programmeId, ago(400));
  const idOf = async (key: string) => (await db.prisma.identity.findUniqueOrThrow({ where: { externalId: `console:${key}` } })).personId;
  const ali = await mentee(db, "ali", "Ali Hassan", "proposed", 20);
  const noor = await mentee(db, "noor", "Noor", "waiting", 30, { targetGroup: "new_graduate", municipality: "odense" });
  const sara = await mentee(db, "sara", "Sara", "matched", 90);
  const mia = await mentee(db, "mia", "Mia", "matched", 80, { municipality: "vejle" });
  const bo = await mentee(db, "bo", "Bo", "ended", 300, { targetGroup: "long_term_unemployed", municipality: "koebenhavn" });
  const proposal = await db.prisma.proposal.create({
    data: {
      programmeId,
      menteeId: ali,
      mentorId: await idOf("omar"),
      score: 78.4,
      reasons: [{ key: "match.reason.industry", params: { industry: "it" }, points: 30 }],
      createdAt: ago(1),
    },
  });
  const saraMatch = await match(db, programmeId, sara, await idOf("anna"), 60);
  const miaMatch = await match(db, programmeId, mia, await idOf("karen"), 50);
  const boMatch = await match(db, programmeId, bo, await idOf("lars"), 250, 30);
  const anna = await idOf("anna");
  for (let w = 1; w <= 4; w++) {
    const period = `2026-W${String(40 + w).padStart(2, "0")}`;
    await db.prisma.checkIn.create({
      data: { matchId: saraMatch, personId: anna, role: "mentor", period, status: "answered", met: true, hours: 1, createdAt: ago(40 - w * 7) },
    });
    await db.prisma.checkIn.create({
      data: { matchId: saraMatch, personId: sara, role: "mentee", period, status: "answered", met: true, hours: 1, createdAt: ago(40 - w * 7) },
    });
  }
  return { programmeId, coordinator: await idOf("coordinator"), mentor: idOf, ali, noor, sara, mia, bo, proposalId: proposal.id, saraMatch, miaMatch, boMatch };
}
