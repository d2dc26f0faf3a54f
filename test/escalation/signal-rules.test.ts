// The pure signal rules and thresholds, edge by edge.
import { describe, expect, it } from "vitest";
import { averageScore, fallingAssessment, fallingRatingRun, missedRunFrom, type CheckInRow } from "../../src/capabilities/escalation/signal-rules.js";
import { DEFAULT_THRESHOLDS, parseThresholds } from "../../src/capabilities/escalation/thresholds.js";

const row = (period: string, status: string, rating: number | null = null, role = "mentee"): CheckInRow => ({
  id: period,
  personId: "p",
  role,
  period,
  status,
  rating,
});

describe("missedRunFrom", () => {
  it.each([
    [["missed", "missed"], 2, "2026-W01"],
    [["answered", "missed"], 2, undefined],
    [["missed", "answered", "missed", "missed", "missed"], 2, "2026-W03"],
    [["missed", "missed", "pending"], 2, "2026-W01"], // the open week at the head is not counted yet
    [["missed", "pending", "missed"], 2, undefined], // an open week in the middle breaks the run
    [["missed", "missed"], 3, undefined],
  ])("%j with n=%i → %s", (statuses, n, from) => {
    const rows = statuses.map((s, i) => row(`2026-W0${i + 1}`, s));
    expect(missedRunFrom(rows, "mentee", n)).toBe(from);
  });

  it("ignores the other side and the final check-in", () => {
    const rows = [row("2026-W01", "missed"), row("2026-W02", "missed", null, "mentor"), row("final", "missed"), row("2026-W03", "missed")];
    expect(missedRunFrom(rows, "mentee", 2)).toBe("2026-W01");
    expect(missedRunFrom(rows, "mentor", 2)).toBeUndefined();
  });
});

describe("fallingRatingRun", () => {
  it.each([
    [[5, 4, 3], 3],
    [[5, 4, 4], 1],
    [[3, 5, 4, 2], 3],
    [[2, 3], 1],
    [[], 0],
  ])("%j → a run of %i", (ratings, length) => {
    expect(fallingRatingRun(ratings.map((r, i) => row(`2026-W1${i}`, "answered", r))).length).toBe(length);
  });

  it("skips unanswered weeks and names the run's first week", () => {
    const rows = [row("2026-W10", "answered", 5), row("2026-W11", "missed", null), row("2026-W12", "answered", 4), row("2026-W13", "answered", 2)];
    expect(fallingRatingRun(rows)).toEqual({ length: 3, from: "2026-W10" });
  });
});

describe("fallingAssessment", () => {
  const at = (d: number) => new Date(Date.UTC(2026, 0, d));
  const sa = (id: string, kind: string, c: number, cl: number, n: number, day: number) => ({
    id,
    kind,
    scores: { confidence: c, clarity: cl, network: n },
    at: at(day),
  });

  it("compares the latest with the previous one and with the intake", () => {
    expect(fallingAssessment([sa("i", "intake", 4, 4, 4, 1)], 1)).toBeUndefined();
    expect(fallingAssessment([sa("i", "intake", 4, 4, 4, 1), sa("m", "monthly", 3, 3, 3, 2)], 1)?.id).toBe("m");
    expect(fallingAssessment([sa("i", "intake", 4, 4, 4, 1), sa("m", "monthly", 4, 3, 3, 2)], 1)).toBeUndefined();
    expect(fallingAssessment([sa("m2", "monthly", 3, 3, 3, 9), sa("i", "intake", 4, 4, 5, 1), sa("m1", "monthly", 4, 3, 4, 5)], 1)?.id).toBe("m2");
  });

  it("ignores scores it cannot read", () => {
    expect(averageScore({ confidence: "high" })).toBeUndefined();
    expect(averageScore({ confidence: 2, clarity: 4 })).toBe(3);
    expect(fallingAssessment([sa("i", "intake", 4, 4, 4, 1), { id: "x", kind: "monthly", scores: null, at: at(2) }], 1)).toBeUndefined();
  });
});

describe("parseThresholds", () => {
  it("fills defaults and ignores invalid values", () => {
    expect(parseThresholds({})).toEqual(DEFAULT_THRESHOLDS);
    expect(parseThresholds(null)).toEqual(DEFAULT_THRESHOLDS);
    expect(parseThresholds({ noContactWeeks: 2, waitingDays: -1, renotifyRiskHours: "4" })).toEqual({ ...DEFAULT_THRESHOLDS, noContactWeeks: 2 });
  });
});
