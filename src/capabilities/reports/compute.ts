// Programme report figures for a period, per programme and overall, computed from the tables.
// Only aggregates leave this file. Rows of erased people stay under "anon-" ids (see
// people/erase.ts), so totals do not drop when someone deletes their data. Self-assessment and
// target-group figures use only mentees who consented to statistics (anonymised rows were kept
// only for those). Small groups are suppressed when shown (suppress.ts), not here.
import { periodState, type CheckInFacts } from "../checkins/index.js";
import { isWeekPeriod, DAY } from "../../lib/time.js";
import type { Tx } from "../../infra/db/tx.js";
import type { Period } from "./period.js";

export const OUTCOME_CATEGORIES = ["job", "education", "internship", "wage_subsidy", "other", "none"] as const;
export const SCORE_KEYS = ["confidence", "clarity", "network"] as const;
const MONTH_DAYS = 365.25 / 12;

export interface Counts {
  answered: number;
  missed: number;
}

export interface Figures {
  intakes: number;
  /** Mentees waiting at the end of the period. */
  waiting: number;
  /** Days from intake to first match, for first matches started in the period. */
  waitDays: number[];
  matchesStarted: number;
  active: number;
  paused: number;
  ended: number;
  offers: number;
  accepted: number;
  declined: number;
  expired: number;
  acceptHours: number[];
  checkins: { mentor: Counts; mentee: Counts };
  hours: { matches: number; planned: number; mentor: number; mentee: number; confirmed: number };
  /** Mean change from intake to the latest self-assessment in the period, per score. */
  selfAssessment: { n: number; change: Record<(typeof SCORE_KEYS)[number], number | null> };
  outcomes: { n: number; byCategory: Record<string, number>; byGroup: { group: string; n: number; byCategory: Record<string, number> }[] };
}

export interface Report {
  period: Period;
  overall: Figures;
  programmes: { id: string; name: string; figures: Figures }[];
}

const within = (d: Date | null | undefined, p: Period) => !!d && d >= p.from && d < p.to;
const emptyCategories = () => Object.fromEntries(OUTCOME_CATEGORIES.map((c) => [c, 0])) as Record<string, number>;
const round1 = (n: number) => Math.round(n * 10) / 10;

