import { describe, expect, it } from "vitest";
import { detectRisk, EXCERPT_MAX, findRiskHits } from "../../src/lib/safety/detect-risk.js";
import { RULES_DA } from "../../src/lib/safety/rules-da.js";
import { RULES_EN } from "../../src/lib/safety/rules-en.js";
import type { RiskCategory, Severity } from "../../src/lib/safety/rule-types.js";
import { evaluate, formatScore } from "./evaluate.js";
import { BLIND_DA, BLIND_EN, HELD_OUT_DA, HELD_OUT_EN } from "./held-out.js";
import { oneTypo, perturbed, sloppy, withoutDanishLetters } from "./perturb.js";
import { PHRASES_DA } from "./phrases-da.js";
import { PHRASES_EN } from "./phrases-en.js";

describe("labelled phrase sets", () => {
  it("have at least 150 phrases per language, about half of them risk", () => {
    for (const set of [PHRASES_DA, PHRASES_EN]) {
      expect(set.length).toBeGreaterThanOrEqual(150);
      const risky = set.filter((p) => p.expect !== null).length / set.length;
      expect(risky).toBeGreaterThan(0.4);
      expect(risky).toBeLessThan(0.6);
      expect(new Set(set.map((p) => p.text)).size).toBe(set.length);
    }
  });

  for (const [name, phrases] of [
    ["da", PHRASES_DA],
    ["en", PHRASES_EN],
  ] as const) {
    it(`${name}: precision and recall ≥ 0.95, categories right`, () => {
      const score = evaluate(phrases);
      console.log(formatScore(name, score));
      for (const m of score.misses) console.log(`  ${m.kind}: ${m.phrase.text}`);
      expect(score.precision).toBeGreaterThanOrEqual(0.95);
      expect(score.recall).toBeGreaterThanOrEqual(0.95);
      expect(score.categoryAccuracy).toBeGreaterThanOrEqual(0.9);
    });
  }

  it("reports the held-out and second blind batches (looser bounds: small sets)", () => {
    for (const [name, phrases] of [
      ["da held-out", HELD_OUT_DA],
      ["en held-out", HELD_OUT_EN],
      ["da blind 2", BLIND_DA],
      ["en blind 2", BLIND_EN],
    ] as const) {
      const score = evaluate(phrases);
      console.log(formatScore(name, score));
      expect(score.precision).toBeGreaterThanOrEqual(0.8);
      expect(score.recall).toBeGreaterThanOrEqual(0.8);
    }
  });

  it("survives keyboards without æøå, sloppy typing and a single typo", () => {
    const variants = [
      ["da without æøå", perturbed(PHRASES_DA, withoutDanishLetters), 0.95],
      ["da sloppy", perturbed(PHRASES_DA, sloppy), 0.95],
      ["en sloppy", perturbed(PHRASES_EN, sloppy), 0.95],
      ["da one typo", perturbed(PHRASES_DA, oneTypo), 0.85],
      ["en one typo", perturbed(PHRASES_EN, oneTypo), 0.85],
    ] as const;
    for (const [name, phrases, bound] of variants) {
      const score = evaluate(phrases);
      console.log(formatScore(name, score));
      expect(score.precision).toBeGreaterThanOrEqual(0.95);
      expect(score.recall).toBeGreaterThanOrEqual(bound);
    }
  });
});

describe("detectRisk: must fire", () => {
  const cases: [string, RiskCategory, Severity][] = [
    ["jeg orker ikke mere at leve", "suicide", "high"],
    ["jeg vil ikke være her mere", "suicide", "medium"],
    ["det ville være bedre hvis jeg var væk", "suicide", "medium"],
    ["I want to end it all", "suicide", "high"],
    ["there's no reason to go on", "suicide", "medium"],
    ["jeg har selvmordstanker", "suicide", "high"],
    ["jeg har selvmorstanker", "suicide", "high"],
    ["vil bare tagmitlivet", "suicide", "high"],
    ["jeg vil tage mit eget liv", "suicide", "high"],
    ["vil ikk vaere her mere", "suicide", "medium"],
    ["det var bedre hvis jeg var vak", "suicide", "medium"],
    ["jeg tager livet af mig selv", "suicide", "high"],
    ["i dont want to live anymore", "suicide", "medium"],
    ["wanna killmyself", "suicide", "high"],
    ["jeg skærer i mig selv", "self_harm", "high"],
    ["I've started self-harming again", "self_harm", "high"],
    ["min kæreste slår mig", "abuse", "high"],
    ["my husband hits me", "abuse", "high"],
    ["jeg slår ham ihjel", "threat", "high"],
    ["I'm going to kill my caseworker", "threat", "high"],
    ["jeg har ingen steder at sove i nat", "acute_crisis", "medium"],
    ["I have nowhere to sleep tonight", "acute_crisis", "medium"],
    ["jeg har taget en overdosis", "substance", "high"],
    ["I relapsed last night", "substance", "medium"],
    ["stemmerne siger jeg skal gøre noget slemt", "psychiatric", "high"],
    ["jeg hører stemmer igen", "psychiatric", "medium"],
    ["I hear voices telling me to hurt people", "psychiatric", "high"],
  ];
  it.each(cases)("%s → %s/%s", (text, category, severity) => {
    expect(detectRisk(text)).toMatchObject({ category, severity });
  });

  it("still fires on other risk in a message that also contains a denial or an idiom", () => {
    expect(detectRisk("jeg har ikke selvmordstanker, men jeg vil bare dø")?.category).toBe("suicide");
    expect(detectRisk("jeg dør af grin, men ærligt talt vil jeg ikke leve mere")?.category).toBe("suicide");
    expect(detectRisk("I'm not suicidal, but I want to hurt myself")?.category).toBe("self_harm");
  });

  it("checks both languages in one message and reports the language of the hit", () => {
    const finding = detectRisk("Ugh, jobcentret igen. Honestly I want to die.");
    expect(finding).toMatchObject({ category: "suicide", language: "en" });
    expect(detectRisk("meeting went fine, men jeg har selvmordstanker")).toMatchObject({ language: "da" });
  });

  it("prefers the most severe finding, then the most urgent category", () => {
    const text = "Jeg har ikke spist i tre dage. Jeg har haft selvmordstanker.";
    expect(detectRisk(text)).toMatchObject({ category: "suicide", severity: "high" });
    // voices ordering harm to others: both high; danger to others ranks before psychiatric
    expect(detectRisk("jeg hører stemmer der siger jeg skal skade nogen")).toMatchObject({ category: "threat", severity: "high" });
  });
});

