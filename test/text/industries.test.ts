import { describe, expect, it } from "vitest";
import { INDUSTRIES, INDUSTRY_IDS, industryName, interpretIndustries } from "../../src/lib/text/industries.js";
import { fold } from "../../src/lib/text/normalize.js";
import { skeleton } from "../../src/lib/text/tokens.js";

const ids = (text: string): string[] => interpretIndustries(text).matches.map((m) => m.id);

describe("interpretIndustries", () => {
  it.each([
    ["IT", ["it"]],
    ["it", ["it"]],
    ["Jeg arbejder med it", ["it"]],
    ["it-branchen", ["it"]],
    ["ITbranchen", ["it"]],
    ["udvikler", ["it"]],
    ["Programmør 💻", ["it"]],
    ["software", ["it"]],
    ["softwareudvikler", ["it"]],
    ["web developer", ["it"]],
    ["sygeplejerske", ["health"]],
    ["sygeplejersker", ["health"]],
    ["SOSU", ["health"]],
    ["sosu-assistent", ["health"]],
    ["sosuassistent", ["health"]],
    ["social- og sundhedsassistent", ["health"]],
    ["nurse", ["health"]],
    ["tømrer", ["construction"]],
    ["tomrer", ["construction"]],
    ["toemrere", ["construction"]],
    ["murer", ["construction"]],
    ["byggebranchen", ["construction"]],
    ["elektriker", ["crafts-trades"]],
    ["kok", ["hospitality"]],
    ["tjener", ["hospitality"]],
    ["restaurant", ["hospitality"]],
    ["restaurationsbranchen", ["hospitality"]],
    ["lager", ["transport"]],
    ["lagerarbejder", ["transport"]],
    ["chauffør", ["transport"]],
    ["chauffor", ["transport"]],
    ["butiksleder", ["retail"]],
    ["pædagog", ["education"]],
    ["padagog", ["education"]],
    ["rengøring", ["cleaning"]],
    ["revisor", ["finance"]],
    ["advokat", ["law"]],
    ["marketing", ["sales-marketing"]],
    ["PR", ["sales-marketing"]],
    ["laborant", ["science-pharma"]],
    ["vindmøller", ["energy-environment"]],
    ["landbrug", ["agriculture"]],
    ["det offentlige", ["public-admin"]],
    ["HR", ["office"]],
    ["journalist", ["media-culture"]],
    ["ingeniør", ["engineering"]],
    ["fabrik", ["manufacturing"]],
    ["vagt", ["security"]],
    ["fitness", ["sports-leisure"]],
    ["IT og sundhed", ["it", "health"]],
    ["Sygeplejerske og tømrer", ["health", "construction"]],
    ["kok, tjener eller lager", ["hospitality", "transport"]],
    ["nurse, teacher and developer", ["health", "education", "it"]],
    ["IT/byggeri/transport", ["it", "construction", "transport"]],
    ["sundhedogit", ["health", "it"]],
    ["Jeg vil gerne arbejde i en butik eller på et lager 🙂", ["retail", "transport"]],
    ["I'd like to work in IT, maybe retail", ["it", "retail"]],
  ])("%j → %j", (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });

  it.each([
    ["sygeplejeske", "health", "sygeplejeske"],
    ["programør", "it", "programør"],
    ["rengørnig", "cleaning", "rengørnig"],
    ["elektrikker", "crafts-trades", "elektrikker"],
  ])("typo %j is an unsure %s", (text, id, input) => {
    expect(interpretIndustries(text).matches).toEqual([{ id, confidence: "unsure", input }]);
  });

  it("reports the user's own words for each match", () => {
    expect(interpretIndustries("Sygeplejerske, IT-branchen").matches).toEqual([
      { id: "health", confidence: "sure", input: "Sygeplejerske" },
      { id: "it", confidence: "sure", input: "IT-branchen" },
    ]);
  });

  it("a sure match wins over an unsure one for the same industry", () => {
    expect(interpretIndustries("programør og udvikler").matches).toEqual([{ id: "it", confidence: "sure", input: "udvikler" }]);
  });

  it.each([
    ["I think it is nice", [], ["nice"]],
    ["klingon", [], ["klingon"]],
    ["heste og noget med mennesker", ["agriculture"], ["mennesker"]],
    ["IT, astrologi", ["it"], ["astrologi"]],
    ["", [], []],
    ["   ", [], []],
    ["🙂👍", [], []],
    ["ved ikke", [], []],
    ["date", [], ["date"]],
  ])("%j → %j with unknown %j", (text, expected, unknown) => {
    const result = interpretIndustries(text);
    expect(result.matches.map((m) => m.id)).toEqual(expected);
    expect(result.unknown).toEqual(unknown);
  });

  it("returns quickly on 5,000 characters", () => {
    const words = ["sygeplejeske", "qwxyzab", "tømrer", "blablabla", "elektrikker", "og", "zzkxq"];
    const text = Array.from({ length: 700 }, (_, i) => words[i % words.length])
      .join(" ")
      .slice(0, 5000);
    const started = performance.now();
    const result = interpretIndustries(text);
    interpretIndustries("x".repeat(5000));
    interpretIndustries("sundhed".repeat(700));
    expect(result.matches.map((m) => m.id)).toEqual(["health", "construction", "crafts-trades"]);
    expect(performance.now() - started).toBeLessThan(300);
  });
});

describe("taxonomy", () => {
  it("has about twenty unique kebab-case ids", () => {
    expect(INDUSTRY_IDS.length).toBeGreaterThanOrEqual(20);
    expect(new Set(INDUSTRY_IDS).size).toBe(INDUSTRY_IDS.length);
    for (const id of INDUSTRY_IDS) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it("gives every phrase to one industry only", () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const def of INDUSTRIES) {
      for (const phrase of [def.da, def.en, ...def.synonyms, ...(def.guarded ?? [])]) {
        for (const key of [skeleton(fold(phrase)), skeleton(fold(phrase).replaceAll(" ", ""))]) {
          const prev = owner.get(key);
          if (prev && prev !== def.id) clashes.push(`${phrase}: ${prev}/${def.id}`);
          owner.set(key, def.id);
        }
      }
    }
    expect(clashes).toEqual([]);
  });

  it.each([
    ["it", "da", "IT og software"],
    ["health", "en", "Healthcare"],
    ["construction", "da", "Byggeri og anlæg"],
    ["nonsense", "en", "nonsense"],
  ] as const)("industryName(%s, %s) = %s", (id, locale, name) => {
    expect(industryName(id, locale)).toBe(name);
  });
});
