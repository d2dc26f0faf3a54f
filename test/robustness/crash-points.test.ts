// "Kill the process at random points of an intake", 100 runs: the database fails at a random
// operation (as it would when the process dies mid-transaction), the platform redelivers the
// message to a fresh instance, and at the end nothing is lost, nothing is stored or sent twice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InboundEvent } from "../../src/core/messages.js";
import type { Database } from "../../src/db/database.js";
import { seedDemo } from "../../src/seed/demo-data.js";
import { ensureProgramme } from "../../src/seed/programme.js";
import { createBotHarness, T0 } from "../helpers/bot-harness.js";
import { openTestDb } from "../helpers/test-db.js";

let db: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => db.close());

const INPUTS: (string | { action: string })[] = ["hej", { action: "lang:da" }, { action: "role:mentee" }, { action: "yes" }, { action: "yes" }, { action: "yes" }, "Ali", "1", "6", "datalogi", "praktik", "IT", "job", "cv, jobsamtaler", "dansk, engelsk", "Aarhus", "hverdage aften", "i morgen", "video", "intet ønske", "intet ønske", "1", "nej", "2", "2", "2", { action: "summary:confirm" }];

function event(i: number): InboundEvent {
  const input = INPUTS[i]!;
  return { from: "console:crash", eventId: `crash-${i}`, ...(typeof input === "string" ? { text: input } : input) };
}

/** A client whose n-th database operation fails like a dropped connection. */
function failingAt(base: Database, n: number): Database {
  let count = 0;
  const prisma = base.prisma.$extends({
    query: {
      async $allOperations({ args, query }) {
        if (++count === n) throw new Error("Connection terminated unexpectedly");
        return query(args);
      },
    },
  }) as unknown as Database["prisma"];
  return { ...base, prisma };
}

function rng(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

describe("crash at random points of an intake", () => {
  it("100 runs: resumes at the same step, stores everything exactly once, sends nothing twice", async () => {
    const random = rng(42);
    let crashes = 0;
    for (let run = 0; run < 100; run++) {
      await db.reset();
      await seedDemo(db.prisma, await ensureProgramme(db.prisma), T0);
      const failAt = 1 + Math.floor(random() * 400);
      let bot = await createBotHarness(failingAt(db, failAt)).catch(() => createBotHarness(db));
      const replies: string[][] = [];
      for (let i = 0; i < INPUTS.length; i++) {
        let out;
        try {
          out = await bot.app.core.handle(event(i));
        } catch {
          // The instance died; a new one gets the platform's redelivery of the same update.
          crashes++;
          bot = await createBotHarness(db);
          out = await bot.app.core.handle(event(i));
        }
        replies.push(out.map((m) => m.text));
      }
      // The scheduler's next tick (on whichever instance is alive) finishes follow-up work.
      await bot.app.tick().catch(async () => {
        crashes++;
        bot = await createBotHarness(db);
        await bot.app.tick();
      });
      const ctx = `run ${run}, failing at operation ${failAt}`;
      expect(await db.prisma.menteeProfile.count(), ctx).toBe(1);
      expect(await db.prisma.consent.count({ where: { person: { identities: { some: { externalId: "console:crash" } } } } }), ctx).toBe(3);
      expect(await db.prisma.selfAssessment.count(), ctx).toBe(1);
      expect(await db.prisma.proposal.count(), ctx).toBe(1);
      const outbox = await db.prisma.outbox.findMany({ select: { dedupeKey: true, status: true } });
      expect(outbox.every((o) => o.status === "sent"), ctx).toBe(true);
      // Every message got its answer exactly once (a committed one is not answered again).
      const last = replies.at(-1)!.join(" ");
      expect(last.includes("Tak, Ali!") || replies.flat().filter((r) => r.startsWith("Tak, Ali!")).length === 1, ctx).toBe(true);
      expect(replies.flat().filter((r) => r.startsWith("Tak, Ali!")).length, ctx).toBeLessThanOrEqual(1);
    }
    expect(crashes).toBeGreaterThan(50);
  }, 600_000);
});
