import { describe, expect, it } from "vitest";
import { parseDate } from "../../src/lib/text/dates.js";

// Tuesday 10 March 2026, midday in Copenhagen.
const NOW = new Date("2026-03-10T11:00:00Z");
const parse = (text: string, now = NOW): string | undefined => parseDate(text, now, "da")?.date;

describe("parseDate", () => {
  it.each([
    ["24-11-2026", "2026-11-24"],
    ["24/11/2026", "2026-11-24"],
    ["24.11.26", "2026-11-24"],
    ["24/11-26", "2026-11-24"],
    ["2026-11-24", "2026-11-24"],
    ["1.1.2027", "2027-01-01"],
    ["24/11", "2026-11-24"],
    ["24.11", "2026-11-24"],
    ["1/3", "2027-03-01"],
    ["10/3", "2026-03-10"],
    ["11/24/2026", "2026-11-24"],
    ["24. november 2026", "2026-11-24"],
    ["24. November", "2026-11-24"],
    ["24 nov", "2026-11-24"],
    ["24. nov.", "2026-11-24"],
    ["den 5. marts", "2027-03-05"],
    ["5 marts 2030", "2030-03-05"],
    ["november 24, 2026", "2026-11-24"],
    ["November 24th", "2026-11-24"],
    ["24th of November 2026", "2026-11-24"],
    ["1st of may", "2026-05-01"],
    ["24. novmber", "2026-11-24"],
    ["3 febuar 2027", "2027-02-03"],
    ["12 septmber", "2026-09-12"],
    ["i dag", "2026-03-10"],
    ["idag", "2026-03-10"],
    ["Today!", "2026-03-10"],
    ["i morgen", "2026-03-11"],
    ["imorgen", "2026-03-11"],
    ["tomorrow", "2026-03-11"],
    ["i overmorgen", "2026-03-12"],
    ["day after tomorrow", "2026-03-12"],
    ["næste mandag", "2026-03-16"],
    ["naeste mandag", "2026-03-16"],
    ["naste mandag", "2026-03-16"],
    ["next monday", "2026-03-16"],
    ["Next Monday please", "2026-03-16"],
    ["på tirsdag", "2026-03-17"],
    ["tirsdag", "2026-03-17"],
    ["onsdag", "2026-03-11"],
    ["on friday", "2026-03-13"],
    ["på lørdag", "2026-03-14"],
    ["på lordag", "2026-03-14"],
    ["søndag", "2026-03-15"],
    ["næste man", "2026-03-16"],
    ["next fri", "2026-03-13"],
    ["næste mandg", "2026-03-16"],
    ["mandag i næste uge", "2026-03-16"],
    ["friday next week", "2026-03-20"],
    ["om 2 uger", "2026-03-24"],
    ["in 2 weeks", "2026-03-24"],
    ["om to uger", "2026-03-24"],
    ["om en uge", "2026-03-17"],
    ["in a week", "2026-03-17"],
    ["om 3 dage", "2026-03-13"],
    ["in 10 days", "2026-03-20"],
    ["om 3 måneder", "2026-06-10"],
    ["om 1 maned", "2026-04-10"],
    ["in a year", "2027-03-10"],
    ["Jeg kan starte d. 24/11 🙂", "2026-11-24"],
    ["kl. 10.30 i morgen", "2026-03-11"],
    ["📅 24.11.2026 ✅", "2026-11-24"],
  ])("%j → %s", (text, expected) => {
    expect(parse(text)).toBe(expected);
  });

  it.each([
    [""],
    ["   "],
    ["hej"],
    ["31/02"],
    ["31/02/2026"],
    ["2026-02-30"],
    ["32.1.2026"],
    ["24/13/2026"],
    ["13/13"],
    ["31. april"],
    ["10"],
    ["næste uge"],
    ["man kan godt"],
    ["mandat"],
    ["november"],
    ["11/2026"],
    ["24.11.202"],
    ["om nogle uger"],
  ])("%j → undefined", (text) => {
    expect(parse(text)).toBeUndefined();
  });

  it("tells 'next Tuesday' from 'Tuesday next week' on a Monday", () => {
    const monday = new Date("2026-03-09T09:00:00Z");
    expect(parse("næste tirsdag", monday)).toBe("2026-03-10");
    expect(parse("tirsdag i næste uge", monday)).toBe("2026-03-17");
  });

  it("reads 'next <weekday>' as the coming one, never today", () => {
    expect(parse("next tuesday")).toBe("2026-03-17");
    expect(parse("på søndag", new Date("2026-03-14T09:00:00Z"))).toBe("2026-03-15");
  });

  it("clamps month arithmetic to the end of the month", () => {
    expect(parse("om 1 måned", new Date("2026-01-31T10:00:00Z"))).toBe("2026-02-28");
    expect(parse("in 1 month", new Date("2028-01-31T10:00:00Z"))).toBe("2028-02-29");
  });

  it("waits for a leap year for 29 February without a year", () => {
    expect(parse("29/2")).toBe("2028-02-29");
    expect(parse("29/2/2028")).toBe("2028-02-29");
    expect(parse("29/2/2027")).toBeUndefined();
  });

  it("rolls a date without a year into next year once it has passed, today included", () => {
    expect(parse("10/3")).toBe("2026-03-10");
    expect(parse("9/3")).toBe("2027-03-09");
    expect(parse("31 december", new Date("2026-12-31T20:00:00Z"))).toBe("2026-12-31");
  });

  it("uses the Danish calendar day of `now`, not the server's", () => {
    // 23:30 UTC on 10 March is 00:30 on 11 March in Copenhagen.
    expect(parse("i dag", new Date("2026-03-10T23:30:00Z"))).toBe("2026-03-11");
    expect(parse("today", new Date("2026-07-01T21:59:00Z"))).toBe("2026-07-01");
    expect(parse("today", new Date("2026-07-01T22:01:00Z"))).toBe("2026-07-02");
  });

  it("understands both languages whatever the locale", () => {
    expect(parseDate("næste mandag", NOW, "en")).toEqual({ date: "2026-03-16" });
    expect(parseDate("next monday", NOW, "da")).toEqual({ date: "2026-03-16" });
  });

  it("returns quickly on 5,000 characters", () => {
    const started = performance.now();
    parse("1".repeat(5000));
    parse("12.".repeat(1666));
    parse("1/".repeat(2500));
    parse("mandag ".repeat(714));
    parse("om ".repeat(1666));
    expect(parse(`${"bla ".repeat(1240)}24/11`)).toBe("2026-11-24");
    expect(performance.now() - started).toBeLessThan(300);
  });
});
