// Shared shape of the labelled evaluation phrases. `expect: null` means "must not fire";
// an array lists every category we accept (some messages honestly belong to two).
import type { RiskCategory } from "../../src/lib/safety/rule-types.js";

export interface LabelledPhrase {
  text: string;
  expect: RiskCategory | RiskCategory[] | null;
}

export function accepts(phrase: LabelledPhrase, category: RiskCategory): boolean {
  if (phrase.expect === null) return false;
  return Array.isArray(phrase.expect) ? phrase.expect.includes(category) : phrase.expect === category;
}
