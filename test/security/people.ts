// People for the security tests, each with a console identity: a coordinator, mentors in any
// state the chat can produce, and a waiting mentee whom any active mentor would be proposed to
// (same language, industry and town), so "no proposal" really means "not matchable".
import type { Database } from "../../src/infra/db/database.js";
import { changeMentorStatus, saveMentorProfile } from "../../src/infra/people/mentor-status.js";
import { T0 } from "../helpers/bot-harness.js";

/** Everyone registered the day before the tests' clock starts. */
const BEFORE = new Date(T0.getTime() - 864e5);

export interface People {
  programmeId: string;
  coordinator: string;
  /** A mentor who registered without an invitation code: pending. */
  pia: string;
  /** A mentee waiting for a mentor who fits Pia well. */
  mads: string;
}

async function person(db: Database, key: string, name: string, roles: string[]): Promise<string> {
  const p = await db.prisma.person.create({
    data: {
      displayName: name,
      roles,
      identities: { create: { externalId: `console:${key}`, platform: "console" } },
      conversation: { create: { data: { mode: "idle" } } },
    },
  });
  await db.prisma.consent.create({ data: { personId: p.id, purpose: "matching", granted: true, at: BEFORE } });
  return p.id;
}

/** A mentor as the chat creates one: pending, or approved by `approvedBy` (a coordinator). */
export async function mentor(db: Database, programmeId: string, key: string, name: string, approvedBy?: string): Promise<string> {
  const id = await person(db, key, name, ["mentor"]);
  const fields = { industry: "it", municipality: "aarhus", languages: ["da"], capacity: 1, competences: ["cv"] };
  await saveMentorProfile(db.prisma, id, programmeId, fields, "pending", { role: "self", id }, BEFORE);
  if (approvedBy) await changeMentorStatus(db.prisma, id, { type: "approve" }, { role: "coordinator", id: approvedBy }, new Date(BEFORE.getTime() + 1000));
  return id;
}

export async function makePeople(db: Database): Promise<People> {
  const programmeId = (await db.prisma.programme.findFirstOrThrow()).id;
  const coordinator = await person(db, "coord", "Kim Koordinator", ["coordinator"]);
  const pia = await mentor(db, programmeId, "pia", "Pia Pending");
  const mads = await person(db, "mads", "Mads", ["mentee"]);
  await db.prisma.menteeProfile.create({
    data: {
      personId: mads,
      programmeId,
      industries: ["it"],
      municipality: "aarhus",
      languages: ["da"],
      goals: ["job"],
      status: "waiting",
      waitingSince: BEFORE,
      targetGroup: "new_graduate",
      situation: "new_graduate",
    },
  });
  return { programmeId, coordinator, pia, mads };
}

export const statusOf = async (db: Database, personId: string) =>
  db.prisma.mentorProfile.findUniqueOrThrow({
    where: { personId },
    select: { status: true, pausedUntil: true, pausedFrom: true, pausedBy: true, approvedAt: true },
  });

/** The status trail of one mentor, oldest first: [event, from, to, by]. */
export async function trail(db: Database, personId: string): Promise<[string, string | null, string, string][]> {
  const rows = await db.prisma.auditLog.findMany({ where: { action: "mentor.status", subjectId: personId }, orderBy: { at: "asc" } });
  return rows.map((r) => {
    const d = r.details as { event: string; from: string | null; to: string; by: string };
    return [d.event, d.from, d.to, d.by];
  });
}
