// Check-in fan-out benchmark: 10,000 active matches, one week's nudges queued, then sent to a
// fake platform server that enforces a rate limit (429 + Retry-After above it).
//   npm run bench:fanout [-- --matches 10000 --rate 500 --concurrency 8]
// Prints: time to queue the week's nudges (and that queueing again, or from two connections at
// once, adds nothing), the achieved send rate against the configured limit, 429s seen, and
// duplicates received by the platform (must be 0).
// Embedded PGlite by default; with DATABASE_URL the PostgreSQL server (rows are dated 2001 and
// removed afterwards, so a shared database is left as it was).
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import pino from "pino";
import { AdjustableClock } from "../src/core/clock.js";
import { AdapterError } from "../src/core/errors.js";
import type { Channel, Platform } from "../src/core/messages.js";
import { openDatabase, type Database } from "../src/infra/db/database.js";
import { createRateLimiter } from "../src/infra/outbox/rate-limit.js";
import { createSender } from "../src/infra/outbox/sender.js";
import { queueDueNudges } from "../src/capabilities/checkins/index.js";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const MATCHES = arg("matches", 10_000);
const RATE = arg("rate", 500);
const CONCURRENCY = arg("concurrency", 8);
const NOW = new Date("2001-01-08T09:00:00Z"); // Monday 10:00 in Copenhagen, week 2 of every match
const MARK = `bench-${randomUUID().slice(0, 8)}`;

function chunks<T>(xs: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

async function seed(db: Database["prisma"]): Promise<{ programmeId: string; people: string[] }> {
  const programmeId = (await db.programme.create({ data: { slug: MARK, name: MARK } })).id;
  const people: string[] = [];
  const matches = [];
  for (let i = 0; i < MATCHES; i++) {
    const mentor = randomUUID();
    const mentee = randomUUID();
    people.push(mentor, mentee);
    matches.push({
      programmeId,
      mentorId: mentor,
      menteeId: mentee,
      startedAt: new Date("2000-12-25T08:00:00Z"),
      endsAt: new Date("2001-06-25T08:00:00Z"),
      checkinWeekday: 1,
    });
  }
  for (const ids of chunks(people, 5000)) {
    await db.person.createMany({ data: ids.map((id, j) => ({ id, displayName: `P${j}`, roles: [] })) });
    await db.identity.createMany({ data: ids.map((id) => ({ personId: id, externalId: `telegram:${MARK}-${id}`, platform: "telegram" })) });
  }
  for (const ms of chunks(matches, 5000)) await db.match.createMany({ data: ms });
  return { programmeId, people };
}

/** A platform that accepts `rate` messages per second (burst 10) and answers 429 above it. */
function fakePlatform(rate: number) {
  const received = new Map<string, number>();
  let tokens = 10;
  let at = performance.now();
  let tooMany = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = "";
    req.on("data", (d) => (body += d));
    req.on("end", () => {
      const now = performance.now();
      tokens = Math.min(10, tokens + ((now - at) * rate) / 1000);
      at = now;
      if (tokens < 1) {
        tooMany++;
        res.writeHead(429, { "retry-after": "1" }).end();
        return;
      }
      tokens -= 1;
      const { to } = JSON.parse(body) as { to: string };
      received.set(to, (received.get(to) ?? 0) + 1);
      res.writeHead(200).end("{}");
    });
  });
  return { server, received, tooMany: () => tooMany };
}

async function main(): Promise<void> {
  const database = await openDatabase({ dataDir: "memory://", databaseUrl: process.env.DATABASE_URL, startTimeoutMs: 120_000 });
  const db = database.prisma;
  let t = performance.now();
  const { programmeId, people } = await seed(db);
  console.log(`seeded ${MATCHES} active matches (${people.length} people) in ${((performance.now() - t) / 1000).toFixed(1)} s [${database.kind}]`);

  t = performance.now();
  const queued = await queueDueNudges(db, NOW, { programmeId });
  const queueMs = performance.now() - t;
  console.log(`queue one week's nudges: ${queued} in ${(queueMs / 1000).toFixed(2)} s (${Math.round(queued / (queueMs / 1000))}/s)`);
  t = performance.now();
  const again = await queueDueNudges(db, NOW, { programmeId });
  console.log(`queue again (restart, next tick): ${again} new in ${((performance.now() - t) / 1000).toFixed(2)} s`);
  if (database.kind === "postgres") {
    const other = await openDatabase({ dataDir: "memory://", databaseUrl: process.env.DATABASE_URL });
    const both = await Promise.all([queueDueNudges(db, NOW, { programmeId }), queueDueNudges(other.prisma, NOW, { programmeId })]);
    console.log(`two instances at once: ${both[0] + both[1]} new`);
    await other.close();
  }

  const platform = fakePlatform(RATE);
  await new Promise<void>((r) => platform.server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(platform.server.address() as AddressInfo).port}/send`;
  const channel: Channel = {
    platform: "telegram",
    async send(m) {
      const res = await fetch(url, { method: "POST", body: JSON.stringify({ to: m.to, text: m.text }) });
      if (res.status === 429) throw new AdapterError("telegram", "RATE_LIMITED", "429", { retryAfterMs: Number(res.headers.get("retry-after") ?? 1) * 1000 });
      if (!res.ok) throw new AdapterError("telegram", "SEND_FAILED", String(res.status));
    },
  };
  const clock = new AdjustableClock(undefined, NOW);
  const sender = createSender({
    db,
    clock,
    logger: pino({ level: "silent" }),
    channels: new Map<Platform, Channel>([["telegram", channel]]),
    workerId: MARK,
    batchSize: 200,
    concurrency: CONCURRENCY,
    rateLimiter: createRateLimiter({ telegram: { perSecond: RATE, burst: 5 } }),
  });
  t = performance.now();
  let sent = 0;
  while (sent < queued) {
    const n = await sender.drain();
    sent += n;
    if (n === 0) await new Promise((r) => setTimeout(r, 200)); // rows held off by a retry-after
  }
  const sendS = (performance.now() - t) / 1000;
  const duplicates = [...platform.received.values()].reduce((s, c) => s + c - 1, 0);
  console.log(
    `sent ${sent} in ${sendS.toFixed(1)} s: ${Math.round(sent / sendS)}/s against a limit of ${RATE}/s (${CONCURRENCY} in flight); 429s: ${platform.tooMany()}`,
  );
  console.log(
    `received by the platform: ${[...platform.received.values()].reduce((s, c) => s + c, 0)}, distinct recipients ${platform.received.size}, duplicates: ${duplicates}`,
  );
  platform.server.close();

  if (database.kind === "postgres") {
    for (const ids of chunks(people, 5000)) await db.outbox.deleteMany({ where: { recipient: { in: ids } } });
    await db.match.deleteMany({ where: { programmeId } });
    for (const ids of chunks(people, 5000)) await db.person.deleteMany({ where: { id: { in: ids } } });
    await db.programme.delete({ where: { id: programmeId } });
  }
  await database.close();
  if (duplicates !== 0) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
