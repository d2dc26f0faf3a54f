// Issue 13, point 7: a quick burst from one person lost messages ("Sorry …" after a lost seq race,
// and a 200 so the platform never redelivered). Through the real core on PGlite: 50 messages at
// the same moment from one person, from ten people, and as the very first messages of a new
// person — every message stored once, processed in the order it arrived, answered exactly once,
// and never with an apology.
import pino from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ALL_CAPABILITIES } from "../../src/capabilities/index.js";
import { createApp, type App } from "../../src/app.js";
import { FixedClock } from "../../src/core/clock.js";
import type { Channel, OutboundMessage, Platform } from "../../src/core/messages.js";
import { createSerialQueues } from "../../src/core/serial-queue.js";
import { ensureProgramme } from "../../src/infra/seed/programme.js";
import { T0 } from "../helpers/bot-harness.js";
import { answerProblems, burst, recorded, recorder, stepRuns, storedCounts } from "../helpers/burst-rig.js";
import { openTestDb } from "../helpers/test-db.js";

let db: Awaited<ReturnType<typeof openTestDb>>;
let app: App;
const later: OutboundMessage[] = [];
const N = 50;
const inOrder = Array.from({ length: N }, (_, j) => `m${String(j).padStart(2, "0")}`);

beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => db.close());
beforeEach(async () => {
  await db.reset();
  await ensureProgramme(db.prisma);
  later.length = 0;
  const channels = new Map<Platform, Channel>([["console", { platform: "console", send: async (m) => void later.push(m) }]]);
  app = createApp({
    db: db.prisma,
    clock: new FixedClock(T0),
    logger: pino({ level: "silent" }),
    channels,
    defaultLocale: "da",
    codes: { coordinator: "coord-secret" },
    workerId: "burst",
    capabilities: [...ALL_CAPABILITIES, recorder],
  });
});

async function startRecording(people: string[]): Promise<void> {
  for (const from of people) expect((await app.core.handle({ from, text: "record" })).map((m) => m.text)).toEqual(["recording"]);
}

describe("a burst from one person is handled one message at a time, in arrival order", { timeout: 120_000 }, () => {
  it("50 messages at once from one person: all stored once, in order, each answered once", async () => {
    const from = "console:quick-typist";
    await startRecording([from]);
    const events = await burst([app.core], [from], N, "one");
    expect(answerProblems(events)).toEqual([]);
    expect(events.flatMap((e) => e.failures)).toEqual([]);
    for (const e of events) expect(e.attempts[0]!.map((m) => m.text)).toEqual([`noted ${e.event.text}`]);
    // Each step ran once, on the state the previous one left: none was computed and thrown away.
    expect(events.filter((e) => stepRuns.get(e.event.eventId!) !== 1)).toEqual([]);
    expect(await recorded(db.prisma, from)).toEqual({ texts: inOrder, seq: N + 1 });
    expect(await storedCounts(db.prisma, "one")).toEqual({ events: N, answeredEvents: N });
    // The replies went out with the answers; nothing was left for the outbox to send again.
    expect(later).toEqual([]);
  });

  it("50 messages at once from each of ten people: every person's messages stored once, in order", async () => {
    const people = Array.from({ length: 10 }, (_, i) => `console:burst-${i}`);
    await startRecording(people);
    const events = await burst([app.core], people, N, "ten");
    expect(answerProblems(events)).toEqual([]);
    expect(events.flatMap((e) => e.failures)).toEqual([]);
    for (const from of people) expect(await recorded(db.prisma, from)).toEqual({ texts: inOrder, seq: N + 1 });
    expect(events.filter((e) => stepRuns.get(e.event.eventId!) !== 1)).toEqual([]);
    expect(await storedCounts(db.prisma, "ten")).toEqual({ events: 10 * N, answeredEvents: 10 * N });
  });

  it("50 first messages at once from a brand-new person: one person, every message stored and answered once", async () => {
    const from = "console:brand-new";
    const events = await burst([app.core], [from], N, "new", () => "hej");
    expect(answerProblems(events)).toEqual([]);
    expect(await db.prisma.identity.count({ where: { externalId: from } })).toBe(1);
    expect(await db.prisma.person.count()).toBe(1);
    expect((await db.prisma.conversation.findFirstOrThrow()).seq).toBe(N);
    expect(await storedCounts(db.prisma, "new")).toEqual({ events: N, answeredEvents: N });
  });

  it("a redelivery of a burst's events stores and answers nothing twice", async () => {
    const from = "console:redelivered";
    await startRecording([from]);
    await burst([app.core], [from], 10, "again");
    const replay = await burst([app.core], [from], 10, "again");
    expect(replay.flatMap((e) => e.attempts.flat())).toEqual([]);
    expect((await recorded(db.prisma, from)).texts).toEqual(inOrder.slice(0, 10));
  });
});

describe("serial queues", { timeout: 120_000 }, () => {
  it("run one key's tasks in call order, other keys alongside, and forget a key when idle", async () => {
    const q = createSerialQueues();
    const log: string[] = [];
    const gates = new Map<string, () => void>();
    const task = (name: string) => () => new Promise<string>((resolve) => gates.set(name, () => (log.push(name), resolve(name))));
    const a1 = q.run("a", task("a1"));
    const a2 = q.run("a", task("a2"));
    const failing = q.run("a", () => Promise.reject(new Error("boom")));
    const a3 = q.run("a", task("a3"));
    const b1 = q.run("b", task("b1"));
    await Promise.resolve();
    await Promise.resolve();
    // Only the head of each key has started.
    expect([...gates.keys()].sort()).toEqual(["a1", "b1"]);
    gates.get("b1")!();
    gates.get("a1")!();
    await a1;
    await new Promise((r) => setImmediate(r));
    expect([...gates.keys()].sort()).toEqual(["a1", "a2", "b1"]);
    gates.get("a2")!();
    await expect(failing).rejects.toThrow("boom");
    await new Promise((r) => setImmediate(r));
    gates.get("a3")!();
    expect(await Promise.all([a2, a3, b1])).toEqual(["a2", "a3", "b1"]);
    expect(log).toEqual(["b1", "a1", "a2", "a3"]);
    await new Promise((r) => setImmediate(r));
    expect(q.size).toBe(0);
  });
});
