// Two matching runs at once on PostgreSQL never hand out more than a mentor's capacity.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runMatching } from "../../src/capabilities/matchmaking/run-matching.js";
import { openTestDb } from "../helpers/test-db.js";

const URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
let a: Awaited<ReturnType<typeof openTestDb>>;
let b: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  a = await openTestDb(URL);
  b = await openTestDb(URL);
  await a.reset();
});
afterAll(async () => {
  await a?.close();
  await b?.close();
});

describe("concurrent matching on PostgreSQL", () => {
  it("never exceeds capacity", async () => {
    const now = new Date("2026-11-24T10:00:00Z");
    const prog = await a.prisma.programme.create({ data: { slug: "pg-cap", name: "pg", approvalMode: "direct" } });
    const person = async (role: string, i: number) =>
      a.prisma.person.create({ data: { displayName: `${role}${i}`, roles: [role], consents: { create: { purpose: "matching", granted: true, at: now } } } });
    for (let i = 0; i < 3; i++) {
      const m = await person("mentor", i);
      await a.prisma.mentorProfile.create({
        data: { personId: m.id, programmeId: prog.id, industry: "it", municipality: "aarhus", languages: ["da"], capacity: 2, status: "active" },
      });
    }
    for (let i = 0; i < 20; i++) {
      const m = await person("mentee", i);
      await a.prisma.menteeProfile.create({
        data: { personId: m.id, programmeId: prog.id, industries: ["it"], municipality: "aarhus", languages: ["da"], status: "waiting", waitingSince: now },
      });
    }
    const runs = await Promise.all([
      runMatching(a.prisma, prog.id, now),
      runMatching(b.prisma, prog.id, now),
      runMatching(a.prisma, prog.id, now),
      runMatching(b.prisma, prog.id, now),
    ]);
    expect(runs.reduce((x, y) => x + y, 0)).toBe(6);
    const perMentor = await a.prisma.proposal.groupBy({ by: ["mentorId"], _count: { _all: true } });
    expect(perMentor).toHaveLength(3);
    for (const p of perMentor) expect(p._count._all).toBe(2);
    const perMentee = await a.prisma.proposal.groupBy({ by: ["menteeId"], _count: { _all: true } });
    expect(perMentee.every((p) => p._count._all === 1)).toBe(true);
  });
});
