// An outcome told in a chat ("jeg har fået job!!", "my mentee got an internship"): congratulated,
// written on the mentorship as reported by the person (not yet confirmed, so reports do not count
// it) and sent to the coordinators with a Confirm button (handled by the coordinator capability).
import type { HandlerContext } from "../../core/conversation/handlers.js";
import { t, type Locale } from "../../core/i18n/index.js";
import { firstName } from "../../core/conversation/kit.js";
import { notifyCoordinators } from "../../infra/people/coordinators.js";
import { parseDate } from "../../lib/text/dates.js";
import { fold } from "../../lib/text/normalize.js";
import { outcomeKind, type OutcomeKind } from "../../lib/understanding/slots.js";

export const OUTCOME_KINDS: readonly OutcomeKind[] = ["job", "education", "internship", "wage_subsidy"];

/** A mentorship ended this long ago still gets the outcome its mentee tells about. */
const RECENT_MS = 183 * 864e5;

/** "job", "Praktik", "jeg er startet på en uddannelse" → the kind; a button label typed counts too. */
export function typedKind(l: Locale, text: string): OutcomeKind | undefined {
  const f = fold(text);
  return OUTCOME_KINDS.find((k) => fold(t(l, `chk.outcome.${k}`)) === f) ?? outcomeKind(f);
}

/**
 * The mentorships an outcome told by this person can belong to: a mentee's own (the one going on,
 * else the latest that ended recently); for a mentor, their mentees' in the same order.
 */
export async function outcomeMatches(ctx: HandlerContext): Promise<{ id: string; menteeId: string; mentorId: string }[]> {
  const me = ctx.person.id;
  const recent = new Date(ctx.now.getTime() - RECENT_MS);
  const select = { id: true, menteeId: true, mentorId: true } as const;
  for (const side of ["menteeId", "mentorId"] as const) {
    if (!ctx.person.roles.includes(side === "menteeId" ? "mentee" : "mentor")) continue;
    const live = await ctx.tx.match.findMany({ where: { [side]: me, status: { in: ["active", "paused"] } }, orderBy: { startedAt: "desc" }, select });
    if (live.length) return side === "menteeId" ? live.slice(0, 1) : live;
    const ended = await ctx.tx.match.findMany({ where: { [side]: me, status: "ended", endedAt: { gte: recent } }, orderBy: { endedAt: "desc" }, select });
    if (ended.length) return side === "menteeId" ? ended.slice(0, 1) : ended;
  }
  return [];
}

export interface Reported {
  doneKey: string;
  doneParams: Record<string, string>;
}

/** Writes the reported outcome and tells the coordinators; returns the congratulation to show. */
export async function reportOutcome(ctx: HandlerContext, matchId: string | undefined, kind: OutcomeKind): Promise<Reported> {
  const { tx, person, now } = ctx;
  const l = person.locale;
  const what = t(l, `chk.what.${kind}`);
  const m = matchId ? await tx.match.findUnique({ where: { id: matchId } }) : null;
  const names = new Map(
    (await tx.person.findMany({ where: { id: { in: [person.id, ...(m ? [m.menteeId, m.mentorId] : [])] } }, select: { id: true, displayName: true } })).map(
      (p) => [p.id, firstName(p.displayName, "?")],
    ),
  );
  const category = (locale: Locale) => ({ category: t(locale, `chk.outcome.${kind}`) });
  const ymd = parseDate("i dag", now, "da")!.date;
  if (!m || (m.menteeId !== person.id && m.mentorId !== person.id)) {
    await tx.auditLog.create({
      data: { actorId: person.id, action: "outcome.reported", subjectId: person.id, details: { category: kind, match: null }, at: now },
    });
    await notifyCoordinators(
      tx,
      `outcome:${person.id}:${kind}:${ymd}`,
      "chk.outcome_notice_nomatch",
      (c) => ({ name: names.get(person.id)!, ...category(c) }),
      now,
      [{ action: `co:p:${person.id}`, labelKey: "chk.btn_see_person" }],
    );
    return { doneKey: "chk.outcome_congrats", doneParams: { what } };
  }
  const asMentor = m.mentorId === person.id;
  const mentee = names.get(m.menteeId)!;
  const congrats: Reported = asMentor
    ? { doneKey: "chk.outcome_congrats_mentor", doneParams: { what, name: mentee } }
    : { doneKey: "chk.outcome_congrats", doneParams: { what } };
  const before = await tx.outcome.findUnique({ where: { matchId: m.id } });
  if (before?.category === kind && before.confirmedAt) return { ...congrats, doneKey: asMentor ? "chk.outcome_known_mentor" : "chk.outcome_known" };
  const today = new Date(`${ymd}T00:00:00Z`);
  const targetGroup = (await tx.menteeProfile.findUnique({ where: { personId: m.menteeId }, select: { targetGroup: true } }))?.targetGroup ?? null;
  const reported = { category: kind, recordedBy: person.id, confirmedAt: null, confirmedBy: null };
  await tx.outcome.upsert({
    where: { matchId: m.id },
    create: { matchId: m.id, menteeId: m.menteeId, targetGroup, date: today, ...reported },
    update: { ...reported, ...(before?.category === kind ? {} : { date: today }) },
  });
  await tx.auditLog.create({
    data: { actorId: person.id, action: "outcome.reported", subjectId: m.id, details: { from: before?.category ?? null, to: kind }, at: now },
  });
  await notifyCoordinators(
    tx,
    `outcome:${m.id}:${kind}:${person.id}:${ymd}`,
    asMentor ? "chk.outcome_notice_mentor" : "chk.outcome_notice_mentee",
    (c) => ({ mentee, mentor: names.get(m.mentorId)!, ...category(c) }),
    now,
    [
      { action: `co:ocf:${m.id}:${kind}`, labelKey: "chk.btn_confirm_outcome" },
      { action: `co:out:${m.id}`, labelKey: "chk.btn_fix_outcome" },
    ],
  );
  return congrats;
}
