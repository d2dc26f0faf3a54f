// Exact maximum-weight capacitated assignment (bipartite b-matching): each mentee at most one
// mentor, mentor r at most capacity[r] mentees, maximise the sum of integer pair values.
//
// Method: min-cost flow by successive shortest augmenting paths, Jonker–Volgenant style.
//  - Rows are mentees, columns are mentors plus one "nobody" column of unlimited capacity and
//    cost 0, so every mentee row is assigned and "nobody" means unassigned. Cost is -value;
//    pairs that may not be proposed cost BIG, which "nobody" always beats.
//  - Mentees are added one at a time (strongest first, see below). Each is routed along a shortest
//    path in the residual graph (Dijkstra on reduced costs, dense, taking all columns at the
//    current minimum distance at once as JV does) to a column with room; rows on the path
//    move one column along. Potentials are then updated so reduced costs stay ≥ 0.
//  - Successive shortest paths keep the assignment optimal for the rows added so far, so the
//    final one is optimal. The potentials are an LP dual with the same objective value: an
//    optimality certificate that certificate.ts checks independently of this code.
// Each Dijkstra step costs O(#mentors), which is why mentors (the smaller side) are columns.
// All arithmetic is on integers (exact in doubles), so there is no rounding.

export interface AssignmentSolution {
  /** Mentor index per mentee, -1 when unassigned. */
  mentorOf: Int32Array;
  /** Sum of the values of the chosen pairs. */
  total: number;
  /** LP dual per mentee (≥ 0). */
  menteeDual: Float64Array;
  /** LP dual per mentor (≥ 0): Σ menteeDual + Σ min(cap, #mentees)·mentorDual = total. */
  mentorDual: Float64Array;
}

/** Cost of a pair that may not be chosen; values are < 2^30, so this never wins over "nobody". */
const BIG = 2 ** 30;

/**
 * values[i * nMentors + r] = value of mentee i with mentor r; ≤ 0 means "not a candidate pair".
 */
export function solveAssignment(values: Int32Array, nMentees: number, nMentors: number, capacity: ArrayLike<number>): AssignmentSolution {
  if (values.length !== nMentees * nMentors) throw new RangeError("values must be nMentees × nMentors");
  const n = nMentees;
  const m = nMentors + 1; // the last column is "nobody"
  const cost = new Int32Array(n * m);
  const best = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    for (let r = 0; r < nMentors; r++) {
      const x = values[i * nMentors + r]!;
      if (x >= BIG) throw new RangeError("values must be below 2^30");
      cost[i * m + r] = x > 0 ? -x : BIG;
      if (x > best[i]!) best[i] = x;
    }
  }
  // Each mentor column holds its rows in a fixed block of the flat `held` array.
  const start = new Int32Array(m + 1);
  for (let r = 0; r < nMentors; r++) start[r + 1] = start[r]! + Math.max(0, Math.min(n, Math.floor(capacity[r] ?? 0)));
  const search = new PathSearch(cost, n, m, start);
  // Any order gives an optimum; strongest mentees first makes it fast: they take their best
  // mentor directly, and by the time weaker ones arrive the mentors' duals ("prices") are high
  // enough that their searches stop early. Ties keep index (= id) order.
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => best[b]! - best[a]! || a - b);
  for (const i of order) search.addRow(i);

  const mentorOf = new Int32Array(n).fill(-1);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const r = search.colOf[i]!;
    if (r < nMentors) {
      mentorOf[i] = r;
      total += values[i * nMentors + r]!;
    }
  }
  // Reduced costs are c - u - v ≥ 0, so the LP duals of the max problem are -u and -v.
  const neg = (x: number): number => (x === 0 ? 0 : -x);
  return {
    mentorOf,
    total,
    menteeDual: Float64Array.from(search.u, neg),
    mentorDual: Float64Array.from(search.v.subarray(0, nMentors), neg),
  };
}

