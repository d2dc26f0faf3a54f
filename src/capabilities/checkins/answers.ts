// Answering a check-in: the one-tap buttons of a nudge (chk:<verb>:<id>), a submitted form
// (chkf:<checkinId>, Slack modal / Teams card) and the step-by-step task that follows.
import type { HandlerContext, HandlerResult } from "../../core/conversation/handlers.js";
import type { OutboundMessage } from "../../core/messages.js";
import { t, type Locale } from "../../core/i18n/index.js";
import { raiseEscalation } from "../../infra/alerts/raise.js";
import { needsHelpEscalation } from "../escalation/index.js";
import { parseDate } from "../../lib/text/dates.js";
import { fold } from "../../lib/text/normalize.js";
import { answerOf, duration, formatHours, stepOf, type TaskData } from "./steps.js";
import { FINAL_PERIOD, OUTCOMES, TOPICS, render, weeklyButtons, type Role } from "./messages.js";
import { checkinRules } from "./settings.js";
import { parseHours, parseScore } from "./parse.js";
import { resumeCheckins } from "./lifecycle.js";
import { reply } from "../../core/conversation/kit.js";

export const TASK = "checkin";

/** Asks the next step, or thanks and ends the task. */
export async function advance(ctx: HandlerContext, d: TaskData): Promise<HandlerResult> {
  const l = ctx.person.locale;
  for (let id = d.steps[0]; id !== undefined; id = d.steps[0]) {
    const step = stepOf(id);
    if (step) return { replies: [await step.ask(l, d, ctx)], task: { kind: TASK, data: d } };
    d.steps = d.steps.slice(1);
  }
  const text = t(l, d.doneKey, { hours: formatHours(l, d.hours ?? 0), duration: duration(l, d.hours ?? 0), ...(d.doneParams ?? {}) });
  return { replies: [{ text, ...(d.doneButtons?.length ? { buttons: d.doneButtons } : {}) }], done: true };
}

export async function onTask(ctx: HandlerContext, data: Record<string, unknown>): Promise<HandlerResult> {
  const d = data as unknown as TaskData;
  const step = d.steps[0] ? stepOf(d.steps[0]) : undefined;
  if (!step) return advance(ctx, d);
  if (!(await step.take(ctx, d, answerOf(ctx)))) {
    const again = await step.ask(ctx.person.locale, d, ctx);
    return { replies: [{ ...again, text: `${t(ctx.person.locale, step.reprompt)}\n${again.text}` }], task: { kind: TASK, data: d } };
  }
  d.steps = d.steps.slice(1);
  return advance(ctx, d);
}

/** Hours already given in a typed answer are taken as if the hours button had been pressed. */
export async function given(ctx: HandlerContext, d: TaskData, hours: number | undefined): Promise<boolean> {
  const id = d.steps[0];
  if (hours === undefined || (id !== "hours" && id !== "meeting_hours")) return false;
  if (!(await stepOf(id)!.take(ctx, d, { kind: "button", value: String(hours) }))) return false;
  d.steps = d.steps.slice(1);
  return true;
}

async function ownCheckin(ctx: HandlerContext, id: string | undefined) {
  const c = id ? await ctx.tx.checkIn.findUnique({ where: { id }, include: { match: true } }) : null;
  if (!c) return { error: reply(ctx.person.locale, "chk.gone") };
  if (c.personId !== ctx.person.id) return { error: reply(ctx.person.locale, "chk.not_yours") };
  return { c };
}

/** Goals come from the intake the first time a mentee checks in; then monthly progress is asked. */
async function monthlySteps(ctx: HandlerContext, match: { id: string; programmeId: string; startedAt: Date }): Promise<string[]> {
  const { tx, person, now } = ctx;
  if ((await tx.goal.count({ where: { menteeId: person.id } })) === 0) {
    const profile = await tx.menteeProfile.findUnique({ where: { personId: person.id }, select: { goals: true } });
    if (profile?.goals.length) await tx.goal.createMany({ data: profile.goals.map((text) => ({ menteeId: person.id, matchId: match.id, text })) });
  }
  const programme = await tx.programme.findUnique({ where: { id: match.programmeId } });
  const rules = checkinRules(programme ?? { checkinCadenceDays: 7, hoursTolerance: 0.5, thresholds: {} });
  if (now.getTime() - match.startedAt.getTime() < rules.monthlyAfterMs) return [];
  const last = await tx.selfAssessment.findFirst({ where: { personId: person.id, matchId: match.id, kind: "monthly" }, orderBy: { at: "desc" } });
  if (last && now.getTime() - last.at.getTime() < rules.monthlyAfterMs) return [];
  const goals = await tx.goal.findMany({ where: { menteeId: person.id, status: "open" }, orderBy: { text: "asc" } });
  return ["sa_confidence", "sa_clarity", "sa_network", ...goals.map((g) => `goal:${g.id}`)];
}

