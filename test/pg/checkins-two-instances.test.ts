// Two instances on one PostgreSQL: both run the check-in scheduler and a sender at the same
// moment; every nudge exists once and is delivered once. The shared `test` database is used by
// others, so this test touches only its own programme's rows, dated in 2001 (no one else's
// outbox rows are due then), and removes them afterwards.
import { randomUUID } from "node:crypto";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FixedClock } from "../../src/core/clock.js";
import type { Channel, OutboundMessage, Platform } from "../../src/core/messages.js";
import { createSender } from "../../src/infra/outbox/sender.js";
import { queueDueNudges } from "../../src/capabilities/checkins/schedule.js";
import { sendReminders } from "../../src/capabilities/checkins/upkeep.js";
import { openTestDb } from "../helpers/test-db.js";

const URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const MARK = `h5-${randomUUID().slice(0, 8)}`;
const N = 30;
const NOW = new Date("2001-01-08T09:00:00Z"); // Monday 10:00 in Copenhagen, week 2 of the matches
let a: Awaited<ReturnType<typeof openTestDb>>;
let b: Awaited<ReturnType<typeof openTestDb>>;
let programmeId = "";
const people: string[] = [];

beforeAll(async () => {
  [a, b] = await Promise.all([openTestDb(URL), openTestDb(URL)]);
  programmeId = (await a.prisma.programme.create({ data: { slug: MARK, name: MARK } })).id;
  for (let i = 0; i < N; i++) {
    const [mentor, mentee] = await Promise.all(
      ["mentor", "mentee"].map((role) =>
        a.prisma.person.create({
          data: { displayName: `${role}${i}`, roles: [role], identities: { create: { externalId: `console:${MARK}-${role}-${i}`, platform: "console" } } },
        }),
      ),
    );
    people.push(mentor!.id, mentee!.id);
    await a.prisma.match.create({
      data: {
        programmeId,
        mentorId: mentor!.id,
        menteeId: mentee!.id,
        startedAt: new Date("2000-12-25T08:00:00Z"),
        endsAt: new Date("2001-06-25T08:00:00Z"),
        checkinWeekday: 1,
      },
    });
  }
});

afterAll(async () => {
  await a.prisma.outbox.deleteMany({ where: { recipient: { in: people } } });
  await a.prisma.match.deleteMany({ where: { programmeId } });
  await a.prisma.person.deleteMany({ where: { id: { in: people } } });
  await a.prisma.programme.deleteMany({ where: { id: programmeId } });
  await Promise.all([a.close(), b.close()]);
});

describe("check-ins with two instances on PostgreSQL", () => {
  it("queue each nudge once and send it once", async () => {
    const runs = await Promise.all([
      queueDueNudges(a.prisma, NOW, { programmeId, chunk: 7 }),
      queueDueNudges(b.prisma, NOW, { programmeId, chunk: 4 }),
      queueDueNudges(a.prisma, NOW, { programmeId, chunk: 11 }),
      queueDueNudges(b.prisma, NOW, { programmeId }),
    ]);
    expect(runs.reduce((s, n) => s + n, 0)).toBe(2 * N);
    expect(await a.prisma.checkIn.count({ where: { match: { programmeId } } })).toBe(2 * N);
    const rows = await a.prisma.outbox.findMany({ where: { recipient: { in: people } } });
    expect(rows).toHaveLength(2 * N);
    expect(new Set(rows.map((r) => r.recipient)).size).toBe(2 * N);

    const delivered: OutboundMessage[] = [];
    const channels = new Map<Platform, Channel>([["console", { platform: "console", send: async (m) => void delivered.push(m) }]]);
    const logger = pino({ level: "silent" });
    const senders = [a, b].map((d, i) => createSender({ db: d.prisma, clock: new FixedClock(NOW), logger, channels, workerId: `${MARK}-${i}`, batchSize: 8 }));
    await Promise.all(senders.map((s) => s.drain()));
    expect(delivered).toHaveLength(2 * N);
    expect(new Set(delivered.map((d) => d.to)).size).toBe(2 * N);

    // Two days later both instances look for reminders at once: one each, no more.
    const later = new Date(NOW.getTime() + 2 * 864e5);
    const reminders = await Promise.all([sendReminders(a.prisma, later, programmeId), sendReminders(b.prisma, later, programmeId)]);
    expect(reminders[0] + reminders[1]).toBe(2 * N);
    expect(await a.prisma.outbox.count({ where: { recipient: { in: people }, kind: "checkin_reminder" } })).toBe(2 * N);
  });
});