/** Assignment state and Dijkstra scratch space, typed arrays reused for every row. */
class PathSearch {
  /** Row potentials; the assigned edge of every row stays tight (reduced cost 0). */
  readonly u: Float64Array;
  /** Column potentials; 0 for every column with room (including "nobody"). */
  readonly v: Float64Array;
  /** Column of each assigned row. */
  readonly colOf: Int32Array;
  private readonly slotOf: Int32Array;
  private readonly held: Int32Array;
  private readonly count: Int32Array;
  private readonly d: Float64Array;
  private readonly pred: Int32Array;
  private readonly cols: Int32Array;
  private readonly rowDist: Float64Array;
  private readonly scanned: Int32Array;

  constructor(
    private readonly cost: Int32Array,
    n: number,
    private readonly m: number,
    private readonly start: Int32Array,
  ) {
    this.u = new Float64Array(n);
    this.v = new Float64Array(m);
    this.colOf = new Int32Array(n).fill(-1);
    this.slotOf = new Int32Array(n);
    this.held = new Int32Array(start[m - 1]!);
    this.count = new Int32Array(m);
    this.d = new Float64Array(m);
    this.pred = new Int32Array(m);
    this.cols = new Int32Array(m);
    this.rowDist = new Float64Array(n);
    this.scanned = new Int32Array(n);
  }

  private hasRoom(j: number): boolean {
    return j === this.m - 1 || this.count[j]! < this.start[j + 1]! - this.start[j]!;
  }

  /** Assigns row i0, re-routing earlier rows along a shortest augmenting path. */
  addRow(i0: number): void {
    const { cost, m, u, v, colOf, slotOf, held, start, count, d, pred, cols, rowDist, scanned } = this;
    let base = i0 * m;
    for (let j = 0; j < m; j++) {
      cols[j] = j;
      pred[j] = i0;
      d[j] = cost[base + j]! - u[i0]! - v[j]!;
    }
    let nScanned = 0;
    rowDist[i0] = 0;
    scanned[nScanned++] = i0;

    // cols[0, low): finished; cols[low, up): at distance min, to scan; cols[up, m): the rest.
    let low = 0;
    let up = 0;
    let min = 0;
    let target = -1;
    while (target < 0) {
      if (low === up) {
        min = d[cols[up]!]!;
        for (let k = up; k < m; k++) {
          const j = cols[k]!;
          const h = d[j]!;
          if (h <= min) {
            if (h < min) {
              up = low;
              min = h;
            }
            cols[k] = cols[up]!;
            cols[up++] = j;
          }
        }
        for (let k = low; k < up; k++) {
          if (this.hasRoom(cols[k]!)) {
            target = cols[k]!;
            break;
          }
        }
        if (target >= 0) break;
      }
      // A full column: its rows are reached backwards over tight edges, at the same distance.
      const j1 = cols[low++]!;
      for (let s = start[j1]!, end = s + count[j1]!; s < end && target < 0; s++) {
        const i = held[s]!;
        rowDist[i] = min;
        scanned[nScanned++] = i;
        base = i * m;
        const h = min - u[i]!;
        for (let k = up; k < m; k++) {
          const j = cols[k]!;
          const dj = cost[base + j]! - v[j]! + h;
          if (dj < d[j]!) {
            d[j] = dj;
            pred[j] = i;
            if (dj === min) {
              if (this.hasRoom(j)) {
                target = j;
                break;
              }
              cols[k] = cols[up]!;
              cols[up++] = j;
            }
          }
        }
      }
    }

    // Potentials: finished nodes move by (distance - min), which keeps reduced costs ≥ 0
    // and makes the new path tight. Everything else is at distance ≥ min and stays.
    for (let k = 0; k < low; k++) {
      const j = cols[k]!;
      v[j] = v[j]! + d[j]! - min;
    }
    for (let k = 0; k < nScanned; k++) {
      const i = scanned[k]!;
      u[i] = u[i]! + min - rowDist[i]!;
    }

    // Flip the path: each row on it moves to the next column, taking the place it frees.
    let j = target;
    let pos = j === m - 1 ? -1 : start[j]! + count[j]!++;
    for (;;) {
      const i = pred[j]!;
      const prevCol = colOf[i]!;
      const prevPos = slotOf[i]!;
      colOf[i] = j;
      slotOf[i] = pos;
      if (pos >= 0) held[pos] = i;
      if (i === i0) break;
      j = prevCol;
      pos = prevPos;
    }
  }
}
