// Compiles patterns against a shared vocabulary and matches them over tokenized messages.
// Cost is linear in message length: each distinct word is analysed once (vocabulary.ts), patterns
// are only tried at words that can start them, and backtracking is bounded by the slot count and
// gap sizes (≤ 9) of one pattern — never by the length of the message.
import { parsePattern, type Alt, type Slot } from "./pattern.js";
import type { Token } from "./tokens.js";
import { NOTHING, Vocabulary, type WordInfo } from "./vocabulary.js";

interface CAlt {
  id: number;
  alt: Alt;
  parts?: CAlt[];
}

interface WordSlot {
  kind: "word" | "not";
  optional: boolean;
  /** Ids of the single-word alternatives, for a fast intersection with a word's matches. */
  ids: Set<number>;
  alts: CAlt[];
  compounds: CAlt[];
}

type CSlot = WordSlot | { kind: "gap"; max: number };

interface CPattern {
  source: string;
  slots: CSlot[];
}

export interface CompiledSet<T> {
  vocab: Vocabulary;
  /** Id of a first word → patterns (with payload) that can start with it. */
  starters: Map<number, { pattern: CPattern; payload: T }[]>;
}

export interface Hit<T> {
  payload: T;
  /** Token range [start, end). */
  start: number;
  end: number;
}

type Position = [token: number, offset: number];

function toCAlt(vocab: Vocabulary, alt: Alt): CAlt {
  const id = vocab.add(alt);
  return alt.parts ? { id, alt, parts: alt.parts.map((p) => toCAlt(vocab, p)) } : { id, alt };
}

function toSlot(vocab: Vocabulary, slot: Slot): CSlot {
  if (slot.kind === "gap") return slot;
  const calts = slot.alts.map((a) => toCAlt(vocab, a));
  const simple = calts.filter((c) => !c.parts);
  return {
    kind: slot.kind,
    optional: slot.kind === "word" && slot.optional,
    ids: new Set(simple.map((c) => c.id)),
    alts: simple,
    compounds: calts.filter((c) => c.parts),
  };
}

/** Several sets may share one vocabulary, so a message's words are analysed once for all. */
export function compile<T>(items: { pattern: string; payload: T }[], vocab = new Vocabulary()): CompiledSet<T> {
  const starters = new Map<number, { pattern: CPattern; payload: T }[]>();
  for (const { pattern: source, payload } of items) {
    const pattern: CPattern = { source, slots: parsePattern(source).slots.map((s) => toSlot(vocab, s)) };
    const first = pattern.slots[0] as WordSlot; // parsePattern guarantees a required word first
    const ids = new Set([...first.alts.map((c) => c.id), ...first.compounds.map((c) => c.parts![0]!.id)]);
    for (const id of ids) {
      const list = starters.get(id) ?? [];
      list.push({ pattern, payload });
      starters.set(id, list);
    }
  }
  return { vocab, starters };
}

/** Per-message view: tokens, what each word matches, and which tokens masks have blanked. */
export class MatchContext {
  readonly infos: WordInfo[];
  readonly masked: boolean[];

  /** Pass `infos` from another context over the same tokens and vocabulary to reuse the analysis. */
  constructor(
    readonly tokens: Token[],
    readonly vocab: Vocabulary,
    infos?: WordInfo[],
  ) {
    this.infos = infos ?? analyseAll(tokens, vocab);
    this.masked = tokens.map(() => false);
  }
}

function analyseAll(tokens: Token[], vocab: Vocabulary): WordInfo[] {
  const memo = new Map<string, WordInfo>();
  return tokens.map((t) => {
    let info = memo.get(t.word);
    if (!info) memo.set(t.word, (info = vocab.analyse(t.word)));
    return info;
  });
}

/** Adds a position to a lazily created list: most probes match nothing and allocate nothing. */
function add(out: Position[] | undefined, i: number, off: number): Position[] {
  if (!out) return [[i, off]];
  if (!out.some(([a, b]) => a === i && b === off)) out.push([i, off]);
  return out;
}

