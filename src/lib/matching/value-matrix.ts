// The dense matrix the optimiser works on: value of every (mentee, mentor) pair, computed once.
// value = score + the mentee's waiting bonus, or 0 when the pair may not be proposed (hard
// constraint, excluded, or score below minScore). Rows are mentees so the optimiser's inner
// loop reads one contiguous row.

import { MentorbroError } from "../../core/errors.js";
import { compilePool } from "./compiled-pool.js";
import type { CompiledPool } from "./compiled-pool.js";
import { capacityOf, evaluate, REJECTED } from "./score.js";
import { checkWeights } from "./types.js";
import type { MatchWeights, MenteeCandidate, MentorCandidate, ScoreContext } from "./types.js";

const DAY_MS = 86_400_000;
/** The optimiser takes values below 2^30 (it reserves 2^30 for "not a candidate"). */
const MAX_VALUE = 1 << 30;

export interface ValueMatrix {
  /** Sorted by id: index order is id order, which is how ties are broken. */
  mentees: MenteeCandidate[];
  mentors: MentorCandidate[];
  pool: CompiledPool;
  /** values[i * mentors.length + r] for mentee i, mentor r; 0 = not a candidate pair. */
  values: Int32Array;
  /** Waiting bonus per mentee (already included in values). */
  bonus: Int32Array;
  /** Free capacity per mentor (0 when none). */
  capacity: Int32Array;
}

/** Full days waited × waitingPerDay, capped; never negative (a future date counts as 0). */
export function waitingBonus(mentee: MenteeCandidate, now: Date, w: MatchWeights): number {
  const days = Math.floor((now.getTime() - mentee.waitingSince.getTime()) / DAY_MS);
  if (!(days > 0)) return 0;
  return Math.max(0, Math.min(days * w.waitingPerDay, w.waitingMaxBonus));
}

function byId<T extends { id: string }>(items: readonly T[], what: string): T[] {
  const sorted = [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let k = 1; k < sorted.length; k++) {
    if (sorted[k]!.id === sorted[k - 1]!.id) {
      throw new MentorbroError("INVALID_INPUT", `Duplicate ${what} id ${sorted[k]!.id}`);
    }
  }
  return sorted;
}

export function buildValueMatrix(menteesIn: readonly MenteeCandidate[], mentorsIn: readonly MentorCandidate[], ctx: ScoreContext, now: Date): ValueMatrix {
  const w = ctx.weights;
  checkWeights(w);
  const mentees = byId(menteesIn, "mentee");
  const mentors = byId(mentorsIn, "mentor");
  const n = mentees.length;
  const pool = compilePool(mentees, mentors, ctx.locality);
  const bonus = Int32Array.from(mentees, (m) => waitingBonus(m, now, w));
  const capacity = Int32Array.from(mentors, capacityOf);
  const nMentors = mentors.length;
  const values = new Int32Array(n * nMentors);

  for (let i = 0; i < n; i++) {
    const menteeId = mentees[i]!.id;
    for (let r = 0; r < nMentors; r++) {
      if (capacity[r] === 0) continue; // hard constraint: no free capacity
      const score = evaluate(pool, i, r, w);
      if (score === REJECTED || score < w.minScore) continue;
      const value = score + bonus[i]!;
      // A pair worth ≤ 0 can never raise the total, so it is left out like a rejected one.
      if (value <= 0) continue;
      if (value >= MAX_VALUE) throw new MentorbroError("INVALID_INPUT", "Match value out of range");
      // Exclusion last: it is the caller's lookup and usually the slowest check.
      if (ctx.excluded(menteeId, mentors[r]!.id)) continue;
      values[i * nMentors + r] = value;
    }
  }
  return { mentees, mentors, pool, values, bonus, capacity };
}
