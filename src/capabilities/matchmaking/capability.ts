// Matching as a capability: coordinators approve proposals, mentors accept or decline offers,
// matched pairs write to each other through Mentorbro, mentees and mentors see where they stand,
// and what people write in their own words reaches the same paths (intents.ts).
import type { Capability, CapabilityDeps } from "../../core/capability.js";
import type { HandlerContext, HandlerResult } from "../../core/conversation/handlers.js";
import { t } from "../../core/i18n/index.js";
import { enqueue } from "../../infra/outbox/outbox.js";
import { raiseEscalation } from "../../infra/alerts/raise.js";
import { parseYesNo } from "../../core/flows/parse-input.js";
import { say } from "../../core/conversation/kit.js";
import { acceptProposal } from "./handover.js";
import { DECLINE_REASONS, declineReasonButtons, offerTimeouts, queueOffer } from "./offers.js";
import { endExpiredPauses } from "./lifecycle.js";
import { endForErasure } from "./erase-ends.js";
import { askMentorPause, onMentorPauseDate, onPauseConfirm, PAUSE_CONFIRM_TASK } from "./mentor-pause.js";
import { onRelayTask, RELAY_TASKS, relayCommand } from "./relay.js";
import { askNewMentor, matchmakingIntents, NEW_MENTOR_TASK } from "./intents.js";
import { changeMentorStatus } from "../../infra/people/mentor-status.js";
import { runMatchingAll } from "./run-matching.js";
import { matchDa } from "./texts-da.js";
import { matchEn } from "./texts-en.js";

async function onProposal(ctx: HandlerContext, rest: string): Promise<HandlerResult> {
  if (!ctx.person.roles.includes("coordinator")) return say(ctx, "cmd.not_allowed");
  const [verb, id] = rest.split(":");
  const p = id ? await ctx.tx.proposal.findUnique({ where: { id } }) : null;
  if (!p || !["proposed", "held"].includes(p.status)) return say(ctx, "proposal.gone");
  const mentor = await ctx.tx.person.findUnique({ where: { id: p.mentorId }, select: { displayName: true } });
  const mentee = await ctx.tx.person.findUnique({ where: { id: p.menteeId }, select: { displayName: true } });
  await ctx.tx.auditLog.create({ data: { actorId: ctx.person.id, action: `proposal.${verb}`, subjectId: p.id, at: ctx.now } });
  if (verb === "ok") {
    await ctx.tx.proposal.update({ where: { id: p.id }, data: { status: "offered", offeredAt: ctx.now } });
    await queueOffer(ctx.tx, p.id, ctx.now);
    return say(ctx, "proposal.approved", { mentor: mentor?.displayName ?? "" });
  }
  if (verb === "hold") {
    await ctx.tx.proposal.update({ where: { id: p.id }, data: { status: "held" } });
    return say(ctx, "proposal.held");
  }
  // "Find another": this pair is set aside for good and the next run proposes the next best.
  await ctx.tx.proposal.update({ where: { id: p.id }, data: { status: "cancelled" } });
  await ctx.tx.menteeProfile.updateMany({ where: { personId: p.menteeId, status: "proposed" }, data: { status: "waiting" } });
  return say(ctx, "proposal.other_done", { mentee: mentee?.displayName ?? "" });
}

/** A coordinator approves a registered mentor (seed 001: qualifications are documented first). */
async function onMentorApproval(ctx: HandlerContext, rest: string): Promise<HandlerResult> {
  if (!ctx.person.roles.includes("coordinator")) return say(ctx, "cmd.not_allowed");
  const [verb, personId] = rest.split(":");
  const mentor = verb === "ok" && personId ? await ctx.tx.mentorProfile.findUnique({ where: { personId }, include: { person: true } }) : null;
  if (!mentor) return say(ctx, "proposal.gone");
  // A mentor on holiday can be approved too: they are active when the pause ends.
  const change = await changeMentorStatus(ctx.tx, mentor.personId, { type: "approve" }, { role: "coordinator", id: ctx.person.id }, ctx.now);
  if (!change.ok) return say(ctx, "mentor.already_approved");
  await enqueue(ctx.tx, [
    {
      dedupeKey: `mentor-approved:${mentor.personId}`,
      recipient: mentor.personId,
      kind: "mentor_approved",
      payload: { key: "mentor.approved_to_mentor" },
      dueAt: ctx.now,
    },
  ]);
  return say(ctx, "mentor.approved", { name: mentor.person.displayName ?? "" });
}