/** Positions after one alternative at (token i, character offset off). */
function advanceAlt(ctx: MatchContext, c: CAlt, i: number, off: number, out?: Position[]): Position[] | undefined {
  if (c.parts) {
    let positions: Position[] | undefined = [[i, off]];
    for (const part of c.parts) {
      let next: Position[] | undefined;
      for (const [pi, poff] of positions) next = advanceAlt(ctx, part, pi, poff, next);
      if (!next) return out;
      positions = next;
    }
    for (const [pi, poff] of positions) out = add(out, pi, poff);
    return out;
  }
  const token = ctx.tokens[i];
  if (!token || ctx.masked[i]) return out;
  const word = token.word;
  if (off === 0) {
    const info = ctx.infos[i]!;
    if (info.whole.includes(c.id)) out = add(out, i + 1, 0);
    if (!info.starts.includes(c.id)) return out;
  }
  // Run-together words: the joints are exact.
  for (const v of c.alt.variants) {
    if (!word.startsWith(v, off)) continue;
    const rest = word.length - off - v.length;
    if (off > 0 && (rest === 0 || c.alt.stem)) out = add(out, i + 1, 0);
    if (rest > 0) out = add(out, i, off + v.length);
  }
  return out;
}

/** Positions after one word slot at (i, off), or undefined when it cannot match there. */
function advance(ctx: MatchContext, slot: WordSlot, i: number, off: number): Position[] | undefined {
  const token = ctx.tokens[i];
  if (!token || ctx.masked[i]) return undefined;
  let out: Position[] | undefined;
  if (off === 0) {
    // Fast path: intersect the word's few matching ids with the slot.
    const info = ctx.infos[i]!;
    let wholeWord = false;
    for (const id of info.whole) {
      if (!slot.ids.has(id)) continue;
      out = add(out, i + 1, 0);
      wholeWord ||= !ctx.vocab.alts[id]!.stem;
    }
    // A word the slot names as a whole ("ikke") is not also split into a shorter alternative
    // plus the rest ("ik"+"ke"); stems ("kill*") still may be ("killmyself").
    if (wholeWord) return out;
    for (const id of info.starts) {
      if (!slot.ids.has(id)) continue;
      for (const v of ctx.vocab.alts[id]!.variants) {
        if (token.word.length > v.length && token.word.startsWith(v)) out = add(out, i, v.length);
      }
    }
  } else {
    for (const c of slot.alts) out = advanceAlt(ctx, c, i, off, out);
  }
  for (const c of slot.compounds) out = advanceAlt(ctx, c, i, off, out);
  return out;
}

/** End token of a match of slots[s..] from (i, off) within one sentence, or -1. */
function matchFrom(ctx: MatchContext, slots: CSlot[], s: number, i: number, off: number, sentence: number): number {
  const slot = slots[s];
  if (!slot) return off === 0 ? i : -1;
  if (slot.kind === "gap") {
    const max = off === 0 ? slot.max : 0;
    for (let skip = 0; skip <= max; skip++) {
      if (skip > 0 && ctx.tokens[i + skip - 1]?.sentence !== sentence) break;
      const end = matchFrom(ctx, slots, s + 1, i + skip, off, sentence);
      if (end >= 0) return end;
    }
    return -1;
  }
  const next = ctx.tokens[i]?.sentence === sentence ? advance(ctx, slot, i, off) : undefined;
  if (slot.kind === "not") {
    // Zero-width: fail if the next whole word is one of the listed ones ("!a" must not reject
    // "again" just because "a" is a run-together prefix of it).
    const word = next?.some(([ni, noff]) => noff === 0 && ni > i);
    return word ? -1 : matchFrom(ctx, slots, s + 1, i, off, sentence);
  }
  for (const [ni, noff] of next ?? []) {
    const end = matchFrom(ctx, slots, s + 1, ni, noff, sentence);
    if (end >= 0) return end;
  }
  return slot.optional ? matchFrom(ctx, slots, s + 1, i, off, sentence) : -1;
}

type Starter<T> = { pattern: CPattern; payload: T };

/** Patterns that may start at a word (deduplicated), from the ids the word matches. */
function startersOf<T>(set: CompiledSet<T>, info: WordInfo): Starter<T>[] {
  if (info === NOTHING) return [];
  const found = new Set<Starter<T>>();
  for (const id of [...info.whole, ...info.starts]) for (const s of set.starters.get(id) ?? []) found.add(s);
  return [...found];
}

/** All hits of the set's patterns (first hit per pattern and start token). */
export function findHits<T>(ctx: MatchContext, set: CompiledSet<T>): Hit<T>[] {
  const hits: Hit<T>[] = [];
  const memo = new Map<WordInfo, Starter<T>[]>();
  for (let i = 0; i < ctx.tokens.length; i++) {
    if (ctx.masked[i]) continue;
    const info = ctx.infos[i]!;
    let starters = memo.get(info);
    if (!starters) memo.set(info, (starters = startersOf(set, info)));
    for (const { pattern, payload } of starters) {
      const end = matchFrom(ctx, pattern.slots, 0, i, 0, ctx.tokens[i]!.sentence);
      if (end >= 0) hits.push({ payload, start: i, end });
    }
  }
  return hits;
}
