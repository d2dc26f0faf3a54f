// What people write in their own words about meeting and outcomes (read by src/lib/understanding):
// a typed answer to the check-in question they were sent ("ja vi mødtes 1,5 time", "nej ikke i
// denne uge"), a meeting told without being asked ("vi mødtes i går i 2 timer") and an outcome
// ("jeg har fået job!!"). Each goes through the same code as the buttons (answers.ts, steps.ts).
import type { ActionHandler, HandlerContext, HandlerResult, IntentHandler } from "../../core/conversation/handlers.js";
import type { Tx } from "../../infra/db/tx.js";
import type { Understanding } from "../../lib/understanding/recognise.js";
import type { OutcomeKind } from "../../lib/understanding/slots.js";
import { t, type Locale } from "../../core/i18n/index.js";
import { firstName, reply } from "../../core/conversation/kit.js";
import { fold } from "../../lib/text/normalize.js";
import { isoWeekOfDate, localParts } from "../../lib/time.js";
import { advance, given, weekly } from "./answers.js";
import { FINAL_PERIOD, nudgeKey, render, weeklyButtons, type Role } from "./messages.js";
import { parseHours } from "./parse.js";
import { OUTCOME_KINDS, outcomeMatches, reportOutcome } from "./outcomes.js";
import type { TaskData } from "./steps.js";

interface OpenCheckin {
  id: string;
  matchId: string;
  role: string;
  match: { menteeId: string; mentorId: string };
}

/** The person's weekly check-ins whose question was sent and is not answered yet: the newest per mentorship. */
export async function openCheckins(tx: Tx, personId: string): Promise<OpenCheckin[]> {
  const rows = await tx.checkIn.findMany({
    where: { personId, status: "pending", period: { not: FINAL_PERIOD }, match: { status: { not: "ended" } } },
    orderBy: { createdAt: "desc" },
    select: { id: true, matchId: true, period: true, role: true, match: { select: { menteeId: true, mentorId: true } } },
  });
  if (rows.length === 0) return [];
  const keys = rows.flatMap((r) => [nudgeKey(r.matchId, r.period, personId), nudgeKey(r.matchId, r.period, personId, true)]);
  const sent = new Set((await tx.outbox.findMany({ where: { dedupeKey: { in: keys }, status: "sent" }, select: { dedupeKey: true } })).map((o) => o.dedupeKey));
  const seen = new Set<string>();
  return rows.filter((r) => {
    if (seen.has(r.matchId) || !(sent.has(nudgeKey(r.matchId, r.period, personId)) || sent.has(nudgeKey(r.matchId, r.period, personId, true)))) return false;
    seen.add(r.matchId);
    return true;
  });
}

export async function openQuestion(tx: Tx, personId: string): Promise<boolean> {
  return (await openCheckins(tx, personId)).length > 0;
}

async function nameOf(ctx: HandlerContext, id: string): Promise<string> {
  return firstName((await ctx.tx.person.findUnique({ where: { id }, select: { displayName: true } }))?.displayName, "?");
}

const other = (m: { menteeId: string; mentorId: string }, me: string) => (m.mentorId === me ? m.menteeId : m.mentorId);
const hoursArg = (h: number | undefined) => (h === undefined ? "" : String(h));

/** "Which of your mentorships?": one button per other person, each carrying the rest of the answer. */
async function pickMatch(ctx: HandlerContext, key: string, options: { matchId: string; otherId: string; action: string }[]): Promise<HandlerResult> {
  const buttons = [];
  for (const o of options) buttons.push({ action: o.action, label: await nameOf(ctx, o.otherId) });
  return { replies: [{ text: t(ctx.person.locale, key), buttons }] };
}

// ── A typed answer to the check-in question ──────────────────────────────────────────────────────

async function answerCheckin(ctx: HandlerContext, c: OpenCheckin, met: boolean | undefined, hours: number | undefined): Promise<HandlerResult> {
  if (met === false) return weekly(ctx, "n", c.id);
  if (met === true || hours !== undefined) return weekly(ctx, "y", c.id, hours);
  // Neither yes, no nor hours: the question again, with its buttons.
  const l = ctx.person.locale;
  const role = c.role as Role;
  return {
    replies: [
      { text: t(l, `chk.ask_${role}`, { name: await nameOf(ctx, other(c.match, ctx.person.id)) }), buttons: render(l, weeklyButtons(role, c.id, c.matchId)) },
    ],
  };
}

