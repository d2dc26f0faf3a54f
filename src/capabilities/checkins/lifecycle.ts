// Pausing check-ins, extending a mentorship and closing it, each recorded in the match's history
// (MatchEvent) so coordinators can see what happened and why.
import type { Tx } from "../../infra/db/tx.js";
import { enqueue } from "../../infra/outbox/outbox.js";
import { MentorbroError } from "../../core/errors.js";
import { t, type Locale } from "../../core/i18n/index.js";
import { askItem, checkinId, FINAL_PERIOD, firstName, type Role } from "./messages.js";
import { checkinRules } from "./settings.js";
import { outsideQuiet, shortDate } from "../../lib/time.js";

const WEEK = 7 * 864e5;

async function event(tx: Tx, matchId: string, from: string | null, to: string, reason: string | null, actorId: string | null, now: Date): Promise<string> {
  const e = await tx.matchEvent.create({ data: { matchId, from, to, reason, actorId, at: now } });
  return e.id;
}

/** Either side pauses check-ins (holiday, illness) for some weeks; the other side is told. */
export async function pauseCheckins(tx: Tx, matchId: string, weeks: number, actorId: string, now: Date): Promise<{ until: Date; eventId: string } | undefined> {
  const until = new Date(now.getTime() + weeks * WEEK);
  const m = await tx.match.findUnique({ where: { id: matchId } });
  if (!m || (m.status !== "active" && m.status !== "paused")) return undefined;
  await tx.match.update({ where: { id: matchId }, data: { status: "paused", pausedUntil: until } });
  const eventId = await event(tx, matchId, m.status, "paused", null, actorId, now);
  const otherId = actorId === m.mentorId ? m.menteeId : m.mentorId;
  const [actor, other] = await Promise.all([
    tx.person.findUnique({ where: { id: actorId }, select: { displayName: true } }),
    tx.person.findUnique({ where: { id: otherId }, select: { timezone: true } }),
  ]);
  if (other) {
    await enqueue(tx, [
      {
        dedupeKey: `chkpause:${eventId}:${otherId}`,
        recipient: otherId,
        kind: "checkin_pause",
        payload: { key: "chk.paused_other", params: { name: firstName(actor?.displayName), date: shortDate(until, other.timezone) } },
        dueAt: now,
      },
    ]);
  }
  return { until, eventId };
}

/** Check-ins start again (early by choice, or when the pause ran out). */
export async function resumeCheckins(tx: Tx, matchId: string, actorId: string | null, now: Date, reason: string | null = null): Promise<boolean> {
  const n = await tx.match.updateMany({ where: { id: matchId, status: "paused" }, data: { status: "active", pausedUntil: now } });
  if (n.count === 1) await event(tx, matchId, "paused", "active", reason, actorId, now);
  return n.count === 1;
}

/** A coordinator extends a mentorship by some weeks, with a reason. */
export async function extendMatch(tx: Tx, matchId: string, weeks: number, reason: string, actorId: string, now: Date): Promise<Date> {
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 52) throw new MentorbroError("INVALID_INPUT", "Weeks must be 1-52");
  const m = await tx.match.findUnique({ where: { id: matchId } });
  if (!m) throw new MentorbroError("NOT_FOUND", "No such match");
  if (m.status === "ended") throw new MentorbroError("INVALID_INPUT", "The match has ended");
  const endsAt = new Date(Math.max(m.endsAt.getTime(), now.getTime()) + weeks * WEEK);
  await tx.match.update({ where: { id: matchId }, data: { endsAt } });
  await event(tx, matchId, m.status, "extended", reason, actorId, now);
  await tx.auditLog.create({
    data: { actorId, action: "match.extended", subjectId: matchId, details: { weeks, from: m.endsAt.toISOString(), to: endsAt.toISOString() }, at: now },
  });
  return endsAt;
}

/**
 * The closing conversation: a "final" check-in row for each side and the first closing question
 * (outcome for the mentee, a 1-5 rating for the mentor). Idempotent per match.
 */
export async function startClosing(tx: Tx, matchId: string, now: Date): Promise<void> {
  const m = await tx.match.findUnique({ where: { id: matchId } });
  if (!m) return;
  const programme = await tx.programme.findUnique({ where: { id: m.programmeId } });
  const rules = checkinRules(programme ?? { checkinCadenceDays: 7, hoursTolerance: 0.5, thresholds: {} });
  const people = await tx.person.findMany({
    where: { id: { in: [m.menteeId, m.mentorId] } },
    select: { id: true, displayName: true, locale: true, timezone: true },
  });
  const sides: [Role, string, string][] = [
    ["mentee", m.menteeId, m.mentorId],
    ["mentor", m.mentorId, m.menteeId],
  ];
  for (const [role, personId, otherId] of sides) {
    const p = people.find((x) => x.id === personId);
    if (!p) continue;
    const at = outsideQuiet(now, p.timezone, rules.quiet);
    const other = firstName(people.find((x) => x.id === otherId)?.displayName) || t(p.locale as Locale, `chk.the_${role === "mentor" ? "mentee" : "mentor"}`);
    await tx.checkIn.createMany({
      data: [{ id: checkinId(m.id, FINAL_PERIOD, personId), matchId: m.id, personId, role, period: FINAL_PERIOD, createdAt: at }],
      skipDuplicates: true,
    });
    await enqueue(tx, [askItem({ matchId: m.id, period: FINAL_PERIOD, personId, role, other, at })]);
  }
}

/** The programme period is over: the match ends and the closing conversation starts. */
export async function completeMatch(tx: Tx, matchId: string, now: Date): Promise<boolean> {
  const m = await tx.match.findUnique({ where: { id: matchId }, select: { status: true, menteeId: true } });
  if (!m) return false;
  const n = await tx.match.updateMany({
    where: { id: matchId, status: { in: ["active", "paused"] } },
    data: { status: "ended", endedAt: now, endReason: "completed" },
  });
  if (n.count === 0) return false;
  await event(tx, matchId, m.status, "ended", "completed", null, now);
  await tx.menteeProfile.updateMany({ where: { personId: m.menteeId, status: "matched" }, data: { status: "ended" } });
  await tx.auditLog.create({ data: { action: "match.ended", subjectId: matchId, details: { reason: "completed" }, at: now } });
  await startClosing(tx, matchId, now);
  return true;
}
