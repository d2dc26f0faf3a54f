// The scheduler's other duties, each idempotent: one gentle reminder for an unanswered check-in,
// marking check-ins missed when their week is over, ending pauses that ran out, and closing
// mentorships whose programme period is over.
import type { Db } from "../../infra/db/database.js";
import { enqueue, type QueueItem } from "../../infra/outbox/outbox.js";
import { t, type Locale } from "../../core/i18n/index.js";
import { checkinRules, type CheckinRules } from "./settings.js";
import { askItem, firstName, type Role } from "./messages.js";
import { completeMatch, resumeCheckins } from "./lifecycle.js";
import { outsideQuiet } from "../../lib/time.js";

async function rulesByProgramme(db: Db, programmeId?: string): Promise<[string, CheckinRules][]> {
  const ps = await db.programme.findMany({ where: programmeId ? { id: programmeId } : {} });
  return ps.map((p) => [p.id, checkinRules(p)]);
}

/** Pending check-ins asked long enough ago get one reminder each (also the closing questions). */
export async function sendReminders(db: Db, now: Date, programmeId?: string): Promise<number> {
  let sent = 0;
  for (const [pid, rules] of await rulesByProgramme(db, programmeId)) {
    const rows = await db.checkIn.findMany({
      where: { status: "pending", remindedAt: null, createdAt: { lte: new Date(now.getTime() - rules.reminderAfterMs) }, match: { programmeId: pid } },
      select: { id: true, matchId: true, period: true, personId: true, role: true, match: { select: { menteeId: true, mentorId: true, status: true } } },
      orderBy: { id: "asc" },
      take: 2000,
    });
    // A weekly check-in of a match that is paused or over is not worth a reminder.
    const live = rows.filter((r) => r.period === "final" || r.match.status === "active");
    if (live.length === 0) continue;
    const people = new Map(
      (
        await db.person.findMany({
          where: { id: { in: [...new Set(live.flatMap((r) => [r.match.menteeId, r.match.mentorId]))] } },
          select: { id: true, displayName: true, locale: true, timezone: true },
        })
      ).map((p) => [p.id, p]),
    );
    const items: QueueItem[] = [];
    for (const r of live) {
      const p = people.get(r.personId);
      if (!p) continue;
      const otherId = r.role === "mentor" ? r.match.menteeId : r.match.mentorId;
      const other = firstName(people.get(otherId)?.displayName) || t(p.locale as Locale, `chk.the_${r.role === "mentor" ? "mentee" : "mentor"}`);
      items.push(
        askItem(
          { matchId: r.matchId, period: r.period, personId: r.personId, role: r.role as Role, other, at: outsideQuiet(now, p.timezone, rules.quiet) },
          true,
        ),
      );
    }
    await db.$transaction(async (tx) => {
      await tx.checkIn.updateMany({ where: { id: { in: rows.map((r) => r.id) }, remindedAt: null }, data: { remindedAt: now } });
      sent += await enqueue(tx, items);
    });
  }
  return sent;
}

/** Weekly check-ins nobody answered within their week count as missed (for the silence signals). */
export async function markMissed(db: Db, now: Date, programmeId?: string): Promise<number> {
  let n = 0;
  for (const [pid, rules] of await rulesByProgramme(db, programmeId)) {
    const r = await db.checkIn.updateMany({
      where: { status: "pending", period: { not: "final" }, createdAt: { lte: new Date(now.getTime() - rules.missedAfterMs) }, match: { programmeId: pid } },
      data: { status: "missed" },
    });
    n += r.count;
  }
  return n;
}

export async function endPauses(db: Db, now: Date, programmeId?: string): Promise<number> {
  const due = await db.match.findMany({
    where: { status: "paused", pausedUntil: { lte: now }, ...(programmeId ? { programmeId } : {}) },
    select: { id: true },
  });
  let n = 0;
  for (const m of due) if (await db.$transaction((tx) => resumeCheckins(tx, m.id, null, now, "pause_over"))) n++;
  return n;
}

export async function closeDueMatches(db: Db, now: Date, programmeId?: string): Promise<number> {
  const due = await db.match.findMany({
    where: { status: { in: ["active", "paused"] }, endsAt: { lte: now }, ...(programmeId ? { programmeId } : {}) },
    select: { id: true },
    take: 500,
  });
  let n = 0;
  for (const m of due) if (await db.$transaction((tx) => completeMatch(tx, m.id, now))) n++;
  return n;
}
