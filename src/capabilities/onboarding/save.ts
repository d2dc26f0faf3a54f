// Writes a finished sign-up: the mentee's intake (waiting for a match from now), the mentor's offer
// (pending until approved, unless a valid code or a coordinator's invitation activates it), or a
// new coordinator. Inside the message's transaction, with the flow state.
import type { Prisma } from "../../generated/prisma/client.js";
import type { Answers } from "../../core/flows/types.js";
import type { SaveContext, SignupEffect } from "../../core/conversation/signup.js";
import type { Tx } from "../../infra/db/tx.js";
import { warnedName } from "../../core/i18n/name-warning.js";
import { storedName } from "../../lib/text/names.js";
import { industryName } from "../../lib/text/industries.js";
import { municipalityName } from "../../lib/text/municipalities.js";
import { quoteBlock } from "../../lib/text/quote.js";
import { baseStatus, changeMentorStatus, saveMentorProfile, type MentorFields } from "../../infra/people/mentor-status.js";
import { notifyCoordinators } from "../../infra/people/coordinators.js";

const str = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v.trim() : null);
const arr = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

async function addRole(tx: Tx, personId: string, role: string): Promise<void> {
  const p = await tx.person.findUniqueOrThrow({ where: { id: personId }, select: { roles: true } });
  if (!p.roles.includes(role)) await tx.person.update({ where: { id: personId }, data: { roles: [...p.roles, role] } });
}

export async function saveCoordinator(tx: Tx, e: SignupEffect, ctx: SaveContext): Promise<void> {
  const { personId, now } = ctx;
  await tx.person.update({ where: { id: personId }, data: { displayName: storedName(e.answers.name) } });
  await addRole(tx, personId, "coordinator");
  await tx.auditLog.create({ data: { actorId: personId, action: "coordinator.registered", subjectId: personId, at: now } });
}

export async function saveMentee(tx: Tx, e: SignupEffect, ctx: SaveContext): Promise<void> {
  const a: Answers = e.answers;
  const { personId, now } = ctx;
  const wishes: Record<string, string> = {};
  if (str(a.wish_gender) && a.wish_gender !== "none") wishes.gender = String(a.wish_gender);
  if (str(a.wish_age) && a.wish_age !== "none") wishes.age = String(a.wish_age);
  const data = {
    situation: str(a.situation),
    targetGroup: str(a.situation),
    educationLevel: str(a.education_level),
    educationField: str(a.education_field),
    experience: str(a.experience),
    industries: arr(a.industries),
    goals: arr(a.goals),
    helpWanted: arr(a.help),
    languages: arr(a.languages),
    municipality: str(a.municipality),
    availability: arr(a.availability),
    availableFrom: str(a.start_date),
    meetingForms: arr(a.meeting_form),
    mentorWishes: wishes as Prisma.InputJsonValue,
    digitalComfort: str(a.digital),
    caseworker: str(a.caseworker) ? ({ contact: str(a.caseworker) } as Prisma.InputJsonValue) : undefined,
    status: "waiting",
    waitingSince: now,
  };
  await tx.menteeProfile.upsert({ where: { personId }, create: { personId, programmeId: ctx.programmeId, ...data }, update: data });
  await tx.person.update({ where: { id: personId }, data: { displayName: storedName(a.name) } });
  await addRole(tx, personId, "mentee");
  await tx.selfAssessment.create({
    data: {
      personId,
      kind: "intake",
      scores: { confidence: Number(a.self_confidence), clarity: Number(a.self_clarity), network: Number(a.self_network) },
      at: now,
    },
  });
  await tx.auditLog.create({ data: { actorId: personId, action: "mentee.intake_completed", subjectId: personId, at: now } });
}

export async function saveMentor(tx: Tx, e: SignupEffect, ctx: SaveContext): Promise<void> {
  const a: Answers = e.answers;
  const activation = e.activation;
  const { personId, now } = ctx;
  const fields: MentorFields = {
    industry: arr(a.industry)[0] ?? null,
    role: str(a.role),
    competences: arr(a.competences),
    qualifications: str(a.qualifications),
    languages: arr(a.languages),
    municipality: str(a.municipality),
    capacity: Number(a.capacity ?? 1),
    hoursPerMonth: Math.round(Number(a.hours ?? 4)),
    availability: arr(a.availability),
    meetingForms: arr(a.meeting_form),
    preferences: { targetGroups: arr(a.pref_groups) },
    gender: str(a.gender),
    ageGroup: str(a.age_group),
  };
  // Registering (again) saves what the mentor offers; being matchable comes only from a valid code
  // here, or from a coordinator's approval later (src/infra/people/mentor-status.ts).
  const self = { role: "self", id: personId } as const;
  await saveMentorProfile(tx, personId, ctx.programmeId, fields, "pending", self, now);
  if (activation) await changeMentorStatus(tx, personId, { type: "invite_code", via: activation }, self, now);
  await tx.person.update({ where: { id: personId }, data: { displayName: storedName(a.name) } });
  await addRole(tx, personId, "mentor");
  const profile = await tx.mentorProfile.findUniqueOrThrow({
    where: { personId },
    select: { status: true, approvedAt: true, pausedUntil: true, pausedFrom: true, pausedBy: true },
  });
  if (baseStatus(profile) === "pending") {
    await notifyCoordinators(
      tx,
      `mentor-pending:${personId}`,
      "notify.mentor_pending",
      (l) => ({
        name: warnedName(l, storedName(a.name), storedName(a.name) ?? ""),
        industry: fields.industry ? industryName(fields.industry, l) : "–",
        municipality: fields.municipality ? municipalityName(fields.municipality) : "–",
        qualifications: fields.qualifications ? quoteBlock(fields.qualifications) : "–",
      }),
      now,
      [{ action: `mnt:ok:${personId}`, labelKey: "mentor.approve" }],
    );
  }
}
