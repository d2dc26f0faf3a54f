// One mentorship for a coordinator: purpose, goals, hours, outcome, with buttons to end it,
// reassign the mentee or record the outcome. Ending and reassigning ask for a reason (buttons,
// or typed text on any platform) and go through matchmaking's lifecycle functions.
import type { HandlerContext, HandlerResult, TaskHandler } from "../../core/conversation/handlers.js";
import type { Button } from "../../core/messages.js";
import { t } from "../../core/i18n/index.js";
import { warnedName } from "../../core/i18n/name-warning.js";
import { endMatch, reassignMatch } from "../matchmaking/index.js";
import { names } from "../matchmaking/index.js";
import { matchHours } from "../reports/index.js";
import { formatNumber } from "../reports/index.js";
import { auditRead, day, firstName, outcomeLabel, say } from "./common.js";
import { outcomeButtons } from "./outcome.js";

export const END_REASONS = ["done", "job", "nocontact", "mentee", "mentor", "other"] as const;

export async function matchCard(ctx: HandlerContext, matchId: string): Promise<HandlerResult> {
  const l = ctx.person.locale;
  const m = await ctx.tx.match.findUnique({ where: { id: matchId } });
  if (!m) return say(ctx, "co.match_gone");
  const people = await ctx.tx.person.findMany({ where: { id: { in: [m.menteeId, m.mentorId] } }, select: { id: true, displayName: true } });
  const name = (id: string) => {
    const full = people.find((p) => p.id === id)?.displayName;
    return warnedName(l, full, firstName(full));
  };
  await auditRead(ctx.tx, ctx.person.id, [m.menteeId, m.mentorId], "match", ctx.now);
  const h = (await matchHours(ctx.tx, [m.id])).get(m.id)!;
  const outcome = await ctx.tx.outcome.findUnique({ where: { matchId: m.id } });
  const text = t(l, "co.match_card", {
    mentee: name(m.menteeId),
    mentor: name(m.mentorId),
    status: t(l, `co.status.${m.status}`),
    since: day(m.startedAt),
    ends: day(m.endedAt ?? m.endsAt),
    goals: names.options("goals", m.goals, l) || "–",
    mentor_hours: formatNumber(h.mentor, l),
    mentee_hours: formatNumber(h.mentee, l),
    confirmed: formatNumber(h.confirmed, l),
    answered: h.answered,
    asked: h.asked,
    outcome: outcome ? outcomeLabel(l, outcome) : "–",
  });
  const buttons: Button[] = [];
  if (m.status !== "ended") {
    buttons.push({ action: `co:end:${m.id}`, label: t(l, "co.btn_end") }, { action: `co:re:${m.id}`, label: t(l, "co.btn_reassign") });
  }
  if (outcome && !outcome.confirmedAt) buttons.push({ action: `co:ocf:${m.id}:${outcome.category}`, label: t(l, "co.btn_outcome_confirm") });
  buttons.push({ action: `co:out:${m.id}`, label: t(l, outcome ? "co.btn_outcome_fix" : "co.btn_outcome") });
  return { replies: [{ text, buttons }] };
}

/** "End" or "Reassign" pressed: ask why, with common reasons as buttons; typed text works too. */
export async function askReason(ctx: HandlerContext, op: "e" | "r", matchId: string): Promise<HandlerResult> {
  const l = ctx.person.locale;
  const m = await ctx.tx.match.findUnique({ where: { id: matchId }, select: { status: true } });
  if (!m || m.status === "ended") return say(ctx, "co.match_gone");
  const buttons = END_REASONS.map((r) => ({ action: `co:why:${op}:${matchId}:${r}`, label: t(l, `co.reason.${r}`) }));
  return { replies: [{ text: t(l, op === "e" ? "co.end_why" : "co.reassign_why"), buttons }], task: { kind: "co_reason", data: { op, matchId } } };
}

export async function applyReason(ctx: HandlerContext, op: string, matchId: string, reason: string): Promise<HandlerResult> {
  const l = ctx.person.locale;
  const m = await ctx.tx.match.findUnique({ where: { id: matchId }, select: { status: true } });
  if (!m || m.status === "ended") return { ...say(ctx, "co.match_gone"), done: true };
  if (op === "r") {
    await reassignMatch(ctx.tx, matchId, reason, ctx.person.id, ctx.now);
    return { ...say(ctx, "co.reassigned"), done: true };
  }
  await endMatch(ctx.tx, matchId, reason, ctx.person.id, ctx.now);
  return { replies: [{ text: t(l, "co.ended"), buttons: outcomeButtons(matchId, l) }], done: true };
}

export const reasonTask: TaskHandler = {
  kind: "co_reason",
  async handle(ctx, data) {
    const text = ctx.input.kind === "text" ? ctx.input.text.trim().slice(0, 200) : "";
    if (!text) return { ...say(ctx, "co.reason_cancelled"), done: true };
    return applyReason(ctx, String(data.op), String(data.matchId), text);
  },
};
