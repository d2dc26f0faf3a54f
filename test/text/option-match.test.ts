import { describe, expect, it } from "vitest";
import { matchMany, matchOption, type ChoiceOption } from "../../src/lib/text/option-match.js";

const yesNo: ChoiceOption[] = [
  { action: "yes", label: "✅ Ja" },
  { action: "no", label: "❌ Nej" },
  { action: "later", label: "Måske senere", synonyms: ["maybe later"] },
];

describe("matchOption", () => {
  it.each([
    ["ja", "yes", "exact"],
    ["JA!!", "yes", "exact"],
    ["  Nej.  ", "no", "exact"],
    ["✅ Ja", "yes", "exact"],
    ["✅", "yes", "exact"],
    ["❌", "no", "exact"],
    ["Måske senere", "later", "exact"],
    ["maaske senere", "later", "exact"],
    ["maske senere", "later", "exact"],
    ["MÅSKE SENERE 🙏", "later", "exact"],
    ["maybe later", "later", "exact"],
    ["måskesenere", "later", "exact"],
    ["måske snere", "later", "fuzzy"],
    ["mske senere", "later", "fuzzy"],
    ["nej tak", "no", "fuzzy"],
    ["ja, det vil jeg gerne", "yes", "fuzzy"],
    ["1", "yes", "exact"],
    ["2", "no", "exact"],
    ["2.", "no", "exact"],
    [" 2 ", "no", "exact"],
    ["#3", "later", "exact"],
    ["3)", "later", "exact"],
    ["2 nej", "no", "exact"],
    ["2️⃣", "no", "exact"],
  ])("%j → %s (%s)", (input, action, confidence) => {
    expect(matchOption(input, yesNo)).toEqual({ action, confidence });
  });

  it.each([[""], ["   "], ["🤷"], ["0"], ["4"], ["12"], ["ja nej"], ["2 ja"], ["1 og 2"], ["hvad betyder det?"], ["❓"]])("%j is not understood", (input) => {
    expect(matchOption(input, yesNo)).toBeUndefined();
  });

  it.each([
    ["dltid", "part"],
    ["fuldtd", "full"],
    ["Deltid tak", "part"],
    ["jeg vil helst have fultid", "full"],
  ])("typo %j → %s", (input, action) => {
    const options = [
      { action: "part", label: "Deltid" },
      { action: "full", label: "Fuldtid" },
    ];
    expect(matchOption(input, options)?.action).toBe(action);
  });

  it("equally close to two labels is ambiguous", () => {
    const options = [
      { action: "a", label: "Katte" },
      { action: "b", label: "Katta" },
    ];
    expect(matchOption("kattx", options)).toBeUndefined();
    expect(matchOption("katte", options)).toEqual({ action: "a", confidence: "exact" });
  });

  it("a label that is a number beats the position", () => {
    const options = [
      { action: "three", label: "3" },
      { action: "one", label: "1" },
      { action: "two", label: "2" },
    ];
    expect(matchOption("1", options)?.action).toBe("one");
  });

  it("a longer label containing a shorter one wins inside a sentence", () => {
    const options = [
      { action: "yes", label: "Ja" },
      { action: "yes-later", label: "Ja, men senere" },
    ];
    expect(matchOption("ja men senere tak", options)?.action).toBe("yes-later");
    expect(matchOption("ja tak", options)?.action).toBe("yes");
  });

  it("returns quickly on 5,000 characters", () => {
    const started = performance.now();
    matchOption("ja nej ".repeat(715), yesNo);
    matchOption("a".repeat(5000), yesNo);
    matchOption("2.".repeat(2500), yesNo);
    expect(performance.now() - started).toBeLessThan(300);
  });
});

const fields: ChoiceOption[] = [
  { action: "it", label: "IT" },
  { action: "trade", label: "Handel og service" },
  { action: "health", label: "Sundhed og omsorg" },
  { action: "build", label: "Byggeri" },
];

describe("matchMany", () => {
  it.each([
    ["1,3", ["it", "health"], []],
    ["1, 3", ["it", "health"], []],
    ["1 3", ["it", "health"], []],
    ["1. og 3.", ["it", "health"], []],
    ["1-3", ["it", "trade", "health"], []],
    ["2\n4", ["trade", "build"], []],
    ["4, 1", ["build", "it"], []],
    ["1, 1, 1", ["it"], []],
    ["IT og sundhed og omsorg", ["it", "health"], []],
    ["Handel og service", ["trade"], []],
    ["Handel og service + IT", ["trade", "it"], []],
    ["it & byggeri", ["it", "build"], []],
    ["IT and Byggeri", ["it", "build"], []],
    ["byggri, it", ["build", "it"], []],
    ["IT/byggeri", ["it", "build"], []],
    ["it, byggeri, heste", ["it", "build"], ["heste"]],
    ["it og noget med heste", ["it"], ["noget med heste"]],
    ["7", [], ["7"]],
    ["", [], []],
    ["💻 IT, 🏗️ Byggeri!", ["it", "build"], []],
  ])("%j → %j, unknown %j", (input, actions, unknown) => {
    expect(matchMany(input, fields)).toEqual({ actions, unknown });
  });

  it("returns quickly on 5,000 characters", () => {
    const started = performance.now();
    const result = matchMany("it, heste og 3 ".repeat(333), fields);
    matchMany("1".repeat(5000), fields);
    expect(result.actions).toEqual(["it", "health"]);
    expect(performance.now() - started).toBeLessThan(300);
  });
});
