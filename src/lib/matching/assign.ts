// Proposes mentor–mentee pairs for the whole waiting pool at once, maximising
//   Σ over proposed pairs (score + waiting bonus of the mentee)
// exactly, subject to mentor capacities and one mentor per mentee. The waiting bonus is the
// same for all of a mentee's pairs, so it does not change *which* mentor a mentee prefers; it
// decides who gets a scarce slot. Because the bonus cap (default 100) is at least
// maxScore − minScore (122 − 30), a mentee who has waited long enough outbids any newcomer for
// a mentor they are eligible for: nobody starves behind a stream of better-fitting newcomers.

import { solveAssignment } from "./optimal-assignment.js";
import type { AssignmentSolution } from "./optimal-assignment.js";
import { scoreCompiled } from "./score.js";
import type { MenteeCandidate, MentorCandidate, Reason, ScoreContext } from "./types.js";
import { buildValueMatrix } from "./value-matrix.js";
import type { ValueMatrix } from "./value-matrix.js";

export interface ProposedPair {
  menteeId: string;
  mentorId: string;
  /** Match quality (the pair score, without the waiting bonus). */
  score: number;
  /** The mentee's waiting bonus; score + waitingBonus is what was maximised. */
  waitingBonus: number;
  reasons: Reason[];
}

export interface AssignResult {
  /** In mentee id order. */
  pairs: ProposedPair[];
  /** The maximised objective: Σ (score + waitingBonus) over the pairs. */
  total: number;
  /** Mentee ids without a proposal, in id order. */
  unassigned: string[];
}

export function assign(mentees: readonly MenteeCandidate[], mentors: readonly MentorCandidate[], ctx: ScoreContext, now: Date): AssignResult {
  const matrix = buildValueMatrix(mentees, mentors, ctx, now);
  const solution = solveAssignment(matrix.values, matrix.mentees.length, matrix.mentors.length, matrix.capacity);
  return describeAssignment(matrix, solution, ctx);
}

/** Turns solver indices back into ids, with each pair's score and reasons. */
export function describeAssignment(matrix: ValueMatrix, solution: AssignmentSolution, ctx: ScoreContext): AssignResult {
  const pairs: ProposedPair[] = [];
  const unassigned: string[] = [];
  matrix.mentees.forEach((mentee, i) => {
    const r = solution.mentorOf[i]!;
    const scored = r >= 0 ? scoreCompiled(matrix.pool, i, r, ctx.weights) : undefined;
    if (!scored) {
      unassigned.push(mentee.id);
      return;
    }
    pairs.push({
      menteeId: mentee.id,
      mentorId: matrix.mentors[r]!.id,
      score: scored.score,
      waitingBonus: matrix.bonus[i]!,
      reasons: scored.reasons,
    });
  });
  return { pairs, total: solution.total, unassigned };
}
