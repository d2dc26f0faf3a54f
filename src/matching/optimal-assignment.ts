// Exact maximum-weight capacitated assignment (bipartite b-matching): each mentee at most one
// mentor, mentor r at most capacity[r] mentees, maximise the sum of integer pair values.
//
// Method: min-cost flow by successive shortest augmenting paths, Jonker–Volgenant style.
//  - Rows are mentors (the smaller side), columns are mentees. Costs are -value, and a pair
//    with value ≤ 0 costs 0, as do padding columns. Every mentor slot is then filled: a slot
//    on a cost-0 column is simply an empty slot, so the cheapest filling is the best matching.
//    There is always one more column than slots, so some column stays free.
//  - Slots are added one at a time; each is routed along a shortest path (Dijkstra on reduced
//    costs, dense, with JV's "all columns at the current minimum distance at once" scan) to a
//    free column, and the potentials are updated so every reduced cost stays ≥ 0.
//  - Successive shortest paths keep the flow optimal for the slots placed so far, so the end
//    result is optimal. The potentials are an LP dual solution with the same objective value:
//    an optimality certificate that certificate.ts checks independently.
// Everything is integer, so there is no rounding. Ties go to the lowest index (callers sort by id).

export interface AssignmentSolution {
  /** Mentor index per mentee, -1 when unassigned. */
  mentorOf: Int32Array;
  /** Sum of the values of the chosen pairs. */
  total: number;
  /** LP dual per mentee (≥ 0). */
  menteeDual: Float64Array;
  /** LP dual per mentor slot (≥ 0); with menteeDual: dual value = total. */
  mentorDual: Float64Array;
}

/**
 * values: row-major by mentor, values[r * nMentees + i] = value of mentee i with mentor r;
 * ≤ 0 means "not a candidate pair".
 */
export function solveAssignment(
  values: Int32Array,
  nMentees: number,
  nMentors: number,
  capacity: ArrayLike<number>,
): AssignmentSolution {
  if (values.length !== nMentees * nMentors) throw new RangeError("values must be nMentors × nMentees");
  const n = nMentees;
  const left = new Int32Array(nMentors);
  let slots = 0;
  for (let r = 0; r < nMentors; r++) {
    left[r] = Math.max(0, Math.min(n, Math.floor(capacity[r] ?? 0)));
    slots += left[r]!;
  }
  const m = Math.max(n, slots) + 1;

  const cost = new Int32Array(nMentors * m);
  for (let r = 0; r < nMentors; r++) {
    for (let i = 0; i < n; i++) {
      const x = values[r * n + i]!;
      if (x > 0) cost[r * m + i] = -x;
    }
  }
  const u = new Float64Array(nMentors);
  const v = new Float64Array(m);
  const owner = new Int32Array(m).fill(-1);

  // Start: row reduction (u = row minimum keeps every reduced cost ≥ 0, free columns at v = 0)
  // and give each mentor the free columns that are already tight. Optimal for those slots.
  for (let r = 0; r < nMentors; r++) {
    if (left[r] === 0) continue;
    const base = r * m;
    let min = 0;
    for (let j = 0; j < n; j++) if (cost[base + j]! < min) min = cost[base + j]!;
    u[r] = min;
    for (let j = 0; j < m && left[r]! > 0; j++) {
      if (cost[base + j] === min && owner[j] === -1) {
        owner[j] = r;
        left[r]!--;
      }
    }
  }

  const search = new PathSearch(cost, m, nMentors, u, v, owner);
  for (let r = 0; r < nMentors; r++) {
    for (; left[r]! > 0; left[r]!--) search.addSlot(r);
  }

  // A full edge may end below zero reduced cost; lowering its column's v makes it tight and
  // keeps every other reduced cost ≥ 0. Then -u, -v is a dual of the b-matching LP.
  for (let j = 0; j < m; j++) {
    const r = owner[j]!;
    if (r >= 0) v[j] = cost[r * m + j]! - u[r]!;
  }

  const mentorOf = new Int32Array(n).fill(-1);
  let total = 0;
  for (let j = 0; j < n; j++) {
    const r = owner[j]!;
    if (r >= 0 && values[r * n + j]! > 0) {
      mentorOf[j] = r;
      total += values[r * n + j]!;
    }
  }
  // Reduced costs are c - u - v ≥ 0, so the LP duals of the max problem are -u and -v.
  const menteeDual = Float64Array.from(v.subarray(0, n), (x) => (x === 0 ? 0 : -x));
  const mentorDual = Float64Array.from(u, (x) => (x === 0 ? 0 : -x));
  return { mentorOf, total, menteeDual, mentorDual };
}

