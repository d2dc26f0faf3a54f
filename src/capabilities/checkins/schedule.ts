// Weekly nudges, computed from the database on every tick: for each active match whose check-in
// for this week is due (its weekday at the nudge hour in each person's time zone, outside quiet
// hours, every `cadence` weeks after the start week), one CheckIn row and one outbox row per
// person, written together. The unique (match, period, person) row and the outbox dedupe key make
// each nudge exist once — after a restart mid-way, and with several instances on one database.
import type { Db } from "../../infra/db/database.js";
import { enqueue, type QueueItem } from "../../infra/outbox/outbox.js";
import { t, type Locale } from "../../core/i18n/index.js";
import { checkinRules, type CheckinRules } from "./settings.js";
import { askItem, checkinId, firstName, type Role } from "./messages.js";
import { DEFAULT_TZ, dueInstant, localParts, mondayOf, outsideQuiet, periodOf, DAY } from "../../lib/time.js";

interface Candidate {
  id: string;
  programmeId: string;
  menteeId: string;
  mentorId: string;
  startedAt: Date;
  endsAt: Date;
  pausedUntil: Date | null;
  checkinWeekday: number;
  needMentor: boolean;
  needMentee: boolean;
}

export interface QueueOptions {
  /** Zone that decides which ISO week "now" is in. */
  timezone?: string;
  /** Only this programme's matches (tests and benchmarks sharing a database). */
  programmeId?: string;
  chunk?: number;
}

interface PersonInfo {
  locale: string;
  timezone: string;
  displayName: string | null;
}

/** Is the nudge for `period` due for a person in `tz`? Returns when to ask, or undefined. */
export function nudgeTime(
  m: Pick<Candidate, "startedAt" | "endsAt" | "pausedUntil" | "checkinWeekday">,
  period: string,
  tz: string,
  rules: CheckinRules,
  now: Date,
): Date | undefined {
  const due = dueInstant(period, m.checkinWeekday, rules.nudgeHour, tz);
  if (due > now || due >= m.endsAt) return undefined;
  if (m.pausedUntil && due < m.pausedUntil) return undefined;
  // Week 0 is the week the match started in: the first nudge comes `cadence` weeks later.
  const weeks = Math.round((mondayOf(period).getTime() - mondayOf(periodOf(m.startedAt, tz)).getTime()) / (7 * DAY));
  if (weeks < 1 || weeks % rules.cadenceWeeks !== 0 || due.getTime() < m.startedAt.getTime() + 2 * DAY) return undefined;
  return outsideQuiet(now, tz, rules.quiet);
}

/** Queues every weekly nudge due at `now`; returns how many new nudges were queued. */
export async function queueDueNudges(db: Db, now: Date, opts: QueueOptions = {}): Promise<number> {
  const tz = opts.timezone ?? DEFAULT_TZ;
  const period = periodOf(now, tz);
  // Matches whose weekday is still ahead this week are not due yet (zones east of `tz` run at most a few hours late).
  const today = localParts(now, tz).weekday;
  const need = (who: string) => `NOT EXISTS (SELECT 1 FROM "CheckIn" c WHERE c."matchId" = m.id AND c.period = $1 AND c."personId" = m."${who}")`;
  const candidates = await db.$queryRawUnsafe<Candidate[]>(
    `SELECT m.id, m."programmeId", m."menteeId", m."mentorId", m."startedAt", m."endsAt", m."pausedUntil", m."checkinWeekday",
       ${need("mentorId")} AS "needMentor", ${need("menteeId")} AS "needMentee"
     FROM "Match" m
     WHERE m.status = 'active' AND m."endsAt" > $2 AND m."checkinWeekday" <= $3 AND ($4::text IS NULL OR m."programmeId" = $4)
       AND (${need("mentorId")} OR ${need("menteeId")})
     ORDER BY m.id`,
    period,
    now,
    today,
    opts.programmeId ?? null,
  );
  if (candidates.length === 0) return 0;
  const rules = new Map<string, CheckinRules>();
  for (const p of await db.programme.findMany({ where: { id: { in: [...new Set(candidates.map((c) => c.programmeId))] } } })) rules.set(p.id, checkinRules(p));
  let created = 0;
  const size = opts.chunk ?? 1000;
  for (let i = 0; i < candidates.length; i += size) created += await queueChunk(db, candidates.slice(i, i + size), period, rules, now);
  return created;
}

async function queueChunk(db: Db, chunk: Candidate[], period: string, rules: Map<string, CheckinRules>, now: Date): Promise<number> {
  const ids = [...new Set(chunk.flatMap((c) => [c.menteeId, c.mentorId]))];
  const people = new Map<string, PersonInfo>();
  for (const p of await db.person.findMany({ where: { id: { in: ids } }, select: { id: true, locale: true, timezone: true, displayName: true } }))
    people.set(p.id, p);
  const rows: { id: string; matchId: string; personId: string; role: Role; period: string; createdAt: Date }[] = [];
  const items: QueueItem[] = [];
  for (const m of chunk) {
    const r = rules.get(m.programmeId) ?? checkinRules({ checkinCadenceDays: 7, hoursTolerance: 0.5, thresholds: {} });
    const sides: [Role, string, string, boolean][] = [
      ["mentor", m.mentorId, m.menteeId, m.needMentor],
      ["mentee", m.menteeId, m.mentorId, m.needMentee],
    ];
    for (const [role, personId, otherId, needed] of sides) {
      const person = people.get(personId);
      if (!needed || !person) continue; // erased people are gone; their match waits for the coordinator
      const at = nudgeTime(m, period, person.timezone, r, now);
      if (!at) continue;
      const other = firstName(people.get(otherId)?.displayName) || t(person.locale as Locale, `chk.the_${role === "mentor" ? "mentee" : "mentor"}`);
      rows.push({ id: checkinId(m.id, period, personId), matchId: m.id, personId, role, period, createdAt: at });
      items.push(askItem({ matchId: m.id, period, personId, role, other, at }));
    }
  }
  if (rows.length === 0) return 0;
  return db.$transaction(async (tx) => {
    const n = await tx.checkIn.createMany({ data: rows, skipDuplicates: true });
    await enqueue(tx, items);
    return n.count;
  });
}
