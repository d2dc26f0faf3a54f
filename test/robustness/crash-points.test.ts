// "Kill the process at random points of an intake", 100 runs in-process: the database fails at a
// random operation and the instance is dead from then on (as when the process dies mid-transaction
// or between sending a reply and confirming it); the platform redelivers the message to a fresh
// instance. Nothing committed is lost, nothing is stored twice, and the person receives exactly
// the crash-free transcript — at most the one reply in flight at the crash arrives twice.
// (test/robustness/sigkill.test.ts does the same with real processes and SIGKILL.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InboundEvent, OutboundMessage } from "../../src/core/messages.js";
import { releaseAllClaims } from "../../src/infra/outbox/outbox.js";
import type { Database } from "../../src/infra/db/database.js";
import { t } from "../../src/core/i18n/index.js";
import { seedDemo } from "../../src/infra/seed/demo-data.js";
import { ensureProgramme } from "../../src/infra/seed/programme.js";
import { createBotHarness, T0, type BotHarness } from "../helpers/bot-harness.js";
import { openTestDb } from "../helpers/test-db.js";

let db: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => db.close());

const INPUTS: (string | { action: string })[] = [
  "hej",
  { action: "lang:da" },
  { action: "role:mentee" },
  { action: "yes" },
  { action: "yes" },
  { action: "yes" },
  "Ali",
  "1",
  "6",
  "datalogi",
  "praktik",
  "IT",
  "job",
  "cv, jobsamtaler",
  "dansk, engelsk",
  "Aarhus",
  "hverdage aften",
  "i morgen",
  "video",
  "intet ønske",
  "intet ønske",
  "1",
  "nej",
  "2",
  "2",
  "2",
  { action: "summary:confirm" },
];

function event(i: number): InboundEvent {
  const input = INPUTS[i]!;
  return { from: "console:crash", eventId: `crash-${i}`, ...(typeof input === "string" ? { text: input } : input) };
}

/** A client whose n-th database operation fails like a dropped connection, and every later one too: the process is gone. */
function dyingAt(base: Database, n: number): { db: Database; fatal: () => string | undefined } {
  let count = 0;
  let fatal: string | undefined;
  const prisma = base.prisma.$extends({
    query: {
      async $allOperations({ operation, args, query }) {
        if (fatal !== undefined || ++count === n) {
          fatal ??= `${operation} ${JSON.stringify(args ?? "").slice(0, 120)}`;
          throw new Error("Connection terminated unexpectedly");
        }
        return query(args);
      },
    },
  }) as unknown as Database["prisma"];
  return { db: { ...base, prisma }, fatal: () => fatal };
}

function rng(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

/** One intake with the database dying at operation `failAt`; what the person received, in order. */
async function intake(failAt: number): Promise<{ received: string[]; crashes: number; fatal?: string }> {
  await db.reset();
  await seedDemo(db.prisma, await ensureProgramme(db.prisma), T0);
  const received: string[] = [];
  const instances: { bot: BotHarness; seen: number }[] = [];
  // Direct replies are logged as delivered; outbox deliveries are appended after each call, in call order.
  const sync = () => {
    for (const i of instances) {
      received.push(
        ...i.bot.delivered
          .slice(i.seen)
          .filter((m) => m.to === "console:crash")
          .map((m) => m.text),
      );
      i.seen = i.bot.delivered.length;
    }
  };
  const deliver = async (m: OutboundMessage) => void (m.to === "console:crash" && received.push(m.text));
  const dying = dyingAt(db, failAt);
  let crashes = 0;
  const fresh = async () => {
    // What main.ts does on the embedded database: the dead process's claims go back, and what it
    // left unsent goes out before new messages are taken.
    crashes++;
    await releaseAllClaims(db.prisma);
    const bot = await createBotHarness(db);
    // A restart takes a moment: a reply journalled a millisecond after the step (replies keep their
    // order by due time) is due by then, as it is for a real process started after a crash.
    bot.clock.advance(1_000);
    instances.push({ bot, seen: 0 });
    await bot.app.sender.drain();
    sync();
    return bot;
  };
  let bot: BotHarness;
  try {
    bot = await createBotHarness(dying.db);
    instances.push({ bot, seen: 0 });
  } catch {
    bot = await fresh();
  }
  for (let i = 0; i < INPUTS.length; i++) {
    if (dying.fatal() !== undefined && instances.length === 1) bot = await fresh(); // died after answering
    try {
      await bot.app.core.handle(event(i), deliver);
    } catch {
      // The platform redelivers the same update to the new instance.
      sync();
      bot = await fresh();
      await bot.app.core.handle(event(i), deliver);
    }
    sync();
  }
  if (dying.fatal() !== undefined && instances.length === 1) bot = await fresh();
  // The scheduler's next tick finishes follow-up work (on a new instance if this one dies in it).
  await bot.app.tick().catch(async () => {
    sync();
    bot = await fresh();
    await bot.app.tick();
  });
  sync();
  return { received, crashes, fatal: dying.fatal() };
}

/** Drops a message that repeats the one before it; returns the list and how many were dropped. */
function collapse(list: string[]): { list: string[]; repeats: number } {
  const out = list.filter((m, i) => i === 0 || m !== list[i - 1]);
  return { list: out, repeats: list.length - out.length };
}

const UNAVAILABLE = t("da", "common.unavailable");

describe("crash at random points of an intake", () => {
  it("100 runs: resumes at the same step, stores everything exactly once, loses no reply", async () => {
    const reference = (await intake(Number.MAX_SAFE_INTEGER)).received;
    expect(reference.length).toBeGreaterThan(INPUTS.length);
    expect(collapse(reference).repeats).toBe(0);
    const random = rng(42);
    let crashes = 0;
    let inFlightRepeats = 0;
    for (let run = 0; run < 100; run++) {
      const failAt = 1 + Math.floor(random() * 420);
      const r = await intake(failAt);
      crashes += r.crashes;
      const ctx = `run ${run}, dying at operation ${failAt}: ${r.fatal ?? "no crash"}`;
      expect(await db.prisma.menteeProfile.count(), ctx).toBe(1);
      expect(await db.prisma.consent.count({ where: { person: { identities: { some: { externalId: "console:crash" } } } } }), ctx).toBe(3);
      expect(await db.prisma.selfAssessment.count(), ctx).toBe(1);
      expect(await db.prisma.proposal.count(), ctx).toBe(1);
      const outbox = await db.prisma.outbox.findMany({ select: { dedupeKey: true, status: true } });
      expect(
        outbox.filter((o) => o.status !== "sent"),
        ctx,
      ).toEqual([]);
      // The person saw the whole conversation in order; only the reply being confirmed at the crash may repeat.
      // A lost connection (not a dead process) also tells the person to wait: that is the point of it.
      const { list, repeats } = collapse(r.received.filter((m) => m !== UNAVAILABLE));
      expect(list, ctx).toEqual(reference);
      expect(repeats, ctx).toBeLessThanOrEqual(1);
      if (repeats) expect(r.fatal, ctx).toMatch(/executeRaw.*sent/);
      inFlightRepeats += repeats;
    }
    expect(crashes).toBeGreaterThan(50);
    console.log(`crash-points: ${crashes} crashes in 100 runs, ${inFlightRepeats} reply repeated (in flight at the crash)`);
  }, 600_000);
});
