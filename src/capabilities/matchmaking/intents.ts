// What matchmaking does with what people write in their own words (src/lib/understanding): their
// status, a message to their mentor or mentee, a new mentor, a mentor's holiday or illness. Each
// reuses the typed command's path; what changes something is said back and confirmed first.
import type { HandlerContext, HandlerResult, IntentHandler } from "../../core/conversation/handlers.js";
import type { Reply } from "../../core/flows/types.js";
import { t } from "../../core/i18n/index.js";
import { say } from "../../core/conversation/kit.js";
import { menteeStatus, mentorStatus } from "./status.js";
import { relayIntent } from "./relay.js";
import { mentorPauseIntent } from "./mentor-pause.js";

export const NEW_MENTOR_TASK = "new_mentor";

/** "Do you want a new mentor?" with Yes / Cancel; a mentee without a mentor is told where they stand. */
export async function askNewMentor(ctx: HandlerContext): Promise<HandlerResult> {
  const l = ctx.person.locale;
  const match = await ctx.tx.match.findFirst({ where: { menteeId: ctx.person.id, status: { in: ["active", "paused"] } }, select: { id: true } });
  if (!match) return { replies: [{ text: `${t(l, "newmentor.no_mentor")}\n${await menteeStatus(ctx.tx, ctx.person, ctx.now)}` }] };
  return {
    replies: [
      {
        text: t(l, "newmentor.confirm"),
        buttons: [
          { action: "yes", label: t(l, "newmentor.yes") },
          { action: "no", label: t(l, "common.cancel") },
        ],
      },
    ],
    task: { kind: NEW_MENTOR_TASK, data: {} },
  };
}

async function status(ctx: HandlerContext, tz: string): Promise<HandlerResult> {
  const replies: Reply[] = [];
  if (ctx.person.roles.includes("mentor")) replies.push(...(await mentorStatus(ctx.tx, ctx.person, ctx.now, tz)));
  if (ctx.person.roles.includes("mentee")) replies.push({ text: await menteeStatus(ctx.tx, ctx.person, ctx.now) });
  return replies.length ? { replies } : say(ctx, "status.none");
}

export function matchmakingIntents(tz: string): IntentHandler[] {
  return [
    { intent: "status", roles: ["mentee", "mentor"], handle: (ctx) => status(ctx, tz) },
    { intent: "relay", roles: ["mentee", "mentor"], handle: relayIntent },
    { intent: "new_mentor", roles: ["mentee"], handle: askNewMentor },
    { intent: "mentor_pause", roles: ["mentor"], handle: mentorPauseIntent(tz) },
  ];
}
