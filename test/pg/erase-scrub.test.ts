// On a PostgreSQL server the scrub after an erasure is a plain VACUUM (ANALYZE) (src/infra/db/scrub.ts):
// no erased value stays in the planner statistics (pg_stats, which ANALYZE fills with sampled
// values), it runs at the next start when the process died before it, and a table another session
// holds locked is skipped instead of stalling the instance. Own marked people, removed afterwards.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../src/infra/db/database.js";
import { SCRUB_PENDING } from "../../src/infra/db/scrub.js";
import { erasePerson } from "../../src/infra/people/erase.js";

const URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const NAME = `Zyx${randomUUID().slice(0, 8)}quorbel`;
const OTHER = `Stays-${randomUUID().slice(0, 8)}`;
let db: Database;

beforeAll(async () => {
  db = await openDatabase({ dataDir: "memory://", databaseUrl: URL, startTimeoutMs: 60_000 });
});
afterAll(async () => {
  await db.prisma.person.deleteMany({ where: { displayName: { in: [NAME, OTHER] } } });
  await db.close();
});

/** Whether the planner statistics of Person.displayName hold `value` (most common values or histogram). */
async function inStats(value: string): Promise<boolean> {
  const rows = await db.prisma.$queryRaw<{ s: string }[]>`
    SELECT coalesce(most_common_vals::text, '') || coalesce(histogram_bounds::text, '') AS s
    FROM pg_stats WHERE schemaname = current_schema() AND tablename = 'Person' AND attname = 'displayName'`;
  return rows.some((r) => r.s.includes(value));
}

describe("scrub after erasure on PostgreSQL", () => {
  it("drops erased names from the statistics, at the next start when the process died first", async () => {
    // Forty people of one name: the most common value, whatever else the table holds; others stay.
    await db.prisma.person.createMany({ data: Array.from({ length: 40 }, () => ({ displayName: NAME })) });
    await db.prisma.person.createMany({ data: Array.from({ length: 5 }, () => ({ displayName: OTHER })) });
    await db.prisma.$executeRawUnsafe(`ANALYZE "Person"`);
    expect(await inStats(NAME)).toBe(true);
    const ids = (await db.prisma.person.findMany({ where: { displayName: NAME }, select: { id: true } })).map((p) => p.id);
    for (const id of ids) await db.prisma.$transaction((tx) => erasePerson(tx, id, new Date()));
    expect(await inStats(NAME)).toBe(true);
    // The erasing process is gone; the next instance to start scrubs.
    const next = await openDatabase({ dataDir: "memory://", databaseUrl: URL, startTimeoutMs: 60_000 });
    await next.close();
    expect(await inStats(NAME)).toBe(false);
    expect(await db.prisma.setting.count({ where: { key: SCRUB_PENDING } })).toBe(0);
  });

  it("skips a table another session holds locked instead of waiting for it", async () => {
    const person = await db.prisma.person.create({ data: { displayName: NAME } });
    await db.prisma.$transaction((tx) => erasePerson(tx, person.id, new Date()));
    const other = new pg.Client({ connectionString: URL });
    await other.connect();
    try {
      await other.query(`BEGIN; LOCK TABLE "Goal" IN ACCESS EXCLUSIVE MODE`);
      const done = await db.scrub.runIfPending();
      expect(done).toMatchObject({ mode: "vacuum", failed: 0 });
      expect(await db.prisma.setting.count({ where: { key: SCRUB_PENDING } })).toBe(0);
    } finally {
      await other.query("ROLLBACK");
      await other.end();
    }
  });
});
