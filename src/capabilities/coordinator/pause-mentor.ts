// "pause mentor <name> [until <date>]": a coordinator pauses a mentor (holiday, illness, a break
// after a hard case). Without a date, buttons offer 2 weeks, 1 month or 3 months.
import type { HandlerContext, HandlerResult, TextCommand } from "../../core/conversation/handlers.js";
import { t } from "../../core/i18n/index.js";
import { pauseMentor } from "../matchmaking/index.js";
import { danishMidnight } from "../reports/index.js";
import { parseDate } from "../../lib/text/dates.js";
import { day, findPeople, firstName, say } from "./common.js";
import { pickPerson } from "./person.js";

const CHOICES = [14, 30, 90] as const;

export async function pauseButtons(ctx: HandlerContext, personId: string): Promise<HandlerResult> {
  const l = ctx.person.locale;
  const p = await ctx.tx.person.findUnique({ where: { id: personId }, select: { displayName: true, mentor: { select: { status: true } } } });
  if (!p?.mentor) return say(ctx, "co.not_mentor");
  const buttons = CHOICES.map((d) => ({ action: `co:pm:${personId}:${d}`, label: t(l, `co.pause_${d}`) }));
  return { replies: [{ text: t(l, "co.pause_ask", { name: firstName(p.displayName) }), buttons }] };
}

/** until = null resumes the mentor now. */
export async function doPause(ctx: HandlerContext, personId: string, until: Date | null): Promise<HandlerResult> {
  const p = await ctx.tx.person.findUnique({ where: { id: personId }, select: { displayName: true, mentor: { select: { status: true } } } });
  if (!p?.mentor) return say(ctx, "co.not_mentor");
  const name = firstName(p.displayName);
  const change = await pauseMentor(ctx.tx, personId, until, { role: "coordinator", id: ctx.person.id }, ctx.now);
  if (!change.ok) {
    if (change.reason === "past_date") return say(ctx, "co.pause_past");
    if (change.reason === "not_paused") return say(ctx, "co.not_paused", { name });
    return say(ctx, "co.pause_not_possible", { name, status: t(ctx.person.locale, `co.mstatus.${p.mentor.status}`) });
  }
  if (until) return say(ctx, "co.paused", { name, date: day(until) });
  // The pause ends where it began: a mentor still waiting for approval is not made active by it.
  return change.to === "active"
    ? say(ctx, "co.resumed", { name })
    : say(ctx, "co.resumed_status", { name, status: t(ctx.person.locale, `co.mstatus.${change.to}`) });
}

export function pauseFromButton(ctx: HandlerContext, personId: string, days: string | undefined): Promise<HandlerResult> {
  if (days === undefined) return pauseButtons(ctx, personId);
  const n = Number(days);
  if (n === 0) return doPause(ctx, personId, null);
  return doPause(ctx, personId, new Date(ctx.now.getTime() + n * 864e5));
}

async function pauseCommand(ctx: HandlerContext, args: string): Promise<HandlerResult> {
  const parts = args.trim().split(/\s+(?:til|until|to|indtil)\s+/i);
  let name = parts[0] ?? "";
  let dateText = parts[1];
  if (!dateText) {
    // "pause mentor anna 1/3/2027": a last word that is a date.
    const words = name.split(/\s+/);
    if (words.length > 1 && /\d/.test(words[words.length - 1]!)) {
      dateText = words.pop();
      name = words.join(" ");
    }
  }
  if (!name.trim()) return say(ctx, "co.pause_usage");
  const people = await findPeople(ctx.tx, name, "mentor");
  if (people.length === 0) return say(ctx, "co.not_mentor");
  if (people.length > 1) return pickPerson(ctx, people, "pm");
  const id = people[0]!.id;
  if (!dateText) return pauseButtons(ctx, id);
  const d = parseDate(dateText, ctx.now, ctx.person.locale);
  if (!d) return say(ctx, "co.pause_bad_date");
  return doPause(ctx, id, danishMidnight(d.date));
}

export const pauseMentorCommand: TextCommand = {
  words: ["pause mentor", "paus mentor", "pauser mentor", "stop mentor"],
  args: true,
  roles: ["coordinator"],
  help: "co.help_pause",
  handle: pauseCommand,
};
