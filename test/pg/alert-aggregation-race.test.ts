// Risky messages from one person raised at the same moment by two instances (two connection pools
// on a real server, so the transactions truly overlap) end in one open alert that counts them all,
// and a resolve racing a raise never leaves two open alerts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { raiseEscalation, riskOpenKey, type RaiseInput } from "../../src/infra/alerts/raise.js";
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

const NOW = new Date("2026-11-24T10:00:00Z");
// Twenty transactions queue for a small pool on a busy machine: waiting is fine, failing is not.
const WAIT = { maxWait: 120_000, timeout: 120_000 };
const input = (personId: string, i: number): RaiseInput => ({
  dedupeKey: `risk:${personId}:e${i}`,
  openKey: riskOpenKey(personId),
  kind: "risk",
  severity: i % 5 === 4 ? "high" : "medium",
  personId,
  excerpt: `message ${i}`,
});

describe("risk alerts raised at once (PostgreSQL)", () => {
  it("twenty raises over two instances → one open alert with twenty occurrences, raised to high once", async () => {
    const person = await a.prisma.person.create({ data: { displayName: "Sam" } });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).prisma.$transaction((tx) => raiseEscalation(tx, input(person.id, i), NOW), WAIT)),
    );
    const rows = await a.prisma.escalation.findMany({ where: { personId: person.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ occurrences: 20, status: "open", severity: "high" });
    expect(results.filter((r) => r.created)).toHaveLength(1);
    // Raised from medium at most once, whichever high message came first (none if a high one opened it).
    expect(results.filter((r) => r.raisedSeverity).length).toBeLessThanOrEqual(1);
  });

  it("a resolve racing new raises leaves at most one open alert, and nothing is lost", async () => {
    const person = await a.prisma.person.create({ data: { displayName: "Ali" } });
    const first = await a.prisma.$transaction((tx) => raiseEscalation(tx, input(person.id, 100), NOW));
    const resolve = b.prisma.escalation.updateMany({
      where: { id: first.id, status: { not: "resolved" } },
      data: { status: "resolved", openKey: null, resolvedAt: NOW },
    });
    await Promise.all([
      resolve,
      ...Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).prisma.$transaction((tx) => raiseEscalation(tx, input(person.id, 101 + i), NOW), WAIT)),
    ]);
    const rows = await a.prisma.escalation.findMany({ where: { personId: person.id } });
    expect(rows.filter((r) => r.status !== "resolved")).toHaveLength(rows.length - 1);
    expect(rows.filter((r) => r.status !== "resolved").length).toBeLessThanOrEqual(1);
    expect(rows.reduce((n, r) => n + r.occurrences, 0)).toBe(11);
  });
});
