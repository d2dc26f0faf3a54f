// The scheduler computes what is due from the database: each match's weekday and cadence, each
// person's time zone, quiet hours, pauses and the end date — and queues every nudge exactly once,
// also when a run dies half-way and when two instances run at the same time.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../src/infra/db/database.js";
import { queueDueNudges } from "../../src/capabilities/checkins/schedule.js";
import { sendReminders } from "../../src/capabilities/checkins/upkeep.js";
import { ensureProgramme } from "../../src/infra/seed/programme.js";
import { openTestDb } from "../helpers/test-db.js";
import { seedMatch } from "./seed.js";

let db: Awaited<ReturnType<typeof openTestDb>>;
const DAY = 864e5;
const START = new Date("2026-11-23T08:00:00Z"); // Monday
const MON = new Date("2026-11-30T09:00:00Z"); // Monday 10:00 in Copenhagen

beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => db.close());
beforeEach(async () => db.reset());

const outbox = () => db.prisma.outbox.findMany({ orderBy: { dueAt: "asc" } });

async function many(n: number): Promise<void> {
  const programmeId = await ensureProgramme(db.prisma);
  for (let i = 0; i < n; i++) await seedMatch(db.prisma, { startedAt: START, mentorName: `Mentor${i}`, menteeName: `Mentee${i}`, programmeId });
}

/** A database whose interactive transactions fail after `ok` of them: a process dying mid-run. */
function dyingAfter(base: Db, ok: number): Db {
  let n = 0;
  return new Proxy(base, {
    get(target, prop, receiver) {
      if (prop === "$transaction") {
        return (fn: unknown) => {
          if (++n > ok) return Promise.reject(new Error("killed"));
          return (target.$transaction as (f: unknown) => Promise<unknown>)(fn);
        };
      }
      return Reflect.get(target, prop, receiver);
    },
  }) as Db;
}

describe("weekly nudges", () => {
  it("are due on the weekday at 10:00 local, not in the start week, and only once", async () => {
    await seedMatch(db.prisma, { startedAt: START });
    expect(await queueDueNudges(db.prisma, new Date(START.getTime() + 3_600_000))).toBe(0);
    expect(await queueDueNudges(db.prisma, new Date(MON.getTime() - 60_000))).toBe(0);
    expect(await queueDueNudges(db.prisma, MON)).toBe(2);
    expect(await queueDueNudges(db.prisma, new Date(MON.getTime() + 3_600_000))).toBe(0);
    expect((await outbox()).map((o) => [o.kind, o.dueAt.toISOString()])).toEqual([
      ["checkin", MON.toISOString()],
      ["checkin", MON.toISOString()],
    ]);
    expect(await db.prisma.checkIn.count({ where: { period: "2026-W49" } })).toBe(2);
  });

  it("follow each person's time zone and keep out of the quiet hours", async () => {
    await seedMatch(db.prisma, { startedAt: START, mentorTz: "America/New_York", menteeTz: "Asia/Tokyo" });
    // Tokyo's Monday 10:00 is 01:00 UTC; New York's is 15:00 UTC.
    await queueDueNudges(db.prisma, new Date("2026-11-30T01:00:00Z"));
    await queueDueNudges(db.prisma, new Date("2026-11-30T15:00:00Z"));
    expect((await outbox()).map((o) => o.dueAt.toISOString())).toEqual(["2026-11-30T01:00:00.000Z", "2026-11-30T15:00:00.000Z"]);
  });

  it("caught up late at night (the server was down) wait for 08:00", async () => {
    await seedMatch(db.prisma, { startedAt: START });
    await queueDueNudges(db.prisma, new Date("2026-11-30T22:30:00Z")); // 23:30 in Copenhagen
    expect((await outbox()).map((o) => o.dueAt.toISOString())).toEqual(["2026-12-01T07:00:00.000Z", "2026-12-01T07:00:00.000Z"]);
  });

  it("follow the programme's cadence, stop at the end and skip paused matches", async () => {
    const programmeId = await ensureProgramme(db.prisma);
    await db.prisma.programme.update({ where: { id: programmeId }, data: { checkinCadenceDays: 14 } });
    const a = await seedMatch(db.prisma, { startedAt: START, programmeId, endsAt: new Date(MON.getTime() + 15 * DAY) });
    const b = await seedMatch(db.prisma, { startedAt: START, programmeId, mentorName: "Bo", menteeName: "Ib" });
    await db.prisma.match.update({ where: { id: b.matchId }, data: { status: "paused", pausedUntil: new Date(MON.getTime() + 60 * DAY) } });
    const weeks = [0, 1, 2, 3].map((w) => new Date(MON.getTime() + w * 7 * DAY));
    const counts = [];
    for (const at of weeks) counts.push(await queueDueNudges(db.prisma, at));
    expect(counts).toEqual([0, 2, 0, 0]); // week 2 only; week 4 is after the end
    expect(new Set((await db.prisma.checkIn.findMany()).map((c) => c.matchId))).toEqual(new Set([a.matchId]));
  });

  it("exist once when a run dies half-way and is run again", async () => {
    await many(12);
    await expect(queueDueNudges(dyingAfter(db.prisma, 1), MON, { chunk: 5 })).rejects.toThrow("killed");
    expect(await db.prisma.checkIn.count()).toBe(10);
    expect(await queueDueNudges(db.prisma, MON, { chunk: 5 })).toBe(14);
    expect(await db.prisma.checkIn.count()).toBe(24);
    expect(await db.prisma.outbox.count()).toBe(24);
  });

  it("exist once when two instances queue at the same moment", async () => {
    await many(20);
    const created = await Promise.all([queueDueNudges(db.prisma, MON, { chunk: 7 }), queueDueNudges(db.prisma, MON, { chunk: 3 })]);
    expect(created[0] + created[1]).toBe(40);
    const rows = await outbox();
    expect(rows).toHaveLength(40);
    expect(new Set(rows.map((r) => r.recipient)).size).toBe(40);
  });
});

describe("reminders", () => {
  it("one per unanswered check-in, two days later, also with two instances", async () => {
    await seedMatch(db.prisma, { startedAt: START });
    await queueDueNudges(db.prisma, MON);
    await db.prisma.checkIn.updateMany({ where: { role: "mentor" }, data: { status: "answered", met: false } });
    expect(await sendReminders(db.prisma, new Date(MON.getTime() + 2 * DAY - 60_000))).toBe(0);
    const later = new Date(MON.getTime() + 2 * DAY);
    const [a, b] = await Promise.all([sendReminders(db.prisma, later), sendReminders(db.prisma, later)]);
    expect(a + b).toBe(1);
    expect(await sendReminders(db.prisma, new Date(later.getTime() + DAY))).toBe(0);
    expect((await outbox()).map((o) => o.kind)).toEqual(["checkin", "checkin", "checkin_reminder"]);
  });
});
