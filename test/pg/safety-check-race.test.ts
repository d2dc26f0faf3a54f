// The gentle safety check on a real server, two instances at once (two connection pools, so the
// transactions truly overlap): possible-risk messages from one person open one check, the others
// are counted on it; the hour's timeout run by both instances raises one low alert; an answer
// racing the timeout is recorded once and leaves one alert.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerCheck, askCheck, expireChecks, type RiskRecord } from "../../src/capabilities/escalation/safety-question.js";
import { openTestDb } from "../helpers/test-db.js";

const URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
let a: Awaited<ReturnType<typeof openTestDb>>;
let b: Awaited<ReturnType<typeof openTestDb>>;

beforeAll(async () => {
  a = await openTestDb(URL);
  b = await openTestDb(URL);
});
afterAll(async () => {
  await a?.close();
  await b?.close();
});

const NOW = new Date("2026-11-24T10:00:00Z");
const LATER = new Date(NOW.getTime() + 61 * 60_000);
const WAIT = { maxWait: 120_000, timeout: 120_000 };
const rec = (personId: string, i: number): RiskRecord => ({
  dedupeKey: `risk:${personId}:c${i}`,
  personId,
  severity: "medium",
  topic: "hopelessness",
  source: "chat",
  excerpt: `message ${i}`,
});

describe("safety checks at once (PostgreSQL)", () => {
  it("ten possible-risk messages over two instances → one check counting ten; the timeout on both → one low alert", async () => {
    const person = await a.prisma.person.create({ data: { displayName: "Sam" } });
    const asked = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).prisma.$transaction((tx) => askCheck(tx, rec(person.id, i), NOW), WAIT)),
    );
    expect(asked.filter((x) => x.state === "asked")).toHaveLength(1);
    const rows = await a.prisma.escalation.findMany({ where: { personId: person.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "checking", occurrences: 10, grade: "possible" });

    const expired = await Promise.all([a, b, a, b].map((db) => db.prisma.$transaction((tx) => expireChecks(tx, LATER), WAIT)));
    // Other tests' checks on the same server are not this person's: count this row only.
    expect(await a.prisma.auditLog.count({ where: { action: "escalation.check_unanswered", subjectId: person.id } })).toBe(1);
    expect(expired.reduce((s, n) => s + n, 0)).toBeGreaterThanOrEqual(1);
    expect(await a.prisma.escalation.findUniqueOrThrow({ where: { id: rows[0]!.id } })).toMatchObject({
      status: "open",
      severity: "low",
      answer: "no_answer",
    });
  });

  it("“not safe” racing the timeout: one alert row, high, with the answer", async () => {
    const person = await a.prisma.person.create({ data: { displayName: "Ali" } });
    const { id } = await a.prisma.$transaction((tx) => askCheck(tx, rec(person.id, 100), NOW));
    const esc = await a.prisma.escalation.findUniqueOrThrow({ where: { id } });
    await Promise.all([
      a.prisma.$transaction((tx) => answerCheck(tx, esc, "not_safe", LATER), WAIT),
      b.prisma.$transaction((tx) => expireChecks(tx, LATER), WAIT),
    ]);
    const rows = await a.prisma.escalation.findMany({ where: { personId: person.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "open", severity: "high", answer: "not_safe" });
  });
});
