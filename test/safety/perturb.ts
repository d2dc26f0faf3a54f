// Mechanical variants of the labelled phrases, to check robustness beyond the phrases as written:
// how people type on foreign keyboards, in a hurry, or with a slip of the finger.
import type { LabelledPhrase } from "./labelled.js";

/** æøå typed as plain a/o (no ae/oe/aa either). */
export function withoutDanishLetters(text: string): string {
  return text.replace(/[æå]/g, "a").replace(/[ÆÅ]/g, "A").replace(/ø/g, "o").replace(/Ø/g, "O");
}

/** Lower case, no punctuation, apostrophes dropped ("I'm" → "im", "don't" → "dont"). */
export function sloppy(text: string): string {
  return text
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** One swapped pair of inner letters in one word of ≥ 6 letters, chosen deterministically. */
export function oneTypo(text: string): string {
  const words = text.split(" ");
  const candidates = words.map((w, i) => [w, i] as const).filter(([w]) => /^\p{L}{6,}$/u.test(w));
  if (candidates.length === 0) return text;
  let hash = 0;
  for (const c of text) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  const [word, index] = candidates[hash % candidates.length]!;
  const at = 1 + (hash % (word.length - 3)); // keep the first letter, swap at..at+1
  words[index] = word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  return words.join(" ");
}

export function perturbed(phrases: LabelledPhrase[], change: (text: string) => string): LabelledPhrase[] {
  return phrases.map((p) => ({ ...p, text: change(p.text) }));
}