function weeklyForm(l: Locale, cid: string, role: Role): NonNullable<OutboundMessage["form"]> {
  const second =
    role === "mentor"
      ? {
          name: "topic",
          label: t(l, "chk.field_topic"),
          kind: "choice" as const,
          optional: true,
          options: TOPICS.map((id) => ({ action: id, label: t(l, `chk.topic.${id}`) })),
        }
      : {
          name: "rating",
          label: t(l, "chk.field_rating"),
          kind: "choice" as const,
          options: [1, 2, 3, 4, 5].map((n) => ({ action: String(n), label: String(n) })),
        };
  return {
    id: `chkf:${cid}`,
    title: t(l, "chk.form_title"),
    submitLabel: t(l, "chk.form_submit"),
    fields: [
      { name: "hours", label: t(l, "chk.field_hours"), kind: "number" },
      second,
      { name: role === "mentor" ? "note" : "need", label: t(l, role === "mentor" ? "chk.field_note" : "chk.field_need"), kind: "text", optional: true },
    ],
  };
}

/**
 * The weekly buttons: yes (then hours and the follow-up questions), no (then the reason), help.
 * A typed answer ("ja vi mødtes 1,5 time") goes the same way, with the hours it gave already taken.
 */
export async function weekly(ctx: HandlerContext, verb: string, cid: string | undefined, typedHours?: number): Promise<HandlerResult> {
  const own = await ownCheckin(ctx, cid);
  if (!own.c) return own.error;
  const c = own.c;
  const l = ctx.person.locale;
  if (c.period === FINAL_PERIOD) return reply(l, "chk.gone");
  const role = c.role as Role;
  const base = { cid: c.id, matchId: c.matchId, saKind: "monthly" as const };
  if (verb === "h") {
    await ctx.tx.checkIn.update({ where: { id: c.id }, data: { needsHelp: true } });
    // The scan's key: it finds this flagged row on the next tick and must see it as raised already.
    await raiseEscalation(ctx.tx, needsHelpEscalation(c), ctx.now);
    if (c.status === "answered") return reply(l, "chk.help_sent_answered");
    return { replies: [{ text: t(l, "chk.help_sent"), buttons: render(l, weeklyButtons(role, c.id, c.matchId).slice(0, 2)) }] };
  }
  const monthly = role === "mentee" ? await monthlySteps(ctx, c.match) : [];
  if (verb === "y") {
    await ctx.tx.checkIn.update({ where: { id: c.id }, data: { met: true } });
    const steps = role === "mentor" ? ["hours", "topic", "note"] : ["hours", "rating", "need", ...monthly];
    const d: TaskData = { ...base, steps, doneKey: "chk.saved_met" };
    const hadHours = await given(ctx, d, typedHours);
    const r = await advance(ctx, d);
    if (!hadHours) r.replies[0] = { ...r.replies[0]!, form: weeklyForm(l, c.id, role) };
    return r;
  }
  await ctx.tx.checkIn.update({ where: { id: c.id }, data: { met: false, hours: null, status: "answered", answeredAt: ctx.now } });
  const steps = role === "mentor" ? ["reason"] : ["reason", "need", ...monthly];
  return advance(ctx, { ...base, steps, doneKey: "chk.saved_no" });
}

