// Writes what a conversation step decided, inside the same transaction as the new flow state.
import type { Prisma } from "../../generated/prisma/client.js";
import type { Answers } from "../flows/types.js";
import { enqueue, type OutboxPayload } from "../../infra/outbox/outbox.js";
import type { Tx } from "../../infra/db/tx.js";
import type { Locale } from "../i18n/index.js";
import { warnedName } from "../i18n/name-warning.js";
import { storedName } from "../../lib/text/names.js";
import { industryName } from "../../lib/text/industries.js";
import { municipalityName } from "../../lib/text/municipalities.js";
import { quoteBlock } from "../../lib/text/quote.js";
import { erasePerson } from "../../infra/people/erase.js";
import { raiseEscalation } from "../../infra/alerts/raise.js";
import { baseStatus, changeMentorStatus, saveMentorProfile, type MentorFields } from "../../infra/people/mentor-status.js";
import type { RouterEffect } from "./router.js";

export interface EffectContext {
  personId: string;
  programmeId: string;
  now: Date;
}

const str = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v.trim() : null);
const arr = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

async function addRole(tx: Tx, personId: string, role: string): Promise<void> {
  const p = await tx.person.findUniqueOrThrow({ where: { id: personId }, select: { roles: true } });
  if (!p.roles.includes(role)) await tx.person.update({ where: { id: personId }, data: { roles: [...p.roles, role] } });
}

export async function coordinatorIds(tx: Tx): Promise<string[]> {
  const rows = await tx.person.findMany({ where: { roles: { has: "coordinator" }, deletedAt: null }, select: { id: true } });
  return rows.map((r) => r.id);
}

export async function applyEffects(tx: Tx, effects: RouterEffect[], ctx: EffectContext): Promise<void> {
  const { personId, now } = ctx;
  for (const e of effects) {
    switch (e.type) {
      case "set_locale":
        await tx.person.update({ where: { id: personId }, data: { locale: e.locale } });
        break;
      case "consent":
        await tx.consent.upsert({
          where: { personId_purpose: { personId, purpose: e.purpose } },
          create: { personId, purpose: e.purpose, granted: e.granted, at: now },
          update: { granted: e.granted, at: now, withdrawnAt: e.granted ? null : now },
        });
        break;
      case "complete":
        if (e.flowId === "mentee_intake") await saveMentee(tx, e.answers, ctx);
        break;
      case "mentor_registered":
        await saveMentor(tx, e.answers, e.active ? (e.via ?? "code") : null, ctx);
        break;
      case "coordinator_registered":
        await tx.person.update({ where: { id: personId }, data: { displayName: storedName(e.name) } });
        await addRole(tx, personId, "coordinator");
        await tx.auditLog.create({ data: { actorId: personId, action: "coordinator.registered", subjectId: personId, at: now } });
        break;
      case "request_human":
        await raiseEscalation(
          tx,
          { dedupeKey: `human:${personId}:${now.toISOString().slice(0, 10)}`, kind: "human_requested", severity: "medium", personId, source: "chat" },
          now,
        );
        break;
      case "delete_person":
        await tx.auditLog.create({ data: { action: "person.deleted", at: now } });
        await erasePerson(tx, personId, now);
        return;
      case "abandon":
        break;
      case "invite_attempt":
        // Recorded by the service (src/security/invite-codes.ts): it needs the platform identity.
        break;
    }
  }
}

export async function notifyCoordinators(
  tx: Tx,
  keyPrefix: string,
  key: string,
  params: Record<string, string | number> | ((locale: Locale) => Record<string, string | number>),
  now: Date,
  buttons?: OutboxPayload["buttons"],
): Promise<void> {
  const coordinators = await tx.person.findMany({ where: { id: { in: await coordinatorIds(tx) } }, select: { id: true, locale: true } });
  await enqueue(
    tx,
    coordinators.map((c) => ({
      dedupeKey: `${keyPrefix}:${c.id}`,
      recipient: c.id,
      kind: "coordinator_notice",
      payload: { key, params: typeof params === "function" ? params(c.locale as Locale) : params, ...(buttons ? { buttons } : {}) },
      dueAt: now,
    })),
  );
}

async function saveMentee(tx: Tx, a: Answers, ctx: EffectContext): Promise<void> {
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

async function saveMentor(tx: Tx, a: Answers, activation: "code" | "import" | null, ctx: EffectContext): Promise<void> {
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
  // here, or from a coordinator's approval later (src/people/mentor-status.ts).
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
