// Check-in rules per programme: the columns (cadence, hour tolerance) plus optional overrides in
// Programme.thresholds; everything else has a default that fits 4 hours a month for 6 months.
import type { QuietHours } from "../../lib/time.js";

export interface CheckinRules {
  cadenceWeeks: number;
  /** Hours two reports may differ and still count as the same meeting. */
  tolerance: number;
  /** Local hour of the weekly nudge on the match's weekday. */
  nudgeHour: number;
  quiet: QuietHours;
  reminderAfterMs: number;
  /** The monthly self-assessment is due when the last one is at least this old. */
  monthlyAfterMs: number;
  /** An unanswered check-in counts as missed this long after it was asked. */
  missedAfterMs: number;
}

export interface ProgrammeRules {
  checkinCadenceDays: number;
  hoursTolerance: number;
  thresholds: unknown;
}

const HOUR = 36e5;

function num(v: unknown, fallback: number, min: number, max: number): number {
  return typeof v === "number" && Number.isFinite(v) && v >= min && v <= max ? v : fallback;
}

export function checkinRules(p: ProgrammeRules): CheckinRules {
  const th = (p.thresholds && typeof p.thresholds === "object" ? p.thresholds : {}) as Record<string, unknown>;
  const quiet = Array.isArray(th.quietHours) ? th.quietHours : [];
  const cadenceWeeks = Math.max(1, Math.round(p.checkinCadenceDays / 7));
  return {
    cadenceWeeks,
    tolerance: num(p.hoursTolerance, 0.5, 0, 24),
    nudgeHour: num(th.checkinHour, 10, 0, 23),
    quiet: { start: num(quiet[0], 21, 0, 23), end: num(quiet[1], 8, 0, 23) },
    reminderAfterMs: num(th.reminderAfterHours, 48, 1, 24 * 14) * HOUR,
    monthlyAfterMs: num(th.monthlyEveryDays, 25, 7, 120) * 24 * HOUR,
    // Just before the next nudge: an answer given in the week still counts.
    missedAfterMs: cadenceWeeks * 7 * 24 * HOUR - HOUR,
  };
}