async function closing(ctx: HandlerContext, verb: string, cid: string | undefined, value: string | undefined): Promise<HandlerResult> {
  const own = await ownCheckin(ctx, cid);
  if (!own.c) return own.error;
  const c = own.c;
  if (c.period !== FINAL_PERIOD) return reply(ctx.person.locale, "chk.gone");
  const base = { cid: c.id, matchId: c.matchId, saKind: "final" as const, doneKey: "chk.close_done" };
  if (verb === "o" && c.role === "mentee" && (OUTCOMES as readonly string[]).includes(value ?? "")) {
    const today = new Date(`${parseDate("i dag", ctx.now, "da")!.date}T00:00:00Z`);
    const data = { category: value!, date: today, recordedBy: ctx.person.id };
    const targetGroup = (await ctx.tx.menteeProfile.findUnique({ where: { personId: ctx.person.id }, select: { targetGroup: true } }))?.targetGroup ?? null;
    await ctx.tx.outcome.upsert({ where: { matchId: c.matchId }, create: { matchId: c.matchId, menteeId: ctx.person.id, targetGroup, ...data }, update: data });
    await ctx.tx.checkIn.update({ where: { id: c.id }, data: { status: "answered", answeredAt: ctx.now } });
    const steps = [...(value === "none" ? [] : ["outcome_date"]), "sa_confidence", "sa_clarity", "sa_network", "rating", "feedback"];
    return advance(ctx, { ...base, steps });
  }
  const n = parseScore(value ?? "");
  if (verb === "s" && n !== undefined) {
    await ctx.tx.checkIn.update({ where: { id: c.id }, data: { rating: n, status: "answered", answeredAt: ctx.now } });
    return advance(ctx, { ...base, steps: ["feedback"] });
  }
  return reply(ctx.person.locale, "chk.gone");
}

/** Starts the pause questions for these matches (those the person is part of and not ended). */
export async function startPause(ctx: HandlerContext, matchIds: string[]): Promise<HandlerResult> {
  const mine = await ctx.tx.match.findMany({
    where: { id: { in: matchIds }, status: { in: ["active", "paused"] }, OR: [{ mentorId: ctx.person.id }, { menteeId: ctx.person.id }] },
    select: { id: true },
  });
  if (mine.length === 0) return reply(ctx.person.locale, "chk.pause_none");
  const ids = mine.map((m) => m.id);
  const resume = ids.length === 1 ? [{ action: `chk:r:${ids[0]}`, label: t(ctx.person.locale, "chk.btn_resume") }] : [];
  return advance(ctx, { cid: "", matchIds: ids, steps: ["pause_weeks", "pause_reason"], doneKey: "chk.pause_thanks", doneButtons: resume });
}

export async function onCheckinAction(ctx: HandlerContext, rest: string): Promise<HandlerResult> {
  const [verb = "", id, value] = rest.split(":");
  if (verb === "y" || verb === "n" || verb === "h") return weekly(ctx, verb, id);
  if (verb === "o" || verb === "s") return closing(ctx, verb, id, value);
  if (verb === "p") return startPause(ctx, id ? [id] : []);
  if (verb === "r" && id) {
    const m = await ctx.tx.match.findFirst({ where: { id, OR: [{ mentorId: ctx.person.id }, { menteeId: ctx.person.id }] }, select: { id: true } });
    const ok = m ? await resumeCheckins(ctx.tx, m.id, ctx.person.id, ctx.now, "resumed_early") : false;
    return reply(ctx.person.locale, ok ? "chk.resumed" : "chk.pause_none");
  }
  return reply(ctx.person.locale, "chk.gone");
}

/** A submitted form: everything at once; what it lacks is asked step by step. */
export async function onCheckinForm(ctx: HandlerContext, cid: string): Promise<HandlerResult> {
  const own = await ownCheckin(ctx, cid);
  if (!own.c) return own.error;
  const c = own.c;
  const f = ctx.event.fields ?? {};
  const role = c.role as Role;
  const hours = parseHours(f.hours ?? "");
  const text = (v: string | undefined) => (v && v.trim() ? v.trim().slice(0, 500) : undefined);
  const topic = TOPICS.find((id) => id === f.topic || fold(t(ctx.person.locale, `chk.topic.${id}`)) === fold(f.topic ?? "")) ?? text(f.topic)?.slice(0, 200);
  const rating = parseScore(f.rating ?? "");
  await ctx.tx.checkIn.update({
    where: { id: c.id },
    data: {
      met: true,
      ...(role === "mentor" ? { topic, note: text(f.note) } : { rating, note: text(f.need) }),
      ...(hours !== undefined ? { hours, status: "answered", answeredAt: ctx.now } : {}),
    },
  });
  const missing = [...(hours === undefined ? ["hours"] : []), ...(role === "mentee" && rating === undefined ? ["rating"] : [])];
  const monthly = role === "mentee" ? await monthlySteps(ctx, c.match) : [];
  return advance(ctx, {
    cid: c.id,
    matchId: c.matchId,
    saKind: "monthly",
    steps: [...missing, ...monthly],
    doneKey: "chk.saved_met",
    ...(hours !== undefined ? { hours } : {}),
  });
}
