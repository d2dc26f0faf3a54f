// On PostgreSQL (issue 13): a holiday in the past is refused and a pause returns an unapproved
// mentor to pending; erasing that mentor ends their mentorship, puts the mentee back in line and
// queues the notices. The shared `test` database is used by others: this test makes its own
// programme and people (marked) and removes them afterwards.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endExpiredPauses, pauseMentor } from "../../src/capabilities/matchmaking/lifecycle.js";
import { saveMentorProfile } from "../../src/infra/people/mentor-status.js";
import { erasePerson } from "../../src/infra/people/erase.js";
import { endForErasure } from "../../src/capabilities/matchmaking/index.js";
import { openTestDb } from "../helpers/test-db.js";

const URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const MARK = `h13-${randomUUID().slice(0, 8)}`;
const NOW = new Date("2001-03-01T09:00:00Z");
const DAY = 864e5;
let db: Awaited<ReturnType<typeof openTestDb>>;
let programmeId = "";
const ids: string[] = [];
let matchId = "";

beforeAll(async () => {
  db = await openTestDb(URL);
  programmeId = (await db.prisma.programme.create({ data: { slug: MARK, name: MARK } })).id;
});

afterAll(async () => {
  await db.prisma.outbox.deleteMany({ where: { OR: [{ recipient: { in: ids } }, { dedupeKey: { startsWith: `erased:${matchId}` } }] } });
  await db.prisma.auditLog.deleteMany({
    where: {
      OR: [{ subjectId: { in: [...ids, matchId] } }, { action: "mentor.status", subjectId: null, at: { gte: NOW, lte: new Date(NOW.getTime() + 30 * DAY) } }],
    },
  });
  await db.prisma.match.deleteMany({ where: { programmeId } });
  await db.prisma.person.deleteMany({ where: { displayName: { startsWith: MARK } } });
  await db.prisma.programme.deleteMany({ where: { id: programmeId } });
  await db.close();
});

describe("mentor status and erasure on PostgreSQL", () => {
  it("keeps a pending mentor pending through a holiday, and ends their mentorship when erased", async () => {
    const [mentor, mentee] = await Promise.all(["mentor", "mentee"].map((r) => db.prisma.person.create({ data: { displayName: `${MARK}-${r}`, roles: [r] } })));
    ids.push(mentor!.id, mentee!.id);
    const self = { role: "self", id: mentor!.id } as const;
    await saveMentorProfile(db.prisma, mentor!.id, programmeId, { languages: ["da"] }, "pending", self, NOW);
    await db.prisma.menteeProfile.create({ data: { personId: mentee!.id, programmeId, status: "matched", waitingSince: NOW } });
    await db.prisma.consent.create({ data: { personId: mentee!.id, purpose: "matching", granted: true, at: NOW } });
    matchId = (
      await db.prisma.match.create({
        data: { programmeId, menteeId: mentee!.id, mentorId: mentor!.id, startedAt: NOW, endsAt: new Date(NOW.getTime() + 180 * DAY) },
      })
    ).id;

    expect(await db.prisma.$transaction((tx) => pauseMentor(tx, mentor!.id, new Date("2000-01-01T00:00:00Z"), self, NOW))).toMatchObject({
      ok: false,
      reason: "past_date",
    });
    expect(await db.prisma.$transaction((tx) => pauseMentor(tx, mentor!.id, new Date(NOW.getTime() + DAY), self, NOW))).toMatchObject({
      ok: true,
      to: "paused",
    });
    await db.prisma.$transaction((tx) => endExpiredPauses(tx, new Date(NOW.getTime() + 2 * DAY)));
    expect((await db.prisma.mentorProfile.findUniqueOrThrow({ where: { personId: mentor!.id } })).status).toBe("pending");
    expect((await db.prisma.match.findUniqueOrThrow({ where: { id: matchId } })).status).toBe("active");

    const at = new Date(NOW.getTime() + 3 * DAY);
    // As the app erases: matchmaking ends the mentorship first (its onErase).
    await db.prisma.$transaction((tx) => erasePerson(tx, mentor!.id, at, { before: [endForErasure] }));
    expect(await db.prisma.match.findUniqueOrThrow({ where: { id: matchId } })).toMatchObject({ status: "ended", endReason: "erased", endedAt: at });
    expect(await db.prisma.matchEvent.findMany({ where: { matchId, to: "ended" } })).toEqual([expect.objectContaining({ reason: "erased" })]);
    expect((await db.prisma.menteeProfile.findUniqueOrThrow({ where: { personId: mentee!.id } })).status).toBe("waiting");
    expect(await db.prisma.outbox.findMany({ where: { recipient: mentee!.id }, select: { kind: true, payload: true } })).toEqual([
      { kind: "match_ended", payload: { key: "erase.to_mentee" } },
    ]);
  });
});
