// Phrase lookup shared by the free-text interpreters (industries, languages, municipalities).
// Order of trust: exact phrase (longest first) → Danish/English inflection → run-together
// compound of known parts → typo within typoBudget. Only the last one is "unsure".
import { editDistance, fold, typoBudget } from "./normalize.js";
import { CONJUNCTIONS, STOPWORDS } from "./stopwords.js";
import { rawSpan, skeleton, tokenize, type Token } from "./tokens.js";

export interface LexiconEntry {
  phrase: string;
  ids: readonly string[];
  /**
   * A short word that is also an everyday word elsewhere ("it" in English): only counted when
   * written in capitals or when it stands alone in its list item, and never fuzzily.
   */
  guarded?: boolean;
}

export interface Hit {
  ids: readonly string[];
  /** Token range [start, end). */
  start: number;
  end: number;
  /** Edits needed (0 = exact). */
  distance: number;
  guarded: boolean;
}

interface Key {
  text: string;
  ids: string[];
  guarded: boolean;
  words: number;
  budget: number;
  letters: Uint8Array;
}

/**
 * Letter counts folded into 32 bins. Edits change at most one count each way per edit, so the
 * count difference is a lower bound on the edit distance: a cheap test that skips most of the
 * dynamic programming.
 */
function letterBins(s: string): Uint8Array {
  const bins = new Uint8Array(32);
  for (let i = 0; i < s.length; i++) bins[s.charCodeAt(i) & 31]!++;
  return bins;
}

function binsApart(a: Uint8Array, b: Uint8Array, limit: number): boolean {
  let more = 0;
  let fewer = 0;
  for (let i = 0; i < 32; i++) {
    const d = a[i]! - b[i]!;
    if (d > 0) more += d;
    else fewer -= d;
  }
  return Math.max(more, fewer) > limit;
}

// Four-letter words are one typo away from too many ordinary words ("date" → "data").
const MIN_FUZZY_LENGTH = 5;
const MAX_COMPOUND_LENGTH = 40;
const COMPOUND_DEPTH = 3;
const INFLECTIONS = ["erne", "ene", "en", "et", "er", "ne", "e", "s", "r"];
// Danish compounds glue parts with -s- or -e- ("restaurations|branchen").
const LINKS = new Set(["s", "e"]);

export class Lexicon {
  private readonly keys = new Map<string, Key>();
  /** Fuzzy candidates by word count, then by length. */
  private readonly buckets: Key[][][] = [];
  private readonly stop: ReadonlySet<string>;
  readonly maxWords: number;

  constructor(entries: Iterable<LexiconEntry>, extraStopwords: Iterable<string> = []) {
    let maxWords = 1;
    for (const e of entries) {
      const f = fold(e.phrase);
      if (!f) continue;
      const words = f.split(" ").length;
      maxWords = Math.max(maxWords, words);
      this.put(skeleton(f), words, e);
      if (words > 1) this.put(skeleton(f.replaceAll(" ", "")), 1, e);
    }
    this.maxWords = maxWords;
    for (const key of this.keys.values()) {
      if (key.guarded || key.text.length < MIN_FUZZY_LENGTH) continue;
      const byLength = (this.buckets[key.words] ??= []);
      (byLength[key.text.length] ??= []).push(key);
    }
    this.stop = new Set([...STOPWORDS, ...extraStopwords]);
  }

  isStopword(norm: string): boolean {
    return this.stop.has(norm);
  }

  /** Greedy left-to-right scan; each token belongs to at most one hit. */
  scan(tokens: readonly Token[]): Hit[] {
    const hits: Hit[] = [];
    for (let i = 0; i < tokens.length; ) {
      const hit = this.exactAt(tokens, i) ?? this.looseAt(tokens, i);
      if (hit) {
        hits.push(hit);
        i = hit.end;
      } else {
        i++;
      }
    }
    return hits;
  }

  private put(text: string, words: number, e: LexiconEntry): void {
    const old = this.keys.get(text);
    if (!old) {
      const key = { text, ids: [...e.ids], guarded: e.guarded ?? false, words, budget: typoBudget(text), letters: letterBins(text) };
      this.keys.set(text, key);
      return;
    }
    for (const id of e.ids) if (!old.ids.includes(id)) old.ids.push(id);
    old.guarded = old.guarded && (e.guarded ?? false);
  }

  /** How many tokens from i can form one phrase: phrases never cross a list separator. */
  private reach(tokens: readonly Token[], i: number): number {
    let w = 1;
    while (w < this.maxWords && i + w < tokens.length && !tokens[i + w]!.breakBefore) w++;
    return Math.min(w, tokens.length - i);
  }

  private exactAt(tokens: readonly Token[], i: number): Hit | undefined {
    for (let w = this.reach(tokens, i); w >= 1; w--) {
      const words = tokens.slice(i, i + w).map((t) => t.norm);
      const key = this.keys.get(skeleton(words.join(" "))) ?? (w > 1 ? this.keys.get(skeleton(words.join(""))) : undefined);
      if (key) return { ids: key.ids, start: i, end: i + w, distance: 0, guarded: key.guarded };
    }
    return undefined;
  }

