// A mentor's status is a small state machine, and this file is the only place that changes it
// (test/security/mentor-status.test.ts checks that no other file writes it). Being matchable is a
// right: only a coordinator's approval or a valid invitation code grants it. A pause is a layer on
// top of the status: it remembers what it paused (pausedFrom) and returns exactly there, so a
// holiday can never turn an unapproved mentor into an active one; and it remembers who set it
// (pausedBy), so a mentor cannot shorten or end a pause a coordinator set. Every transition writes
// one AuditLog row "mentor.status" with actor, from, to and the event.
import { MentorbroError } from "../../core/errors.js";
import type { Prisma } from "../../generated/prisma/client.js";
import type { Tx } from "../db/tx.js";

export type MentorStatus = "invited" | "pending" | "active" | "paused" | "inactive";
/** What a pause can return to. */
type BaseStatus = Exclude<MentorStatus, "paused">;

/** Who causes a change: the mentor themselves, a coordinator, or the system (scheduler, erasure). */
export type MentorActor = { role: "self" | "coordinator"; id: string } | { role: "system"; id?: null };

export type MentorEvent =
  /** A new profile: pending (registered in the chat) or invited (imported by a coordinator). */
  | { type: "register"; initial: "pending" | "invited" }
  /** A coordinator approves: pending → active. */
  | { type: "approve" }
  /** A valid invitation code (the programme's code, or a coordinator's import invitation). */
  | { type: "invite_code"; via: "code" | "import" }
  | { type: "pause"; until: Date }
  /** The pause ends now (a coordinator, or the mentor for their own pause). */
  | { type: "resume" }
  /** The scheduler: the pause date has passed. */
  | { type: "expire" }
  | { type: "withdraw_consent" }
  | { type: "give_consent" }
  /** The person is erased (the profile is deleted right after). */
  | { type: "erase" };

export type MentorRefusal = "not_mentor" | "not_allowed" | "past_date" | "coordinator_pause" | "not_paused" | "not_pending" | "unchanged";

export type MentorChange = { ok: true; from: MentorStatus | null; to: MentorStatus } | { ok: false; reason: MentorRefusal; pausedUntil?: Date | null };

export interface MentorState {
  status: string;
  approvedAt: Date | null;
  pausedUntil: Date | null;
  pausedFrom: string | null;
  pausedBy: string | null;
}

interface Patch {
  status: MentorStatus;
  pausedUntil?: Date | null;
  pausedFrom?: BaseStatus | null;
  pausedBy?: "self" | "coordinator" | null;
  approvedAt?: Date;
  approvedBy?: string;
}

const BASES: readonly string[] = ["invited", "pending", "active", "inactive"];
const CLEAR_PAUSE = { pausedUntil: null, pausedFrom: null, pausedBy: null } as const;

/** The status under a pause. Rows paused before pausedFrom existed fall back to what approval says. */
export function baseStatus(s: MentorState): BaseStatus {
  if (s.status !== "paused") return (BASES.includes(s.status) ? s.status : "inactive") as BaseStatus;
  if (s.pausedFrom && BASES.includes(s.pausedFrom)) return s.pausedFrom as BaseStatus;
  return s.approvedAt ? "active" : "pending";
}

/** Sets the status under a pause, or the status itself when there is no pause. */
function withBase(s: MentorState, base: BaseStatus, extra: Omit<Patch, "status"> = {}): Patch {
  return s.status === "paused" ? { status: "paused", pausedFrom: base, ...extra } : { status: base, ...extra };
}

/** The rules, pure: what the event does to this profile, or why it is refused. */
export function decide(s: MentorState, event: Exclude<MentorEvent, { type: "register" }>, actor: MentorActor, now: Date): Patch | MentorRefusal {
  const base = baseStatus(s);
  const paused = s.status === "paused";
  // A pause nobody is recorded as setting counts as a coordinator's: the cautious reading.
  const coordinatorPause = paused && s.pausedBy !== "self";
  switch (event.type) {
    case "approve":
      if (actor.role !== "coordinator") return "not_allowed";
      if (base !== "pending") return "not_pending";
      return withBase(s, "active", { approvedAt: now, approvedBy: actor.id });
    case "invite_code":
      if (actor.role !== "self") return "not_allowed";
      // The programme's code is for mentors who registered in the chat; an import invitation only
      // for the profile a coordinator imported.
      if (base !== (event.via === "import" ? "invited" : "pending")) return "unchanged";
      return withBase(s, "active", { approvedAt: now, approvedBy: event.via === "import" ? "import" : "invite_code" });
    case "pause":
      if (actor.role === "system") return "not_allowed";
      if (event.until.getTime() <= now.getTime()) return "past_date";
      if (base !== "pending" && base !== "active") return "not_allowed";
      if (actor.role === "self" && coordinatorPause) return "coordinator_pause";
      return { status: "paused", pausedUntil: event.until, pausedFrom: base, pausedBy: actor.role };
    case "resume":
      if (!paused) return "not_paused";
      if (actor.role === "system") return "not_allowed";
      if (actor.role === "self" && coordinatorPause) return "coordinator_pause";
      return { status: base, ...CLEAR_PAUSE };
    case "expire":
      if (!paused || !s.pausedUntil || s.pausedUntil.getTime() > now.getTime()) return "not_paused";
      return { status: base, ...CLEAR_PAUSE };
    case "withdraw_consent":
      if (actor.role !== "self") return "not_allowed";
      if (base !== "pending" && base !== "active") return "unchanged";
      return withBase(s, "inactive");
    case "give_consent":
      if (actor.role !== "self") return "not_allowed";
      if (base !== "inactive") return "unchanged";
      // Consent gives back what the mentor had: approval is kept, it is not granted.
      return withBase(s, s.approvedAt ? "active" : "pending");
    case "erase":
      return { status: "inactive", ...CLEAR_PAUSE };
  }
}

