// "ferie" / "holiday": a mentor pauses themselves until a date. The rules are mentor-status.ts's:
// a date that has passed is refused (and asked again), a coordinator's pause is the coordinator's
// to change, and the pause returns the mentor to what they were, approved or not.
import type { HandlerContext, HandlerResult } from "../../core/conversation/handlers.js";
import { t } from "../../core/i18n/index.js";
import { baseStatus, type MentorChange } from "../../infra/people/mentor-status.js";
import { parseDate } from "../../lib/text/dates.js";
import { pauseMentor } from "./lifecycle.js";

const TASK = { kind: "mentor_pause", data: {} };
const say = (ctx: HandlerContext, key: string, params: Record<string, string | number> = {}): HandlerResult => ({
  replies: [{ text: t(ctx.person.locale, key, params) }],
});
const ymd = (d: Date | null | undefined) => d?.toISOString().slice(0, 10) ?? "–";

function refusal(ctx: HandlerContext, change: Extract<MentorChange, { ok: false }>): HandlerResult {
  if (change.reason === "past_date") return { ...say(ctx, "mentorpause.past"), task: TASK };
  if (change.reason === "coordinator_pause") return { ...say(ctx, "mentorpause.coordinator", { date: ymd(change.pausedUntil) }), done: true };
  return { ...say(ctx, "mentorpause.not_possible"), done: true };
}

/** Answers at once when there is nothing the mentor may change; else asks for the date. */
export async function askMentorPause(ctx: HandlerContext): Promise<HandlerResult> {
  const m = await ctx.tx.mentorProfile.findUnique({
    where: { personId: ctx.person.id },
    select: { status: true, approvedAt: true, pausedUntil: true, pausedFrom: true, pausedBy: true },
  });
  if (!m) return say(ctx, "mentorpause.not_possible");
  if (m.status === "paused" && m.pausedBy !== "self") return say(ctx, "mentorpause.coordinator", { date: ymd(m.pausedUntil) });
  const base = baseStatus(m);
  if (base !== "pending" && base !== "active") return say(ctx, "mentorpause.not_possible");
  return { ...say(ctx, "mentorpause.ask"), task: TASK };
}

export async function onMentorPauseDate(ctx: HandlerContext): Promise<HandlerResult> {
  const d = ctx.input.kind === "text" ? parseDate(ctx.input.text, ctx.now, ctx.person.locale) : undefined;
  if (!d) return { ...say(ctx, "mentorpause.bad_date"), task: TASK };
  const change = await pauseMentor(ctx.tx, ctx.person.id, new Date(`${d.date}T00:00:00Z`), { role: "self", id: ctx.person.id }, ctx.now);
  if (!change.ok) return refusal(ctx, change);
  const m = await ctx.tx.mentorProfile.findUnique({ where: { personId: ctx.person.id }, select: { pausedFrom: true } });
  // A mentor still waiting for approval is told so: the holiday does not approve them.
  return { ...say(ctx, m?.pausedFrom === "pending" ? "mentorpause.done_pending" : "mentorpause.done", { date: d.date }), done: true };
}
