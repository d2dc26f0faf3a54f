// "Where do I stand?" for a mentee: waiting (position and an honest estimate), proposed, matched.
import { t } from "../../core/i18n/index.js";
import type { HandlerPerson } from "../../core/conversation/handlers.js";
import type { Tx } from "../../infra/db/tx.js";

export async function menteeStatus(tx: Tx, person: HandlerPerson, now: Date): Promise<string> {
  const l = person.locale;
  const profile = await tx.menteeProfile.findUnique({ where: { personId: person.id } });
  if (!profile) return t(l, "status.none");
  if (profile.status === "matched") {
    const match = await tx.match.findFirst({ where: { menteeId: person.id, status: { in: ["active", "paused"] } } });
    const mentor = match ? await tx.person.findUnique({ where: { id: match.mentorId }, select: { displayName: true } }) : null;
    return t(l, "status.matched", { mentor: mentor?.displayName ?? "" });
  }
  if (profile.status === "proposed") return t(l, "status.proposed");
  if (profile.status !== "waiting") return t(l, "status.waiting");
  const waiting = await tx.menteeProfile.findMany({
    where: { programmeId: profile.programmeId, status: { in: ["waiting", "proposed"] } },
    select: { personId: true, waitingSince: true, createdAt: true },
  });
  const since = (w: { waitingSince: Date | null; createdAt: Date }) => (w.waitingSince ?? w.createdAt).getTime();
  const position = waiting.filter((w) => since(w) < since(profile) || (since(w) === since(profile) && w.personId < person.id)).length + 1;
  // Honest estimate: the median days from intake to match over the last 90 days, if there were any.
  const recent = await tx.match.findMany({
    where: { programmeId: profile.programmeId, startedAt: { gte: new Date(now.getTime() - 90 * 864e5) } },
    select: { menteeId: true, startedAt: true },
  });
  const waits: number[] = [];
  for (const m of recent) {
    const mp = await tx.menteeProfile.findUnique({ where: { personId: m.menteeId }, select: { createdAt: true } });
    if (mp) waits.push((m.startedAt.getTime() - mp.createdAt.getTime()) / 864e5);
  }
  waits.sort((a, b) => a - b);
  const estimate =
    waits.length >= 3 ? t(l, "status.estimate_days", { days: Math.max(1, Math.round(waits[Math.floor(waits.length / 2)]!)) }) : t(l, "status.estimate_none");
  return t(l, "status.waiting_position", { position, total: waiting.length, estimate });
}