async function audit(
  tx: Tx,
  personId: string,
  actor: MentorActor,
  from: MentorStatus | null,
  to: MentorStatus,
  event: MentorEvent,
  patch: Partial<Patch>,
  now: Date,
): Promise<void> {
  const details = {
    event: event.type,
    from,
    to,
    by: actor.role,
    ...(patch.pausedFrom !== undefined && patch.pausedFrom !== null ? { under: patch.pausedFrom } : {}),
    ...(event.type === "pause" ? { until: event.until.toISOString() } : {}),
  };
  await tx.auditLog.create({ data: { actorId: actor.id ?? null, action: "mentor.status", subjectId: personId, details, at: now } });
}

async function assertActor(tx: Tx, personId: string, actor: MentorActor): Promise<void> {
  if (actor.role === "self" && actor.id !== personId) throw new MentorbroError("NOT_ALLOWED", "A mentor changes only their own status");
  if (actor.role === "coordinator") {
    const p = await tx.person.findUnique({ where: { id: actor.id }, select: { roles: true } });
    if (!p?.roles.includes("coordinator")) throw new MentorbroError("NOT_ALLOWED", "Only a coordinator may do this");
  }
}

/** Applies one event to a mentor's status; a refusal changes nothing and says why. */
export async function changeMentorStatus(
  tx: Tx,
  personId: string,
  event: Exclude<MentorEvent, { type: "register" }>,
  actor: MentorActor,
  now: Date,
): Promise<MentorChange> {
  await assertActor(tx, personId, actor);
  const s = await tx.mentorProfile.findUnique({
    where: { personId },
    select: { status: true, approvedAt: true, pausedUntil: true, pausedFrom: true, pausedBy: true },
  });
  if (!s) return { ok: false, reason: "not_mentor" };
  const patch = decide(s, event, actor, now);
  if (typeof patch === "string") return { ok: false, reason: patch, pausedUntil: s.pausedUntil };
  // Guarded by the state it was decided on: a concurrent change makes this one retry, not overwrite.
  const n = await tx.mentorProfile.updateMany({ where: { personId, status: s.status, pausedUntil: s.pausedUntil, pausedBy: s.pausedBy }, data: patch });
  if (n.count === 0) throw new MentorbroError("CONCURRENT_UPDATE", "The mentor's status changed meanwhile");
  await audit(tx, personId, actor, s.status as MentorStatus, patch.status, event, patch, now);
  return { ok: true, from: s.status as MentorStatus, to: patch.status };
}

/** The profile fields a mentor or a coordinator's import may set; never the status or approval. */
export interface MentorFields {
  industry?: string | null;
  role?: string | null;
  competences?: string[];
  qualifications?: string | null;
  languages?: string[];
  municipality?: string | null;
  capacity?: number;
  hoursPerMonth?: number;
  availability?: string[];
  meetingForms?: string[];
  preferences?: Prisma.InputJsonValue;
  gender?: string | null;
  ageGroup?: string | null;
  importKey?: string;
}

/**
 * Creates the profile (status `initial`), or updates the fields of an existing one: registering
 * again changes what a mentor offers, never what they are allowed to do.
 */
export async function saveMentorProfile(
  tx: Tx,
  personId: string,
  programmeId: string,
  fields: MentorFields,
  initial: "pending" | "invited",
  actor: MentorActor,
  now: Date,
): Promise<{ created: boolean }> {
  const existing = await tx.mentorProfile.findUnique({ where: { personId }, select: { personId: true } });
  if (existing) {
    await tx.mentorProfile.update({ where: { personId }, data: fields });
    return { created: false };
  }
  await tx.mentorProfile.create({ data: { personId, programmeId, ...fields, status: initial } });
  await audit(tx, personId, actor, null, initial, { type: "register", initial }, {}, now);
  return { created: true };
}
