// Compiles a rule set into an index and matches it against tokenized messages.
// Cost is linear in message length: each distinct word is compared once against the vocabulary
// (bucketed by letter, with bounded edit distance), and patterns are only tried at words that can
// start them. Backtracking is bounded by slot count and gap sizes (≤ 9), never by message length.
import { editDistance } from "../text/normalize.js";
import { parsePattern, type Alt, type Pattern, type Slot } from "./pattern.js";
import type { Token } from "./tokens.js";

interface Entry {
  id: number;
  variant: string;
  alt: Alt;
}

/** How one distinct word relates to the vocabulary. */
interface WordInfo {
  /** Alternative ids matching the whole word (fuzzy word, or stem prefix). */
  whole: Set<number>;
  /** Alternative ids that are a proper exact prefix of the word (run-together words). */
  starts: Set<number>;
}

export interface CompiledSet<T> {
  alts: Alt[];
  ids: Map<Alt, number>;
  /** Exact words (no typos allowed) by spelling. */
  exact: Map<string, number[]>;
  /** Every spelling by its first two letters: stems and run-together prefixes. */
  prefix: Map<string, Entry[]>;
  /** Typo-tolerant words by "first letter/length" and "second letter/length" (see analyse). */
  fuzzy: Map<string, Entry[]>;
  /** First-slot alternative id → patterns (with their payload) starting with it. */
  starters: Map<number, { pattern: Pattern; payload: T }[]>;
}

export interface Hit<T> {
  payload: T;
  /** Token range [start, end). */
  start: number;
  end: number;
}

type Registry = Omit<CompiledSet<unknown>, "starters">;

