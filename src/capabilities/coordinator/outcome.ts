// "outcome <name> [category]" / "resultat": record or correct how a mentorship ended for the
// mentee (seed 002: job, education, internship, wage subsidy). One outcome per mentorship; a
// correction keeps the date and is audit-logged with the old and new category. An outcome a mentee
// or mentor told in a chat waits for a coordinator's Confirm before reports count it.
import type { HandlerContext, HandlerResult, TextCommand } from "../../core/conversation/handlers.js";
import type { Button } from "../../core/messages.js";
import { t, type Locale } from "../../core/i18n/index.js";
import { OUTCOME_CATEGORIES } from "../reports/index.js";
import { fold } from "../../lib/text/normalize.js";
import { auditRead, day, findPeople, firstName, outcomeLabel, say } from "./common.js";
import { pickPerson } from "./person.js";

const SYNONYMS: Record<string, string[]> = {
  job: ["job", "arbejde", "work", "employment", "ansat"],
  education: ["uddannelse", "education", "skole", "studie", "study"],
  internship: ["praktik", "internship", "virksomhedspraktik"],
  wage_subsidy: ["loentilskud", "lontilskud", "wage subsidy", "subsidy", "flexjob"],
  other: ["andet", "other"],
  none: ["intet", "ingen", "none", "nothing"],
};

export function outcomeButtons(matchId: string, l: Locale): Button[] {
  return OUTCOME_CATEGORIES.map((c) => ({ action: `co:oc:${matchId}:${c}`, label: t(l, `rep.cat.${c}`) }));
}

/** "ali praktik" → { name: "ali", category: "internship" }; the category is the last word(s). */
export function splitCategory(args: string): { name: string; category?: string } {
  const f = fold(args);
  for (const [category, words] of Object.entries(SYNONYMS)) {
    for (const w of words) {
      if (f === w) return { name: "", category };
      if (f.endsWith(` ${w}`)) return { name: f.slice(0, -w.length - 1).trim(), category };
    }
  }
  return { name: args.trim() };
}

export async function recordOutcome(ctx: HandlerContext, matchId: string, category: string): Promise<HandlerResult> {
  const l = ctx.person.locale;
  if (!(OUTCOME_CATEGORIES as readonly string[]).includes(category)) return say(ctx, "co.match_gone");
  const m = await ctx.tx.match.findUnique({ where: { id: matchId } });
  if (!m) return say(ctx, "co.match_gone");
  const before = await ctx.tx.outcome.findUnique({ where: { matchId } });
  const group = (await ctx.tx.menteeProfile.findUnique({ where: { personId: m.menteeId }, select: { targetGroup: true } }))?.targetGroup ?? null;
  await ctx.tx.outcome.upsert({
    where: { matchId },
    create: { matchId, menteeId: m.menteeId, category, date: m.endedAt ?? ctx.now, targetGroup: group, recordedBy: ctx.person.id, confirmedBy: ctx.person.id },
    // A coordinator's choice is confirmed, also when it corrects what a mentee or mentor reported.
    update: { category, recordedBy: ctx.person.id, confirmedAt: ctx.now, confirmedBy: ctx.person.id, ...(group ? { targetGroup: group } : {}) },
  });
  await ctx.tx.auditLog.create({
    data: {
      actorId: ctx.person.id,
      action: before ? "outcome.corrected" : "outcome.recorded",
      subjectId: matchId,
      details: { from: before?.category ?? null, to: category },
      at: ctx.now,
    },
  });
  const mentee = await ctx.tx.person.findUnique({ where: { id: m.menteeId }, select: { displayName: true } });
  return say(ctx, before ? "co.outcome_corrected" : "co.outcome_saved", {
    name: firstName(mentee?.displayName),
    category: t(l, `rep.cat.${category}`),
    date: day(before?.date ?? m.endedAt ?? ctx.now),
  });
}

/**
 * The Confirm button on a notice that a mentee or mentor reported an outcome in a chat: from now on
 * it counts in reports. A notice that no longer matches what is stored shows the choice instead.
 */
