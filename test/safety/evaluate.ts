// Scores detectRisk over labelled phrases. Shared by the test suite and bench/safety-eval.ts.
// Detection counts as a true positive whenever a risk phrase fires (any category): the safety flow
// starts either way. Category agreement is reported separately.
import { detectRisk } from "../../src/lib/safety/detect-risk.js";
import type { RiskFinding } from "../../src/lib/safety/rule-types.js";
import { accepts, type LabelledPhrase } from "./labelled.js";

export interface Miss {
  phrase: LabelledPhrase;
  finding: RiskFinding | undefined;
  kind: "false_positive" | "false_negative" | "wrong_category";
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  /** Share of true positives whose category was among the expected ones. */
  categoryAccuracy: number;
  misses: Miss[];
}

export function evaluate(phrases: LabelledPhrase[]): Score {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  let rightCategory = 0;
  const misses: Miss[] = [];
  for (const phrase of phrases) {
    const finding = detectRisk(phrase.text);
    const risky = phrase.expect !== null;
    if (risky && finding) {
      tp++;
      if (accepts(phrase, finding.category)) rightCategory++;
      else misses.push({ phrase, finding, kind: "wrong_category" });
    } else if (risky) {
      fn++;
      misses.push({ phrase, finding, kind: "false_negative" });
    } else if (finding) {
      fp++;
      misses.push({ phrase, finding, kind: "false_positive" });
    } else {
      tn++;
    }
  }
  return {
    tp,
    fp,
    fn,
    tn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    categoryAccuracy: tp === 0 ? 1 : rightCategory / tp,
    misses,
  };
}

export function formatScore(name: string, s: Score): string {
  const pct = (x: number) => (x * 100).toFixed(1) + "%";
  return (
    `${name}: precision ${pct(s.precision)}, recall ${pct(s.recall)}, category ${pct(s.categoryAccuracy)} ` + `(TP ${s.tp}, FP ${s.fp}, FN ${s.fn}, TN ${s.tn})`
  );
}