function checkinAnswer(tz: string): IntentHandler {
  return {
    intent: "checkin_answer",
    roles: ["mentor", "mentee"],
    handle: async (ctx, u) => {
      const open = await openCheckins(ctx.tx, ctx.person.id);
      const { met, hours } = u.slots;
      if (open.length === 0) {
        // Nothing asked (any more): a "yes, we met" is a meeting to note; anything else is explained.
        return met === true || hours !== undefined ? meetingFrom(ctx, u, tz) : reply(ctx.person.locale, "chk.nothing_open");
      }
      if (open.length === 1) return answerCheckin(ctx, open[0]!, met, hours);
      const verb = met === false ? "n" : met === true || hours !== undefined ? "y" : "";
      return pickMatch(
        ctx,
        "chk.answer_which",
        open.map((c) => ({ matchId: c.matchId, otherId: other(c.match, ctx.person.id), action: `chki:t:${c.id}:${verb}:${hoursArg(hours)}` })),
      );
    },
  };
}

// ── A meeting told without being asked ───────────────────────────────────────────────────────────

const WEEKDAYS: Record<string, number> = {
  mandag: 1,
  monday: 1,
  tirsdag: 2,
  tuesday: 2,
  onsdag: 3,
  wednesday: 3,
  torsdag: 4,
  thursday: 4,
  fredag: 5,
  friday: 5,
  loerdag: 6,
  lordag: 6,
  saturday: 6,
  soendag: 7,
  sondag: 7,
  sunday: 7,
};
const DANISH_PAST_DAY = /\bi (man|tirs|ons|tors|fre|loer|lor|soen|son)dags\b/;

/** "i mandags" (last Monday) is not read by the slot reader yet: read it here from the text. */
function whenOf(ctx: HandlerContext, u: Understanding): string | undefined {
  if (u.slots.when) return u.slots.when;
  const m = ctx.input.kind === "text" ? DANISH_PAST_DAY.exec(fold(ctx.input.text)) : null;
  return m ? `${m[1]}dag` : undefined;
}

/** The day a meeting was on, in the programme's time zone, as "YYYYMMDD" (prefixed "w" when no day was said). */
export function meetingDay(when: string | undefined, now: Date, tz: string): string {
  const today = localParts(now, tz);
  const back = when === "yesterday" ? 1 : when && WEEKDAYS[when] ? (today.weekday - WEEKDAYS[when]! + 7) % 7 : 0;
  const d = new Date(Date.UTC(today.y, today.m - 1, today.d - back));
  const ymd = d.toISOString().slice(0, 10).replace(/-/g, "");
  return when ? ymd : `w${ymd}`;
}

/** "i går", "i mandags", "i denne uge" / "yesterday", "on Monday", "this week", from now. */
function whenText(l: Locale, day: string, now: Date, tz: string): string {
  if (day.startsWith("w")) return t(l, "chk.when.week");
  const today = localParts(now, tz);
  const d = new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(4, 6)) - 1, Number(day.slice(6, 8))));
  const back = Math.round((Date.UTC(today.y, today.m - 1, today.d) - d.getTime()) / 864e5);
  if (back <= 0) return t(l, "chk.when.today");
  if (back === 1) return t(l, "chk.when.yesterday");
  if (back < 7) return t(l, `chk.when.${((d.getUTCDay() + 6) % 7) + 1}`);
  return t(l, "chk.when.date", { date: `${d.getUTCDate()}/${d.getUTCMonth() + 1}` });
}

/** Notes a meeting on that week's check-in of this mentorship; asks the hours when they are missing. */
async function recordMeeting(ctx: HandlerContext, matchId: string, day: string, hours: number | undefined, tz: string): Promise<HandlerResult> {
  const ymd = day.replace(/^w/, "");
  const d: TaskData = {
    cid: "",
    matchId,
    period: isoWeekOfDate(Number(ymd.slice(0, 4)), Number(ymd.slice(4, 6)), Number(ymd.slice(6, 8))),
    steps: ["meeting_hours"],
    doneKey: "chk.meeting_saved",
    doneParams: { when: whenText(ctx.person.locale, day, ctx.now, tz) },
  };
  if (hours !== undefined && !(await given(ctx, d, hours))) return reply(ctx.person.locale, "chk.meeting_no_match");
  return advance(ctx, d);
}

