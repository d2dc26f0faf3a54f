// Pure parts: ISO weeks and time zones, quiet hours, hours typed in a chat, period states and
// contact summaries, per-programme rules.
import { describe, expect, it } from "vitest";
import { dueInstant, isoWeekOfDate, localParts, outsideQuiet, periodOf, shiftPeriod, weeksBetween, zonedInstant } from "../../src/lib/time.js";
import { parseHours } from "../../src/capabilities/checkins/parse.js";
import { monthsBetween, periodState, summariseContact, type CheckInFacts } from "../../src/capabilities/checkins/contact-summary.js";
import { checkinRules } from "../../src/capabilities/checkins/settings.js";

const CPH = "Europe/Copenhagen";
const Q = { start: 21, end: 8 };

describe("time", () => {
  it.each([
    ["2026-11-24", "2026-W48"],
    ["2026-12-31", "2026-W53"],
    ["2027-01-03", "2026-W53"],
    ["2027-01-04", "2027-W01"],
    ["2024-12-30", "2025-W01"],
  ])("%s is in %s", (d, w) => {
    const [y, m, day] = d.split("-").map(Number) as [number, number, number];
    expect(isoWeekOfDate(y, m, day)).toBe(w);
  });

  it("reads the week and hour on the local wall clock", () => {
    expect(periodOf(new Date("2026-11-29T23:30:00Z"), CPH)).toBe("2026-W49"); // Monday 00:30 in Copenhagen
    expect(periodOf(new Date("2026-11-29T23:30:00Z"), "UTC")).toBe("2026-W48");
    expect(localParts(new Date("2026-07-01T12:00:00Z"), CPH).h).toBe(14);
    expect(localParts(new Date("2026-07-01T12:00:00Z"), "Not/AZone").h).toBe(14); // unknown zone → Danish time
  });

  it("finds the instant of a local time, across daylight saving", () => {
    expect(zonedInstant(2026, 3, 29, 10, 0, CPH).toISOString()).toBe("2026-03-29T08:00:00.000Z");
    expect(zonedInstant(2026, 3, 28, 10, 0, CPH).toISOString()).toBe("2026-03-28T09:00:00.000Z");
    expect(dueInstant("2026-W49", 1, 10, "America/New_York").toISOString()).toBe("2026-11-30T15:00:00.000Z");
    expect(dueInstant("2026-W49", 5, 10, CPH).toISOString()).toBe("2026-12-04T09:00:00.000Z");
  });

  it("moves a time in the quiet hours to 08:00 local", () => {
    expect(outsideQuiet(new Date("2026-11-30T21:30:00Z"), CPH, Q).toISOString()).toBe("2026-12-01T07:00:00.000Z"); // 22:30 → 08:00 next day
    expect(outsideQuiet(new Date("2026-11-30T05:00:00Z"), CPH, Q).toISOString()).toBe("2026-11-30T07:00:00.000Z"); // 06:00 → 08:00
    expect(outsideQuiet(new Date("2026-11-30T12:00:00Z"), CPH, Q).toISOString()).toBe("2026-11-30T12:00:00.000Z");
  });

  it("counts and shifts weeks across the new year", () => {
    expect(weeksBetween("2026-W52", "2027-W02")).toBe(3);
    expect(shiftPeriod("2026-W53", 1)).toBe("2027-W01");
  });
});

describe("hours typed in a chat", () => {
  it.each([
    ["1,5", 1.5],
    ["1.5", 1.5],
    ["1½", 1.5],
    ["1 1/2", 1.5],
    ["90 min", 1.5],
    ["1:30", 1.5],
    ["2 timer", 2],
    ["to timer", 2],
    ["en halv time", 0.5],
    ["halvanden time", 1.5],
    ["an hour", 1],
    ["half an hour", 0.5],
    ["1 time og 15 min", 1.25],
    ["40 min", 0.75],
    ["1.1", 1],
  ])("%s → %s", (text, hours) => expect(parseHours(text)).toBe(hours));
  it.each(["0", "abc", "100", "", "ja", "5 min"])("%s is not a duration", (text) => expect(parseHours(text)).toBeUndefined());
});

const row = (role: string, status: string, met: boolean | null = null, hours: number | null = null, period = "2026-W49"): CheckInFacts => ({
  matchId: "m",
  period,
  role,
  status,
  met,
  hours,
});

describe("contact confirmed by both sides", () => {
  it.each([
    [row("mentor", "answered", true, 1.5), row("mentee", "answered", true, 1), "confirmed"],
    [row("mentor", "answered", true, 2), row("mentee", "answered", true, 1), "disagreement"],
    [row("mentor", "answered", true, 2), row("mentee", "answered", false), "disagreement"],
    [row("mentor", "answered", true, 2), row("mentee", "missed"), "one_sided"],
    [row("mentor", "answered", true, 2), undefined, "one_sided"],
    [row("mentor", "answered", true, 2), row("mentee", "pending"), "open"],
    [row("mentor", "answered", false), row("mentee", "missed"), "no_contact"],
    [row("mentor", "missed"), row("mentee", "missed"), "no_contact"],
  ])("%o + %o → %s", (a, b, state) => expect(periodState(a, b, 0.5)).toBe(state));

  it("sums reported and confirmed hours (the smaller of two) and counts silence from the newest week", () => {
    const rows = [
      row("mentor", "answered", true, 2, "2026-W49"),
      row("mentee", "answered", true, 1.5, "2026-W49"),
      row("mentor", "answered", true, 1, "2026-W50"),
      row("mentee", "missed", null, null, "2026-W50"),
      row("mentor", "missed", null, null, "2026-W51"),
      row("mentee", "missed", null, null, "2026-W51"),
      row("mentor", "pending", null, null, "2026-W52"),
      row("mentee", "pending", null, null, "2026-W52"),
      row("mentee", "answered", true, 9, "final"),
    ];
    const s = summariseContact(rows, 0.5, { hoursPerMonth: 4, months: 6 });
    expect(s).toMatchObject({
      plannedHours: 24,
      reportedMentor: 3,
      reportedMentee: 1.5,
      confirmedHours: 1.5,
      oneSided: 1,
      disagreements: 0,
      lastConfirmedPeriod: "2026-W49",
      periodsWithoutConfirmed: 2,
      unansweredInARow: { mentor: 1, mentee: 2 },
    });
  });

  it("plans the programme's hours per month over the months from start to end", () => {
    expect(monthsBetween(new Date("2026-11-24T09:00:00Z"), new Date("2027-05-24T09:00:00Z"))).toBe(6);
    expect(monthsBetween(new Date("2026-11-24T09:00:00Z"), new Date("2027-06-07T09:00:00Z"))).toBeCloseTo(6.46, 1);
  });
});

describe("programme rules", () => {
  it("take the columns and overrides in thresholds, ignoring nonsense", () => {
    const r = checkinRules({ checkinCadenceDays: 14, hoursTolerance: 0.25, thresholds: { checkinHour: 17, quietHours: [22, 7], reminderAfterHours: "x" } });
    expect(r).toMatchObject({ cadenceWeeks: 2, tolerance: 0.25, nudgeHour: 17, quiet: { start: 22, end: 7 }, reminderAfterMs: 48 * 36e5 });
  });
});
