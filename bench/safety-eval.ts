// Evaluates the risk detector on the labelled phrase sets and the held-out phrases.
// Run: npx tsx bench/safety-eval.ts
import { findRiskHits } from "../src/lib/safety/detect-risk.js";
import { BLIND_DA, BLIND_EN, HELD_OUT_DA, HELD_OUT_EN } from "../test/safety/held-out.js";
import { evaluate, formatScore } from "../test/safety/evaluate.js";
import { PHRASES_DA } from "../test/safety/phrases-da.js";
import { PHRASES_EN } from "../test/safety/phrases-en.js";
import { oneTypo, perturbed, sloppy, withoutDanishLetters } from "../test/safety/perturb.js";

const sets = [
  { name: "da", phrases: PHRASES_DA },
  { name: "en", phrases: PHRASES_EN },
  { name: "da held-out", phrases: HELD_OUT_DA },
  { name: "en held-out", phrases: HELD_OUT_EN },
  { name: "da blind 2", phrases: BLIND_DA },
  { name: "en blind 2", phrases: BLIND_EN },
  { name: "da no æøå", phrases: perturbed(PHRASES_DA, withoutDanishLetters) },
  { name: "da sloppy", phrases: perturbed(PHRASES_DA, sloppy) },
  { name: "en sloppy", phrases: perturbed(PHRASES_EN, sloppy) },
  { name: "da one typo", phrases: perturbed(PHRASES_DA, oneTypo) },
  { name: "en one typo", phrases: perturbed(PHRASES_EN, oneTypo) },
];

for (const { name, phrases } of sets) {
  const score = evaluate(phrases);
  console.log(formatScore(name.padEnd(12), score));
  for (const miss of score.misses) {
    const rules = findRiskHits(miss.phrase.text).map((h) => h.rule.id);
    const expected = JSON.stringify(miss.phrase.expect);
    const got = miss.finding ? `${miss.finding.category}/${miss.finding.severity}` : "nothing";
    const why = rules.length ? ` [${[...new Set(rules)].join(", ")}]` : "";
    console.log(`  ${miss.kind.padEnd(15)} expected ${expected}, got ${got}${why}: ${miss.phrase.text}`);
  }
}

// Rough speed figure (CPU time of this process, so other load on the machine does not skew it).
const cpuMs = (run: () => void) => {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};
const typical = [...PHRASES_DA, ...PHRASES_EN].map((p) => p.text);
const perMessage =
  cpuMs(() => {
    for (let r = 0; r < 20; r++) for (const text of typical) findRiskHits(text);
  }) /
  (20 * typical.length);
const big = typical.join(". ").repeat(10).slice(0, 100_000);
findRiskHits(big);
const bigMs = cpuMs(() => findRiskHits(big));
console.log(`speed (CPU): ${(perMessage * 1000).toFixed(0)} µs per typical message, ${bigMs.toFixed(0)} ms for 100 KB`);
