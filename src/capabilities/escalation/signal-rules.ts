// The stalled-mentorship rules as pure functions over check-in and self-assessment rows, so each
// threshold can be tested without a database. Confirmed contact and missed check-ins in a row come
// from the check-ins' contact summary; scanning and raising is in scan-signals.ts.

export interface CheckInRow {
  id: string;
  personId: string;
  role: string;
  period: string;
  status: string;
  rating: number | null;
}

const isWeek = (period: string) => /^\d{4}-W\d{2}$/.test(period);

/**
 * The first (oldest) period of a role's current run of missed check-ins when it is `n` or longer
 * (open ones at the head are skipped), so a run that grows stays one occurrence.
 */
export function missedRunFrom(rows: CheckInRow[], role: string, n: number): string | undefined {
  const newest = rows.filter((r) => r.role === role && isWeek(r.period)).sort((a, b) => b.period.localeCompare(a.period));
  let i = 0;
  while (newest[i]?.status === "pending") i++;
  let j = i;
  while (newest[j]?.status === "missed") j++;
  return j - i >= n ? newest[j - 1]!.period : undefined;
}

/** The latest run of answered ratings, each lower than the one before: its length and first period. */
export function fallingRatingRun(rows: CheckInRow[]): { length: number; from?: string } {
  const rated = rows
    .filter((r) => r.status === "answered" && typeof r.rating === "number" && isWeek(r.period))
    .sort((a, b) => a.period.localeCompare(b.period));
  if (rated.length === 0) return { length: 0 };
  let i = rated.length - 1;
  while (i > 0 && rated[i - 1]!.rating! > rated[i]!.rating!) i--;
  return { length: rated.length - i, from: rated[i]!.period };
}

export interface AssessmentRow {
  id: string;
  matchId?: string | null;
  kind: string;
  scores: unknown;
  at: Date;
}

export function averageScore(scores: unknown): number | undefined {
  if (!scores || typeof scores !== "object") return undefined;
  const values = ["confidence", "clarity", "network"]
    .map((k) => (scores as Record<string, unknown>)[k])
    .filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : undefined;
}

/** The latest assessment when its average is `points` or more below the previous one or the intake. */
export function fallingAssessment(rows: AssessmentRow[], points: number): AssessmentRow | undefined {
  const sorted = [...rows].sort((a, b) => a.at.getTime() - b.at.getTime());
  if (sorted.length < 2) return undefined;
  const latest = sorted[sorted.length - 1]!;
  const now = averageScore(latest.scores);
  if (now === undefined) return undefined;
  const previous = averageScore(sorted[sorted.length - 2]!.scores);
  const intake = averageScore(sorted.find((r) => r.kind === "intake")?.scores);
  const fell = (before: number | undefined) => before !== undefined && before - now >= points - 1e-9;
  return fell(previous) || (latest.kind !== "intake" && fell(intake)) ? latest : undefined;
}