describe("detectRisk: must not fire", () => {
  const harmless = [
    "jobsøgningen slår mig helt ud",
    "jeg dør af grin",
    "det tager livet af mig at skrive ansøgninger",
    "my feet are killing me after the job fair",
    "I could kill for a coffee",
    "this deadline is killing me",
    "I have experience from an addiction treatment centre",
    "jeg har arbejdet på et krisecenter",
    "frivillig i Livslinien",
    "sygeplejerske på psykiatrisk afdeling",
    "jeg keder mig ihjel",
    "I killed it in the interview!",
    "selskaber i byggebranchen søger folk",
    "jeg er lidt distræt i dag",
    "min ansøgning er blevet modtaget og vedtaget",
    "my rent is overdue",
    "jeg er selvmøder på jobcentret i morgen",
    "den her uge har slået mig helt ud",
    "",
    "   ",
    "😀😀😀",
  ];
  it.each(harmless)("%j", (text) => {
    expect(detectRisk(text)).toBeUndefined();
  });

  it("does not stitch words together across sentences", () => {
    expect(detectRisk("Jeg vil gerne have job. Dø af kedsomhed gør man ikke.")).toBeUndefined();
    expect(findRiskHits("jeg vil. dø")).toEqual([]);
  });
});

describe("excerpt", () => {
  it("quotes the original text around the hit, at most 120 characters", () => {
    const before = "Hej mentor, tak for i går. Jeg har søgt tre job i denne uge og været til en samtale. ";
    const after = " Men det skal du ikke tænke på, vi ses på torsdag til mødet om mit CV og min ansøgning.";
    const finding = detectRisk(before + "Ærligt talt har jeg haft selvmordstanker i nat." + after);
    expect(finding?.excerpt.length).toBeLessThanOrEqual(EXCERPT_MAX);
    expect(finding?.excerpt).toContain("selvmordstanker");
    expect(finding?.excerpt).toContain("Ærligt");
  });

  it("keeps short messages whole", () => {
    expect(detectRisk("Jeg vil ikke være her mere!")?.excerpt).toBe("Jeg vil ikke være her mere!");
  });
});

describe("robustness", () => {
  it("is pure: same input, same output", () => {
    const text = "jeg har ingen steder at sove i nat";
    expect(detectRisk(text)).toEqual(detectRisk(text));
  });

  it("handles large and hostile inputs without hanging", () => {
    const prose = [...PHRASES_DA, ...PHRASES_EN]
      .filter((p) => p.expect === null)
      .map((p) => p.text)
      .join(". ");
    const big = prose.repeat(Math.ceil(100_000 / prose.length)).slice(0, 100_000);
    const hostile = [
      "a".repeat(100_000),
      "jeg ".repeat(25_000),
      "ikke ".repeat(20_000),
      "i want to ".repeat(10_000),
      Array.from({ length: 15_000 }, (_, i) => (i * 7919).toString(36)).join(" "),
      "((((((((((".repeat(10_000),
    ];
    detectRisk(big); // warm up the JIT; we time the steady state
    // CPU time of this process, not wall time: CI machines run other suites at the same time.
    const time = (text: string) => {
      const start = process.cpuUsage();
      detectRisk(text);
      const used = process.cpuUsage(start);
      return (used.user + used.system) / 1000;
    };
    const realistic = Math.min(time(big), time(big), time(big));
    console.log(`100 KB realistic message: ${realistic.toFixed(0)} ms CPU`);
    expect(realistic).toBeLessThan(200);
    expect(time(prose.slice(0, 5_000))).toBeLessThan(200);
    for (const text of hostile) expect(time(text)).toBeLessThan(1_000);
    expect(detectRisk(big + " Jeg har selvmordstanker.")?.category).toBe("suicide");
  });
});

describe("rule data", () => {
  it("has unique ids prefixed with the language and non-empty patterns", () => {
    const ids = new Set<string>();
    for (const set of [RULES_DA, RULES_EN]) {
      for (const rule of set.rules) {
        expect(rule.id.startsWith(`${set.language}.`)).toBe(true);
        expect(ids.has(rule.id)).toBe(false);
        ids.add(rule.id);
        expect(rule.patterns.length).toBeGreaterThan(0);
      }
    }
  });
});