function register(reg: Registry, keys: Map<string, number>, alt: Alt): number {
  for (const part of alt.parts ?? []) register(reg, keys, part);
  const known = keys.get(alt.key);
  if (known !== undefined) {
    reg.ids.set(alt, known);
    return known;
  }
  const id = reg.alts.length;
  reg.alts.push(alt);
  reg.ids.set(alt, id);
  keys.set(alt.key, id);
  for (const variant of alt.variants) {
    const entry = { id, variant, alt };
    push(reg.prefix, variant.slice(0, 2), entry);
    if (alt.stem) continue;
    if (alt.budget === 0) push(reg.exact, variant, id);
    else {
      // A word within one or two typos keeps its first or its second letter in place, or has it
      // shifted by one; indexing both letters with the length finds all such candidates.
      push(reg.fuzzy, `1${variant[0]}${variant.length}`, entry);
      push(reg.fuzzy, `2${variant[1] ?? ""}${variant.length}`, entry);
    }
  }
  return id;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function compile<T>(items: { pattern: string; payload: T }[]): CompiledSet<T> {
  const set: CompiledSet<T> = {
    alts: [],
    ids: new Map(),
    exact: new Map(),
    prefix: new Map(),
    fuzzy: new Map(),
    starters: new Map(),
  };
  const keys = new Map<string, number>();
  for (const { pattern: source, payload } of items) {
    const pattern = parsePattern(source);
    for (const slot of pattern.slots) {
      if (slot.kind !== "gap") for (const alt of slot.alts) register(set, keys, alt);
    }
    const first = pattern.slots[0];
    if (first?.kind !== "word") continue; // parsePattern guarantees a word
    for (const alt of first.alts) {
      // A multi-word alternative is looked up by its first word.
      const id = set.ids.get(alt.parts?.[0] ?? alt)!;
      const list = set.starters.get(id) ?? [];
      if (!list.some((s) => s.pattern === pattern)) list.push({ pattern, payload });
      set.starters.set(id, list);
    }
  }
  return set;
}

/** Allocation-free check for Damerau distance ≤ 1 (the common budget); editDistance handles 2. */
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

function withinBudget(word: string, variant: string, budget: number): boolean {
  return budget === 1 ? withinOne(word, variant) : editDistance(word, variant, budget) <= budget;
}

function analyse(set: Registry, word: string): WordInfo {
  const info: WordInfo = { whole: new Set(set.exact.get(word)), starts: new Set() };
  // Stems and run-together prefixes: spellings sharing the first two letters (or the single letter).
  for (const key of [word.slice(0, 2), word.slice(0, 1)]) {
    for (const { id, variant, alt } of set.prefix.get(key) ?? []) {
      if (!word.startsWith(variant)) continue;
      if (alt.stem) info.whole.add(id);
      if (word.length > variant.length) info.starts.add(id);
    }
  }
  // Typo-tolerant words: first letter kept, second letter kept, or one of them shifted by an
  // insertion, deletion or transposition at the start.
  const a = word[0] ?? "";
  const b = word[1] ?? "";
  for (let len = word.length - 2; len <= word.length + 2; len++) {
    for (const key of [`1${a}${len}`, `1${b}${len}`, `2${b}${len}`, `2${a}${len}`]) {
      for (const { id, variant, alt } of set.fuzzy.get(key) ?? []) {
        if (info.whole.has(id) || Math.abs(word.length - len) > alt.budget) continue;
        if (withinBudget(word, variant, alt.budget)) info.whole.add(id);
      }
    }
  }
  return info;
}

/** Per-message view: tokens, their vocabulary info, and which tokens are blanked by masks. */
export class MatchContext {
  readonly infos: WordInfo[];
  readonly masked: boolean[];

  constructor(
    readonly tokens: Token[],
    private readonly set: CompiledSet<unknown>,
  ) {
    const memo = new Map<string, WordInfo>();
    this.infos = tokens.map((t) => {
      let info = memo.get(t.word);
      if (!info) memo.set(t.word, (info = analyse(set, t.word)));
      return info;
    });
    this.masked = tokens.map(() => false);
  }

  idOf(alt: Alt): number {
    return this.set.ids.get(alt)!;
  }
}

/** Positions reachable after matching `alt` at (token i, character offset off). */
function advance(ctx: MatchContext, alt: Alt, i: number, off: number, out: [number, number][]): void {
  if (alt.parts) {
    let positions: [number, number][] = [[i, off]];
    for (const part of alt.parts) {
      const next: [number, number][] = [];
      for (const [pi, poff] of positions) advance(ctx, part, pi, poff, next);
      positions = next;
    }
    out.push(...positions);
    return;
  }
  const token = ctx.tokens[i];
  if (!token || ctx.masked[i]) return;
  const word = token.word;
  if (off === 0) {
    const info = ctx.infos[i]!;
    const id = ctx.idOf(alt);
    if (info.whole.has(id)) out.push([i + 1, 0]);
    if (info.starts.has(id)) {
      for (const v of alt.variants) if (word.length > v.length && word.startsWith(v)) out.push([i, v.length]);
    }
    return;
  }
  // Inside a run-together word: joints must be exact.
  for (const v of alt.variants) {
    if (!word.startsWith(v, off)) continue;
    const rest = word.length - off - v.length;
    if (rest === 0 || alt.stem) out.push([i + 1, 0]);
    if (rest > 0) out.push([i, off + v.length]);
  }
}

function nextIs(ctx: MatchContext, alts: Alt[], i: number, off: number, sentence: number): boolean {
  const token = ctx.tokens[i];
  if (!token || token.sentence !== sentence || ctx.masked[i]) return false;
  const probe: [number, number][] = [];
  for (const alt of alts) {
    advance(ctx, alt, i, off, probe);
    if (probe.length > 0) return true;
  }
  return false;
}

/** End token index of a match of slots[s..] from (i, off), or -1. */
function matchFrom(ctx: MatchContext, slots: Slot[], s: number, i: number, off: number, sentence: number): number {
  const slot = slots[s];
  if (!slot) return off === 0 ? i : -1;
  if (slot.kind === "not") {
    return nextIs(ctx, slot.alts, i, off, sentence) ? -1 : matchFrom(ctx, slots, s + 1, i, off, sentence);
  }
  if (slot.kind === "gap") {
    const max = off === 0 ? slot.max : 0;
    for (let skip = 0; skip <= max; skip++) {
      const j = i + skip;
      if (skip > 0 && ctx.tokens[j - 1]?.sentence !== sentence) break;
      const end = matchFrom(ctx, slots, s + 1, j, off, sentence);
      if (end >= 0) return end;
    }
    return -1;
  }
  const token = ctx.tokens[i];
  if (token && token.sentence === sentence) {
    const next: [number, number][] = [];
    for (const alt of slot.alts) advance(ctx, alt, i, off, next);
    for (const [ni, noff] of next) {
      const end = matchFrom(ctx, slots, s + 1, ni, noff, sentence);
      if (end >= 0) return end;
    }
  }
  return slot.optional ? matchFrom(ctx, slots, s + 1, i, off, sentence) : -1;
}

/** Hits of the patterns whose payload passes `want` (first hit per pattern and start token). */
export function findHits<T>(ctx: MatchContext, set: CompiledSet<T>, want: (payload: T) => boolean): Hit<T>[] {
  const hits: Hit<T>[] = [];
  for (let i = 0; i < ctx.tokens.length; i++) {
    if (ctx.masked[i]) continue;
    const info = ctx.infos[i]!;
    const tried = new Set<Pattern>();
    for (const ids of [info.whole, info.starts]) {
      for (const id of ids) {
        for (const { pattern, payload } of set.starters.get(id) ?? []) {
          if (tried.has(pattern) || !want(payload)) continue;
          tried.add(pattern);
          const end = matchFrom(ctx, pattern.slots, 0, i, 0, ctx.tokens[i]!.sentence);
          if (end >= 0) hits.push({ payload, start: i, end });
        }
      }
    }
  }
  return hits;
}
