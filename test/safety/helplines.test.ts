import { describe, expect, it } from "vitest";
import { DEFAULT_HELPLINES, helplinesFor, parseHelplines } from "../../src/lib/safety/helplines.js";

describe("parseHelplines", () => {
  it("gives the Danish defaults when unset or blank", () => {
    for (const value of [undefined, "", "  "]) {
      const lines = parseHelplines(value);
      expect(lines).toEqual(DEFAULT_HELPLINES);
      expect(lines.map((l) => l.phone)).toContain("70 201 201");
      expect(lines.map((l) => l.phone)).toContain("112");
    }
  });

  it("parses Name:phone entries separated by ; or line breaks", () => {
    expect(parseHelplines("Livslinien:70 201 201;Alarm:112")).toEqual([
      { name: "Livslinien", phone: "70 201 201" },
      { name: "Alarm", phone: "112" },
    ]);
    expect(parseHelplines(" Kommunens krisetelefon : +45 12  34 56 78 \n\n Alarm:112 ;")).toEqual([
      { name: "Kommunens krisetelefon", phone: "+45 12 34 56 78" },
      { name: "Alarm", phone: "112" },
    ]);
  });

  it("parses optional categories", () => {
    expect(parseHelplines("Lev Uden Vold:1888:abuse,threat")).toEqual([{ name: "Lev Uden Vold", phone: "1888", categories: ["abuse", "threat"] }]);
  });

  it("rejects malformed entries with CONFIG_INVALID", () => {
    for (const bad of ["Livslinien", ":112", "Alarm:one-one-two", "Alarm:112:unknown", "A:1:abuse:x", ";;"]) {
      expect(() => parseHelplines(bad)).toThrow(expect.objectContaining({ code: "CONFIG_INVALID" }));
    }
  });
});

describe("helplinesFor", () => {
  it("selects the lines meant for the category plus the general ones", () => {
    expect(helplinesFor("abuse").map((l) => l.name)).toEqual(["Lev Uden Vold", "Alarm"]);
    expect(helplinesFor("suicide").map((l) => l.name)).toEqual(["Livslinien", "Alarm"]);
    expect(helplinesFor("threat", parseHelplines("Alarm:112")).map((l) => l.phone)).toEqual(["112"]);
  });
});
