// Writes a finished sign-up: the mentee's intake (waiting for a match from now), the mentor's offer
// (pending until approved, unless a valid code or a coordinator's invitation activates it), or a
// new coordinator; and one answer changed later (saveAnswer). Inside the message's transaction.
import type { Prisma } from "../../generated/prisma/client.js";
import type { AnswerValue, Answers } from "../../core/flows/types.js";
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

// The one mapping from sign-up answers to stored columns: each answer (a step id) and the columns it
// fills. A finished sign-up stores all of them; changing one answer later (profile-edit.ts) stores
// only that answer's columns.
type Columns<T> = Record<string, (a: Answers) => T>;

function wishes(a: Answers): Prisma.InputJsonValue {
  const w: Record<string, string> = {};
  if (str(a.wish_gender) && a.wish_gender !== "none") w.gender = String(a.wish_gender);
  if (str(a.wish_age) && a.wish_age !== "none") w.age = String(a.wish_age);
  return w;
}

type MenteeColumns = Omit<Prisma.MenteeProfileUncheckedCreateInput, "personId" | "programmeId" | "status" | "waitingSince">;

const PERSON: Columns<{ displayName: string | null }> = {
  name: (a) => ({ displayName: storedName(a.name) }),
};

const MENTEE: Columns<MenteeColumns> = {
  situation: (a) => ({ situation: str(a.situation), targetGroup: str(a.situation) }),
  education_level: (a) => ({ educationLevel: str(a.education_level) }),
  education_field: (a) => ({ educationField: str(a.education_field) }),
  experience: (a) => ({ experience: str(a.experience) }),
  industries: (a) => ({ industries: arr(a.industries) }),
  goals: (a) => ({ goals: arr(a.goals) }),
  help: (a) => ({ helpWanted: arr(a.help) }),
  languages: (a) => ({ languages: arr(a.languages) }),
  municipality: (a) => ({ municipality: str(a.municipality) }),
  availability: (a) => ({ availability: arr(a.availability) }),
  start_date: (a) => ({ availableFrom: str(a.start_date) }),
  meeting_form: (a) => ({ meetingForms: arr(a.meeting_form) }),
  wish_gender: (a) => ({ mentorWishes: wishes(a) }),
  wish_age: (a) => ({ mentorWishes: wishes(a) }),
  digital: (a) => ({ digitalComfort: str(a.digital) }),
  caseworker: (a) => ({ caseworker: str(a.caseworker) ? ({ contact: str(a.caseworker) } as Prisma.InputJsonValue) : undefined }),
};

const MENTOR: Columns<MentorFields> = {
  industry: (a) => ({ industry: arr(a.industry)[0] ?? null }),
  role: (a) => ({ role: str(a.role) }),
  competences: (a) => ({ competences: arr(a.competences) }),
  qualifications: (a) => ({ qualifications: str(a.qualifications) }),
  languages: (a) => ({ languages: arr(a.languages) }),
  municipality: (a) => ({ municipality: str(a.municipality) }),
  capacity: (a) => ({ capacity: Number(a.capacity ?? 1) }),
  hours: (a) => ({ hoursPerMonth: Math.round(Number(a.hours ?? 4)) }),
  availability: (a) => ({ availability: arr(a.availability) }),
  meeting_form: (a) => ({ meetingForms: arr(a.meeting_form) }),
  pref_groups: (a) => ({ preferences: { targetGroups: arr(a.pref_groups) } }),
  gender: (a) => ({ gender: str(a.gender) }),
  age_group: (a) => ({ ageGroup: str(a.age_group) }),
};

/** The columns the given answers fill (all of the table's answers unless `only` names some). */
function columns<T extends object>(table: Columns<T>, a: Answers, only?: readonly string[]): T {
  const ids = only ?? Object.keys(table);
  return Object.assign({}, ...ids.map((id) => table[id]?.(a) ?? {})) as T;
}

const personColumns = (a: Answers, only?: readonly string[]) => columns(PERSON, a, only);
const menteeColumns = (a: Answers, only?: readonly string[]) => columns(MENTEE, a, only);
const mentorColumns = (a: Answers, only?: readonly string[]) => columns(MENTOR, a, only);

async function addRole(tx: Tx, personId: string, role: string): Promise<void> {
  const p = await tx.person.findUniqueOrThrow({ where: { id: personId }, select: { roles: true } });
  if (!p.roles.includes(role)) await tx.person.update({ where: { id: personId }, data: { roles: [...p.roles, role] } });
}

export async function saveCoordinator(tx: Tx, e: SignupEffect, ctx: SaveContext): Promise<void> {
  const { personId, now } = ctx;
  await tx.person.update({ where: { id: personId }, data: personColumns(e.answers) });
  await addRole(tx, personId, "coordinator");
  await tx.auditLog.create({ data: { actorId: personId, action: "coordinator.registered", subjectId: personId, at: now } });
}

export async function saveMentee(tx: Tx, e: SignupEffect, ctx: SaveContext): Promise<void> {
  const a: Answers = e.answers;
  const { personId, now } = ctx;
  const data = { ...menteeColumns(a), status: "waiting", waitingSince: now };
  await tx.menteeProfile.upsert({ where: { personId }, create: { personId, programmeId: ctx.programmeId, ...data }, update: data });
  await tx.person.update({ where: { id: personId }, data: personColumns(a) });
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
  const fields = mentorColumns(a);
  // Registering (again) saves what the mentor offers; being matchable comes only from a valid code
  // here, or from a coordinator's approval later (src/infra/people/mentor-status.ts).
  const self = { role: "self", id: personId } as const;
  await saveMentorProfile(tx, personId, ctx.programmeId, fields, "pending", self, now);
  if (activation) await changeMentorStatus(tx, personId, { type: "invite_code", via: activation }, self, now);
  await tx.person.update({ where: { id: personId }, data: personColumns(a) });
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

/**
 * Stores one answer a mentee or mentor changed after signing up: only the columns of that answer,
 * with an audit row. A mentor's fields go through saveMentorProfile as registering does: what they
 * offer changes, never their status or approval. False when there is no profile to change.
 */
export async function saveAnswer(tx: Tx, personId: string, role: "mentee" | "mentor", stepId: string, value: AnswerValue, now: Date): Promise<boolean> {
  const a: Answers = { [stepId]: value };
  const profile =
    role === "mentee"
      ? await tx.menteeProfile.findUnique({ where: { personId }, select: { programmeId: true } })
      : await tx.mentorProfile.findUnique({ where: { personId }, select: { programmeId: true } });
  if (!profile) return false;
  if (stepId in PERSON) await tx.person.update({ where: { id: personId }, data: personColumns(a, [stepId]) });
  else if (role === "mentee") await tx.menteeProfile.update({ where: { personId }, data: menteeColumns(a, [stepId]) });
  else await saveMentorProfile(tx, personId, profile.programmeId, mentorColumns(a, [stepId]), "pending", { role: "self", id: personId }, now);
  await tx.auditLog.create({ data: { actorId: personId, action: `${role}.profile_changed`, subjectId: personId, details: { field: stepId }, at: now } });
  return true;
}
