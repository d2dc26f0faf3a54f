// "join <code>" / "tilmeld <kode>": an imported mentor links their chat account to the invitation
// and finishes onboarding. The mentor onboarding flow runs with the spreadsheet's answers filled
// in, so only what is missing is asked (consent first, then e.g. availability), then the summary.
// A coordinator imported them, so they are active without a second approval.
import type { HandlerContext, HandlerResult, TaskHandler, TextCommand } from "../../core/conversation/handlers.js";
import type { Prisma } from "../../generated/prisma/client.js";
import { recordConsent } from "../../core/conversation/apply-effects.js";
import { currentQuestion, stepFlow } from "../../core/flows/engine.js";
import { mentorOnboarding, saveMentor } from "../onboarding/index.js";
import type { Answers, FlowState } from "../../core/flows/types.js";
import { t } from "../../core/i18n/index.js";
import { mergePersons } from "../linking/index.js";
import type { Tx } from "../../infra/db/tx.js";
import { normalizeInviteCode } from "./mentor-import.js";

const MAX_FAILED = 5;
const WINDOW_MS = 15 * 60_000;
export const INVITE_TASK = "invite_onboarding";

async function prefilled(tx: Tx, personId: string): Promise<FlowState | undefined> {
  const p = await tx.person.findUnique({ where: { id: personId }, include: { mentor: true } });
  const m = p?.mentor;
  if (!p || !m || m.status !== "invited") return undefined;
  const answers: Answers = { invite_code: null };
  if (p.displayName) answers.name = p.displayName;
  if (m.industry) answers.industry = [m.industry];
  if (m.role) answers.role = m.role;
  if (m.competences.length) answers.competences = m.competences;
  if (m.qualifications) answers.qualifications = m.qualifications;
  if (m.languages.length) answers.languages = m.languages;
  if (m.municipality) answers.municipality = m.municipality;
  answers.capacity = m.capacity;
  answers.hours = m.hoursPerMonth;
  if (m.gender) answers.gender = m.gender;
  // "editing" makes the engine go to the next unanswered step after each answer.
  return { flowId: mentorOnboarding.id, version: mentorOnboarding.version, step: mentorOnboarding.steps[0]!.id, answers, history: [], editing: true };
}

function firstQuestion(ctx: HandlerContext, state: FlowState, locale = ctx.person.locale, name = ""): HandlerResult {
  return {
    replies: [{ text: t(locale, "imp.join_welcome", { name }) }, currentQuestion(mentorOnboarding, state, locale)],
    task: { kind: INVITE_TASK, data: { flow: state as unknown as Record<string, unknown> } },
  };
}

async function join(ctx: HandlerContext, args: string, removed: Set<string>): Promise<HandlerResult> {
  const { tx, person, now } = ctx;
  const l = person.locale;
  if (!args.trim()) {
    const state = await prefilled(tx, person.id);
    return state ? firstQuestion(ctx, state, l, person.displayName ?? "") : { replies: [{ text: t(l, "imp.join_usage") }] };
  }
  const failed = await tx.auditLog.count({ where: { action: "invite.failed", subjectId: person.id, at: { gte: new Date(now.getTime() - WINDOW_MS) } } });
  if (failed >= MAX_FAILED) return { replies: [{ text: t(l, "imp.join_too_many") }] };
  const code = normalizeInviteCode(args);
  const row = code ? await tx.linkCode.findUnique({ where: { code } }) : null;
  const state = row && row.expiresAt > now ? await prefilled(tx, row.personId) : undefined;
  if (!row || !state) {
    if (code) await tx.auditLog.create({ data: { action: "invite.failed", subjectId: person.id, at: now } });
    return { replies: [{ text: t(l, "imp.join_invalid") }] };
  }
  if (row.personId === person.id) return firstQuestion(ctx, state, l, person.displayName ?? "");
  const merged = await mergePersons(tx, row.personId, person.id, now);
  if (!merged.ok || merged.keepId !== row.personId) return { replies: [{ text: t(l, "imp.join_has_profile") }] };
  removed.add(merged.removedId);
  // The chat account now belongs to the invited mentor: their next message goes to this task.
  const kept = await tx.person.update({ where: { id: row.personId }, data: { locale: l }, select: { displayName: true } });
  const convo = { mode: "task", task: { kind: INVITE_TASK, data: { flow: state } }, resume: "idle" } as unknown as Prisma.InputJsonValue;
  await tx.conversation.upsert({ where: { personId: row.personId }, create: { personId: row.personId, data: convo, seq: 1 }, update: { data: convo } });
  await tx.auditLog.create({ data: { action: "invite.joined", actorId: row.personId, subjectId: row.personId, at: now } });
  // Like a link: the merged-away person's audit rows keep their actor; this row ties the two ids.
  await tx.auditLog.create({
    data: {
      action: "identity.linked",
      actorId: row.personId,
      subjectId: row.personId,
      details: { keptId: row.personId, removedId: merged.removedId, via: "invite" },
      at: now,
    },
  });
  const r = firstQuestion(ctx, state, l, kept.displayName ?? "");
  // This message's own conversation belongs to the merged-away person; nothing to continue there.
  return { replies: r.replies, done: true };
}

export const inviteTask: TaskHandler = {
  kind: INVITE_TASK,
  async handle(ctx, data) {
    const { tx, person, now } = ctx;
    const l = person.locale;
    const state = data.flow as unknown as FlowState;
    const profile = await tx.mentorProfile.findUnique({ where: { personId: person.id }, select: { programmeId: true, status: true } });
    if (!profile || profile.status !== "invited") return { replies: [{ text: t(l, "cmd.no_flow") }], done: true };
    const r = stepFlow(mentorOnboarding, state, ctx.input, { locale: l, now });
    const effects = { personId: person.id, programmeId: profile.programmeId, now };
    for (const e of r.effects) if (e.type === "consent") await recordConsent(tx, person.id, e, now);
    if (r.state) return { replies: r.replies, task: { kind: INVITE_TASK, data: { flow: r.state as unknown as Record<string, unknown> } } };
    const complete = r.effects.find((e) => e.type === "complete");
    if (!complete || complete.type !== "complete") return { replies: r.replies, done: true };
    await saveMentor(tx, { type: "signup", role: "mentor", answers: complete.answers, activation: "import" }, effects);
    return { replies: [...r.replies, { text: t(l, "mentor.done_active", { name: String(complete.answers.name ?? "") }) }], done: true };
  },
};

export function makeJoinCommand(removed: Set<string>): TextCommand {
  return { words: ["join", "tilmeld", "invitation"], args: true, handle: (ctx, args) => join(ctx, args, removed) };
}
