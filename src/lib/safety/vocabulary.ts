// The words of a rule set, indexed so that each distinct word of a message is compared with only
// a handful of candidates: exact words by spelling, stems by their first two letters, and
// typo-tolerant words by (first or second letter, length). Analysing a word yields the ids of the
// alternatives it matches, which the matcher intersects with each slot.
import { editDistance } from "../text/normalize.js";
import type { Alt } from "./pattern.js";

interface Entry {
  id: number;
  variant: string;
  alt: Alt;
}

/** How one distinct word relates to the vocabulary (ids are small and few: plain arrays). */
export interface WordInfo {
  /** Alternatives matching the whole word (typo-tolerant word, exact word, or stem prefix). */
  whole: number[];
  /** Alternatives that are a proper exact prefix of the word (for run-together words). */
  starts: number[];
}

const fuzzyKey = (position: 1 | 2, letter: number, length: number) => (position * 65536 + letter) * 1024 + length;

export class Vocabulary {
  readonly alts: Alt[] = [];
  private readonly keys = new Map<string, number>();
  private readonly exact = new Map<string, number[]>();
  private readonly prefix = new Map<string, Entry[]>();
  private readonly fuzzy = new Map<number, Entry[]>();
  /** Stems of 6+ letters by first letter: they forgive one swapped pair of letters. */
  private readonly fuzzyStems = new Map<number, Entry[]>();

  /** Registers an alternative (and the words of a multi-word one); equal alternatives share an id. */
  add(alt: Alt): number {
    for (const part of alt.parts ?? []) this.add(part);
    const known = this.keys.get(alt.key);
    if (known !== undefined) return known;
    const id = this.alts.length;
    this.alts.push(alt);
    this.keys.set(alt.key, id);
    for (const variant of alt.variants) {
      const entry = { id, variant, alt };
      push(this.prefix, variant.slice(0, 2), entry);
      if (alt.stem && variant.length >= 6) push(this.fuzzyStems, variant.charCodeAt(0), entry);
      if (alt.stem) continue;
      if (alt.budget === 0) {
        push(this.exact, variant, id);
      } else {
        // A word within one or two typos keeps its first or its second letter in place, or has it
        // shifted by one position; indexing both letters with the length finds all such words.
        push(this.fuzzy, fuzzyKey(1, variant.charCodeAt(0), variant.length), entry);
        push(this.fuzzy, fuzzyKey(2, variant.charCodeAt(1), variant.length), entry);
      }
    }
    return id;
  }

  idOf(alt: Alt): number {
    const id = this.keys.get(alt.key);
    if (id === undefined) throw new Error(`Unregistered alternative ${alt.key}`);
    return id;
  }

  analyse(word: string): WordInfo {
    const whole: number[] = [...(this.exact.get(word) ?? [])];
    const starts: number[] = [];
    // Stems and run-together prefixes share the first two letters (or are a single letter).
    this.prefixes(word, word.slice(0, 2), whole, starts);
    if (word.length > 1) this.prefixes(word, word[0]!, whole, starts);
    const a = word.charCodeAt(0);
    for (const { id, variant } of this.fuzzyStems.get(a) ?? []) {
      if (!whole.includes(id) && prefixWithinOneSwap(word, variant)) whole.push(id);
    }
    const b = word.charCodeAt(1); // NaN for one-letter words: finds nothing, as intended
    for (let len = Math.max(1, word.length - 2); len <= word.length + 2; len++) {
      this.fuzzyCandidates(word, fuzzyKey(1, a, len), whole);
      this.fuzzyCandidates(word, fuzzyKey(1, b, len), whole);
      this.fuzzyCandidates(word, fuzzyKey(2, b, len), whole);
      this.fuzzyCandidates(word, fuzzyKey(2, a, len), whole);
    }
    return whole.length === 0 && starts.length === 0 ? NOTHING : { whole, starts };
  }

  private prefixes(word: string, key: string, whole: number[], starts: number[]): void {
    for (const { id, variant, alt } of this.prefix.get(key) ?? []) {
      if (!word.startsWith(variant)) continue;
      if (alt.stem && !whole.includes(id)) whole.push(id);
      if (word.length > variant.length && !starts.includes(id)) starts.push(id);
    }
  }

  private fuzzyCandidates(word: string, key: number, whole: number[]): void {
    for (const { id, variant, alt } of this.fuzzy.get(key) ?? []) {
      if (Math.abs(word.length - variant.length) > alt.budget || whole.includes(id)) continue;
      if (withinBudget(word, variant, alt.budget)) whole.push(id);
    }
  }
}

/** Shared result for the many words that match nothing. */
export const NOTHING: WordInfo = Object.freeze({ whole: [], starts: [] }) as WordInfo;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Allocation-free check for Damerau distance ≤ 1 (the common budget). */
function withinOne(a: string, b: string): boolean {
  if (a.length < b.length) [a, b] = [b, a];
  if (a.length - b.length > 1) return false;
  let i = 0;
  while (i < b.length && a[i] === b[i]) i++;
  if (i === b.length) return true;
  if (a.length > b.length) return a.startsWith(b.slice(i), i + 1); // one deletion
  if (a.startsWith(b.slice(i + 1), i + 1)) return true; // one substitution
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.startsWith(b.slice(i + 2), i + 2); // transposition
}

/**
 * Does the word start with the stem, allowing one swapped pair of letters after the first?
 * Nothing else is forgiven for stems: a substituted letter turns "selvforsvar" into "selvmors…",
 * a missing one "selvmodig" (brave) into "selvmord".
 */
function prefixWithinOneSwap(word: string, stem: string): boolean {
  if (word.length < stem.length) return false;
  let i = 0;
  while (i < stem.length && word[i] === stem[i]) i++;
  if (i === stem.length) return true;
  if (i === 0 || i === stem.length - 1) return false;
  return word[i] === stem[i + 1] && word[i + 1] === stem[i] && word.startsWith(stem.slice(i + 2), i + 2);
}

const counts = new Int16Array(37);
const bucket = (c: number) => (c >= 97 && c <= 122 ? c - 97 : c >= 48 && c <= 57 ? c - 22 : 36);

/** Cheap necessary condition: one edit changes the letter counts by at most 2 in total. */
function lettersClose(a: string, b: string, budget: number): boolean {
  for (let i = 0; i < a.length; i++) counts[bucket(a.charCodeAt(i))]!++;
  for (let i = 0; i < b.length; i++) counts[bucket(b.charCodeAt(i))]!--;
  let diff = 0;
  for (const s of [a, b]) {
    for (let i = 0; i < s.length; i++) {
      const k = bucket(s.charCodeAt(i));
      diff += Math.abs(counts[k]!);
      counts[k] = 0;
    }
  }
  return diff <= 2 * budget;
}

function withinBudget(word: string, variant: string, budget: number): boolean {
  if (budget === 1) return withinOne(word, variant);
  return lettersClose(word, variant, budget) && editDistance(word, variant, budget) <= budget;
}
