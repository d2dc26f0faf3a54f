// The outbox sender under failure: killed half-way through a batch (a new sender finishes the job
// after the lease, nothing lost, nothing twice), a platform's retry-after, and the per-platform
// token bucket — all on a fake timer and a fixed clock, never sleeping.
import pino from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FixedClock } from "../../src/core/clock.js";
import { AdapterError } from "../../src/core/errors.js";
import type { Channel, OutboundMessage, Platform } from "../../src/core/messages.js";
import { backoffMs, createSender } from "../../src/infra/outbox/sender.js";
import { createRateLimiter, parseRateLimits, type Timer } from "../../src/infra/outbox/rate-limit.js";
import { queueDueNudges } from "../../src/capabilities/checkins/schedule.js";
import { ensureProgramme } from "../../src/infra/seed/programme.js";
import { openTestDb } from "../helpers/test-db.js";
import { seedMatch } from "./seed.js";

let db: Awaited<ReturnType<typeof openTestDb>>;
const MON = new Date("2026-11-30T09:00:00Z");
const logger = pino({ level: "silent" });

beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => db.close());
beforeEach(async () => {
  await db.reset();
  const programmeId = await ensureProgramme(db.prisma);
  for (let i = 0; i < 15; i++)
    await seedMatch(db.prisma, { startedAt: new Date("2026-11-23T08:00:00Z"), mentorName: `Mentor${i}`, menteeName: `Mentee${i}`, programmeId });
  expect(await queueDueNudges(db.prisma, MON)).toBe(30);
});

function fakeTimer(): Timer & { slept: number } {
  let now = 0;
  const t = {
    slept: 0,
    nowMs: () => now,
    sleep: async (ms: number) => {
      now += ms;
      t.slept += ms;
    },
  };
  return t;
}

const channelOf = (send: Channel["send"]) => new Map<Platform, Channel>([["console", { platform: "console", send }]]);
const sender = (clock: FixedClock, channels: Map<Platform, Channel>, workerId: string, extra = {}) =>
  createSender({ db: db.prisma, clock, logger, channels, workerId, batchSize: 20, ...extra });

describe("outbox sender", () => {
  it("killed half-way through a batch: after the lease a new sender sends the rest, nothing twice", async () => {
    const clock = new FixedClock(MON);
    const delivered: OutboundMessage[] = [];
    let hung!: () => void;
    const dying = new Promise<void>((r) => (hung = r));
    let calls = 0;
    // The first worker delivers 7 messages, then its process "dies" inside the 8th send.
    const a = sender(
      clock,
      channelOf(async (m) => {
        if (++calls > 7) {
          hung();
          return new Promise<void>(() => undefined);
        }
        delivered.push(m);
      }),
      "worker-a",
    );
    void a.drain();
    await dying;
    expect(delivered).toHaveLength(7);

    const b = sender(
      clock,
      channelOf(async (m) => void delivered.push(m)),
      "worker-b",
    );
    expect(await b.drain()).toBe(10); // the rows worker-a never claimed
    expect(delivered).toHaveLength(17);
    clock.advance(61_000); // worker-a's lease runs out
    expect(await b.drain()).toBe(13);
    expect(await b.drain()).toBe(0);
    expect(delivered).toHaveLength(30);
    expect(new Set(delivered.map((d) => d.to)).size).toBe(30);
    expect(await db.prisma.outbox.count({ where: { status: "sent" } })).toBe(30);
  });

  it("a failed send is retried with backoff; a retry-after holds that platform off, losing nothing", async () => {
    const clock = new FixedClock(MON);
    const timer = fakeTimer();
    const limiter = createRateLimiter({}, timer);
    const delivered: string[] = [];
    let failures = 0;
    const s = sender(
      clock,
      channelOf(async (m) => {
        if (delivered.length === 3 && failures === 0) {
          failures++;
          throw new AdapterError("console", "RATE_LIMITED", "429", { retryAfterMs: 30_000 });
        }
        if (delivered.length === 5 && failures === 1) {
          failures++;
          throw new AdapterError("console", "SEND_FAILED", "503");
        }
        delivered.push(m.to);
      }),
      "w",
      { rateLimiter: limiter },
    );
    expect(await s.drain()).toBe(3); // the 4th got "retry after 30 s": everything else waits too
    const held = await db.prisma.outbox.findMany({ where: { status: "pending" } });
    expect(held).toHaveLength(27);
    expect(held.every((r) => r.attempts <= 1)).toBe(true);
    clock.advance(30_000);
    timer.nowMs = () => 30_000;
    expect(await s.drain()).toBe(26); // one failed with 503 and waits for its backoff
    const [left] = await db.prisma.outbox.findMany({ where: { status: "pending" } });
    expect(left!.claimedUntil!.getTime() - clock.now().getTime()).toBe(backoffMs(left!.attempts));
    clock.set(new Date(left!.claimedUntil!.getTime() - 1));
    expect(await s.drain()).toBe(0);
    clock.advance(1);
    expect(await s.drain()).toBe(1);
    expect(new Set(delivered).size).toBe(30);
    expect(delivered).toHaveLength(30);
  });

  it("keeps each platform to its configured rate", async () => {
    const clock = new FixedClock(MON);
    const timer = fakeTimer();
    const s = sender(
      clock,
      channelOf(async () => undefined),
      "w",
      { rateLimiter: createRateLimiter(parseRateLimits("console=10"), timer) },
    );
    expect(await s.drain()).toBe(30);
    // 30 sends at 10 per second, the first one free: 2.9 s of waiting.
    expect(timer.slept).toBeCloseTo(2900, -1);
  });
});

describe("rate limits", () => {
  it("parses a spec over the defaults", () => {
    const l = parseRateLimits("slack=2:5, telegram=x, teams=3", { telegram: { perSecond: 25, burst: 5 } });
    expect(l.slack).toEqual({ perSecond: 2, burst: 5 });
    expect(l.teams).toEqual({ perSecond: 3 });
    expect(l.telegram!.perSecond).toBe(25);
  });

  it("a long hold-off is handed back instead of waited for in-line", async () => {
    const timer = fakeTimer();
    const l = createRateLimiter({ telegram: { perSecond: 5, burst: 2 } }, timer);
    expect(await Promise.all([1, 2, 3].map(() => l.acquire("telegram")))).toEqual([0, 0, 0]);
    expect(timer.slept).toBe(200);
    l.holdOff("telegram", 60_000);
    expect(await l.acquire("telegram")).toBe(60_000);
    expect(await l.acquire("slack")).toBe(0);
  });
});