export async function computeReport(tx: Tx, period: Period, now: Date): Promise<Report> {
  const { from, to } = period;
  const programmes = await tx.programme.findMany({ orderBy: { createdAt: "asc" } });
  const profiles = await tx.menteeProfile.findMany({ select: { personId: true, programmeId: true, status: true, waitingSince: true, targetGroup: true } });
  const statsConsent = new Set(
    (await tx.consent.findMany({ where: { purpose: "statistics", granted: true, withdrawnAt: null }, select: { personId: true } })).map((c) => c.personId),
  );
  const assessments = await tx.selfAssessment.findMany({ where: { at: { lt: to } }, orderBy: { at: "asc" } });
  const matches = await tx.match.findMany({ where: { startedAt: { lt: to } }, orderBy: { startedAt: "asc" } });
  const proposals = await tx.proposal.findMany({ where: { offeredAt: { gte: from, lt: to } } });
  const checkins = await tx.checkIn.findMany({
    where: { createdAt: { gte: from, lt: to } },
    select: { matchId: true, period: true, role: true, status: true, met: true, hours: true },
  });
  // Only confirmed outcomes count: one told in a chat waits for a coordinator's Confirm.
  const outcomes = await tx.outcome.findMany({ where: { date: { gte: from, lt: to }, confirmedAt: { not: null } } });

  const defaultProgramme = programmes[0]?.id ?? "";
  const profileOf = new Map(profiles.map((p) => [p.personId, p]));
  const matchById = new Map(matches.map((m) => [m.id, m]));
  const firstMatch = new Map<string, (typeof matches)[number]>();
  for (const m of matches) if (!firstMatch.has(m.menteeId)) firstMatch.set(m.menteeId, m);
  const programmeOf = (personId: string) => profileOf.get(personId)?.programmeId ?? firstMatch.get(personId)?.programmeId ?? defaultProgramme;
  const intake = new Map<string, (typeof assessments)[number]>();
  for (const a of assessments) if (a.kind === "intake" && !intake.has(a.personId)) intake.set(a.personId, a);
  // Erased people's statistics were kept only with consent; living people need it now.
  const mayCount = (personId: string) => personId.startsWith("anon-") || statsConsent.has(personId);

  function figures(pid: string | null): Figures {
    const inP = (id: string) => pid === null || id === pid;
    const ms = matches.filter((m) => inP(m.programmeId));
    const f: Figures = {
      intakes: assessments.filter((a) => a.kind === "intake" && within(a.at, period) && inP(programmeOf(a.personId))).length,
      // Waiting at the end of the period: still waiting now, or matched only after it ended.
      waiting: profiles.filter(
        (p) =>
          inP(p.programmeId) &&
          p.waitingSince &&
          p.waitingSince < to &&
          (["waiting", "proposed"].includes(p.status) || (firstMatch.get(p.personId)?.startedAt ?? from) >= to),
      ).length,
      waitDays: [],
      matchesStarted: ms.filter((m) => within(m.startedAt, period)).length,
      active: ms.filter((m) => m.status !== "paused" && (!m.endedAt || m.endedAt >= to)).length,
      paused: ms.filter((m) => m.status === "paused").length,
      ended: ms.filter((m) => within(m.endedAt, period)).length,
      offers: 0,
      accepted: 0,
      declined: 0,
      expired: 0,
      acceptHours: [],
      checkins: { mentor: { answered: 0, missed: 0 }, mentee: { answered: 0, missed: 0 } },
      hours: { matches: 0, planned: 0, mentor: 0, mentee: 0, confirmed: 0 },
      selfAssessment: { n: 0, change: { confidence: null, clarity: null, network: null } },
      outcomes: { n: 0, byCategory: emptyCategories(), byGroup: [] },
    };
    for (const m of ms) {
      if (!within(m.startedAt, period) || firstMatch.get(m.menteeId)?.id !== m.id) continue;
      const since = intake.get(m.menteeId)?.at ?? profileOf.get(m.menteeId)?.waitingSince;
      if (since) f.waitDays.push(Math.max(0, (m.startedAt.getTime() - since.getTime()) / DAY));
    }
    for (const p of proposals.filter((x) => inP(x.programmeId))) {
      f.offers++;
      if (p.status === "accepted") {
        f.accepted++;
        if (p.respondedAt && p.offeredAt) f.acceptHours.push((p.respondedAt.getTime() - p.offeredAt.getTime()) / 36e5);
      }
      if (p.status === "declined") f.declined++;
      if (p.status === "expired") f.expired++;
    }
    hours(f, pid);
    selfAssessment(f, pid);
    outcomeFigures(f, pid);
    return f;
  }

  function hours(f: Figures, pid: string | null): void {
    const cut = new Date(Math.min(to.getTime(), now.getTime()));
    for (const m of matches) {
      if (pid !== null && m.programmeId !== pid) continue;
      const start = Math.max(from.getTime(), m.startedAt.getTime());
      const end = Math.min(cut.getTime(), (m.endedAt ?? cut).getTime());
      if (end <= start) continue;
      const hpm = programmes.find((p) => p.id === m.programmeId)?.hoursPerMonth ?? 4;
      f.hours.matches++;
      f.hours.planned += (hpm * (end - start)) / DAY / MONTH_DAYS;
    }
    // Reported and confirmed hours per weekly period, as the check-ins capability counts them.
    const pairs = new Map<string, { mentor?: CheckInFacts; mentee?: CheckInFacts; tolerance: number }>();
    for (const c of checkins) {
      const m = matchById.get(c.matchId);
      if (!m || (pid !== null && m.programmeId !== pid)) continue;
      const role = c.role === "mentor" ? "mentor" : "mentee";
      if (c.status === "answered") f.checkins[role].answered++;
      if (c.status === "missed") f.checkins[role].missed++;
      if (!isWeekPeriod(c.period)) continue;
      const key = `${c.matchId}|${c.period}`;
      const tolerance = programmes.find((p) => p.id === m.programmeId)?.hoursTolerance ?? 0.5;
      pairs.set(key, { ...(pairs.get(key) ?? { tolerance }), [role]: c });
    }
    const met = (c: CheckInFacts | undefined) => (c?.status === "answered" && c.met ? (c.hours ?? 0) : null);
    for (const p of pairs.values()) {
      f.hours.mentor += met(p.mentor) ?? 0;
      f.hours.mentee += met(p.mentee) ?? 0;
      if (periodState(p.mentor, p.mentee, p.tolerance) === "confirmed") f.hours.confirmed += Math.min(met(p.mentor)!, met(p.mentee)!);
    }
    f.hours.planned = round1(f.hours.planned);
    f.hours.mentor = round1(f.hours.mentor);
    f.hours.mentee = round1(f.hours.mentee);
    f.hours.confirmed = round1(f.hours.confirmed);
  }

  function selfAssessment(f: Figures, pid: string | null): void {
    const latest = new Map<string, (typeof assessments)[number]>();
    for (const a of assessments) if (a.kind !== "intake" && within(a.at, period)) latest.set(a.personId, a);
    const sums = { confidence: 0, clarity: 0, network: 0 };
    for (const [personId, last] of latest) {
      const first = intake.get(personId);
      if (!first || !mayCount(personId) || (pid !== null && programmeOf(personId) !== pid)) continue;
      const a = first.scores as Record<string, number>;
      const b = last.scores as Record<string, number>;
      if (!SCORE_KEYS.every((k) => Number.isFinite(a[k]) && Number.isFinite(b[k]))) continue;
      f.selfAssessment.n++;
      for (const k of SCORE_KEYS) sums[k] += b[k]! - a[k]!;
    }
    const n = f.selfAssessment.n;
    for (const k of SCORE_KEYS) f.selfAssessment.change[k] = n ? Math.round((sums[k] / n) * 100) / 100 : null;
  }

  function outcomeFigures(f: Figures, pid: string | null): void {
    const groups = new Map<string, { n: number; byCategory: Record<string, number> }>();
    for (const o of outcomes) {
      const programmeId = matchById.get(o.matchId)?.programmeId ?? programmeOf(o.menteeId);
      if (pid !== null && programmeId !== pid) continue;
      const category = (OUTCOME_CATEGORIES as readonly string[]).includes(o.category) ? o.category : "other";
      f.outcomes.n++;
      f.outcomes.byCategory[category]!++;
      if (!mayCount(o.menteeId)) continue;
      const group = o.targetGroup ?? profileOf.get(o.menteeId)?.targetGroup ?? "unknown";
      const g = groups.get(group) ?? { n: 0, byCategory: emptyCategories() };
      g.n++;
      g.byCategory[category]!++;
      groups.set(group, g);
    }
    f.outcomes.byGroup = [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([group, g]) => ({ group, ...g }));
  }

  return {
    period,
    overall: figures(null),
    programmes: programmes.map((p) => ({ id: p.id, name: p.name, figures: figures(p.id) })),
  };
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
