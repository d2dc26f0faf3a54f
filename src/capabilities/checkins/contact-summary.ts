// Contact hours per match, confirmed by both sides (seed 001: nobody checked that paid hours
// happened). A period is CONFIRMED when mentor and mentee both answered "met" with hours within
// the programme's tolerance (confirmed hours = the smaller). One-sided reports and disagreements
// are kept and counted for coordinators. Used by escalations and the municipal report.
import type { Tx } from "../../infra/db/tx.js";
import { MentorbroError } from "../../core/errors.js";
import { isWeekPeriod } from "../../lib/time.js";

export interface CheckInFacts {
  matchId: string;
  period: string;
  role: string;
  status: string;
  met: boolean | null;
  hours: number | null;
}

export type PeriodState = "confirmed" | "disagreement" | "one_sided" | "no_contact" | "open";

export interface PeriodContact {
  period: string;
  state: PeriodState;
  mentorHours: number | null;
  menteeHours: number | null;
}

export interface ContactSummary {
  /** The whole plan: the programme's hours per month × the months from start to end. */
  plannedHours: number;
  plannedHoursPerMonth: number;
  reportedMentor: number;
  reportedMentee: number;
  confirmedHours: number;
  /** Both answered, but not the same: one says met and the other not, or hours too far apart. */
  disagreements: number;
  /** Only one side reported a meeting; the other did not answer. */
  oneSided: number;
  lastConfirmedPeriod: string | null;
  /** Missed check-ins in a row, newest first (check-ins still open are not counted yet). */
  unansweredInARow: { mentor: number; mentee: number };
  /** Settled check-in periods in a row, newest first, without confirmed contact. */
  periodsWithoutConfirmed: number;
  /** Every check-in period, oldest first. */
  periods: PeriodContact[];
}

const answered = (r: CheckInFacts | undefined) => r?.status === "answered";
const metHours = (r: CheckInFacts | undefined) => (answered(r) && r!.met ? (r!.hours ?? 0) : null);

export function periodState(mentor: CheckInFacts | undefined, mentee: CheckInFacts | undefined, tolerance: number): PeriodState {
  const a = metHours(mentor);
  const b = metHours(mentee);
  if (a !== null && b !== null) return Math.abs(a - b) <= tolerance + 1e-9 ? "confirmed" : "disagreement";
  if (answered(mentor) && answered(mentee)) return a === null && b === null ? "no_contact" : "disagreement";
  if (a !== null || b !== null) return mentor?.status === "pending" || mentee?.status === "pending" ? "open" : "one_sided";
  return mentor?.status === "pending" || mentee?.status === "pending" ? "open" : "no_contact";
}

function inARow(rows: CheckInFacts[]): number {
  let n = 0;
  for (const r of rows) {
    if (r.status === "pending") {
      if (n === 0) continue;
      break;
    }
    if (r.status !== "missed") break;
    n++;
  }
  return n;
}

/** Pure: the summary of one match's weekly check-in rows. */
export function summariseContact(rows: CheckInFacts[], tolerance: number, plan: { hoursPerMonth: number; months: number }): ContactSummary {
  const weekly = rows.filter((r) => isWeekPeriod(r.period)).sort((x, y) => x.period.localeCompare(y.period));
  const periods: PeriodContact[] = [];
  for (const period of [...new Set(weekly.map((r) => r.period))]) {
    const mentor = weekly.find((r) => r.period === period && r.role === "mentor");
    const mentee = weekly.find((r) => r.period === period && r.role === "mentee");
    periods.push({ period, state: periodState(mentor, mentee, tolerance), mentorHours: metHours(mentor), menteeHours: metHours(mentee) });
  }
  const sum = (xs: (number | null)[]) => xs.reduce<number>((s, x) => s + (x ?? 0), 0);
  const confirmed = periods.filter((p) => p.state === "confirmed");
  let without = 0;
  for (const p of [...periods].reverse()) {
    if (p.state === "open" && without === 0) continue;
    if (p.state === "confirmed") break;
    without++;
  }
  const newest = (role: string) => weekly.filter((r) => r.role === role).reverse();
  return {
    plannedHours: Math.round(plan.hoursPerMonth * plan.months * 4) / 4,
    plannedHoursPerMonth: plan.hoursPerMonth,
    reportedMentor: sum(periods.map((p) => p.mentorHours)),
    reportedMentee: sum(periods.map((p) => p.menteeHours)),
    confirmedHours: sum(confirmed.map((p) => Math.min(p.mentorHours!, p.menteeHours!))),
    disagreements: periods.filter((p) => p.state === "disagreement").length,
    oneSided: periods.filter((p) => p.state === "one_sided").length,
    lastConfirmedPeriod: confirmed.at(-1)?.period ?? null,
    unansweredInARow: { mentor: inARow(newest("mentor")), mentee: inARow(newest("mentee")) },
    periodsWithoutConfirmed: without,
    periods,
  };
}

/** Calendar months from start to end, with the part month as a fraction (6 months → 6). */
export function monthsBetween(start: Date, end: Date): number {
  const whole = (end.getUTCFullYear() - start.getUTCFullYear()) * 12 + end.getUTCMonth() - start.getUTCMonth();
  const anchor = new Date(start);
  anchor.setUTCMonth(start.getUTCMonth() + whole);
  const rest = (end.getTime() - anchor.getTime()) / (30.44 * 864e5);
  return Math.max(0, Math.round((whole + rest) * 100) / 100);
}

/** Summaries for many matches in three queries (reports over thousands of matches). */
export async function contactSummaries(tx: Tx, matchIds: string[]): Promise<Map<string, ContactSummary>> {
  const out = new Map<string, ContactSummary>();
  if (matchIds.length === 0) return out;
  const matches = await tx.match.findMany({ where: { id: { in: matchIds } }, select: { id: true, programmeId: true, startedAt: true, endsAt: true } });
  const programmes = new Map((await tx.programme.findMany({ where: { id: { in: [...new Set(matches.map((m) => m.programmeId))] } } })).map((p) => [p.id, p]));
  const rows = await tx.checkIn.findMany({
    where: { matchId: { in: matchIds } },
    select: { matchId: true, period: true, role: true, status: true, met: true, hours: true },
  });
  const byMatch = new Map<string, CheckInFacts[]>();
  for (const r of rows) (byMatch.get(r.matchId) ?? byMatch.set(r.matchId, []).get(r.matchId)!).push(r);
  for (const m of matches) {
    const p = programmes.get(m.programmeId);
    out.set(
      m.id,
      summariseContact(byMatch.get(m.id) ?? [], p?.hoursTolerance ?? 0.5, {
        hoursPerMonth: p?.hoursPerMonth ?? 4,
        months: monthsBetween(m.startedAt, m.endsAt),
      }),
    );
  }
  return out;
}

export async function contactSummary(tx: Tx, matchId: string): Promise<ContactSummary> {
  const s = (await contactSummaries(tx, [matchId])).get(matchId);
  if (!s) throw new MentorbroError("NOT_FOUND", "No such match");
  return s;
}
