// A person who linked accounts may have had other person ids before: each link's audit row
// ("identity.linked", subject = the kept person) names the id that was merged away. Audit rows
// keep those original ids, so erasure and data exports look them up here.
import type { Tx } from "../db/tx.js";

/** The person's own id and every id merged into it, directly or through earlier links. */
export async function personIdsOf(tx: Tx, personId: string): Promise<string[]> {
  const all = new Set([personId]);
  let frontier = [personId];
  while (frontier.length > 0) {
    const rows = await tx.auditLog.findMany({ where: { action: "identity.linked", subjectId: { in: frontier } }, select: { details: true } });
    frontier = [];
    for (const r of rows) {
      const removed = (r.details as { removedId?: unknown } | null)?.removedId;
      if (typeof removed === "string" && !all.has(removed)) {
        all.add(removed);
        frontier.push(removed);
      }
    }
  }
  return [...all];
}
