// Optimality against brute force on many small random pools, plus the LP-duality certificate
// on pools too large to enumerate.

import { describe, expect, it } from "vitest";
import { assign } from "../../src/lib/matching/assign.js";
import { checkCertificate } from "../../src/lib/matching/certificate.js";
import { solveAssignment } from "../../src/lib/matching/optimal-assignment.js";
import { scorePair } from "../../src/lib/matching/score.js";
import type { MenteeCandidate, MentorCandidate, ScoreContext } from "../../src/lib/matching/types.js";
import { waitingBonus } from "../../src/lib/matching/value-matrix.js";
import { context, mulberry32, NOW, randomPool } from "./fixtures.js";

/** Best total over every way to give each mentee one mentor or none; value 0 = not allowed. */
function bruteForce(value: (i: number, r: number) => number, n: number, capacity: number[]): number {
  const left = [...capacity];
  const go = (i: number): number => {
    if (i === n) return 0;
    let best = go(i + 1); // mentee i unassigned
    for (let r = 0; r < left.length; r++) {
      const v = value(i, r);
      if (v <= 0 || left[r]! === 0) continue;
      left[r]!--;
      best = Math.max(best, v + go(i + 1));
      left[r]!++;
    }
    return best;
  };
  return go(0);
}

/** Pair value straight from the public scoring API, independent of the matrix code. */
function pairValue(e: MenteeCandidate, o: MentorCandidate, ctx: ScoreContext): number {
  const s = scorePair(e, o, ctx);
  if (!s || s.score < ctx.weights.minScore) return 0;
  return Math.max(0, s.score + waitingBonus(e, NOW, ctx.weights));
}

describe("assign is optimal", () => {
  it("matches brute force on 300 random pools of up to 6 mentees × 4 mentors", () => {
    const rnd = mulberry32(20250601);
    let nonTrivial = 0;
    for (let pool = 0; pool < 300; pool++) {
      const { mentees, mentors, excluded } = randomPool(rnd, 1 + Math.floor(rnd() * 6), 1 + Math.floor(rnd() * 4), 2);
      // Vary the threshold and the bonus too, so that ties and cut-offs are exercised.
      const ctx = context({ minScore: Math.floor(rnd() * 40), waitingPerDay: Math.floor(rnd() * 3) }, excluded);
      const values = mentees.map((e) => mentors.map((o) => pairValue(e, o, ctx)));
      const expected = bruteForce(
        (i, r) => values[i]![r]!,
        mentees.length,
        mentors.map((o) => o.freeCapacity),
      );
      const result = assign(mentees, mentors, ctx, NOW);
      expect(result.total, `pool ${pool}`).toBe(expected);

      // The proposal is feasible and its reported values add up to the total.
      const used = new Map<string, number>();
      let sum = 0;
      for (const p of result.pairs) {
        const i = mentees.findIndex((e) => e.id === p.menteeId);
        const r = mentors.findIndex((o) => o.id === p.mentorId);
        expect(values[i]![r]!).toBe(p.score + p.waitingBonus);
        expect(p.score).toBeGreaterThanOrEqual(ctx.weights.minScore);
        used.set(p.mentorId, (used.get(p.mentorId) ?? 0) + 1);
        sum += p.score + p.waitingBonus;
      }
      for (const o of mentors) expect(used.get(o.id) ?? 0).toBeLessThanOrEqual(o.freeCapacity);
      expect(sum).toBe(result.total);
      expect(result.pairs.length + result.unassigned.length).toBe(mentees.length);
      if (result.pairs.length > 1) nonTrivial++;
    }
    expect(nonTrivial).toBeGreaterThan(100); // the pools are not all degenerate
  });

  it("solver matches brute force on 1,000 random integer matrices (heavy ties, zeros)", () => {
    const rnd = mulberry32(7);
    for (let t = 0; t < 1000; t++) {
      const n = 1 + Math.floor(rnd() * 7);
      const m = 1 + Math.floor(rnd() * 4);
      const spread = rnd() < 0.5 ? 3 : 50;
      const values = Int32Array.from({ length: n * m }, () => (rnd() < 0.25 ? 0 : 1 + Math.floor(rnd() * spread)));
      const capacity = Array.from({ length: m }, () => Math.floor(rnd() * 3));
      const s = solveAssignment(values, n, m, capacity);
      expect(s.total, `case ${t}`).toBe(bruteForce((i, r) => values[i * m + r]!, n, capacity));
      expect(checkCertificate({ values, nMentees: n, nMentors: m, capacity, ...s }).ok).toBe(true);
    }
  });
});

describe("optimality certificate", () => {
  it("holds on medium and large random instances", () => {
    const rnd = mulberry32(99);
    const sizes: [number, number][] = [
      [40, 12],
      [120, 30],
      [300, 400],
      [2000, 500],
    ];
    for (const [n, m] of sizes) {
      const values = Int32Array.from({ length: n * m }, () => (rnd() < 0.4 ? 0 : 30 + Math.floor(rnd() * 121)));
      const capacity = Array.from({ length: m }, () => 1 + Math.floor(rnd() * 3));
      const s = solveAssignment(values, n, m, capacity);
      const cert = checkCertificate({ values, nMentees: n, nMentors: m, capacity, ...s });
      expect(cert, `${n}x${m}`).toEqual({ ok: true, primal: s.total, dual: s.total });
    }
  });

  it("rejects a suboptimal assignment and over-capacity", () => {
    const values = Int32Array.from([10, 1, 1, 10]); // 2 mentees × 2 mentors
    const duals = { menteeDual: [10, 10], mentorDual: [0, 0] };
    const base = { values, nMentees: 2, nMentors: 2, capacity: [1, 1], ...duals };
    expect(checkCertificate({ ...base, mentorOf: [0, 1] }).ok).toBe(true);
    expect(checkCertificate({ ...base, mentorOf: [1, 0] })).toMatchObject({ ok: false, problem: "duality gap 18" });
    expect(checkCertificate({ ...base, mentorOf: [0, 0] })).toMatchObject({ ok: false, problem: "mentor 0: over capacity" });
    expect(checkCertificate({ ...base, mentorOf: [0, 1], menteeDual: [5, 10] }).ok).toBe(false);
  });
});
