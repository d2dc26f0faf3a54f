// The check-in questions as data: each step asks (text + buttons) and takes an answer (a button
// "chka:<value>" or typed text), saving it at once so a half-finished check-in still counts.
// A task carries the queue of remaining steps; the step-by-step path works on every platform.
import type { HandlerContext } from "../../core/conversation/handlers.js";
import type { Reply } from "../../core/flows/types.js";
import type { Button } from "../../core/messages.js";
import { CATALOGUES, t, type Locale } from "../../core/i18n/index.js";
import { raiseEscalation } from "../../infra/alerts/raise.js";
import { parseDate } from "../../lib/text/dates.js";
import { fold } from "../../lib/text/normalize.js";
import { isSkip, parseHours, parseScore } from "./parse.js";
import { checkinId, REASONS, TOPICS } from "./messages.js";
import { OUTCOME_KINDS, reportOutcome, typedKind } from "./outcomes.js";
import { pauseCheckins } from "./lifecycle.js";
import { DEFAULT_TZ, shortDate } from "../../lib/time.js";

const PAUSE_REASONS = ["holiday", "illness", "other"] as const;

export interface TaskData {
  [k: string]: unknown;
  cid: string;
  steps: string[];
  /** Catalogue key of the closing thanks. */
  doneKey: string;
  sa?: Record<string, number>;
  saKind?: "monthly" | "final";
  matchId?: string;
  /** Pausing: the matches, the history rows written and the end date shown. */
  matchIds?: string[];
  eventIds?: string[];
  until?: string;
  hours?: number;
  doneButtons?: Button[];
  /** More placeholders for the closing thanks ("when" of a meeting, what an outcome was). */
  doneParams?: Record<string, string>;
  /** A meeting told in a chat: the ISO week it was in. */
  period?: string;
}

export type Answer = { kind: "button"; value: string } | { kind: "text"; text: string } | { kind: "other" };

interface Step {
  ask(l: Locale, d: TaskData, ctx: HandlerContext): Promise<Reply> | Reply;
  /** Saves the answer; false = not understood (ask again). */
  take(ctx: HandlerContext, d: TaskData, a: Answer): Promise<boolean>;
  reprompt: string;
}

const MAX_TEXT = 500;
const btn = (value: string, label: string): Button => ({ action: `chka:${value}`, label });
const skipBtn = (l: Locale) => btn("skip", t(l, "common.skip"));
const scale = () => [1, 2, 3, 4, 5].map((n) => btn(String(n), String(n)));
const HOUR_CHOICES: [number, string][] = [
  [0.5, "½"],
  [1, "1"],
  [1.5, "1½"],
  [2, "2"],
  [3, "3"],
  [4, "4"],
];

export function formatHours(l: Locale, h: number): string {
  return l === "da" ? String(h).replace(".", ",") : String(h);
}

/** "1 time", "1,5 timer" / "1 hour", "1.5 hours". */
export function duration(l: Locale, h: number): string {
  return t(l, h === 1 ? "chk.one_hour" : "chk.n_hours", { hours: formatHours(l, h) });
}

/** Hours from a pressed hours button or typed text. */
function hoursOf(a: Answer): number | undefined {
  return a.kind === "button" ? parseHours(a.value) : a.kind === "text" ? parseHours(a.text) : undefined;
}

/**
 * A meeting told in a chat is that week's check-in answer: the person's row for the match and week,
 * created with the same id a nudge would have (so no nudge asks again), or the nudge's own row.
 */
async function meetingRow(ctx: HandlerContext, d: TaskData): Promise<boolean> {
  const m = d.matchId ? await ctx.tx.match.findUnique({ where: { id: d.matchId }, select: { id: true, mentorId: true, menteeId: true } }) : null;
  if (!m || !d.period || (m.mentorId !== ctx.person.id && m.menteeId !== ctx.person.id)) return false;
  const key = { matchId: m.id, period: d.period, personId: ctx.person.id };
  const row = await ctx.tx.checkIn.upsert({
    where: { matchId_period_personId: key },
    create: { id: checkinId(m.id, d.period, ctx.person.id), ...key, role: m.mentorId === ctx.person.id ? "mentor" : "mentee", createdAt: ctx.now },
    update: {},
    select: { id: true },
  });
  d.cid = row.id;
  return true;
}

const update = (ctx: HandlerContext, d: TaskData, data: Record<string, unknown>) => ctx.tx.checkIn.update({ where: { id: d.cid }, data });

function score(a: Answer): number | undefined {
  if (a.kind === "button") return parseScore(a.value);
  return a.kind === "text" ? parseScore(a.text) : undefined;
}

/** An option id from a button, its label typed, or the id typed. */
function option(l: Locale, a: Answer, ids: readonly string[], prefix: string): string | undefined {
  if (a.kind === "button") return ids.includes(a.value) ? a.value : undefined;
  if (a.kind !== "text") return undefined;
  const f = fold(a.text);
  return ids.find((id) => fold(t(l, `${prefix}.${id}`)) === f || id === f);
}

