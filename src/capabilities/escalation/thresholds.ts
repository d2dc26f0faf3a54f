// Per-programme thresholds for the stalled-mentorship signals and re-notification, stored in
// Programme.thresholds (JSON); anything missing or invalid falls back to the defaults.
import type { Tx } from "../../infra/db/tx.js";

export interface Thresholds {
  /** No confirmed contact for this many weeks. */
  noContactWeeks: number;
  /** This many unanswered check-ins in a row from one person. */
  unansweredInARow: number;
  /** A mentee waiting for a match longer than this. */
  waitingDays: number;
  /** Re-notify unacknowledged risk alerts after this many hours… */
  renotifyRiskHours: number;
  /** …and all other alerts after this many. */
  renotifyOtherHours: number;
  /** A self-assessment average this much below the previous one (or intake) is a fall. */
  fallingPoints: number;
  /** This many check-in ratings in a row, each lower than the one before, is a falling trend. */
  fallingRatingsInARow: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = {
  noContactWeeks: 3,
  unansweredInARow: 2,
  waitingDays: 30,
  renotifyRiskHours: 4,
  renotifyOtherHours: 48,
  fallingPoints: 1,
  fallingRatingsInARow: 3,
};

export function parseThresholds(json: unknown): Thresholds {
  const out = { ...DEFAULT_THRESHOLDS };
  if (json && typeof json === "object") {
    for (const key of Object.keys(out) as (keyof Thresholds)[]) {
      const v = (json as Record<string, unknown>)[key];
      if (typeof v === "number" && Number.isFinite(v) && v > 0) out[key] = v;
    }
  }
  return out;
}

/** Thresholds of every programme by id, plus the first programme's as the fallback. */
export async function loadThresholds(tx: Tx): Promise<{ byId: Map<string, Thresholds>; fallback: Thresholds }> {
  const rows = await tx.programme.findMany({ orderBy: { createdAt: "asc" }, select: { id: true, thresholds: true } });
  const byId = new Map(rows.map((r) => [r.id, parseThresholds(r.thresholds)]));
  return { byId, fallback: rows[0] ? byId.get(rows[0].id)! : DEFAULT_THRESHOLDS };
}
