// Independent optimality check of a capacitated assignment, by LP duality. It does not trust the
// solver: it only reads the values, the capacities, the chosen pairs and the duals.
//
// LP relaxation: max Σ v_ir x_ir  s.t.  Σ_r x_ir ≤ 1 (mentee i),  Σ_i x_ir ≤ cap_r,  x ≥ 0.
// Dual:          min Σ_i y_i + Σ_r cap_r z_r  s.t.  y_i + z_r ≥ v_ir,  y, z ≥ 0.
// Any feasible dual bounds every assignment from above (weak duality), so an assignment whose
// value equals a feasible dual's value is optimal. Capacities are taken as min(cap, #mentees),
// which changes neither the feasible assignments nor the LP.

export interface CertificateInput {
  /** values[i * nMentors + r] for mentee i, mentor r; ≤ 0 = not a candidate pair. */
  values: Int32Array;
  nMentees: number;
  nMentors: number;
  capacity: ArrayLike<number>;
  mentorOf: ArrayLike<number>;
  menteeDual: ArrayLike<number>;
  mentorDual: ArrayLike<number>;
}

export interface CertificateResult {
  ok: boolean;
  primal: number;
  dual: number;
  /** First violation found, when not ok. */
  problem?: string;
}

export function checkCertificate(c: CertificateInput): CertificateResult {
  const { values, nMentees: n, nMentors, capacity, mentorOf, menteeDual: y, mentorDual: z } = c;
  const fail = (problem: string): CertificateResult => ({ ok: false, primal: NaN, dual: NaN, problem });
  const cap = Array.from({ length: nMentors }, (_, r) => Math.max(0, Math.min(n, Math.floor(capacity[r] ?? 0))));

  const used = new Array<number>(nMentors).fill(0);
  let primal = 0;
  for (let i = 0; i < n; i++) {
    const r = mentorOf[i]!;
    if (r === -1) continue;
    if (!(r >= 0 && r < nMentors)) return fail(`mentee ${i}: bad mentor ${r}`);
    const value = values[i * nMentors + r]!;
    if (value <= 0) return fail(`mentee ${i}: pair with mentor ${r} is not a candidate`);
    if (++used[r]! > cap[r]!) return fail(`mentor ${r}: over capacity`);
    primal += value;
  }

  let dual = 0;
  for (let i = 0; i < n; i++) {
    if (!(y[i]! >= 0) || !Number.isInteger(y[i])) return fail(`mentee dual ${i} = ${y[i]}`);
    dual += y[i]!;
  }
  for (let r = 0; r < nMentors; r++) {
    if (!(z[r]! >= 0) || !Number.isInteger(z[r])) return fail(`mentor dual ${r} = ${z[r]}`);
    dual += cap[r]! * z[r]!;
    for (let i = 0; i < n; i++) {
      if (y[i]! + z[r]! < values[i * nMentors + r]!) return fail(`dual violated at mentee ${i}, mentor ${r}`);
    }
  }
  if (dual !== primal) return { ok: false, primal, dual, problem: `duality gap ${dual - primal}` };
  return { ok: true, primal, dual };
}