function optionalText(a: Answer): string | null | undefined {
  if (a.kind === "button") return a.value === "skip" ? null : undefined;
  if (a.kind !== "text") return undefined;
  if (isSkip(a.text)) return null;
  return a.text.trim().length > 0 && a.text.length <= MAX_TEXT ? a.text.trim() : undefined;
}

const saStep = (dim: "confidence" | "clarity" | "network"): Step => ({
  ask: (l, d) => {
    const intro = dim === "confidence" ? `${t(l, d.saKind === "final" ? "chk.final_intro" : "chk.monthly_intro")}\n` : "";
    return { text: `${intro}${t(l, `mentee.self_${dim}`)}`, buttons: scale() };
  },
  take: async (ctx, d, a) => {
    const n = score(a);
    if (n === undefined) return false;
    d.sa = { ...(d.sa ?? {}), [dim]: n };
    if (dim === "network") {
      await ctx.tx.selfAssessment.create({
        data: { personId: ctx.person.id, matchId: d.matchId ?? null, kind: d.saKind ?? "monthly", scores: d.sa, at: ctx.now },
      });
    }
    return true;
  },
  reprompt: "chk.score_reprompt",
});

const textStep = (prompt: string, field: "note" | "reason" | "topic"): Step => ({
  ask: (l) => ({ text: t(l, prompt), buttons: [skipBtn(l)] }),
  take: async (ctx, d, a) => {
    const v = optionalText(a);
    if (v === undefined) return false;
    if (v !== null) await update(ctx, d, { [field]: v });
    return true;
  },
  reprompt: "chk.text_reprompt",
});

/** Pick an option, or type your own words (kept short), or skip. */
const choiceStep = (prompt: string, ids: readonly string[], prefix: string, field: "topic" | "reason"): Step => ({
  ask: (l) => ({ text: t(l, prompt), buttons: [...ids.map((id) => btn(id, t(l, `${prefix}.${id}`))), skipBtn(l)] }),
  take: async (ctx, d, a) => {
    const v = option(ctx.person.locale, a, ids, prefix) ?? optionalText(a);
    if (v === undefined) return false;
    if (v !== null) await update(ctx, d, { [field]: v.slice(0, 200) });
    return true;
  },
  reprompt: "chk.text_reprompt",
});