async function meetingFrom(ctx: HandlerContext, u: Understanding, tz: string): Promise<HandlerResult> {
  const me = ctx.person.id;
  const matches = await ctx.tx.match.findMany({
    where: { status: { in: ["active", "paused"] }, OR: [{ mentorId: me }, { menteeId: me }] },
    orderBy: { startedAt: "asc" },
    select: { id: true, menteeId: true, mentorId: true },
  });
  if (matches.length === 0) return reply(ctx.person.locale, "chk.meeting_no_match");
  const day = meetingDay(whenOf(ctx, u), ctx.now, tz);
  const hours = u.slots.hours;
  if (matches.length === 1) return recordMeeting(ctx, matches[0]!.id, day, hours, tz);
  return pickMatch(
    ctx,
    "chk.meeting_which",
    matches.map((m) => ({ matchId: m.id, otherId: other(m, me), action: `chki:m:${m.id}:${day}:${hoursArg(hours)}` })),
  );
}

// ── An outcome ───────────────────────────────────────────────────────────────────────────────────

async function startOutcome(ctx: HandlerContext, matchId: string | undefined, kind: OutcomeKind | undefined): Promise<HandlerResult> {
  const d: TaskData = { cid: "", steps: ["outcome_kind"], doneKey: "chk.outcome_congrats", ...(matchId ? { matchId } : {}) };
  if (matchId) {
    const m = await ctx.tx.match.findUnique({ where: { id: matchId }, select: { menteeId: true, mentorId: true } });
    if (m && m.mentorId === ctx.person.id) d.doneParams = { name: await nameOf(ctx, m.menteeId) };
  }
  if (kind) {
    Object.assign(d, await reportOutcome(ctx, matchId, kind));
    d.steps = [];
  }
  return advance(ctx, d);
}

const outcome: IntentHandler = {
  intent: "outcome",
  roles: ["mentee", "mentor"],
  handle: async (ctx, u) => {
    const matches = await outcomeMatches(ctx);
    const kind = u.slots.kind;
    if (matches.length <= 1) return startOutcome(ctx, matches[0]?.id, kind);
    return pickMatch(
      ctx,
      "chk.outcome_whose",
      matches.map((m) => ({ matchId: m.id, otherId: m.menteeId, action: `chki:o:${m.id}:${kind ?? ""}` })),
    );
  },
};

// ── The buttons of "which mentorship?" ───────────────────────────────────────────────────────────

function pickAction(tz: string): ActionHandler {
  return {
    prefix: "chki",
    handle: async (ctx, rest) => {
      const [verb, id = "", a = "", b = ""] = rest.split(":");
      const me = ctx.person.id;
      if (verb === "t") {
        const c = (await openCheckins(ctx.tx, me)).find((o) => o.id === id);
        if (!c) return reply(ctx.person.locale, "chk.gone");
        return answerCheckin(ctx, c, a === "y" ? true : a === "n" ? false : undefined, parseHours(b));
      }
      const mine = await ctx.tx.match.findFirst({ where: { id, status: { not: "ended" }, OR: [{ mentorId: me }, { menteeId: me }] }, select: { id: true } });
      if (!mine && !(verb === "o" && (await outcomeMatches(ctx)).some((m) => m.id === id))) return reply(ctx.person.locale, "chk.gone");
      if (verb === "m" && /^w?\d{8}$/.test(a)) return recordMeeting(ctx, id, a, parseHours(b), tz);
      if (verb === "o")
        return startOutcome(
          ctx,
          id,
          OUTCOME_KINDS.find((k) => k === a),
        );
      return reply(ctx.person.locale, "chk.gone");
    },
  };
}

export function checkinIntents(tz: string): { intents: IntentHandler[]; actions: ActionHandler[] } {
  return {
    intents: [checkinAnswer(tz), { intent: "meeting", roles: ["mentor", "mentee"], handle: (ctx, u) => meetingFrom(ctx, u, tz) }, outcome],
    actions: [pickAction(tz)],
  };
}
