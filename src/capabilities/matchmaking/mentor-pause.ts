// "ferie" / "holiday": a mentor pauses themselves until a date. The rules are mentor-status.ts's:
// a date that has passed is refused (and asked again), a coordinator's pause is the coordinator's
// to change, and the pause returns the mentor to what they were, approved or not.
// Said in one's own words ("jeg skal på ferie de næste tre uger", "I'm sick for a week"), the last
// day is worked out in Danish time, said back in words and set only after "Ja".
import type { HandlerContext, HandlerResult } from "../../core/conversation/handlers.js";
import { t, type Locale } from "../../core/i18n/index.js";
import { baseStatus, type MentorChange } from "../../infra/people/mentor-status.js";
import { parseDate } from "../../lib/text/dates.js";
import { DAY, localParts, zonedInstant } from "../../lib/time.js";
import type { Understanding } from "../../lib/understanding/recognise.js";
import { parseYesNo } from "../../core/flows/parse-input.js";
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

/** The answer when there is nothing the mentor may change (a coordinator's pause, not in matching). */
async function blocked(ctx: HandlerContext): Promise<HandlerResult | undefined> {
  const m = await ctx.tx.mentorProfile.findUnique({
    where: { personId: ctx.person.id },
    select: { status: true, approvedAt: true, pausedUntil: true, pausedFrom: true, pausedBy: true },
  });
  if (!m) return say(ctx, "mentorpause.not_possible");
  if (m.status === "paused" && m.pausedBy !== "self") return say(ctx, "mentorpause.coordinator", { date: ymd(m.pausedUntil) });
  const base = baseStatus(m);
  if (base !== "pending" && base !== "active") return say(ctx, "mentorpause.not_possible");
  return undefined;
}

/** Answers at once when there is nothing the mentor may change; else asks for the date. */
export async function askMentorPause(ctx: HandlerContext): Promise<HandlerResult> {
  return (await blocked(ctx)) ?? { ...say(ctx, "mentorpause.ask"), task: TASK };
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

// ---- In one's own words ----

export const PAUSE_CONFIRM_TASK = "mentor_pause_confirm";
type Reason = "holiday" | "illness" | "other";
const REASONS: readonly Reason[] = ["holiday", "illness", "other"];
const reasonOf = (r: unknown): Reason => (REASONS.includes(r as Reason) ? (r as Reason) : "other");

const ymdOf = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
const utcDay = (date: string) => new Date(`${date}T00:00:00Z`);
const addDays = (date: string, n: number) => utcDay(date).getTime() + n * DAY;

/** Today's date in the programme's time zone (Danish time), YYYY-MM-DD. */
function today(now: Date, tz: string): string {
  const l = localParts(now, tz);
  return ymdOf(l.y, l.m, l.d);
}

/** "fredag 25. december" / "Friday 25 December" (with the year when it is not this year's). */
export function dayInWords(date: string, locale: Locale, now: Date, tz: string): string {
  const d = utcDay(date);
  const weekday = ((d.getUTCDay() + 6) % 7) + 1;
  const params = {
    weekday: t(locale, `mentorpause.weekday.${weekday}`),
    day: d.getUTCDate(),
    month: t(locale, `mentorpause.month.${d.getUTCMonth() + 1}`),
    year: d.getUTCFullYear(),
  };
  return t(locale, d.getUTCFullYear() === localParts(now, tz).y ? "mentorpause.day_words" : "mentorpause.day_words_year", params);
}

/** The end of the last day in Danish time: the pause covers that whole day. */
function endOfDay(last: string, tz: string): Date {
  const next = new Date(addDays(last, 1));
  return zonedInstant(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), 0, 0, tz);
}

function askToConfirmPause(ctx: HandlerContext, last: string, reason: Reason, tz: string): HandlerResult {
  const l = ctx.person.locale;
  return {
    replies: [
      {
        text: t(l, `mentorpause.confirm.${reason}`, { day: dayInWords(last, l, ctx.now, tz) }),
        buttons: [
          { action: "mpause:yes", label: t(l, "common.yes") },
          { action: "mpause:no", label: t(l, "common.no") },
        ],
      },
    ],
    task: { kind: PAUSE_CONFIRM_TASK, data: { last, reason } },
  };
}

/** A last day: refused when it has passed (as the typed path does), else said back to confirm. */
function withLastDay(ctx: HandlerContext, last: string, reason: Reason, tz: string): HandlerResult {
  if (last < today(ctx.now, tz)) return { ...say(ctx, "mentorpause.past"), task: TASK };
  return askToConfirmPause(ctx, last, reason, tz);
}

/** "jeg skal på ferie de næste tre uger", "I'm sick until 3 January", or the menu button (no period). */
export function mentorPauseIntent(tz: string) {
  return async (ctx: HandlerContext, u: Understanding): Promise<HandlerResult> => {
    const stop = await blocked(ctx);
    if (stop) return stop;
    const reason = reasonOf(u.slots.reason);
    const now = today(ctx.now, tz);
    const last = u.slots.until ?? (u.slots.days ? new Date(addDays(now, u.slots.days)).toISOString().slice(0, 10) : undefined);
    if (!last || !/^\d{4}-\d{2}-\d{2}$/.test(last)) return { ...say(ctx, "mentorpause.ask"), task: TASK };
    return withLastDay(ctx, last, reason, tz);
  };
}

/** "Ferie til og med fredag 25. december – er det rigtigt?" answered. */
export function onPauseConfirm(tz: string) {
  return async (ctx: HandlerContext, data: Record<string, unknown>): Promise<HandlerResult> => {
    const { input } = ctx;
    const reason = reasonOf(data.reason);
    const yes =
      input.kind === "action"
        ? input.action === "mpause:yes"
          ? true
          : input.action === "mpause:no"
            ? false
            : undefined
        : input.kind === "text"
          ? parseYesNo(input.text)
          : undefined;
    if (yes === false) return { ...say(ctx, "mentorpause.ask"), task: TASK };
    if (yes === undefined) {
      // Another date instead of yes or no ("nej, til 3. januar"): said back again.
      const d = input.kind === "text" ? parseDate(input.text, ctx.now, ctx.person.locale) : undefined;
      if (d) return withLastDay(ctx, d.date, reason, tz);
      return { ...say(ctx, "mentorpause.cancelled"), done: true };
    }
    const last = String(data.last);
    const change = await pauseMentor(ctx.tx, ctx.person.id, endOfDay(last, tz), { role: "self", id: ctx.person.id }, ctx.now);
    if (!change.ok) return refusal(ctx, change);
    const m = await ctx.tx.mentorProfile.findUnique({ where: { personId: ctx.person.id }, select: { pausedFrom: true } });
    const l = ctx.person.locale;
    const day = dayInWords(last, l, ctx.now, tz);
    const done = t(l, m?.pausedFrom === "pending" ? "mentorpause.done_last_pending" : "mentorpause.done_last", { day });
    return { replies: [{ text: reason === "other" ? done : `${t(l, `mentorpause.wish.${reason}`)} ${done}` }], done: true };
  };
}