export async function confirmOutcome(ctx: HandlerContext, matchId: string, category: string): Promise<HandlerResult> {
  const l = ctx.person.locale;
  const o = await ctx.tx.outcome.findUnique({ where: { matchId } });
  if (!o) return say(ctx, "co.match_gone");
  const mentee = firstName((await ctx.tx.person.findUnique({ where: { id: o.menteeId }, select: { displayName: true } }))?.displayName);
  const params = { name: mentee, category: t(l, `rep.cat.${o.category}`), date: day(o.date) };
  if (o.category !== category) {
    const choice = await askOutcome(ctx, matchId);
    return { replies: [{ text: t(l, "co.outcome_changed", params) }, ...choice.replies] };
  }
  if (o.confirmedAt) return say(ctx, "co.outcome_already_confirmed", params);
  await ctx.tx.outcome.update({ where: { matchId }, data: { confirmedAt: ctx.now, confirmedBy: ctx.person.id } });
  await ctx.tx.auditLog.create({ data: { actorId: ctx.person.id, action: "outcome.confirmed", subjectId: matchId, details: { category }, at: ctx.now } });
  return say(ctx, "co.outcome_confirmed", params);
}

/** The category buttons for one mentorship, with the current outcome if there is one. */
export async function askOutcome(ctx: HandlerContext, matchId: string): Promise<HandlerResult> {
  const l = ctx.person.locale;
  const m = await ctx.tx.match.findUnique({ where: { id: matchId } });
  if (!m) return say(ctx, "co.match_gone");
  const [mentee, current] = await Promise.all([
    ctx.tx.person.findUnique({ where: { id: m.menteeId }, select: { displayName: true } }),
    ctx.tx.outcome.findUnique({ where: { matchId } }),
  ]);
  await auditRead(ctx.tx, ctx.person.id, [m.menteeId], "outcome", ctx.now);
  const text = t(l, "co.outcome_ask", { name: firstName(mentee?.displayName), current: current ? outcomeLabel(l, current, false) : "–" });
  const confirm = current && !current.confirmedAt ? [{ action: `co:ocf:${matchId}:${current.category}`, label: t(l, "co.btn_outcome_confirm") }] : [];
  return { replies: [{ text, buttons: [...confirm, ...outcomeButtons(matchId, l)] }] };
}

async function outcome(ctx: HandlerContext, args: string): Promise<HandlerResult> {
  const { name, category } = splitCategory(args);
  if (!name) return say(ctx, "co.outcome_usage");
  const people = await findPeople(ctx.tx, name);
  if (people.length === 0) return say(ctx, "co.person_none");
  if (people.length > 1) return pickPerson(ctx, people, "po");
  return outcomeFor(ctx, people[0]!.id, category);
}

/** The person's latest mentorship as a mentee (or as a mentor when they have only one). */
export async function outcomeFor(ctx: HandlerContext, personId: string, category?: string): Promise<HandlerResult> {
  const l = ctx.person.locale;
  const matches = await ctx.tx.match.findMany({ where: { OR: [{ menteeId: personId }, { mentorId: personId }] }, orderBy: { startedAt: "desc" }, take: 10 });
  const asMentee = matches.filter((m) => m.menteeId === personId);
  const pick = asMentee.length ? asMentee : matches;
  if (pick.length === 0) return say(ctx, "co.outcome_no_match");
  if (pick.length > 1 && !asMentee.length) {
    const people = await ctx.tx.person.findMany({ where: { id: { in: pick.map((m) => m.menteeId) } }, select: { id: true, displayName: true } });
    await auditRead(
      ctx.tx,
      ctx.person.id,
      pick.map((m) => m.menteeId),
      "outcome",
      ctx.now,
    );
    const buttons = pick.map((m) => ({
      action: `co:out:${m.id}`,
      label: `${firstName(people.find((p) => p.id === m.menteeId)?.displayName)} (${day(m.startedAt)})`,
    }));
    return { replies: [{ text: t(l, "co.outcome_pick"), buttons }] };
  }
  const latest = pick[0]!;
  return category ? recordOutcome(ctx, latest.id, category) : askOutcome(ctx, latest.id);
}

export const outcomeCommand: TextCommand = {
  words: ["outcome", "resultat", "result"],
  args: true,
  roles: ["coordinator"],
  help: "co.help_outcome",
  handle: outcome,
};
