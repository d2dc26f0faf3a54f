import { describe, expect, it } from "vitest";
import { interpret, Lexicon } from "../../src/lib/text/lexicon.js";
import { MAX_TOKENS, skeleton, tokenize } from "../../src/lib/text/tokens.js";

describe("tokenize", () => {
  it("folds words and remembers where they came from", () => {
    const text = "Høje-Taastrup, IT!";
    expect(tokenize(text)).toEqual([
      { norm: "hoeje", start: 0, end: 4, breakBefore: false, upper: false },
      { norm: "taastrup", start: 5, end: 13, breakBefore: false, upper: false },
      { norm: "it", start: 15, end: 17, breakBefore: true, upper: true },
    ]);
  });

  it.each([
    ["a, b", true],
    ["a / b", true],
    ["a\nb", true],
    ["a. b", true],
    ["a & b", true],
    ["a - b", false],
    ["a 🙂 b", false],
    ["a b", false],
  ])("%j: list separator between the words is %s", (text, expected) => {
    expect(tokenize(text)[1]?.breakBefore).toBe(expected);
  });

  it("stops reading after MAX_TOKENS words", () => {
    expect(tokenize("ord ".repeat(MAX_TOKENS + 50))).toHaveLength(MAX_TOKENS);
  });
});

describe("skeleton", () => {
  it.each([
    ["koebenhavn", "kobenhavn"],
    ["aarhus", "arhus"],
    ["paedagog", "padagog"],
    ["laesoe", "laso"],
  ])("%s and its plain-vowel spelling share a skeleton", (folded, plain) => {
    expect(skeleton(folded)).toBe(skeleton(plain));
  });
});

describe("Lexicon", () => {
  const lexicon = new Lexicon(
    [
      { phrase: "sygeplejerske", ids: ["health"] },
      { phrase: "social- og sundhedsassistent", ids: ["health"] },
      { phrase: "social", ids: ["social"] },
      { phrase: "lager", ids: ["transport"] },
      { phrase: "IT", ids: ["it"], guarded: true },
      { phrase: "kattekilling", ids: ["a"] },
      { phrase: "kattekillinx", ids: ["b"] },
      { phrase: "restauration", ids: ["food"] },
    ],
    ["branchen", "arbejder"],
  );
  const read = (text: string) => interpret(text, lexicon);

  it.each([
    ["sygeplejerske", ["health"], true],
    ["sygeplejersker", ["health"], true],
    ["Sygeplejeske", ["health"], false],
    ["lagerarbejder", ["transport"], true],
    ["restaurationsbranchen", ["food"], true],
    ["social- og sundhedsassistent", ["health"], true],
    ["IT", ["it"], true],
    ["itbranchen", ["it"], true],
  ])("%j → %j (sure: %s)", (text, ids, sure) => {
    const { found } = read(text);
    expect(found.map((f) => [...f.ids])).toEqual([ids]);
    expect(found[0]?.sure).toBe(sure);
  });

  it("splits list items at conjunctions outside known phrases", () => {
    expect(read("social og lager").found.map((f) => f.ids[0])).toEqual(["social", "transport"]);
  });

  it("counts a lower-case guarded word only when it stands alone", () => {
    expect(read("it").found).toHaveLength(1);
    expect(read("jeg tror it virker").found).toHaveLength(0);
    expect(read("jeg tror IT virker").found).toHaveLength(1);
  });

  it("never matches a guarded word with a typo", () => {
    expect(read("itt").found).toHaveLength(0);
  });

  it("gives up when a typo is equally close to two meanings", () => {
    expect(read("kattekillinz")).toEqual({ found: [], unknown: ["kattekillinz"] });
  });

  it("does not read filler words as typos", () => {
    expect(read("arbejder").found).toHaveLength(0);
    expect(read("arbejder").unknown).toEqual([]);
  });
});
