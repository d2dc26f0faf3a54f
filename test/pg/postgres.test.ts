// PostgreSQL integration: migrations at start-up (two instances at once), a conversation through
// the real core, and outbox claims by two workers that never overlap.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/infra/db/database.js";
import { claimDue, enqueue } from "../../src/infra/outbox/outbox.js";
import { createBotHarness } from "../helpers/bot-harness.js";
import { openTestDb } from "../helpers/test-db.js";

const URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
let db: Awaited<ReturnType<typeof openTestDb>>;

beforeAll(async () => {
  // Two instances starting at once both apply (or skip) migrations without error.
  const [a, b] = await Promise.all([openDatabase({ dataDir: "x", databaseUrl: URL }), openDatabase({ dataDir: "x", databaseUrl: URL })]);
  expect(a.kind).toBe("postgres");
  await Promise.all([a.close(), b.close()]);
  db = await openTestDb(URL);
  await db.reset();
});
afterAll(async () => db?.close());

describe("PostgreSQL", () => {
  it("runs a conversation and stores the answers", async () => {
    const bot = await createBotHarness(db);
    await bot.say("console:pg", "hej");
    await bot.say("console:pg", { action: "lang:da" });
    await bot.say("console:pg", { action: "role:mentee" });
    const r = await bot.say("console:pg", { action: "yes" });
    expect(r[0]!.text).toContain("kontaktoplysninger");
    const consent = await db.prisma.consent.findMany();
    expect(consent.map((c) => [c.purpose, c.granted])).toEqual([["matching", true]]);
  });

  it("two workers claim disjoint outbox rows, and duplicates are never queued", async () => {
    const now = new Date("2026-11-24T10:00:00Z");
    const items = Array.from({ length: 200 }, (_, i) => ({ dedupeKey: `k${i}`, recipient: "p", kind: "test", payload: { key: "x" }, dueAt: now }));
    expect(await enqueue(db.prisma, items)).toBe(200);
    expect(await enqueue(db.prisma, items)).toBe(0);
    const other = await openTestDb(URL);
    const claims = await Promise.all(Array.from({ length: 8 }, (_, i) => claimDue(i % 2 ? db.prisma : other.prisma, `w${i}`, now, 40)));
    const ids = claims.flat().map((r) => r.id);
    expect(ids.length).toBe(200);
    expect(new Set(ids).size).toBe(200);
    await other.close();
  });
});