/** Dijkstra state reused across slots (typed arrays, no allocation per search). */
class PathSearch {
  private readonly d: Float64Array;
  private readonly pred: Int32Array;
  private readonly cols: Int32Array;
  /** Per row: 0 unreached, 1 reached (tentative distance in rowDist), 2 scanned. */
  private readonly rowState: Uint8Array;
  private readonly rowVia: Int32Array;
  private readonly rowDist: Float64Array;
  private readonly touched: Int32Array;

  constructor(
    private readonly cost: Int32Array,
    private readonly m: number,
    nRows: number,
    private readonly u: Float64Array,
    private readonly v: Float64Array,
    private readonly owner: Int32Array,
  ) {
    this.d = new Float64Array(m);
    this.pred = new Int32Array(m);
    this.cols = new Int32Array(m);
    this.rowState = new Uint8Array(nRows);
    this.rowVia = new Int32Array(nRows);
    this.rowDist = new Float64Array(nRows);
    this.touched = new Int32Array(nRows);
  }

  /**
   * Routes one more unit from mentor r0 to a free column along a shortest path.
   * Nodes are columns and rows. A row owning several columns is entered backwards through
   * one of them; that edge's reduced cost is -(c - u - v) ≥ 0 and need not be 0 (an edge at
   * full capacity may stay below zero), so rows carry their own tentative distance.
   */
  addSlot(r0: number): void {
    const { cost, m, u, v, owner, d, pred, cols, rowState, rowVia, rowDist, touched } = this;
    for (let j = 0; j < m; j++) {
      cols[j] = j;
      pred[j] = r0;
      // r0's own columns are not reachable from r0 (their edge is full).
      d[j] = owner[j] === r0 ? Infinity : cost[r0 * m + j]! - u[r0]! - v[j]!;
    }
    let nTouched = 0;
    rowState[r0] = 2;
    rowDist[r0] = 0;
    touched[nTouched++] = r0;

    // cols[0, low): finished; cols[low, up): at distance min, to scan; cols[up, m): unreached.
    let low = 0;
    let up = 0;
    let min = 0;
    let target = -1;
    let scanRow = -1;
    while (target < 0) {
      if (low === up) {
        // Next distance: the nearest unfinished columns, unless a reached row is nearer.
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
        let best = -1;
        for (let k = 0; k < nTouched; k++) {
          const r = touched[k]!;
          if (rowState[r] === 1 && rowDist[r]! < min && (best < 0 || rowDist[r]! < rowDist[best]!)) best = r;
        }
        if (best >= 0) {
          up = low; // the column set is not at the minimum after all
          min = rowDist[best]!;
          scanRow = best;
        } else {
          for (let k = low; k < up; k++) {
            if (owner[cols[k]!] === -1) {
              target = cols[k]!;
              break;
            }
          }
          if (target >= 0) break;
        }
      }
      if (scanRow < 0) {
        const j1 = cols[low++]!;
        const r = owner[j1]!;
        if (rowState[r] === 2) continue;
        // Backward along the full edge r→j1: reduced cost -(c - u - v) ≥ 0.
        const dist = min - (cost[r * m + j1]! - u[r]! - v[j1]!);
        if (rowState[r] === 0) touched[nTouched++] = r;
        if (rowState[r] === 0 || dist < rowDist[r]!) {
          rowState[r] = 1;
          rowDist[r] = dist;
          rowVia[r] = j1;
        }
        if (dist !== min) continue; // stays tentative until the minimum reaches it
        scanRow = r;
      }
      const r = scanRow;
      scanRow = -1;
      rowState[r] = 2;
      const base = r * m;
      const h = min - u[r]!;
      for (let k = up; k < m; k++) {
        const j = cols[k]!;
        if (owner[j] === r) continue;
        const dj = cost[base + j]! - v[j]! + h;
        if (dj < d[j]!) {
          d[j] = dj;
          pred[j] = r;
          if (dj === min) {
            if (owner[j] === -1) {
              target = j;
              break;
            }
            cols[k] = cols[up]!;
            cols[up++] = j;
          }
        }
      }
    }

    // Potentials: finished nodes move by (distance - min), which keeps reduced costs ≥ 0
    // and the edges on the new path at 0. Unfinished nodes (distance ≥ min) stay.
    for (let k = 0; k < low; k++) {
      const j = cols[k]!;
      v[j] = v[j]! + d[j]! - min;
    }
    for (let k = 0; k < nTouched; k++) {
      const r = touched[k]!;
      if (rowState[r] === 2) u[r] = u[r]! + min - rowDist[r]!;
      rowState[r] = 0;
    }
    // Flip the path: each row on it takes the next column and gives up the one it came through.
    for (let j = target; ; ) {
      const r = pred[j]!;
      owner[j] = r;
      if (r === r0) break;
      j = rowVia[r]!;
    }
  }
}
