// The scheduler's look at every mentorship and waiting mentee: raises an escalation for each
// stalled-mentorship signal. Each dedupe key names one occurrence (a silent stretch since a date,
// a run of unanswered check-ins from its first week…), so running this every tick raises once.
import type { Db } from "../../infra/db/database.js";
import { raiseEscalation, type RaiseInput } from "../../infra/alerts/raise.js";
import { contactSummaries } from "../checkins/index.js";
import { mondayOf, shiftPeriod, DAY } from "../../lib/time.js";
import { fallingAssessment, fallingRatingRun, missedRunFrom, type CheckInRow } from "./signal-rules.js";
import { loadThresholds, type Thresholds } from "./thresholds.js";

/** Rows older than this are history, not news: they are not raised when the feature first runs. */
const RECENT_DAYS = 30;

export async function scanSignals(db: Db, now: Date): Promise<number> {
  const th = await loadThresholds(db);
  const thresholdsOf = (programmeId: string): Thresholds => th.byId.get(programmeId) ?? th.fallback;
  const found: RaiseInput[] = [];
  const recent = new Date(now.getTime() - RECENT_DAYS * DAY);

  const matches = await db.match.findMany({
    where: { status: "active", startedAt: { lte: now } },
    select: { id: true, programmeId: true, menteeId: true, mentorId: true, startedAt: true, pausedUntil: true, checkIns: true },
  });
  const summaries = await contactSummaries(
    db,
    matches.map((m) => m.id),
  );
  for (const m of matches) {
    const t = thresholdsOf(m.programmeId);
    const rows: CheckInRow[] = m.checkIns;
    const summary = summaries.get(m.id);

    // No confirmed contact for N weeks, counted from the last confirmed week, the start or a pause.
    const last = summary?.lastConfirmedPeriod ? mondayOf(shiftPeriod(summary.lastConfirmedPeriod, 1)) : undefined;
    let since = last && last > m.startedAt ? last : m.startedAt;
    if (m.pausedUntil && m.pausedUntil > since && m.pausedUntil <= now) since = m.pausedUntil;
    if (now.getTime() - since.getTime() >= t.noContactWeeks * 7 * DAY) {
      found.push({
        dedupeKey: `no_contact:${m.id}:${since.toISOString().slice(0, 10)}`,
        kind: "no_contact",
        severity: "medium",
        matchId: m.id,
        source: "scheduler",
      });
    }

    // N missed check-ins in a row, per side; the key names the run's first week.
    for (const [role, personId] of [
      ["mentor", m.mentorId],
      ["mentee", m.menteeId],
    ] as const) {
      if ((summary?.unansweredInARow[role] ?? 0) < t.unansweredInARow) continue;
      const from = missedRunFrom(rows, role, t.unansweredInARow);
      if (from)
        found.push({
          dedupeKey: `unanswered:${m.id}:${role}:${from}`,
          kind: "unanswered_checkins",
          severity: "medium",
          personId,
          matchId: m.id,
          source: "checkin",
        });
    }

    // The mentee's meeting ratings falling week after week.
    const fall = fallingRatingRun(rows.filter((r) => r.personId === m.menteeId));
    if (fall.length >= t.fallingRatingsInARow) {
      found.push({
        dedupeKey: `falling_rating:${m.id}:${fall.from}`,
        kind: "falling_wellbeing",
        severity: "medium",
        personId: m.menteeId,
        matchId: m.id,
        source: "checkin",
      });
    }
  }

  // A mentor pressed "I need help" in a check-in: the check-in module raises it at once with this
  // key; the scan is the safety net for rows flagged any other way.
  const help = await db.checkIn.findMany({
    where: { needsHelp: true, role: "mentor", createdAt: { gte: recent, lte: now } },
    select: { id: true, personId: true, matchId: true, answeredAt: true },
  });
  for (const c of help) {
    if (c.answeredAt && c.answeredAt > now) continue;
    found.push(needsHelpEscalation(c));
  }

  // Self-assessments: the latest average a point or more below the previous one or the intake.
  const assessed = await db.selfAssessment.findMany({
    where: { kind: { not: "intake" }, at: { gte: recent, lte: now } },
    select: { personId: true },
    distinct: ["personId"],
  });
  for (const { personId } of assessed) {
    const rows = await db.selfAssessment.findMany({ where: { personId, at: { lte: now } } });
    const profile = await db.menteeProfile.findUnique({ where: { personId }, select: { programmeId: true } });
    const latest = fallingAssessment(rows, thresholdsOf(profile?.programmeId ?? "").fallingPoints);
    if (latest) {
      found.push({
        dedupeKey: `falling_assessment:${latest.id}`,
        kind: "falling_wellbeing",
        severity: "medium",
        personId,
        matchId: latest.matchId ?? undefined,
        source: "checkin",
      });
    }
  }

  // Offers that timed out (the matchmaking module raises these too, with the same key).
  const expired = await db.proposal.findMany({
    where: { status: "expired", createdAt: { gte: new Date(recent.getTime() - RECENT_DAYS * DAY) } },
    select: { id: true, mentorId: true },
  });
  for (const p of expired) found.push(offerTimedOutEscalation(p));

  // Mentees waiting too long, and cases marked as needing a professional mentor.
  const mentees = await db.menteeProfile.findMany({
    where: { OR: [{ status: "waiting", waitingSince: { not: null } }, { needsProfessional: true }] },
    select: { personId: true, programmeId: true, status: true, waitingSince: true, needsProfessional: true },
  });
  for (const p of mentees) {
    const days = thresholdsOf(p.programmeId).waitingDays;
    if (p.status === "waiting" && p.waitingSince && now.getTime() - p.waitingSince.getTime() >= days * DAY) {
      found.push({
        dedupeKey: `waiting:${p.personId}:${p.waitingSince.toISOString()}`,
        kind: "waiting_too_long",
        severity: "medium",
        personId: p.personId,
        source: "matching",
      });
    }
    if (p.needsProfessional) found.push(professionalEscalation(p.personId));
  }

  return raiseNew(db, found, now);
}

/** Raises those not raised before; most signals are found again on every tick until resolved. */
export async function raiseNew(db: Db, found: RaiseInput[], now: Date): Promise<number> {
  if (found.length === 0) return 0;
  const known = new Set(
    (await db.escalation.findMany({ where: { dedupeKey: { in: found.map((f) => f.dedupeKey) } }, select: { dedupeKey: true } })).map((e) => e.dedupeKey),
  );
  let raised = 0;
  for (const input of found.filter((f) => !known.has(f.dedupeKey))) {
    if ((await db.$transaction((tx) => raiseEscalation(tx, input, now))).created) raised++;
  }
  return raised;
}

/** Shared keys, so a module raising at once and this scan never raise the same thing twice. */
export function needsHelpEscalation(c: { id: string; personId: string; matchId: string }): RaiseInput {
  return { dedupeKey: `chkhelp:${c.id}`, kind: "mentor_needs_help", severity: "medium", personId: c.personId, matchId: c.matchId, source: "checkin" };
}

export function offerTimedOutEscalation(p: { id: string; mentorId: string }): RaiseInput {
  return { dedupeKey: `offer-timeout:${p.id}`, kind: "offer_timed_out", severity: "low", personId: p.mentorId, source: "matching" };
}

export function professionalEscalation(personId: string): RaiseInput {
  return { dedupeKey: `professional:${personId}`, kind: "needs_professional", severity: "medium", personId, source: "coordinator" };
}
