// On PostgreSQL: erasing a person rewrites dedupe keys and audit details that name them (raw SQL),
// and the programme report computes on a server database. The shared `test` database is used by
// others: this test creates its own programme and people (marked) and removes them afterwards.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { erasePerson } from "../../src/infra/people/erase.js";
import { computeReport } from "../../src/capabilities/reports/compute.js";
import { parsePeriod } from "../../src/capabilities/reports/period.js";
import { openTestDb } from "../helpers/test-db.js";

const URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const MARK = `h8-${randomUUID().slice(0, 8)}`;
const NOW = new Date("2001-03-01T09:00:00Z");
let db: Awaited<ReturnType<typeof openTestDb>>;
let programmeId = "";
let matchId = "";

beforeAll(async () => {
  db = await openTestDb(URL);
  programmeId = (await db.prisma.programme.create({ data: { slug: MARK, name: MARK } })).id;
});

afterAll(async () => {
  await db.prisma.escalation.deleteMany({ where: { dedupeKey: { startsWith: MARK } } });
  await db.prisma.auditLog.deleteMany({ where: { action: MARK } });
  await db.prisma.checkIn.deleteMany({ where: { matchId } });
  await db.prisma.outcome.deleteMany({ where: { matchId } });
  await db.prisma.match.deleteMany({ where: { programmeId } });
  await db.prisma.person.deleteMany({ where: { displayName: { startsWith: MARK } } });
  await db.prisma.programme.deleteMany({ where: { id: programmeId } });
  await db.close();
});

describe("erase and report on PostgreSQL", () => {
  it("leaves no trace of the person's id in keys and details; statistics stay", async () => {
    const [mentee, mentor] = await Promise.all(["mentee", "mentor"].map((r) => db.prisma.person.create({ data: { displayName: `${MARK}-${r}`, roles: [r] } })));
    const id = mentee!.id;
    matchId = (
      await db.prisma.match.create({
        data: {
          programmeId,
          menteeId: id,
          mentorId: mentor!.id,
          status: "ended",
          startedAt: new Date("2001-01-01T09:00:00Z"),
          endsAt: new Date("2001-07-01T09:00:00Z"),
          endedAt: new Date("2001-02-01T09:00:00Z"),
        },
      })
    ).id;
    await db.prisma.escalation.create({
      data: { dedupeKey: `${MARK}:human:${id}:2001-01-10`, kind: "human_requested", severity: "medium", personId: id, createdAt: NOW },
    });
    await db.prisma.auditLog.create({ data: { action: MARK, details: { note: `about ${id}` }, at: NOW } });
    await db.prisma.outcome.create({ data: { matchId, menteeId: id, category: "job", date: new Date("2001-02-01T09:00:00Z"), targetGroup: "new_graduate" } });
    await db.prisma.$transaction((tx) => erasePerson(tx, id, NOW));
    const esc = await db.prisma.escalation.findFirstOrThrow({ where: { dedupeKey: { startsWith: MARK } } });
    expect(esc.dedupeKey).not.toContain(id);
    expect(esc.dedupeKey).toMatch(/:human:anon-/);
    expect(JSON.stringify((await db.prisma.auditLog.findFirstOrThrow({ where: { action: MARK } })).details)).not.toContain(id);
    // No statistics consent: the target group goes, the category stays.
    expect(await db.prisma.outcome.findUniqueOrThrow({ where: { matchId } })).toMatchObject({ category: "job", targetGroup: null });
  });

  it("computes a report", async () => {
    const report = await computeReport(db.prisma, parsePeriod("2001-01-01 2001-02-28", NOW)!, NOW);
    const mine = report.programmes.find((p) => p.id === programmeId)!;
    expect(mine.figures).toMatchObject({ matchesStarted: 1, ended: 1, outcomes: { n: 1, byCategory: { job: 1 } } });
  });
});