export const STEPS: Record<string, Step> = {
  hours: {
    ask: (l) => ({ text: t(l, "chk.hours"), buttons: HOUR_CHOICES.map(([h, label]) => btn(String(h), label)) }),
    take: async (ctx, d, a) => {
      const h = hoursOf(a);
      if (h === undefined) return false;
      await update(ctx, d, { met: true, hours: h, status: "answered", answeredAt: ctx.now });
      d.hours = h;
      return true;
    },
    reprompt: "chk.hours_reprompt",
  },
  /** The hours of a meeting told in a chat: the week's row is written only once they are known. */
  meeting_hours: {
    ask: (l, d, ctx) => STEPS.hours!.ask(l, d, ctx),
    take: async (ctx, d, a) => hoursOf(a) !== undefined && (await meetingRow(ctx, d)) && STEPS.hours!.take(ctx, d, a),
    reprompt: "chk.hours_reprompt",
  },
  /** What a mentee got (job, education …), told in a chat: reported for a coordinator to confirm. */
  outcome_kind: {
    ask: (l, d) => ({
      text: d.doneParams?.name ? t(l, "chk.outcome_which_mentee", { name: d.doneParams.name }) : t(l, "chk.outcome_which"),
      buttons: OUTCOME_KINDS.map((k) => btn(k, t(l, `chk.outcome.${k}`))),
    }),
    take: async (ctx, d, a) => {
      const kind = a.kind === "button" ? OUTCOME_KINDS.find((k) => k === a.value) : a.kind === "text" ? typedKind(ctx.person.locale, a.text) : undefined;
      if (!kind) return false;
      Object.assign(d, await reportOutcome(ctx, d.matchId, kind));
      return true;
    },
    reprompt: "chk.outcome_reprompt",
  },
  topic: choiceStep("chk.topic", TOPICS, "chk.topic", "topic"),
  note: textStep("chk.note", "note"),
  reason: choiceStep("chk.reason", REASONS, "chk.reason", "reason"),
  rating: {
    ask: (l, d) => ({ text: t(l, d.saKind === "final" ? "chk.final_rating" : "chk.rating"), buttons: scale() }),
    take: async (ctx, d, a) => {
      const n = score(a);
      if (n === undefined) return false;
      await update(ctx, d, { rating: n });
      return true;
    },
    reprompt: "chk.score_reprompt",
  },
  need: {
    ask: (l) => ({ text: t(l, "chk.need"), buttons: [btn("none", t(l, "chk.need_none")), btn("coord", t(l, "chk.need_coordinator"))] }),
    take: async (ctx, d, a) => {
      if (a.kind === "button" && a.value === "coord") {
        // Not needsHelp: that flag means "a mentor needs help" to the escalation scan.
        await raiseEscalation(
          ctx.tx,
          { dedupeKey: `chkneed:${d.cid}`, kind: "human_requested", severity: "medium", personId: ctx.person.id, matchId: d.matchId, source: "checkin" },
          ctx.now,
        );
        return true;
      }
      if (a.kind === "button") return a.value === "none" || a.value === "skip";
      const v = optionalText(a);
      if (v === undefined) return false;
      if (v !== null) await update(ctx, d, { note: v });
      return true;
    },
    reprompt: "chk.text_reprompt",
  },
  sa_confidence: saStep("confidence"),
  sa_clarity: saStep("clarity"),
  sa_network: saStep("network"),
  outcome_date: {
    ask: (l) => ({ text: t(l, "chk.outcome_date"), buttons: [btn("today", t(l, "chk.btn_today"))] }),
    take: async (ctx, d, a) => {
      const ymd =
        a.kind === "button" && a.value === "today"
          ? parseDate("i dag", ctx.now, "da")?.date
          : a.kind === "text"
            ? parseDate(a.text, ctx.now, ctx.person.locale)?.date
            : undefined;
      if (!ymd || !d.matchId) return false;
      await ctx.tx.outcome.updateMany({ where: { matchId: d.matchId }, data: { date: new Date(`${ymd}T00:00:00Z`) } });
      return true;
    },
    reprompt: "chk.date_reprompt",
  },
  feedback: textStep("chk.feedback", "note"),
  pause_weeks: {
    ask: (l) => ({ text: t(l, "chk.pause_weeks"), buttons: [1, 2, 3, 4].map((n) => btn(String(n), t(l, "chk.weeks", { n }))) }),
    take: async (ctx, d, a) => {
      const m = /^\s*(\d{1,2})\b/.exec(a.kind === "button" ? a.value : a.kind === "text" ? a.text : "");
      const weeks = m ? Number(m[1]) : NaN;
      if (!(weeks >= 1 && weeks <= 8)) return false;
      d.eventIds = [];
      const tz = (await ctx.tx.person.findUnique({ where: { id: ctx.person.id }, select: { timezone: true } }))?.timezone ?? DEFAULT_TZ;
      for (const id of d.matchIds ?? []) {
        const r = await pauseCheckins(ctx.tx, id, weeks, ctx.person.id, ctx.now);
        if (r) {
          d.eventIds.push(r.eventId);
          d.until = shortDate(r.until, tz);
        }
      }
      if (d.eventIds.length === 0) {
        d.doneKey = "chk.pause_none";
        d.steps = d.steps.slice(0, 1);
      }
      return true;
    },
    reprompt: "chk.weeks_reprompt",
  },
  pause_reason: {
    ask: (l, d) => ({
      text: `${t(l, "chk.paused", { date: d.until ?? "" })}\n${t(l, "chk.pause_reason")}`,
      buttons: [...PAUSE_REASONS.map((id) => btn(id, t(l, `chk.reason.${id}`))), skipBtn(l)],
    }),
    take: async (ctx, d, a) => {
      const v = option(ctx.person.locale, a, PAUSE_REASONS, "chk.reason") ?? optionalText(a);
      if (v === undefined) return false;
      if (v !== null) await ctx.tx.matchEvent.updateMany({ where: { id: { in: d.eventIds ?? [] } }, data: { reason: v.slice(0, 200) } });
      return true;
    },
    reprompt: "chk.text_reprompt",
  },
};

/** Goal progress steps are "goal:<goalId>". */
function goalStep(goalId: string): Step {
  return {
    ask: async (l, _d, ctx) => {
      const g = await ctx.tx.goal.findUnique({ where: { id: goalId } });
      const key = `opt.goals.${g?.text ?? ""}`;
      return { text: t(l, "chk.goal", { goal: CATALOGUES[l][key] ? t(l, key) : (g?.text ?? "") }), buttons: scale() };
    },
    take: async (ctx, _d, a) => {
      const n = score(a);
      if (n === undefined) return false;
      await ctx.tx.goal.updateMany({ where: { id: goalId }, data: { progress: n, ...(n === 5 ? { status: "reached" } : {}) } });
      return true;
    },
    reprompt: "chk.score_reprompt",
  };
}

export function stepOf(id: string): Step | undefined {
  return id.startsWith("goal:") ? goalStep(id.slice(5)) : STEPS[id];
}

export function answerOf(ctx: HandlerContext): Answer {
  const i = ctx.input;
  if (i.kind === "action") return i.action.startsWith("chka:") ? { kind: "button", value: i.action.slice(5) } : { kind: "other" };
  if (i.kind === "text") return { kind: "text", text: i.text };
  return { kind: "other" };
}
