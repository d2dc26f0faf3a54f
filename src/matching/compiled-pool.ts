// Candidates compiled to bitsets: each id list (languages, help, availability, …) becomes a few
// 32-bit words, so comparing a pair is a handful of AND/popcount operations instead of string
// searches. This is what lets us score a million pairs in tens of milliseconds.

import type { Locality, MenteeCandidate, MentorCandidate, ScoreContext } from "./types.js";

/** Interns ids of one kind (languages, competences, …) to small integers. */
export class Vocabulary {
  private readonly index = new Map<string, number>();
  readonly names: string[] = [];

  add(id: string): number {
    let i = this.index.get(id);
    if (i === undefined) {
      i = this.names.length;
      this.index.set(id, i);
      this.names.push(id);
    }
    return i;
  }

  addAll(lists: readonly (readonly string[])[]): void {
    for (const list of lists) for (const id of list) this.add(id);
  }

  /** Call after every id is added: the word count is fixed by the vocabulary size. */
  encode(lists: readonly (readonly string[])[]): BitTable {
    const words = Math.max(1, Math.ceil(this.names.length / 32));
    const bits = new Int32Array(lists.length * words);
    lists.forEach((list, row) => {
      for (const id of list) {
        const i = this.index.get(id);
        if (i === undefined) throw new Error(`Id ${id} was not added to the vocabulary`);
        bits[row * words + (i >>> 5)]! |= 1 << (i & 31);
      }
    });
    return { words, bits, names: this.names };
  }
}

/** One bitset per row (candidate), `words` words each, laid out flat. */
export interface BitTable {
  words: number;
  bits: Int32Array;
  names: readonly string[];
}

export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Number of ids row a of table A shares with row b of table B (same vocabulary). */
export function common(a: BitTable, ra: number, b: BitTable, rb: number): number {
  const w = a.words;
  if (w === 1) return popcount(a.bits[ra]! & b.bits[rb]!);
  let n = 0;
  for (let k = 0; k < w; k++) n += popcount(a.bits[ra * w + k]! & b.bits[rb * w + k]!);
  return n;
}

/** The shared ids themselves, in vocabulary order; only used to word the reasons. */
export function commonNames(a: BitTable, ra: number, b: BitTable, rb: number): string[] {
  const out: string[] = [];
  for (let k = 0; k < a.words; k++) {
    const x = a.bits[ra * a.words + k]! & b.bits[rb * b.words + k]!;
    for (let bit = 0; bit < 32; bit++) if (x & (1 << bit)) out.push(a.names[k * 32 + bit]!);
  }
  return out;
}

const LOCALITY_CODE: Record<Locality, number> = { same: 0, neighbour: 1, region: 2, other: 3 };
const NO_PLACE = "\u0000none";

export interface CompiledPool {
  mentees: readonly MenteeCandidate[];
  mentors: readonly MentorCandidate[];
  industry: { mentee: BitTable; mentor: BitTable };
  language: { mentee: BitTable; menteeFirst: BitTable; mentor: BitTable };
  help: { mentee: BitTable; mentor: BitTable };
  slot: { mentee: BitTable; mentor: BitTable };
  form: { mentee: BitTable; mentor: BitTable };
  group: { mentee: BitTable; mentor: BitTable };
  /** 0 same, 1 neighbour, 2 region, 3 other; memoised per municipality pair. */
  locality(mentee: number, mentor: number): number;
}

function pairTables(menteeLists: string[][], mentorLists: string[][], extra: string[][] = []) {
  const v = new Vocabulary();
  v.addAll(menteeLists);
  v.addAll(mentorLists);
  return { mentee: v.encode(menteeLists), mentor: v.encode(mentorLists), extra: v.encode(extra) };
}

export function compilePool(
  mentees: readonly MenteeCandidate[],
  mentors: readonly MentorCandidate[],
  locality: ScoreContext["locality"],
): CompiledPool {
  const lang = pairTables(
    mentees.map((m) => m.languages),
    mentors.map((m) => m.languages),
    mentees.map((m) => m.languages.slice(0, 1)),
  );
  const places = new Vocabulary();
  const menteePlace = Int32Array.from(mentees, (m) => places.add(m.municipality ?? NO_PLACE));
  const mentorPlace = Int32Array.from(mentors, (m) => places.add(m.municipality ?? NO_PLACE));
  const p = places.names.length;
  const cache = new Int8Array(p * p).fill(-1);
  const placeName = (i: number): string | undefined => (places.names[i] === NO_PLACE ? undefined : places.names[i]);

  return {
    mentees,
    mentors,
    industry: pairTables(
      mentees.map((m) => m.industries),
      mentors.map((m) => (m.industry === undefined ? [] : [m.industry])),
    ),
    language: { mentee: lang.mentee, menteeFirst: lang.extra, mentor: lang.mentor },
    help: pairTables(
      mentees.map((m) => m.helpWanted),
      mentors.map((m) => m.competences),
    ),
    slot: pairTables(
      mentees.map((m) => m.availability),
      mentors.map((m) => m.availability),
    ),
    form: pairTables(
      mentees.map((m) => m.meetingForms),
      mentors.map((m) => m.meetingForms),
    ),
    group: pairTables(
      mentees.map((m) => (m.targetGroup === undefined ? [] : [m.targetGroup])),
      mentors.map((m) => m.preferences.targetGroups ?? []),
    ),
    locality(i, r) {
      const key = menteePlace[i]! * p + mentorPlace[r]!;
      let code = cache[key]!;
      if (code < 0) {
        code = LOCALITY_CODE[locality(placeName(menteePlace[i]!), placeName(mentorPlace[r]!))] ?? 3;
        cache[key] = code;
      }
      return code;
    },
  };
}
