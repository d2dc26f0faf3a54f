// Contact hours and check-in answers per mentorship for the coordinator's views. Hours come from
// the check-ins capability's contact summary (confirmed = both said they met, hours within the
// programme's tolerance), so the chat and the alerts agree.
import { contactSummaries } from "../checkins/index.js";
import type { Tx } from "../../infra/db/tx.js";

export interface MatchHours {
  mentor: number;
  mentee: number;
  confirmed: number;
  answered: number;
  asked: number;
}

export async function matchHours(tx: Tx, matchIds: string[]): Promise<Map<string, MatchHours>> {
  const [sums, counts] = await Promise.all([
    contactSummaries(tx, matchIds),
    tx.checkIn.groupBy({ by: ["matchId", "status"], where: { matchId: { in: matchIds } }, _count: { _all: true } }),
  ]);
  const out = new Map<string, MatchHours>();
  for (const id of matchIds) {
    const s = sums.get(id);
    const mine = counts.filter((c) => c.matchId === id);
    out.set(id, {
      mentor: s?.reportedMentor ?? 0,
      mentee: s?.reportedMentee ?? 0,
      confirmed: s?.confirmedHours ?? 0,
      answered: mine.filter((c) => c.status === "answered").reduce((n, c) => n + c._count._all, 0),
      asked: mine.filter((c) => c.status !== "pending").reduce((n, c) => n + c._count._all, 0),
    });
  }
  return out;
}
