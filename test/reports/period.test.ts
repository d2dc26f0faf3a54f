import { describe, expect, it } from "vitest";
import { danishDay, danishMidnight, parsePeriod } from "../../src/capabilities/reports/period.js";

const now = new Date("2026-11-24T09:00:00Z");

describe("report period", () => {
  it.each([
    ["", "2025-11-25", "2026-11-24"],
    ["2026", "2026-01-01", "2026-12-31"],
    ["2026-02", "2026-02-01", "2026-02-28"],
    ["2026-12", "2026-12-01", "2026-12-31"],
    ["2026-01-01 2026-06-30", "2026-01-01", "2026-06-30"],
    ["1/1/2026 til 30/6/2026", "2026-01-01", "2026-06-30"],
    ["2026-03-01", "2026-03-01", "2026-11-24"],
    // Without a year a report looks back: 1 December is last December.
    ["1/12", "2025-12-01", "2026-11-24"],
  ])("%j → %s … %s", (args, first, last) => {
    const p = parsePeriod(args, now)!;
    expect([p.first, p.last]).toEqual([first, last]);
    expect(p.from.getTime()).toBe(danishMidnight(first).getTime());
  });
  it.each(["2026-13", "2026-06-30 2026-01-01", "abc def"])("%j is not a period", (args) => {
    expect(parsePeriod(args, now)).toBeUndefined();
  });
  it("uses Danish midnight, summer and winter", () => {
    expect(danishMidnight("2026-01-01").toISOString()).toBe("2025-12-31T23:00:00.000Z");
    expect(danishMidnight("2026-07-01").toISOString()).toBe("2026-06-30T22:00:00.000Z");
    expect(danishDay(new Date("2026-06-30T22:30:00Z"))).toBe("2026-07-01");
  });
});