async function onOffer(ctx: HandlerContext, rest: string): Promise<HandlerResult> {
  const [verb, id, reason] = rest.split(":");
  const p = id ? await ctx.tx.proposal.findUnique({ where: { id } }) : null;
  if (!p || p.mentorId !== ctx.person.id) return say(ctx, "offer.gone");
  if (verb === "y") {
    const done = await acceptProposal(ctx.tx, p.id, ctx.now, ctx.event.from);
    return done ? { replies: [{ text: done.mentorIntro, ...(done.mentions ? { mentions: done.mentions } : {}) }] } : say(ctx, "offer.gone");
  }
  if (verb === "n") {
    const n = await ctx.tx.proposal.updateMany({ where: { id: p.id, status: "offered" }, data: { status: "declined", respondedAt: ctx.now } });
    if (n.count === 0) return say(ctx, "offer.gone");
    await ctx.tx.menteeProfile.updateMany({ where: { personId: p.menteeId, status: "proposed" }, data: { status: "waiting" } });
    return {
      replies: [{ text: t(ctx.person.locale, "offer.decline_reason"), buttons: declineReasonButtons(p.id, ctx.person.locale) }],
      task: { kind: "decline_reason", data: { proposalId: p.id } },
    };
  }
  if (verb === "r" && p.status === "declined" && (DECLINE_REASONS as readonly string[]).includes(reason ?? "")) {
    await ctx.tx.proposal.update({ where: { id: p.id }, data: { declineReason: reason } });
    return { ...say(ctx, "offer.declined_thanks"), done: true };
  }
  return say(ctx, "offer.gone");
}

export function createMatchmakingCapability(deps: CapabilityDeps): Capability {
  const { db } = deps;
  const tz = deps.settings.timezone;
  return {
    name: "matchmaking",
    texts: { da: matchDa, en: matchEn },
    onErase: endForErasure,
    actions: [
      { prefix: "prop", handle: onProposal },
      { prefix: "off", handle: onOffer },
      { prefix: "mnt", handle: onMentorApproval },
    ],
    commands: [
      { words: ["msg", "besked", "message"], args: true, roles: ["mentee", "mentor"], help: "help.msg", handle: relayCommand },
      // "status" (typed or pressed) reaches the status intent below.
      { words: ["ny mentor", "new mentor", "anden mentor"], roles: ["mentee"], help: "help.newmentor", handle: askNewMentor },
      { words: ["ferie", "holiday", "mentorpause", "mentor pause", "sygdom"], roles: ["mentor"], help: "help.mentorpause", handle: askMentorPause },
    ],
    tasks: [
      {
        kind: "decline_reason",
        handle: async (ctx, data) => {
          const text = ctx.input.kind === "text" ? ctx.input.text.trim().slice(0, 300) : "";
          if (text) await ctx.tx.proposal.updateMany({ where: { id: String(data.proposalId), mentorId: ctx.person.id }, data: { declineReason: text } });
          return { ...say(ctx, "offer.declined_thanks"), done: true };
        },
      },
      {
        kind: NEW_MENTOR_TASK,
        structured: true,
        handle: async (ctx) => {
          const yes = ctx.input.kind === "action" ? ctx.input.action === "yes" : ctx.input.kind === "text" ? parseYesNo(ctx.input.text) : false;
          if (!yes) return { ...say(ctx, "newmentor.cancelled"), done: true };
          const match = await ctx.tx.match.findFirst({ where: { menteeId: ctx.person.id, status: { in: ["active", "paused"] } } });
          await raiseEscalation(
            ctx.tx,
            {
              dedupeKey: `newmentor:${ctx.person.id}:${match?.id ?? "none"}`,
              kind: "new_mentor_requested",
              severity: "medium",
              personId: ctx.person.id,
              matchId: match?.id,
              source: "mentee",
            },
            ctx.now,
          );
          return { ...say(ctx, "newmentor.done"), done: true };
        },
      },
      { kind: "mentor_pause", structured: true, handle: onMentorPauseDate },
      { kind: PAUSE_CONFIRM_TASK, structured: true, handle: onPauseConfirm(tz) },
      ...RELAY_TASKS.map((kind) => ({ kind, handle: (ctx: HandlerContext, data: Record<string, unknown>) => onRelayTask(ctx, kind, data) })),
    ],
    intents: matchmakingIntents(tz),
    jobs: [
      async (now) => {
        await db.$transaction(async (tx) => {
          await offerTimeouts(tx, now);
          await endExpiredPauses(tx, now);
        });
        await runMatchingAll(db, now);
      },
    ],
    afterCommit: async () => {
      if ((await db.menteeProfile.count({ where: { status: "waiting" } })) > 0) await runMatchingAll(db, deps.clock.now());
    },
  };
}