  private looseAt(tokens: readonly Token[], i: number): Hit | undefined {
    const norm = tokens[i]!.norm;
    if (this.stop.has(norm) || /\d/.test(norm)) return undefined;
    const single = (ids: readonly string[], distance: number): Hit => ({ ids, start: i, end: i + 1, distance, guarded: false });
    for (const suffix of INFLECTIONS) {
      if (!norm.endsWith(suffix) || norm.length - suffix.length < 3) continue;
      const key = this.keys.get(skeleton(norm.slice(0, -suffix.length)));
      if (key && !key.guarded) return single(key.ids, 0);
    }
    if (norm.length >= 5 && norm.length <= MAX_COMPOUND_LENGTH) {
      const ids = this.compound(norm, COMPOUND_DEPTH);
      if (ids && ids.length > 0) return single([...new Set(ids)], 0);
    }
    return this.fuzzyAt(tokens, i);
  }

  /** Splits a run-together word into known phrases and filler words; undefined if it can't. */
  private compound(s: string, depth: number): string[] | undefined {
    const whole = this.keys.get(skeleton(s));
    if (whole) return whole.ids;
    if (s.length >= 3 && this.stop.has(s)) return [];
    if (depth === 0) return undefined;
    // A part may start with "og"/"and": "sundhedogit".
    for (const c of CONJUNCTIONS) {
      if (s.length > c.length + 1 && s.startsWith(c) && depth < COMPOUND_DEPTH) {
        const after = this.compound(s.slice(c.length), depth - 1);
        if (after && after.length > 0) return after;
      }
    }
    for (let k = s.length - 1; k >= 2; k--) {
      // Only known phrases may start a part; filler words only end one ("lager|arbejder").
      const head = this.keys.get(skeleton(s.slice(0, k)))?.ids;
      if (!head) continue;
      const rest = s.slice(k);
      let tail = this.compound(rest, depth - 1);
      if (!tail && rest.length > 3 && LINKS.has(rest[0]!)) tail = this.compound(rest.slice(1), depth - 1);
      if (tail && head.length + tail.length > 0) return [...head, ...tail];
    }
    return undefined;
  }

  private fuzzyAt(tokens: readonly Token[], i: number): Hit | undefined {
    for (let w = this.reach(tokens, i); w >= 1; w--) {
      const s = skeleton(
        tokens
          .slice(i, i + w)
          .map((t) => t.norm)
          .join(" "),
      );
      if (s.length < MIN_FUZZY_LENGTH || /\d/.test(s)) continue;
      let best: Key | undefined;
      let bestDistance = Infinity;
      let tied = false;
      const letters = letterBins(s);
      const byLength = this.buckets[w] ?? [];
      for (let len = Math.max(0, s.length - 2); len <= s.length + 2; len++) {
        for (const key of byLength[len] ?? []) {
          const budget = key.budget;
          if (binsApart(letters, key.letters, budget)) continue;
          const d = editDistance(s, key.text, budget);
          if (d > budget || d > bestDistance) continue;
          if (d < bestDistance) {
            best = key;
            bestDistance = d;
            tied = false;
          } else if (best && !sameIds(best.ids, key.ids)) {
            tied = true;
          }
        }
      }
      // Two different meanings equally close: better to ask than to guess.
      if (tied) return undefined;
      if (best) return { ids: best.ids, start: i, end: i + w, distance: bestDistance, guarded: false };
    }
    return undefined;
  }
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}

export interface Found {
  ids: readonly string[];
  /** false when the words only matched with a typo allowance. */
  sure: boolean;
  /** The user's own words that matched. */
  input: string;
}

export interface Interpretation {
  found: Found[];
  /** List items in which nothing was recognised, as the user wrote them (filler trimmed). */
  unknown: string[];
}

/** Reads a list answer: items are split at separators and at "og"/"and"/"eller"/"or". */
export function interpret(text: string, lexicon: Lexicon): Interpretation {
  const tokens = tokenize(text);
  const hits = lexicon.scan(tokens);
  const coveredBy: (Hit | undefined)[] = tokens.map(() => undefined);
  for (const h of hits) for (let k = h.start; k < h.end; k++) coveredBy[k] = h;

  const segments: number[][] = [];
  let current: number[] = [];
  tokens.forEach((t, k) => {
    // A conjunction inside a known phrase ("social- og sundhedsassistent") is not a split.
    const conjunction = !coveredBy[k] && CONJUNCTIONS.has(t.norm);
    if ((t.breakBefore || conjunction) && current.length > 0) {
      segments.push(current);
      current = [];
    }
    if (!conjunction) current.push(k);
  });
  if (current.length > 0) segments.push(current);

  const found: Found[] = [];
  const unknown: string[] = [];
  for (const seg of segments) {
    const segHits = [...new Set(seg.map((k) => coveredBy[k]).filter((h): h is Hit => h !== undefined))];
    const content = seg.filter((k) => !coveredBy[k] && !lexicon.isStopword(tokens[k]!.norm));
    const alone = content.length === 0 && segHits.length === 1;
    const kept = segHits.filter((h) => !h.guarded || tokens[h.start]!.upper || alone);
    for (const h of kept) found.push({ ids: h.ids, sure: h.distance === 0, input: rawSpan(text, tokens, h.start, h.end - 1) });
    if (kept.length === 0 && content.length > 0) unknown.push(rawSpan(text, tokens, content[0]!, content[content.length - 1]!));
  }
  return { found, unknown };
}
