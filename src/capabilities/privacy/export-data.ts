// "Give me my data" (GDPR art. 15/20): everything Mentorbro holds about one person, as JSON. Other
// people's names are left out (a match shows ids and dates, not the other person); the access log
// shows who looked at the data by role, not by name.
import type { Tx } from "../../infra/db/tx.js";
import { personIdsOf } from "../../infra/people/former-ids.js";
import { toLocale } from "../../core/i18n/index.js";
import { names } from "../matchmaking/index.js";

const without = <T extends object>(o: T | null, keys: string[]) => (o ? Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k))) : null);

/** "invite_code", "import" and "demo" name how; anything else is a coordinator's person id. */
const approvedByRole = (v: string | null) => (v === null || ["invite_code", "import", "demo"].includes(v) ? v : "coordinator");

export async function collectPersonData(tx: Tx, personId: string, now: Date): Promise<Record<string, unknown> | undefined> {
  const p = await tx.person.findUnique({
    where: { id: personId },
    include: { identities: true, consents: true, mentee: true, mentor: true, conversation: true },
  });
  if (!p) return undefined;
  // Audit rows keep the ids of accounts later linked into this person.
  const auditIds = await personIdsOf(tx, personId);
  const matches = await tx.match.findMany({
    where: { OR: [{ menteeId: personId }, { mentorId: personId }] },
    include: { history: true },
    orderBy: { startedAt: "asc" },
  });
  const [proposals, checkIns, goals, assessments, outcomes, escalations, audit, pending] = await Promise.all([
    tx.proposal.findMany({ where: { OR: [{ menteeId: personId }, { mentorId: personId }] }, orderBy: { createdAt: "asc" } }),
    tx.checkIn.findMany({ where: { personId }, orderBy: { createdAt: "asc" } }),
    tx.goal.findMany({ where: { menteeId: personId } }),
    tx.selfAssessment.findMany({ where: { personId }, orderBy: { at: "asc" } }),
    tx.outcome.findMany({ where: { menteeId: personId } }),
    tx.escalation.findMany({ where: { personId }, orderBy: { createdAt: "asc" } }),
    tx.auditLog.findMany({ where: { subjectId: { in: auditIds } }, orderBy: { at: "asc" } }),
    tx.outbox.count({ where: { recipient: personId, status: "pending" } }),
  ]);
  const actors = await tx.person.findMany({
    where: { id: { in: audit.map((a) => a.actorId).filter((x): x is string => !!x) } },
    select: { id: true, roles: true },
  });
  const locale = toLocale(p.locale);
  const convo = p.conversation?.data as { flow?: { flowId?: string; answers?: unknown } } | undefined;
  return {
    exportedAt: now.toISOString(),
    person: { id: p.id, displayName: p.displayName, locale: p.locale, timezone: p.timezone, roles: p.roles, createdAt: p.createdAt },
    identities: p.identities.map((i) => ({
      platform: i.platform,
      externalId: i.externalId,
      contact: i.contact,
      createdAt: i.createdAt,
      lastSeenAt: i.lastSeenAt,
    })),
    consents: p.consents.map((c) => ({ purpose: c.purpose, granted: c.granted, textVersion: c.textVersion, at: c.at, withdrawnAt: c.withdrawnAt })),
    conversation: p.conversation
      ? { flowId: p.conversation.flowId, step: p.conversation.step, answers: convo?.flow?.answers ?? null, updatedAt: p.conversation.updatedAt }
      : null,
    menteeProfile: without(p.mentee, ["personId", "programmeId"]),
    // Who approved a mentor is told by role (a coordinator's id is theirs, not the mentor's).
    mentorProfile: p.mentor ? { ...without(p.mentor, ["personId", "programmeId", "importKey"]), approvedBy: approvedByRole(p.mentor.approvedBy) } : null,
    matches: matches.map((m) => ({
      id: m.id,
      yourRole: m.menteeId === personId ? "mentee" : "mentor",
      status: m.status,
      // Stored as codes: written out in the language the person reads.
      purpose: names.options("goals", m.purposeCodes, locale),
      goals: m.goals,
      mentorTasks: names.options("help", m.mentorTaskCodes, locale),
      qualifications: m.mentorId === personId ? m.qualifications : undefined,
      contactShared: m.contactShared,
      startedAt: m.startedAt,
      endsAt: m.endsAt,
      endedAt: m.endedAt,
      endReason: m.endReason,
      history: m.history.map((h) => ({ from: h.from, to: h.to, at: h.at })),
    })),
    proposals: proposals.map((x) => ({
      id: x.id,
      yourRole: x.menteeId === personId ? "mentee" : "mentor",
      status: x.status,
      createdAt: x.createdAt,
      offeredAt: x.offeredAt,
      respondedAt: x.respondedAt,
      declineReason: x.mentorId === personId ? x.declineReason : undefined,
    })),
    checkIns: checkIns.map((c) => without(c, ["personId"])),
    goals: goals.map((g) => without(g, ["menteeId"])),
    selfAssessments: assessments.map((a) => ({ kind: a.kind, scores: a.scores, at: a.at })),
    outcomes: outcomes.map((o) => ({ matchId: o.matchId, category: o.category, date: o.date, note: o.note })),
    alerts: escalations.map((e) => ({
      kind: e.kind,
      severity: e.severity,
      status: e.status,
      // Risk: how clear it was, what it was about, and the person's own answer to "are you safe?".
      grade: e.grade,
      topic: e.topic,
      answer: e.answer,
      answeredAt: e.answeredAt,
      excerpt: e.excerpt,
      messages: e.occurrences,
      createdAt: e.createdAt,
      lastSeenAt: e.lastSeenAt,
      resolvedAt: e.resolvedAt,
    })),
    accessLog: audit.map((a) => {
      const roles = actors.find((x) => x.id === a.actorId)?.roles ?? [];
      const by = a.actorId === personId ? "you" : roles.includes("coordinator") ? "coordinator" : a.actorId ? "other" : "system";
      return { action: a.action, by, at: a.at };
    }),
    messagesWaitingToBeSent: pending,
  };
}
